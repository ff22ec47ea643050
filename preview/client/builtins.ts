/**
 * WeChat's built-in components with real browser behaviour. miniprogram-simulate registers them
 * as empty `<slot/>` wrappers (enough for unit tests); a person needs to type into `<input>`,
 * pick from `<picker>`, see `<image>` and submit `<form>`. Each is a j-component whose host element
 * (`wx-input`, …) gets a native control appended when attached; events reach the page through
 * `triggerEvent`, exactly as the page's `bindinput` / `bindchange` / `bindsubmit` expect.
 */
import jComponent from 'j-component';
import { tempFileUrl } from './temp-files';

/** The host component as seen from the definition's lifetimes and observers. */
interface Host {
  $$: HTMLElement;
  data: Record<string, any>;
  triggerEvent(name: string, detail?: unknown, options?: { bubbles?: boolean; composed?: boolean }): void;
  __native?: any;
}

type Props = Record<string, { type: unknown; value?: unknown; observer?: (this: Host, v: any) => void }>;

function define(id: string, def: { properties?: Props; attached?: (this: Host) => void; behaviors?: string[] }): void {
  jComponent.register({ id, tagName: `wx-${id}`, template: '<slot/>', ...def } as never);
}

/** Reflects a property as an attribute on the host so CSS can style `wx-button[type=primary]`. */
function reflect(name: string, type: unknown = String, value: unknown = ''): Props[string] {
  return {
    type,
    value,
    observer(this: Host, v: unknown) {
      if (!this.$$) return;
      if (v === false || v === '' || v === null || v === undefined) this.$$.removeAttribute(name);
      else this.$$.setAttribute(name, v === true ? '' : String(v));
    },
  };
}

/** Form fields register their name and current value on the host; `<form>` collects them. */
function setFormValue(host: Host, value: unknown): void {
  (host.$$ as HTMLElement & { __formValue?: unknown }).__formValue = value;
  if (host.data.name) host.$$.setAttribute('data-form-name', String(host.data.name));
}

function textField(tag: 'input' | 'textarea'): void {
  define(tag, {
    properties: {
      name: { type: String, value: '' },
      value: {
        type: null,
        value: '',
        observer(v) {
          const text = v === null || v === undefined ? '' : String(v);
          if (this.__native && this.__native.value !== text) this.__native.value = text;
          if (this.$$) setFormValue(this, text);
        },
      },
      type: { type: String, value: 'text' },
      password: { type: Boolean, value: false },
      placeholder: { type: String, value: '' },
      disabled: { type: Boolean, value: false, observer(v) { if (this.__native) this.__native.disabled = v; } },
      maxlength: { type: Number, value: 140 },
      focus: { type: Boolean, value: false },
      autoHeight: { type: Boolean, value: false },
    },
    attached() {
      const native = document.createElement(tag) as HTMLInputElement | HTMLTextAreaElement;
      const d = this.data;
      if (native instanceof HTMLInputElement) {
        native.type = d.password ? 'password' : 'text';
        if (d.type === 'number' || d.type === 'digit') native.inputMode = d.type === 'number' ? 'numeric' : 'decimal';
        if (d.type === 'idcard') native.inputMode = 'text';
      }
      native.placeholder = d.placeholder;
      native.disabled = d.disabled;
      if (d.maxlength >= 0) native.maxLength = d.maxlength;
      native.value = d.value === null || d.value === undefined ? '' : String(d.value);
      native.className = `wx-native-${tag}`;
      native.addEventListener('input', () => {
        setFormValue(this, native.value);
        this.triggerEvent('input', { value: native.value, cursor: native.selectionStart ?? native.value.length, keyCode: 0 });
      });
      native.addEventListener('focus', () => this.triggerEvent('focus', { value: native.value, height: 0 }));
      native.addEventListener('blur', () => this.triggerEvent('blur', { value: native.value }));
      native.addEventListener('keydown', (e: Event) => {
        if (!(e instanceof KeyboardEvent)) return;
        if (e.key === 'Enter' && tag === 'input') this.triggerEvent('confirm', { value: native.value });
      });
      this.__native = native;
      this.$$.appendChild(native);
      setFormValue(this, native.value);
      if (d.focus) setTimeout(() => native.focus(), 0);
    },
  });
}

