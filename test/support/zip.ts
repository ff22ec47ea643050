/**
 * A minimal zip writer for hostile test files: each entry's declared size can differ from its real
 * content (a zip that lies), and content can be deflated from a generator of chunks so a
 * hundreds-of-MB entry never exists in memory. CRCs are left 0 (readers of xlsx uploads do not
 * depend on them; yauzl does not check them).
 */
import { createDeflateRaw } from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  /** The content, or chunks of it (deflated as they come). */
  content: string | Buffer | Iterable<string | Buffer>;
  /** The uncompressed size written in the headers (default: the real size). */
  declaredSize?: number;
}

async function deflate(content: ZipEntrySpec['content']): Promise<{ data: Buffer; size: number }> {
  const chunks: Buffer[] = [];
  const z = createDeflateRaw({ level: 9 });
  z.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise((r) => z.on('end', r));
  let size = 0;
  const parts = typeof content === 'string' || Buffer.isBuffer(content) ? [content] : content;
  for (const p of parts) {
    const b = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
    size += b.length;
    if (!z.write(b)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return { data: Buffer.concat(chunks), size };
}

export async function makeZip(entries: readonly ZipEntrySpec[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const { data, size } = await deflate(e.content);
    const declared = e.declaredSize ?? size;
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A one-sheet workbook's sheet XML around the given <row> elements (no workbook part: readers fall back to sheet1). */
export function sheetXml(rows: Iterable<string>): Iterable<string> {
  return (function* () {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    yield* rows;
    yield '</sheetData></worksheet>';
  })();
}
