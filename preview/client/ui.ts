/** What wx.showToast/showModal/… draw inside the phone frame (plain DOM, outside the page tree). */
function overlay(): HTMLElement {
  return document.getElementById('overlay')!;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;
let toastEl: HTMLElement | undefined;

export function hideToast(): void {
  if (toastTimer) clearTimeout(toastTimer);
  toastEl?.remove();
  toastEl = undefined;
}

/** One toast or loading box at a time, as in WeChat; `loading` stays until hidden. */
export function showToast(opts: { title: string; icon?: string; duration?: number; mask?: boolean; loading?: boolean }): void {
  hideToast();
  const box = el('div', `wx-toast${opts.loading ? ' wx-loading' : ''}${opts.mask ? ' masked' : ''}`);
  const icon = opts.loading ? 'loading' : opts.icon ?? 'success';
  if (icon !== 'none') box.append(el('div', `wx-toast-icon icon-${icon}`, icon === 'success' ? '✓' : icon === 'error' ? '✕' : ''));
  box.append(el('div', 'wx-toast-title', opts.title));
  box.setAttribute('role', 'status');
  overlay().append(box);
  toastEl = box;
  if (!opts.loading) toastTimer = setTimeout(hideToast, opts.duration ?? 1500);
}

export interface ModalOptions {
  title?: string;
  content?: string;
  showCancel?: boolean;
  cancelText?: string;
  confirmText?: string;
  editable?: boolean;
  placeholderText?: string;
}

export function showModal(opts: ModalOptions): Promise<{ confirm: boolean; cancel: boolean; content?: string }> {
  return new Promise((resolve) => {
    const mask = el('div', 'wx-mask');
    const box = el('div', 'wx-modal');
    box.setAttribute('role', 'dialog');
    if (opts.title) box.append(el('div', 'wx-modal-title', opts.title));
    let input: HTMLInputElement | undefined;
    if (opts.editable) {
      input = el('input', 'wx-modal-input');
      input.placeholder = opts.placeholderText ?? '';
      input.value = opts.content ?? '';
      box.append(input);
    } else if (opts.content) box.append(el('div', 'wx-modal-content', opts.content));
    const buttons = el('div', 'wx-modal-buttons');
    const close = (confirm: boolean) => {
      mask.remove();
      resolve(opts.editable ? { confirm, cancel: !confirm, content: input?.value ?? '' } : { confirm, cancel: !confirm });
    };
    if (opts.showCancel !== false) {
      const cancel = el('button', 'wx-modal-cancel', opts.cancelText ?? '取消');
      cancel.addEventListener('click', () => close(false));
      buttons.append(cancel);
    }
    const ok = el('button', 'wx-modal-confirm', opts.confirmText ?? '确定');
    ok.addEventListener('click', () => close(true));
    buttons.append(ok);
    box.append(buttons);
    mask.append(box);
    overlay().append(mask);
    input?.focus();
  });
}

export function showActionSheet(items: string[]): Promise<number | undefined> {
  return new Promise((resolve) => {
    const mask = el('div', 'wx-mask wx-sheet-mask');
    const sheet = el('div', 'wx-action-sheet');
    items.forEach((text, i) => {
      const b = el('button', 'wx-sheet-item', text);
      b.addEventListener('click', () => {
        mask.remove();
        resolve(i);
      });
      sheet.append(b);
    });
    const cancel = el('button', 'wx-sheet-cancel', '取消');
    cancel.addEventListener('click', () => {
      mask.remove();
      resolve(undefined);
    });
    sheet.append(cancel);
    mask.append(sheet);
    overlay().append(mask);
  });
}

export function previewImage(url: string): void {
  const mask = el('div', 'wx-mask wx-image-viewer');
  const img = el('img', 'wx-image-viewer-img');
  img.src = url;
  mask.append(img);
  mask.addEventListener('click', () => mask.remove());
  overlay().append(mask);
}
