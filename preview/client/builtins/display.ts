/** Display components: image, canvas 2d, navigator, rich-text, progress, icon. */
import { tempFileUrl } from '../temp-files';
import { define, reflect, type Host } from './define';

/** The host carries `src` as the page wrote it (a fileID, a temp path), so tests and the DOM show which picture it is. */
function showSrc(host: Host, src: unknown): void {
  if (!host.$$) return;
  if (src) host.$$.setAttribute('src', String(src));
  else host.$$.removeAttribute('src');
}

function image(): void {
  const fit: Record<string, string> = {
    scaleToFill: 'fill',
    aspectFit: 'contain',
    aspectFill: 'cover',
    widthFix: 'contain',
    heightFix: 'contain',
  };
  define('image', {
    properties: {
      src: {
        type: String,
        value: '',
        observer(v) {
          if (this.__native) this.__native.src = tempFileUrl(v);
          showSrc(this, v);
        },
      },
      mode: reflect('mode', String, 'scaleToFill'),
      showMenuByLongpress: { type: Boolean, value: false },
    },
    attached() {
      const img = document.createElement('img');
      img.className = 'wx-native-image';
      img.style.objectFit = fit[this.data.mode] ?? 'fill';
      img.addEventListener('load', () => this.triggerEvent('load', { width: img.naturalWidth, height: img.naturalHeight }));
      img.addEventListener('error', () => this.triggerEvent('error', { errMsg: 'image load error' }));
      if (this.data.src) img.src = tempFileUrl(this.data.src);
      showSrc(this, this.data.src);
      this.__native = img;
      this.$$.setAttribute('mode', this.data.mode);
      this.$$.appendChild(img);
    },
  });
}

function navigatorComponent(): void {
  define('navigator', {
    properties: {
      url: { type: String, value: '' },
      openType: { type: String, value: 'navigate' },
      delta: { type: Number, value: 1 },
    },
    attached() {
      this.$$.addEventListener('click', () => {
        const { url, openType, delta } = this.data;
        const w = (window as unknown as { wx: Record<string, (o: object) => void> }).wx;
        const api = {
          navigate: 'navigateTo',
          redirect: 'redirectTo',
          switchTab: 'switchTab',
          reLaunch: 'reLaunch',
          navigateBack: 'navigateBack',
        }[openType as string];
        if (api) w[api]!(api === 'navigateBack' ? { delta } : { url });
      });
    },
  });
}

function richText(): void {
  define('rich-text', {
    properties: {
      nodes: {
        type: null,
        value: '',
        observer(v) {
          if (this.$$) this.$$.innerHTML = typeof v === 'string' ? v : '';
        },
      },
    },
  });
}

function progress(): void {
  define('progress', {
    properties: {
      percent: {
        type: Number,
        value: 0,
        observer(v) {
          if (this.__native) this.__native.style.width = `${Math.max(0, Math.min(100, v))}%`;
        },
      },
      activeColor: { type: String, value: '' },
      showInfo: { type: Boolean, value: false },
    },
    attached() {
      const bar = document.createElement('div');
      bar.className = 'wx-progress-bar';
      const fill = document.createElement('div');
      fill.className = 'wx-progress-fill';
      fill.style.width = `${this.data.percent}%`;
      if (this.data.activeColor) fill.style.background = this.data.activeColor;
      bar.append(fill);
      this.__native = fill;
      this.$$.append(bar);
    },
  });
}

function icon(): void {
  const glyphs: Record<string, string> = {
    success: '✔',
    success_no_circle: '✓',
    info: 'ℹ',
    warn: '!',
    waiting: '◷',
    cancel: '✕',
    download: '↓',
    search: '⌕',
    clear: '✕',
  };
  define('icon', {
    properties: { type: reflect('type'), size: { type: null, value: 23 }, color: { type: String, value: '' } },
    attached() {
      this.$$.textContent = glyphs[this.data.type] ?? '';
      this.$$.style.fontSize = `${parseFloat(String(this.data.size)) || 23}px`;
      if (this.data.color) this.$$.style.color = this.data.color;
    },
  });
}

/** `<canvas type="2d">`: a real canvas as the node `wx.createSelectorQuery` returns, with WeChat's createImage. */
function canvas(): void {
  const srcProperty = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!;
  define('canvas', {
    properties: { type: { type: String, value: '2d' }, canvasId: { type: String, value: '' } },
    attached() {
      const node = Object.assign(document.createElement('canvas'), {
        createImage(): HTMLImageElement {
          const img = new Image();
          Object.defineProperty(img, 'src', {
            get: () => srcProperty.get!.call(img) as string,
            set: (v: string) => srcProperty.set!.call(img, tempFileUrl(v)),
          });
          return img;
        },
        requestAnimationFrame: (cb: FrameRequestCallback) => window.requestAnimationFrame(cb),
      });
      node.className = 'wx-native-canvas';
      (this.$$ as HTMLElement & { __node?: unknown }).__node = node;
      this.$$.appendChild(node);
    },
  });
}

export { image, navigatorComponent, richText, progress, icon, canvas };
