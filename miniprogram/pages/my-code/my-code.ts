/**
 * 亮码经营: the entity's code as a printable poster (name, code, how to scan), saved to the
 * photo album as an image or shared. The image comes from the merchant function (a
 * mini-program code in production, a URL QR code locally).
 */
import { myCode, posterFile, scanStats, type MyCodeData, type PosterSize } from '../../services/merchant';
import { largeText } from '../../services/prefs';
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH } from './poster';
import { verifyUrl } from '../verify/scan';
import { beijingDateTime } from '../../lib/core';

/** Where a merchant objects to a suspension or revocation. */
const OBJECTION_PAGE = '/pages/objection/objection';

/** The code image as a local file (the canvas and the album need a path, not a data URL). */
function writeCodeImage(code: Extract<MyCodeData, { status: 'active' }>): Promise<string> {
  const [, ext = 'png', base64 = ''] = /^data:image\/(\w+);base64,(.*)$/.exec(code.image.dataUrl) ?? [];
  const filePath = `${wx.env.USER_DATA_PATH}/integrity-code-${code.codeId}.${ext}`;
  return new Promise((resolve, reject) =>
    wx.getFileSystemManager().writeFile({ filePath, data: base64, encoding: 'base64', success: () => resolve(filePath), fail: reject }),
  );
}

Page({
  data: {
    loading: true,
    code: null as MyCodeData | null,
    error: '',
    changedOn: '',
    large: false,
    printing: '',
    /** 近30天核验次数: the total and one bar per day (height in % of the busiest day). */
    scans: null as null | { total: number; bars: Array<{ day: string; n: number; height: number }> },
  },

  async onLoad(query: Record<string, string | undefined>) {
    this.setData({ large: largeText() });
    const res = await myCode(query.uscc);
    if (!res.ok) return this.setData({ loading: false, error: res.error.message });
    const changedOn = res.data.status !== 'active' && res.data.changedAt ? beijingDateTime(new Date(res.data.changedAt)).slice(0, 10) : '';
    this.setData({ loading: false, code: res.data, changedOn });
    const stats = await scanStats(res.data.uscc);
    if (stats.ok) {
      const max = Math.max(1, ...stats.data.days.map((d) => d.n));
      this.setData({
        scans: { total: stats.data.total, bars: stats.data.days.map((d) => ({ ...d, height: Math.round((d.n / max) * 100) })) },
      });
    }
  },

  /** Draw the poster on the page's hidden 2D canvas, export it and save it to the album. */
  async save() {
    const code = this.data.code;
    if (!code || code.status !== 'active') return; // no poster while the code is not valid
    try {
      const path = await writeCodeImage(code);
      const canvas = await new Promise<WechatMiniprogram.Canvas>((resolve) =>
        wx
          .createSelectorQuery()
          .select('#poster')
          .fields({ node: true, size: true })
          .exec((res) => resolve(res[0].node)),
      );
      canvas.width = POSTER_WIDTH;
      canvas.height = POSTER_HEIGHT;
      const image = canvas.createImage();
      await new Promise<void>((resolve, reject) => {
        image.onload = () => resolve();
        image.onerror = reject;
        image.src = path;
      });
      drawPoster(canvas.getContext('2d'), image, code);
      const { tempFilePath } = await new Promise<WechatMiniprogram.CanvasToTempFilePathSuccessCallbackResult>((resolve, reject) =>
        wx.canvasToTempFilePath({ canvas, success: resolve, fail: reject } as WechatMiniprogram.CanvasToTempFilePathOption),
      );
      await new Promise((resolve, reject) => wx.saveImageToPhotosAlbum({ filePath: tempFilePath, success: resolve, fail: reject }));
      wx.showToast({ title: '海报已保存到相册' });
    } catch {
      wx.showToast({ title: '保存失败，请允许访问相册后重试', icon: 'none' });
    }
  },

  object() {
    const code = this.data.code;
    if (code) wx.navigateTo({ url: `${OBJECTION_PAGE}?uscc=${code.uscc}&target=entity` });
  },

  /** 打印海报: the PDF (A4, A5 or a table tent) opened in WeChat's viewer, from which it prints or goes to a copy shop. */
  async printPoster(e: WechatMiniprogram.TouchEvent) {
    const code = this.data.code;
    const size = (e.currentTarget.dataset as { size?: PosterSize }).size;
    if (!code || !size || this.data.printing) return;
    this.setData({ printing: size });
    const res = await posterFile(size, code.uscc);
    if (!res.ok) {
      this.setData({ printing: '' });
      return wx.showToast({ title: res.error.message, icon: 'none' });
    }
    const filePath = `${wx.env.USER_DATA_PATH}/${res.data.fileName}`;
    try {
      await new Promise((resolve, reject) =>
        wx.getFileSystemManager().writeFile({ filePath, data: res.data.fileBase64, encoding: 'base64', success: resolve, fail: reject }),
      );
      await new Promise((resolve, reject) =>
        wx.openDocument({ filePath, fileType: 'pdf', showMenu: true, success: resolve, fail: reject }),
      );
    } catch {
      wx.showToast({ title: '打开文件失败，请稍后重试', icon: 'none' });
    }
    this.setData({ printing: '' });
  },

  copyLink() {
    const code = this.data.code;
    if (code?.status === 'active') wx.setClipboardData({ data: code.codeUrl });
  },

  onShareAppMessage() {
    const code = this.data.code;
    if (!code || code.status !== 'active') return { title: '信用鹤岗 · 码上诚信', path: '/pages/index/index' };
    return { title: `${code.entityName} · 诚信码`, path: verifyUrl({ id: code.codeId, version: code.version }) };
  },
});
