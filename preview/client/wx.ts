/**
 * The one fake WeChat platform: the `wx` the pages call, in the browser preview and in the
 * miniprogram-simulate tests alike. What differs between the two is injected as a `Host`:
 * how cloud calls and uploads reach the local cloud (`Transport`), where navigation goes
 * (`Navigator`: the preview's page stack, or a recorder in tests) and what a person sees and
 * answers (`Screen`: dialogs drawn in the phone frame, or a script in tests). Everything else —
 * WeChat's callback/promise style and errMsg, the temp file system, uploads from temp paths,
 * chooseMedia, clipboard, storage, the selector query — is this file, for both.
 * Unknown APIs fall through to miniprogram-simulate's mock `wx`.
 */
import { createSelectorQuery } from './selector-query';
import { addChosenFile, addDataUrl, readTempFile, saveTempFile, tempFileBlob, tempFileUrl, useCloudFileUrl } from './temp-files';

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

/** How the platform reaches the cloud. Failures are thrown (the API then answers `<name>:fail …`). */
export interface Transport {
  /** `wx.cloud.callFunction` as `openid` ('' = not signed in): what the function returned. */
  callFunction(name: string, data: unknown, openid: string): Promise<{ result: unknown; requestID?: string }>;
  /** `wx.cloud.uploadFile`: stores the bytes of a temp file at `cloudPath` and answers its fileID. */
  uploadFile(cloudPath: string, file: Blob, openid: string): Promise<{ fileID: string }>;
  /** A URL `<image>` can load for a `cloud://` fileID (WeChat resolves fileIDs itself). */
  fileUrl(fileID: string): string;
}

export interface ToastOptions {
  title: string;
  icon?: string;
  duration?: number;
  mask?: boolean;
  /** wx.showLoading: stays until hidden. */
  loading?: boolean;
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

/** What a person sees and answers: the phone's dialogs, its file picker, its album and clipboard. */
export interface Screen {
  showToast(options: ToastOptions): void;
  hideToast(): void;
  showModal(options: ModalOptions): Promise<{ confirm: boolean; cancel: boolean; content?: string }>;
  /** The index tapped, or undefined when cancelled. */
  showActionSheet(items: string[]): Promise<number | undefined>;
  previewImage(url: string): void;
  /** The album / chat file picker; rejects with Error('cancel') when the person cancels. */
  pickFiles(accept: string): Promise<File[]>;
  /** "Save to album" / "open document" of a temp file. */
  save(path: string): void;
  /** The system clipboard received `text`. */
  copy(text: string): void;
}

export interface Host {
  transport: Transport;
  navigator: Navigator;
  screen: Screen;
  /** The signed-in WeChat user ('' = anonymous): the caller of cloud functions, the storage owner. */
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
    return options.success || options.fail || options.complete
      ? p.catch(() => undefined)
      : p.catch((e: unknown) => {
          throw { errMsg: `${name}:fail ${e instanceof Error ? e.message : String(e)}` };
        });
  };
}

const storage = (openid: string) => `preview:${openid || 'anonymous'}:`;

