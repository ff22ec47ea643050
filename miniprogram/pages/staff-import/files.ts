/**
 * Saving a file a staff function returned (base64 xlsx or docx) and opening it with WeChat's
 * document viewer, from which it is printed or forwarded to a PC.
 */
import type { GeneratedFile } from '../../lib/contract';

function openFile(file: GeneratedFile, fileType: 'xlsx' | 'docx'): void {
  const filePath = `${wx.env.USER_DATA_PATH}/${file.fileName}`;
  wx.getFileSystemManager().writeFile({
    filePath,
    data: file.fileBase64,
    encoding: 'base64',
    success: () => wx.openDocument({ filePath, fileType, showMenu: true }),
    fail: () => wx.showToast({ title: '保存文件失败', icon: 'none' }),
  });
}

export function openXlsx(file: GeneratedFile): void {
  openFile(file, 'xlsx');
}

export function openDocx(file: GeneratedFile): void {
  openFile(file, 'docx');
}

/** Above this, a file goes through cloud storage: WeChat advises against callFunction fields over 100 KB. */
export const INLINE_LIMIT_BYTES = 100 * 1024;

/** The chosen file as the staff function accepts it: inline base64, or a cloud-storage fileID. */
export type ChosenFile = { fileBase64: string } | { fileID: string };

function readBase64(filePath: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    wx.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (f) => resolve(typeof f.data === 'string' ? f.data : undefined),
      fail: () => resolve(undefined),
    });
  });
}

async function upload(filePath: string): Promise<string | undefined> {
  try {
    const res = await wx.cloud.uploadFile({ cloudPath: `imports/${Date.now()}-${Math.random().toString(36).slice(2)}.xlsx`, filePath });
    return res.fileID;
  } catch {
    return undefined;
  }
}

/** Pick an .xlsx from a chat (the usual way files reach a phone); large files are uploaded first. */
export function chooseXlsx(): Promise<ChosenFile | undefined> {
  return new Promise((resolve) => {
    wx.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['xlsx'],
      success: async (r) => {
        const file = r.tempFiles[0];
        if (!file) return resolve(undefined);
        if (file.size > INLINE_LIMIT_BYTES && typeof wx.cloud?.uploadFile === 'function') {
          const fileID = await upload(file.path);
          if (fileID) return resolve({ fileID });
        }
        const fileBase64 = await readBase64(file.path);
        resolve(fileBase64 === undefined ? undefined : { fileBase64 });
      },
      fail: () => resolve(undefined),
    });
  });
}
