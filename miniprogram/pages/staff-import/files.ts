/** Saving an xlsx the staff function returned (base64) and opening it with WeChat's document viewer. */
import type { XlsxFile } from '../../services/staff';

export function openXlsx(file: XlsxFile): void {
  const filePath = `${wx.env.USER_DATA_PATH}/${file.fileName}`;
  wx.getFileSystemManager().writeFile({
    filePath,
    data: file.fileBase64,
    encoding: 'base64',
    success: () => wx.openDocument({ filePath, fileType: 'xlsx', showMenu: true }),
    fail: () => wx.showToast({ title: '保存文件失败', icon: 'none' }),
  });
}

/** Pick an .xlsx from a chat (the usual way files reach a phone) and read it as base64. */
export function chooseXlsxBase64(): Promise<string | undefined> {
  return new Promise((resolve) => {
    wx.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['xlsx'],
      success: (r) => {
        const path = r.tempFiles[0]?.path;
        if (!path) return resolve(undefined);
        wx.getFileSystemManager().readFile({
          filePath: path,
          encoding: 'base64',
          success: (f) => resolve(typeof f.data === 'string' ? f.data : undefined),
          fail: () => resolve(undefined),
        });
      },
      fail: () => resolve(undefined),
    });
  });
}