function formatPickerValue(mode: string, range: unknown[], rangeKey: string, value: unknown): string {
  if (mode === 'selector') {
    const item = range[Number(value)];
    return item === undefined ? '' : typeof item === 'object' && item !== null ? String((item as Record<string, unknown>)[rangeKey]) : String(item);
  }
  return String(value ?? '');
}

function picker(): void {
  define('picker', {
    properties: {
      name: { type: String, value: '' },
      mode: { type: String, value: 'selector' },
      range: { type: Array, value: [], observer() { renderPickerOptions(this); } },
      rangeKey: { type: String, value: '' },
      value: { type: null, value: 0, observer(v) { if (this.__native) this.__native.value = String(v ?? ''); if (this.$$) setFormValue(this, v); } },
      disabled: { type: Boolean, value: false },
      start: { type: String, value: '' },
      end: { type: String, value: '' },
    },
    attached() {
      const mode = this.data.mode as string;
      const native: HTMLSelectElement | HTMLInputElement =
        mode === 'date' || mode === 'time' ? Object.assign(document.createElement('input'), { type: mode }) : document.createElement('select');
      native.className = 'wx-native-picker';
      native.disabled = this.data.disabled;
      if (native instanceof HTMLInputElement) {
        if (this.data.start) native.min = this.data.start;
        if (this.data.end) native.max = this.data.end;
      }
      native.addEventListener('change', () => {
        const value = native instanceof HTMLSelectElement ? Number(native.value) : native.value;
        setFormValue(this, value);
        this.triggerEvent('change', { value });
      });
      this.__native = native;
      this.$$.appendChild(native);
      renderPickerOptions(this);
      native.value = String(this.data.value ?? '');
      setFormValue(this, this.data.value);
    },
  });
}

function renderPickerOptions(host: Host): void {
  const native = host.__native;
  if (!(native instanceof HTMLSelectElement)) return;
  const { range, rangeKey, mode, value } = host.data;
  native.replaceChildren(
    ...(range as unknown[]).map((_item, i) => {
      const o = document.createElement('option');
      o.value = String(i);
      o.textContent = formatPickerValue(mode, range, rangeKey, i);
      return o;
    }),
  );
  native.value = String(value ?? 0);
}

function checkable(tag: 'checkbox' | 'radio' | 'switch'): void {
  define(tag, {
    properties: {
      name: { type: String, value: '' },
      value: { type: String, value: '' },
      checked: { type: Boolean, value: false, observer(v) { if (this.__native) this.__native.checked = v; } },
      disabled: { type: Boolean, value: false },
      color: { type: String, value: '' },
    },
    attached() {
      const native = document.createElement('input');
      native.type = tag === 'radio' ? 'radio' : 'checkbox';
      native.className = `wx-native-${tag}`;
      native.checked = this.data.checked;
      native.disabled = this.data.disabled;
      native.value = this.data.value;
      (native as HTMLInputElement & { __wxValue?: string }).__wxValue = this.data.value;
      if (tag === 'switch') {
        setFormValue(this, native.checked);
        native.addEventListener('change', () => {
          setFormValue(this, native.checked);
          this.triggerEvent('change', { value: native.checked });
        });
      }
      this.__native = native;
      this.$$.prepend(native);
    },
  });
}

function group(tag: 'checkbox-group' | 'radio-group', kind: 'checkbox' | 'radio'): void {
  define(tag, {
    properties: { name: { type: String, value: '' } },
    attached() {
      const host = this.$$;
      const groupName = `g${Math.random().toString(36).slice(2)}`;
      const collect = (): string | string[] => {
        const boxes = Array.from(host.querySelectorAll<HTMLInputElement>(`input.wx-native-${kind}`));
        for (const b of boxes) if (kind === 'radio') b.name = groupName;
        const checked = boxes.filter((b) => b.checked).map((b) => b.value);
        return kind === 'radio' ? checked[0] ?? '' : checked;
      };
      host.addEventListener('change', (e) => {
        if (!(e.target instanceof HTMLInputElement) || !e.target.classList.contains(`wx-native-${kind}`)) return;
        const value = collect();
        setFormValue(this, value);
        this.triggerEvent('change', { value });
      });
      setTimeout(() => setFormValue(this, collect()), 0);
    },
  });
}

