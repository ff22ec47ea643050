/** Form controls: input, textarea, picker, checkbox/radio/switch and their groups, button, form, label. */
import { define, reflect, setFormValue, type Host } from './define';

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
      disabled: {
        type: Boolean,
        value: false,
        observer(v) {
          if (this.__native) this.__native.disabled = v;
        },
      },
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
    return item === undefined
      ? ''
      : typeof item === 'object' && item !== null
        ? String((item as Record<string, unknown>)[rangeKey])
        : String(item);
  }
  return String(value ?? '');
}

function picker(): void {
  define('picker', {
    properties: {
      name: { type: String, value: '' },
      mode: { type: String, value: 'selector' },
      range: {
        type: Array,
        value: [],
        observer() {
          renderPickerOptions(this);
        },
      },
      rangeKey: { type: String, value: '' },
      value: {
        type: null,
        value: 0,
        observer(v) {
          if (this.__native) this.__native.value = String(v ?? '');
          if (this.$$) setFormValue(this, v);
        },
      },
      disabled: { type: Boolean, value: false },
      start: { type: String, value: '' },
      end: { type: String, value: '' },
    },
    attached() {
      const mode = this.data.mode as string;
      const native: HTMLSelectElement | HTMLInputElement =
        mode === 'date' || mode === 'time'
          ? Object.assign(document.createElement('input'), { type: mode })
          : document.createElement('select');
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
      checked: {
        type: Boolean,
        value: false,
        observer(v) {
          if (this.__native) this.__native.checked = v;
        },
      },
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
        return kind === 'radio' ? (checked[0] ?? '') : checked;
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

/** What a `<button open-type>` does in WeChat, shown as far as a browser can. */
function openTypeAction(openType: string): void {
  const w = window as unknown as { wx: Record<string, (o: object) => void>; getCurrentPages: () => Record<string, any>[] };
  if (openType === 'share') {
    const page = w.getCurrentPages().at(-1);
    const card = (page?.onShareAppMessage?.call(page, { from: 'button' }) ?? {}) as { title?: string; path?: string };
    w.wx.showModal!({
      title: '分享给朋友（预览）',
      content: `${card.title ?? ''}\n${card.path ?? `/${page?.route ?? ''}`}`,
      showCancel: false,
    });
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

export { textField, picker, checkable, group, button, form, label };
