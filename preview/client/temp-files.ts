/** wxfile:// paths the pages write (e.g. a QR image) as blob URLs the browser can show and download. */
const files = new Map<string, string>();

export function saveTempFile(path: string, data: string | ArrayBuffer, encoding?: string): void {
  let bytes: BlobPart;
  if (typeof data === 'string' && encoding === 'base64') {
    bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  } else bytes = data;
  const type = /\.png$/i.test(path) ? 'image/png' : /\.jpe?g$/i.test(path) ? 'image/jpeg' : 'application/octet-stream';
  const old = files.get(path);
  if (old) URL.revokeObjectURL(old);
  files.set(path, URL.createObjectURL(new Blob([bytes], { type })));
}

/** A URL for `<image src>`: temp files by their blob URL, anything else as given. */
export function tempFileUrl(path: string): string {
  return files.get(path) ?? path;
}
