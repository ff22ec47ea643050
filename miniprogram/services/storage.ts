/** Cloud storage for images a page lets people add (the storefront and licence photos); pages keep the fileID. */

/** Upload a chosen image under `<folder>/<random>.jpg`; resolves to its fileID. */
export async function uploadImage(folder: string, filePath: string): Promise<string> {
  const name = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  const res = await wx.cloud.uploadFile({ cloudPath: `${folder}/${name}.jpg`, filePath });
  if (!res.fileID) throw new Error('no fileID');
  return res.fileID;
}

/** Let the person pick one photo (compressed); undefined when they cancel. */
export async function chooseOneImage(): Promise<string | undefined> {
  try {
    const chosen = await wx.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] });
    return chosen.tempFiles[0]?.tempFilePath;
  } catch {
    return undefined; // cancelled
  }
}