function image(): void {
  const fit: Record<string, string> = { scaleToFill: 'fill', aspectFit: 'contain', aspectFill: 'cover', widthFix: 'contain', heightFix: 'contain' };
  define('image', {
    properties: {
      src: { type: String, value: '', observer(v) { if (this.__native) this.__native.src = tempFileUrl(v); } },
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
      this.__native = img;
      this.$$.setAttribute('mode', this.data.mode);
      this.$$.appendChild(img);
    },
  });
}

/** What a `<button open-type>` does in WeChat, shown as far as a browser can. */
function openTypeAction(openType: string): void {
  const w = window as unknown as { wx: Record<string, (o: object) => void>; getCurrentPages: () => Record<string, any>[] };
  if (openType === 'share') {
    const page = w.getCurrentPages().at(-1);
    const card = (page?.onShareAppMessage?.call(page, { from: 'button' }) ?? {}) as { title?: string; path?: string };
    w.wx.showModal!({ title: '分享给朋友（预览）', content: `${card.title ?? ''}\n${card.path ?? `/${page?.route ?? ''}`}`, showCancel: false });
  } else w.wx.showToast!({ title: `预览中不支持 open-type="${openType}"`, icon: 'none' });
}

function button(): void {
  define('button', {
    properties: {
      type: reflect('type', String, 'default'),
      size: reflect('size'),
      plain: reflect('plain', Boolean, false),
      disabled: reflect('disabled', Boolean, false),
      loading: reflect('loading', Boolean, false),
      formType: { type: String, value: '' },
      openType: { type: String, value: '' },
    },
    attached() {
      this.$$.setAttribute('role', 'button');
      this.$$.addEventListener('click', () => {
        const { formType, openType, disabled } = this.data;
        if (disabled) return;
        if (formType) this.$$.dispatchEvent(new CustomEvent(`wx-form-${formType}`, { bubbles: true }));
        if (openType) openTypeAction(openType);
      });
    },
  });
}

function form(): void {
  define('form', {
    attached() {
      const host = this.$$;
      host.addEventListener('wx-form-submit', (e) => {
        e.stopPropagation();
        const value: Record<string, unknown> = {};
        for (const f of Array.from(host.querySelectorAll<HTMLElement & { __formValue?: unknown }>('[data-form-name]'))) {
          value[f.getAttribute('data-form-name')!] = f.__formValue;
        }
        this.triggerEvent('submit', { value });
      });
      host.addEventListener('wx-form-reset', (e) => {
        e.stopPropagation();
        this.triggerEvent('reset', {});
      });
    },
  });
}

function label(): void {
  define('label', {
    properties: { for: { type: String, value: '' } },
    attached() {
      this.$$.addEventListener('click', (e) => {
        const target = e.target as HTMLElement;
        if (target instanceof HTMLInputElement) return;
        const control = this.$$.querySelector<HTMLInputElement>('input.wx-native-checkbox, input.wx-native-radio, input.wx-native-switch');
        if (control && !control.disabled) control.click();
      });
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
        const api = { navigate: 'navigateTo', redirect: 'redirectTo', switchTab: 'switchTab', reLaunch: 'reLaunch', navigateBack: 'navigateBack' }[openType as string];
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
      percent: { type: Number, value: 0, observer(v) { if (this.__native) this.__native.style.width = `${Math.max(0, Math.min(100, v))}%`; } },
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
  const glyphs: Record<string, string> = { success: '✔', success_no_circle: '✓', info: 'ℹ', warn: '!', waiting: '◷', cancel: '✕', download: '↓', search: '⌕', clear: '✕' };
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

/** Replaces miniprogram-simulate's empty built-ins; call after it is loaded. */
export function registerBuiltins(): void {
  textField('input');
  textField('textarea');
  picker();
  checkable('checkbox');
  checkable('radio');
  checkable('switch');
  group('checkbox-group', 'checkbox');
  group('radio-group', 'radio');
  image();
  button();
  form();
  label();
  navigatorComponent();
  richText();
  progress();
  icon();
  canvas();
}
