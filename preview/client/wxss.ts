/**
 * WXSS → browser CSS, before miniprogram-simulate prefixes the classes:
 *  - `rpx` scales with the phone frame (750rpx = its width) through the `--rpx` custom property;
 *  - tag selectors name the elements j-component renders (`view` → `wx-view`, `page` → `wx-page`).
 */
const TAGS = [
  'page',
  'view',
  'text',
  'button',
  'image',
  'input',
  'textarea',
  'picker',
  'switch',
  'checkbox',
  'radio',
  'checkbox-group',
  'radio-group',
  'form',
  'label',
  'navigator',
  'scroll-view',
  'swiper',
  'swiper-item',
  'icon',
  'progress',
  'rich-text',
  'canvas',
  'slider',
  'block',
  'cover-view',
  'cover-image',
  'map',
  'video',
];
const TAG_PATTERN = new RegExp(`(^|[\\s,>+~(])(${TAGS.join('|')})(?=$|[\\s,>+~:.\\[#)])`, 'g');

function rewriteSelector(selector: string): string {
  return selector.replace(TAG_PATTERN, (_all, before: string, tag: string) => `${before}wx-${tag}`);
}

/** Rewrites the selector part of every rule; declarations and at-rule preludes stay as they are. */
function rewriteSelectors(css: string): string {
  let out = '';
  let i = 0;
  for (let open = css.indexOf('{'); open >= 0; open = css.indexOf('{', i)) {
    const segment = css.slice(i, open);
    const cut = Math.max(segment.lastIndexOf('}'), segment.lastIndexOf(';')) + 1;
    const head = segment.slice(cut);
    out += segment.slice(0, cut) + (head.trim().startsWith('@') ? head : rewriteSelector(head)) + '{';
    i = open + 1;
  }
  return out + css.slice(i);
}

export function adaptWxss(wxss: string): string {
  const withoutComments = wxss.replace(/\/\*[\s\S]*?\*\//g, '');
  const scaled = withoutComments.replace(/(-?\d*\.?\d+)rpx/g, (_all, n: string) => `calc(${n} * var(--rpx))`);
  return rewriteSelectors(scaled);
}

/** The same rpx scaling for `style="…"` attributes in WXML, including `{{n}}rpx`. */
export function adaptWxmlStyles(wxml: string): string {
  return wxml.replace(/\bstyle="([^"]*)"/g, (_all, style: string) => {
    const scaled = style.replace(/(\{\{[^}]*\}\}|-?\d*\.?\d+)rpx/g, (_m, n: string) => `calc(${n} * var(--rpx))`);
    return `style="${scaled}"`;
  });
}
