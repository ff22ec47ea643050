/**
 * `wx.createSelectorQuery()` over the current page's DOM: what pages use it for (a `<canvas>`
 * node, sizes and rects). `#id` and `.class` are matched as written in WXML: ids live on the
 * exparser nodes, and classes carry the page's prefix in the DOM (`.x` is a class ending in `--x`).
 */
type Fields = { node?: boolean; size?: boolean; rect?: boolean; id?: boolean; dataset?: boolean };

/** The id WXML gave an element lives on its exparser node (`__wxElement`), not on the DOM element. */
function wxId(el: Element): string | undefined {
  return (el as Element & { __wxElement?: { id?: string } }).__wxElement?.id;
}

function find(root: HTMLElement, selector: string): HTMLElement[] {
  const byId = /^#([\w-]+)$/.exec(selector.trim());
  if (byId) return Array.from(root.querySelectorAll<HTMLElement>('*')).filter((e) => wxId(e) === byId[1]);
  const css = selector.replace(/\.([\w-]+)/g, '[class$="--$1"], [class*="--$1 "]');
  try {
    return Array.from(root.querySelectorAll<HTMLElement>(css));
  } catch {
    return [];
  }
}

function describe(el: HTMLElement, fields: Fields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const r = el.getBoundingClientRect();
  if (fields.id) out.id = el.id;
  if (fields.dataset) out.dataset = { ...el.dataset };
  if (fields.rect) Object.assign(out, { left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  if (fields.size) Object.assign(out, { width: r.width, height: r.height });
  if (fields.node) out.node = (el as HTMLElement & { __node?: unknown }).__node ?? el;
  return out;
}

export function createSelectorQuery(currentPage: () => HTMLElement | undefined) {
  const tasks: (() => unknown)[] = [];
  const query = {
    in: () => query,
    select: (selector: string) => node(selector, false),
    selectAll: (selector: string) => node(selector, true),
    selectViewport: () => node('', false),
    exec(cb?: (res: unknown[]) => void) {
      // The real query answers asynchronously, after the current render.
      setTimeout(() => cb?.(tasks.map((t) => t())), 0);
      return query;
    },
  };
  function node(selector: string, all: boolean) {
    const pick = (fields: Fields) => () => {
      const root = currentPage();
      if (!root) return null;
      if (!selector) return describe(root, fields);
      const found = find(root, selector);
      return all ? found.map((e) => describe(e, fields)) : found[0] ? describe(found[0], fields) : null;
    };
    const add = (fields: Fields, cb?: (r: unknown) => void) => {
      const task = pick(fields);
      tasks.push(() => {
        const r = task();
        cb?.(r);
        return r;
      });
      return query;
    };
    return {
      fields: (f: Fields, cb?: (r: unknown) => void) => add(f, cb),
      boundingClientRect: (cb?: (r: unknown) => void) => add({ rect: true, size: true, id: true, dataset: true }, cb),
      node: (cb?: (r: unknown) => void) => add({ node: true }, cb),
      scrollOffset: (cb?: (r: unknown) => void) => add({}, cb),
    };
  }
  return query;
}
