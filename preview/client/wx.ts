/**
 * The `wx` the pages call, for the browser. Cloud calls go to the local cloud through the preview
 * server (`POST /__preview/functions/<name>` with the chosen caller's openid); navigation goes to
 * the page stack; toasts, modals and the scanner prompt appear inside the phone frame.
 * Unknown APIs fall through to miniprogram-simulate's mock `wx`.
 */
import { createSelectorQuery } from './selector-query';
import * as ui from './ui';
import { addChosenFile, addDataUrl, download, readTempFile, saveTempFile, tempFileBlob, tempFileUrl } from './temp-files';

export interface Navigator {
  navigateTo(url: string): Promise<void>;
  redirectTo(url: string): Promise<void>;
  reLaunch(url: string): Promise<void>;
  switchTab(url: string): Promise<void>;
  navigateBack(delta: number): Promise<void>;
  setTitle(title: string): void;
  setBarColor(background: string, front: string): void;
  viewport(): HTMLElement;
  /** The element of the page on top of the stack. */
  currentElement(): HTMLElement | undefined;
}

export interface Session {
  openid(): string;
}

type Callbacks = { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void };
type AnyOptions = Record<string, any> & Callbacks;

/** WeChat's dual style: callbacks when given, and a promise either way. */
function api<O extends AnyOptions>(name: string, run: (o: O) => Promise<unknown> | unknown) {
  return (options: O = {} as O): Promise<unknown> => {
    const p = Promise.resolve()
      .then(() => run(options))
      .then((r) => ({ errMsg: `${name}:ok`, ...(r as object) }));
    p.then(
      (r) => {
        options.success?.(r);
        options.complete?.(r);
      },
      (e: unknown) => {
        const err = { errMsg: `${name}:fail ${e instanceof Error ? e.message : String(e)}` };
        options.fail?.(err);
        options.complete?.(err);
      },
    );
    return options.success || options.fail || options.complete ? p.catch(() => undefined) : p.catch((e: unknown) => {
      throw { errMsg: `${name}:fail ${e instanceof Error ? e.message : String(e)}` };
    });
  };
}

const storage = (session: Session) => `preview:${session.openid() || 'anonymous'}:`;