/** The `wx` object for `host`; assign it over miniprogram-simulate's mock `wx`. */
export function createWx(host: Host): Record<string, unknown> {
  const { transport, navigator: nav, screen: ui } = host;
  useCloudFileUrl((fileID) => transport.fileUrl(fileID));
  let clipboard = '';
  const systemInfo = () => {
    const v = nav.viewport();
    const width = v.clientWidth || 375;
    const height = v.clientHeight || 667;
    return {
      brand: 'preview',
      model: 'Browser preview',
      pixelRatio: window.devicePixelRatio || 2,
      screenWidth: width,
      screenHeight: height,
      windowWidth: width,
      windowHeight: height,
      statusBarHeight: 20,
      language: 'zh_CN',
      version: '8.0.50',
      system: 'Browser',
      platform: 'devtools',
      SDKVersion: '3.4.0',
      fontSizeSetting: 16,
      theme: 'light',
      safeArea: { left: 0, right: width, top: 20, bottom: height, width, height: height - 20 },
    };
  };
  return {
    cloud: {
      init: () => undefined,
      callFunction: api('cloud.callFunction', (o: AnyOptions) => transport.callFunction(String(o.name), o.data ?? {}, host.openid())),
      uploadFile: api('cloud.uploadFile', async (o: AnyOptions) => {
        const blob = tempFileBlob(String(o.filePath));
        if (!blob) throw new Error(`no such file ${String(o.filePath)}`);
        const { fileID } = await transport.uploadFile(String(o.cloudPath ?? ''), blob, host.openid());
        return { fileID, statusCode: 200 };
      }),
    },

    navigateTo: api('navigateTo', (o: AnyOptions) => nav.navigateTo(String(o.url))),
    redirectTo: api('redirectTo', (o: AnyOptions) => nav.redirectTo(String(o.url))),
    reLaunch: api('reLaunch', (o: AnyOptions) => nav.reLaunch(String(o.url))),
    switchTab: api('switchTab', (o: AnyOptions) => nav.switchTab(String(o.url))),
    navigateBack: api('navigateBack', (o: AnyOptions) => nav.navigateBack(Number(o.delta ?? 1))),
    setNavigationBarTitle: api('setNavigationBarTitle', (o: AnyOptions) => nav.setTitle(String(o.title ?? ''))),
    setNavigationBarColor: api('setNavigationBarColor', (o: AnyOptions) =>
      nav.setBarColor(String(o.backgroundColor ?? ''), String(o.frontColor ?? '')),
    ),
    showNavigationBarLoading: api('showNavigationBarLoading', () => undefined),
    hideNavigationBarLoading: api('hideNavigationBarLoading', () => undefined),
    startPullDownRefresh: api('startPullDownRefresh', () => undefined),
    stopPullDownRefresh: api('stopPullDownRefresh', () => undefined),
    pageScrollTo: api('pageScrollTo', (o: AnyOptions) => {
      nav.viewport().scrollTo({ top: Number(o.scrollTop ?? 0) });
    }),

    showToast: api('showToast', (o: AnyOptions) =>
      ui.showToast({ title: String(o.title ?? ''), icon: o.icon, duration: o.duration, mask: o.mask }),
    ),
    hideToast: api('hideToast', () => ui.hideToast()),
    showLoading: api('showLoading', (o: AnyOptions) => ui.showToast({ title: String(o.title ?? ''), mask: o.mask, loading: true })),
    hideLoading: api('hideLoading', () => ui.hideToast()),
    showModal: api('showModal', (o: AnyOptions) => ui.showModal(o as ModalOptions)),
    showActionSheet: api('showActionSheet', async (o: AnyOptions) => {
      const tapIndex = await ui.showActionSheet((o.itemList as string[]) ?? []);
      if (tapIndex === undefined) throw new Error('cancel');
      return { tapIndex };
    }),

    setClipboardData: api('setClipboardData', async (o: AnyOptions) => {
      const text = String(o.data ?? '');
      clipboard = text;
      ui.copy(text);
      ui.showToast({ title: '内容已复制', icon: 'none' });
    }),
    getClipboardData: api('getClipboardData', () => ({ data: clipboard })),

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
      const v = localStorage.getItem(storage(host.openid()) + key);
      return v === null ? '' : (JSON.parse(v) as unknown);
    },
    setStorageSync: (key: string, value: unknown) => localStorage.setItem(storage(host.openid()) + key, JSON.stringify(value)),
    removeStorageSync: (key: string) => localStorage.removeItem(storage(host.openid()) + key),

    previewImage: api('previewImage', (o: AnyOptions) => {
      const urls = (o.urls as string[]) ?? [];
      ui.previewImage(tempFileUrl(String(o.current ?? urls[0] ?? '')));
    }),
    saveImageToPhotosAlbum: api('saveImageToPhotosAlbum', (o: AnyOptions) => ui.save(String(o.filePath))),
    openDocument: api('openDocument', (o: AnyOptions) => ui.save(String(o.filePath))),
    chooseMedia: api('chooseMedia', async () => ({
      tempFiles: (await ui.pickFiles('image/*')).map((f) => ({ tempFilePath: addChosenFile(f), size: f.size, fileType: 'image' })),
      type: 'image',
    })),
    chooseImage: api('chooseImage', async () => ({ tempFilePaths: (await ui.pickFiles('image/*')).map((f) => addChosenFile(f)) })),
    chooseMessageFile: api('chooseMessageFile', async (o: AnyOptions) => {
      const ext = (o.extension as string[] | undefined)?.map((e) => `.${e}`).join(',') ?? '';
      const picked = await ui.pickFiles(ext);
      return { tempFiles: picked.map((f) => ({ path: addChosenFile(f), name: f.name, size: f.size, type: 'file', time: Date.now() })) };
    }),
    canvasToTempFilePath: api('canvasToTempFilePath', async (o: AnyOptions) => {
      const canvas = o.canvas as HTMLCanvasElement | undefined;
      if (!canvas || typeof canvas.toDataURL !== 'function') throw new Error('canvas is empty');
      return {
        tempFilePath: await addDataUrl(
          canvas.toDataURL(o.fileType === 'jpg' ? 'image/jpeg' : 'image/png'),
          o.fileType === 'jpg' ? 'jpg' : 'png',
        ),
      };
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
