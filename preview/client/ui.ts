/**
 * The preview's `Screen`: what wx.showToast/showModal/… draw inside the phone frame (plain DOM,
 * outside the page tree), the browser's file picker for the album, downloads for "save".
 */
import { tempFileUrl } from './temp-files';
import type { ModalOptions, Screen, ToastOptions } from './wx';

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
export function showToast(opts: ToastOptions): void {
  hideToast();
  const box = el('div', `wx-toast${opts.loading ? ' wx-loading' : ''}${opts.mask ? ' masked' : ''}`);
  const icon = opts.loading ? 'loading' : (opts.icon ?? 'success');
  if (icon !== 'none') box.append(el('div', `wx-toast-icon icon-${icon}`, icon === 'success' ? '✓' : icon === 'error' ? '✕' : ''));
  box.append(el('div', 'wx-toast-title', opts.title));
  box.setAttribute('role', 'status');
  overlay().append(box);
  toastEl = box;
  if (!opts.loading) toastTimer = setTimeout(hideToast, opts.duration ?? 1500);
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

/** Offers the file as a download (the preview's "save to album" / "open document"). */
export function download(path: string): void {
  const a = document.createElement('a');
  a.href = tempFileUrl(path);
  const name =
    path
      .split('/')
      .pop()
      ?.replace(/^tmp_\d+_?/, '') ?? '';
  a.download = name.startsWith('.') || !name ? `image${name}` : name;
  document.body.append(a);
  a.click();
  a.remove();
}

/** A hidden file input standing in for the album / chat file picker. */
export function pickFiles(accept: string): Promise<File[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.className = 'wx-file-picker';
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []);
      if (files.length === 0) reject(new Error('cancel'));
      else resolve(files);
    });
    input.addEventListener('cancel', () => reject(new Error('cancel')));
    input.click();
  });
}

export const domScreen: Screen = {
  showToast,
  hideToast,
  showModal,
  showActionSheet,
  previewImage,
  pickFiles,
  save: download,
  copy(text) {
    void navigator.clipboard?.writeText(text).catch(() => undefined);
  },
};