export function createWx(nav: Navigator, session: Session): Record<string, unknown> {
  const systemInfo = () => {
    const v = nav.viewport();
    const width = v.clientWidth || 375;
    const height = v.clientHeight || 667;
    return {
      brand: 'preview', model: 'Browser preview', pixelRatio: window.devicePixelRatio || 2,
      screenWidth: width, screenHeight: height, windowWidth: width, windowHeight: height,
      statusBarHeight: 20, language: 'zh_CN', version: '8.0.50', system: 'Browser', platform: 'devtools',
      SDKVersion: '3.4.0', fontSizeSetting: 16, theme: 'light',
      safeArea: { left: 0, right: width, top: 20, bottom: height, width, height: height - 20 },
    };
  };
  return {
    cloud: {
      init: () => undefined,
      callFunction: api('cloud.callFunction', async (o: AnyOptions) => {
        const res = await fetch(`/__preview/functions/${encodeURIComponent(String(o.name))}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...previewTokenHeader() },
          body: JSON.stringify({ openid: session.openid(), data: o.data ?? {} }),
        });
        const body = (await res.json()) as { result?: unknown; error?: { code: string; message: string } };
        if (!res.ok || body.error) throw new Error(`${body.error?.code ?? res.status} ${body.error?.message ?? ''}`);
        return { result: body.result, requestID: res.headers.get('x-request-id') ?? '' };
      }),
      // The preview server stores the bytes with the real wx-server-sdk in the local cloud's storage.
      uploadFile: api('cloud.uploadFile', async (o: AnyOptions) => {
        const blob = tempFileBlob(String(o.filePath));
        if (!blob) throw new Error(`no such file ${String(o.filePath)}`);
        const res = await fetch(`/__preview/storage?cloudPath=${encodeURIComponent(String(o.cloudPath ?? ''))}`, { method: 'POST', body: blob });
        const body = (await res.json()) as { fileID?: string; error?: { code: string; message: string } };
        if (!res.ok || !body.fileID) throw new Error(`${body.error?.code ?? res.status} ${body.error?.message ?? ''}`);
        return { fileID: body.fileID, statusCode: 200 };
      }),
    },

    navigateTo: api('navigateTo', (o: AnyOptions) => nav.navigateTo(String(o.url))),
    redirectTo: api('redirectTo', (o: AnyOptions) => nav.redirectTo(String(o.url))),
    reLaunch: api('reLaunch', (o: AnyOptions) => nav.reLaunch(String(o.url))),
    switchTab: api('switchTab', (o: AnyOptions) => nav.switchTab(String(o.url))),
    navigateBack: api('navigateBack', (o: AnyOptions) => nav.navigateBack(Number(o.delta ?? 1))),
    setNavigationBarTitle: api('setNavigationBarTitle', (o: AnyOptions) => nav.setTitle(String(o.title ?? ''))),
    setNavigationBarColor: api('setNavigationBarColor', (o: AnyOptions) =>
      nav.setBarColor(String(o.backgroundColor ?? ''), String(o.frontColor ?? ''))),
    showNavigationBarLoading: api('showNavigationBarLoading', () => undefined),
    hideNavigationBarLoading: api('hideNavigationBarLoading', () => undefined),
    startPullDownRefresh: api('startPullDownRefresh', () => undefined),
    stopPullDownRefresh: api('stopPullDownRefresh', () => undefined),
    pageScrollTo: api('pageScrollTo', (o: AnyOptions) => {
      nav.viewport().scrollTo({ top: Number(o.scrollTop ?? 0) });
    }),

    showToast: api('showToast', (o: AnyOptions) => ui.showToast({ title: String(o.title ?? ''), icon: o.icon, duration: o.duration, mask: o.mask })),
    hideToast: api('hideToast', () => ui.hideToast()),
    showLoading: api('showLoading', (o: AnyOptions) => ui.showToast({ title: String(o.title ?? ''), mask: o.mask, loading: true })),
    hideLoading: api('hideLoading', () => ui.hideToast()),
    showModal: api('showModal', (o: AnyOptions) => ui.showModal(o as ui.ModalOptions)),
    showActionSheet: api('showActionSheet', async (o: AnyOptions) => {
      const tapIndex = await ui.showActionSheet((o.itemList as string[]) ?? []);
      if (tapIndex === undefined) throw new Error('cancel');
      return { tapIndex };
    }),

    setClipboardData: api('setClipboardData', async (o: AnyOptions) => {
      const text = String(o.data ?? '');
      (window as unknown as { __clipboard: string }).__clipboard = text;
      await navigator.clipboard?.writeText(text).catch(() => undefined);
      ui.showToast({ title: '内容已复制', icon: 'none' });
    }),
    getClipboardData: api('getClipboardData', () => ({ data: (window as unknown as { __clipboard?: string }).__clipboard ?? '' })),

    createSelectorQuery: () => createSelectorQuery(() => nav.currentElement()),
    getSystemInfoSync: systemInfo,
    getWindowInfo: systemInfo,
    getDeviceInfo: systemInfo,
    getAppBaseInfo: systemInfo,
    getSystemInfo: api('getSystemInfo', systemInfo),
    getLaunchOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    canIUse: () => true,
    vibrateShort: api('vibrateShort', () => undefined),
    login: api('login', () => ({ code: 'preview' })),
    requestSubscribeMessage: api('requestSubscribeMessage', () => ({})),
    showShareMenu: api('showShareMenu', () => undefined),
    makePhoneCall: api('makePhoneCall', (o: AnyOptions) => ui.showToast({ title: `拨打 ${String(o.phoneNumber)}`, icon: 'none' })),

    getStorageSync: (key: string) => {
      const v = localStorage.getItem(storage(session) + key);
      return v === null ? '' : (JSON.parse(v) as unknown);
    },
    setStorageSync: (key: string, value: unknown) => localStorage.setItem(storage(session) + key, JSON.stringify(value)),
    removeStorageSync: (key: string) => localStorage.removeItem(storage(session) + key),

    previewImage: api('previewImage', (o: AnyOptions) => {
      const urls = (o.urls as string[]) ?? [];
      ui.previewImage(tempFileUrl(String(o.current ?? urls[0] ?? '')));
    }),
    saveImageToPhotosAlbum: api('saveImageToPhotosAlbum', (o: AnyOptions) => download(String(o.filePath))),
    openDocument: api('openDocument', (o: AnyOptions) => download(String(o.filePath))),
    chooseMedia: api('chooseMedia', async () => ({
      tempFiles: (await pickFiles('image/*')).map((f) => ({ tempFilePath: addChosenFile(f), size: f.size, fileType: 'image' })),
    })),
    chooseImage: api('chooseImage', async () => ({ tempFilePaths: (await pickFiles('image/*')).map((f) => addChosenFile(f)) })),
    chooseMessageFile: api('chooseMessageFile', async (o: AnyOptions) => {
      const ext = (o.extension as string[] | undefined)?.map((e) => `.${e}`).join(',') ?? '';
      const picked = await pickFiles(ext);
      return { tempFiles: picked.map((f) => ({ path: addChosenFile(f), name: f.name, size: f.size, type: 'file', time: Date.now() })) };
    }),
    canvasToTempFilePath: api('canvasToTempFilePath', async (o: AnyOptions) => {
      const canvas = o.canvas as HTMLCanvasElement | undefined;
      if (!canvas || typeof canvas.toDataURL !== 'function') throw new Error('canvas is empty');
      return { tempFilePath: await addDataUrl(canvas.toDataURL(o.fileType === 'jpg' ? 'image/jpeg' : 'image/png'), o.fileType === 'jpg' ? 'jpg' : 'png') };
    }),
    scanCode: api('scanCode', async () => {
      const r = await ui.showModal({
        title: '扫码（预览）',
        editable: true,
        placeholderText: '粘贴诚信码的网址或码号',
        confirmText: '识别',
      });
      if (!r.confirm || !r.content?.trim()) throw new Error('cancel');
      return { result: r.content.trim(), scanType: 'QR_CODE', charSet: 'utf-8' };
    }),
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getFileSystemManager: () => ({
      writeFile: (o: AnyOptions) => {
        void api('writeFile', () => saveTempFile(String(o.filePath), o.data as string | ArrayBuffer, o.encoding as string | undefined))(o);
      },
      writeFileSync: (path: string, data: string | ArrayBuffer, encoding?: string) => saveTempFile(path, data, encoding),
      readFile: (o: AnyOptions) => {
        void api('readFile', async () => ({ data: await readTempFile(String(o.filePath), o.encoding as string | undefined) }))(o);
      },
    }),
  };
}

/** A hidden file input standing in for the album / chat file picker. */
function pickFiles(accept: string): Promise<File[]> {
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

/**
 * The token that unlocks the caller switch when the preview is open to the LAN (printed at start;
 * opened as `/?token=…`, then remembered in this browser).
 */
function previewTokenHeader(): Record<string, string> {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) localStorage.setItem('preview:token', fromUrl);
  const token = fromUrl ?? localStorage.getItem('preview:token');
  return token ? { 'x-preview-token': token } : {};
}
