/** Saving the print document (base64 .docx) and opening it with WeChat's document viewer (print or forward to a PC). */
export function openDocx(file: { fileName: string; fileBase64: string }): void {
  const filePath = `${wx.env.USER_DATA_PATH}/${file.fileName}`;
  wx.getFileSystemManager().writeFile({
    filePath,
    data: file.fileBase64,
    encoding: 'base64',
    success: () => wx.openDocument({ filePath, fileType: 'docx', showMenu: true }),
    fail: () => wx.showToast({ title: '保存文件失败', icon: 'none' }),
  });
}
