/**
 * 亮码经营: the entity's code as a printable poster (name, code, how to scan), saved to the
 * photo album as an image or shared. The image comes from the merchant function (a
 * mini-program code in production, a URL QR code locally).
 */
import { myCode, type MyCodeData } from '../../services/merchant';

Page({
  data: { loading: true, code: null as MyCodeData | null, error: '' },

  async onLoad(query: Record<string, string | undefined>) {
    const res = await myCode(query.uscc);
    if (res.ok) this.setData({ loading: false, code: res.data });
    else this.setData({ loading: false, error: res.error.message });
  },

  /** Write the PNG/JPEG to a temp file, then into the album (asks for permission the first time). */
  save() {
    const code = this.data.code;
    if (!code) return;
    const [, ext = 'png', base64 = ''] = /^data:image\/(\w+);base64,(.*)$/.exec(code.image.dataUrl) ?? [];
    const filePath = `${wx.env.USER_DATA_PATH}/integrity-code-${code.codeId}.${ext}`;
    wx.getFileSystemManager().writeFile({
      filePath,
      data: base64,
      encoding: 'base64',
      success: () =>
        wx.saveImageToPhotosAlbum({
          filePath,
          success: () => wx.showToast({ title: '已保存到相册' }),
          fail: () => wx.showToast({ title: '保存失败，请允许访问相册', icon: 'none' }),
        }),
      fail: () => wx.showToast({ title: '保存失败', icon: 'none' }),
    });
  },

  copyLink() {
    if (this.data.code) wx.setClipboardData({ data: this.data.code.codeUrl });
  },

  onShareAppMessage() {
    const code = this.data.code;
    if (!code) return { title: '信用鹤岗 · 码上诚信', path: '/pages/index/index' };
    return { title: `${code.entityName} · 诚信码`, path: `/pages/verify/verify?id=${code.codeId}&v=${code.version}` };
  },
});
