/**
 * The phone's file system as the pages see it (wxfile:// paths, temp paths of chosen files),
 * kept as Blobs: `<image>` shows them by blob URL, readFile gives them back, "save" downloads them.
 */
interface TempFile {
  blob: Blob;
  url: string;
}

const files = new Map<string, TempFile>();
let counter = 0;

function typeOf(path: string): string {
  if (/\.png$/i.test(path)) return 'image/png';
  if (/\.jpe?g$/i.test(path)) return 'image/jpeg';
  if (/\.xlsx$/i.test(path)) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return 'application/octet-stream';
}

function put(path: string, blob: Blob): void {
  const old = files.get(path);
  if (old) URL.revokeObjectURL(old.url);
  files.set(path, { blob, url: URL.createObjectURL(blob) });
}

export function saveTempFile(path: string, data: string | ArrayBuffer, encoding?: string): void {
  let bytes: BlobPart;
  if (typeof data === 'string' && encoding === 'base64') bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  else bytes = data;
  put(path, new Blob([bytes], { type: typeOf(path) }));
}

/** A chosen file (file input) under a temp path that keeps its name and extension. */
export function addChosenFile(file: Blob & { name?: string }): string {
  const path = `wxfile://tmp_${++counter}_${(file.name ?? 'file').replace(/[^\w.-]/g, '_')}`;
  put(path, file);
  return path;
}

/** A data URL (e.g. canvas output) as a temp file. */
export async function addDataUrl(dataUrl: string, ext = 'png'): Promise<string> {
  const blob = await (await fetch(dataUrl)).blob();
  const path = `wxfile://tmp_${++counter}.${ext}`;
  put(path, blob);
  return path;
}

export async function readTempFile(path: string, encoding?: string): Promise<string | ArrayBuffer> {
  const file = files.get(path);
  if (!file) throw new Error(`no such file or directory ${path}`);
  const buffer = await file.blob.arrayBuffer();
  if (encoding === 'base64') {
    let binary = '';
    const bytes = new Uint8Array(buffer);
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }
  if (encoding) return file.blob.text();
  return buffer;
}

let cloudFileUrl = (fileID: string) => fileID;

/** How `cloud://` fileIDs become loadable URLs (the transport's `fileUrl`; set by createWx). */
export function useCloudFileUrl(resolve: (fileID: string) => string): void {
  cloudFileUrl = resolve;
}

/** A URL for `<image src>`: temp files by their blob URL, cloud fileIDs as the transport serves them, anything else as given. */
export function tempFileUrl(path: string): string {
  if (path.startsWith('cloud://')) return cloudFileUrl(path);
  return files.get(path)?.url ?? path;
}

/** The Blob behind a temp path (a chosen file, a canvas export). */
export function tempFileBlob(path: string): Blob | undefined {
  return files.get(path)?.blob;
}
