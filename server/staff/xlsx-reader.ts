/**
 * Reading an uploaded .xlsx: the zip is inspected before anything is parsed (entry count, declared
 * and actual decompressed sizes, rows, shared strings), then the first worksheet streams out one
 * row at a time. Nothing is written to disk.
 *
 * Why not exceljs' streaming reader: it turns each zip chunk into text on its own, so a Chinese
 * character split across two chunks became U+FFFD; and it parks a worksheet that comes before the
 * shared strings in a temporary file. Here every entry goes through one UTF-8 decoder
 * (stream.setEncoding, a StringDecoder that carries a split character over to the next chunk), and
 * yauzl reads the zip's directory first, so the shared strings are read before the sheet whatever
 * their order in the file.
 */
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { DomainError } from '../../core';

export const XLSX_LIMITS = {
  /** Entries in the zip (a workbook has a dozen or two). */
  maxEntries: 1000,
  /** Decompressed bytes of all entries together, declared and actually read. */
  maxTotalBytes: 200 * 1024 * 1024,
  /** Decompressed bytes of xl/sharedStrings.xml: its strings are held in memory while the sheet is read. */
  maxSharedStringsBytes: 64 * 1024 * 1024,
  /** Distinct texts in the shared-strings table. */
  maxSharedStrings: 1_000_000,
  /** Rows of the first worksheet. */
  maxRows: 200_000,
  /** Small XML parts (workbook.xml and its relationships) read whole. */
  maxPartBytes: 4 * 1024 * 1024,
} as const;

export interface SheetRow {
  /** 1-based row number as the spreadsheet shows it. */
  readonly row: number;
  /** Cell values indexed by column number (1-based, A = 1), index 0 unused; as exceljs' row.values. */
  readonly cells: readonly unknown[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const SPLIT_HINT = '请将表格拆分为多个文件（每个不超过20万行、解压后不超过200MB），删除多余的工作表、图片和格式后分批导入';

export const notXlsx = () => new DomainError('INVALID_FILE', '文件不是有效的 Excel（.xlsx）文件，请用下载的模板填写后上传');
const unreadable = () => new DomainError('INVALID_FILE', '文件无法读取，请确认是完整的 Excel（.xlsx）文件');
export const tooComplex = (what: string) => new DomainError('FILE_TOO_COMPLEX', `文件过于复杂（${what}），${SPLIT_HINT}`);

const mb = (n: number) => `${Math.round(n / 1024 / 1024)}MB`;

function openZip(file: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(file, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true }, (err, zip) =>
      err ? reject(unreadable()) : resolve(zip),
    );
  });
}

function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  if (zip.entryCount > XLSX_LIMITS.maxEntries)
    return Promise.reject(tooComplex(`包含${zip.entryCount}个部件，上限${XLSX_LIMITS.maxEntries}个`));
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    let total = 0;
    zip.on('entry', (e: Entry) => {
      total += e.uncompressedSize;
      if (total > XLSX_LIMITS.maxTotalBytes) {
        zip.close();
        reject(tooComplex(`解压后超过${mb(XLSX_LIMITS.maxTotalBytes)}`));
        return;
      }
      entries.set(e.fileName.replace(/^\/+/, ''), e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', () => reject(unreadable()));
    zip.readEntry();
  });
}

/**
 * The entry's text, decoded as one UTF-8 stream. Counts the bytes actually inflated against the
 * entry's cap (yauzl also refuses more bytes than the entry declared).
 */
async function* entryText(zip: ZipFile, entry: Entry, capBytes: number, what: string): AsyncGenerator<string> {
  if (entry.uncompressedSize > capBytes) throw tooComplex(`${what}解压后${mb(entry.uncompressedSize)}，上限${mb(capBytes)}`);
  const stream = await new Promise<Readable>((resolve, reject) => {
    zip.openReadStream(entry, (err, s) => (err ? reject(unreadable()) : resolve(s)));
  });
  let bytes = 0;
  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      bytes += Buffer.byteLength(chunk, 'utf8');
      if (bytes > capBytes) throw tooComplex(`${what}解压后超过${mb(capBytes)}`);
      yield chunk;
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    // yauzl: "too many bytes in the stream" — the entry lied about its size.
    if (/too many bytes|expected \d+/i.test(String((e as Error)?.message))) throw tooComplex(`${what}的实际大小与声明不符`);
    throw unreadable();
  } finally {
    stream.destroy();
  }
}

/** Element name without a namespace prefix (some writers emit <x:row>). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

type Handlers = { open?: (tag: SaxesTagPlain) => void; close?: (tag: SaxesTagPlain) => void; text?: (t: string) => void };

/** A SAX parser whose XML errors become INVALID_FILE; handlers may throw (a DomainError stops the read). */
function xmlParser(handlers: Handlers): { write(chunk: string): void; end(): void } {
  const parser = new SaxesParser();
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  if (handlers.open) parser.on('opentag', handlers.open as (t: unknown) => void);
  if (handlers.close) parser.on('closetag', handlers.close as (t: unknown) => void);
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  return {
    write(chunk) {
      parser.write(chunk);
      if (error) throw unreadable();
    },
    end() {
      parser.close();
      if (error) throw unreadable();
    },
  };
}

async function parse(source: AsyncIterable<string>, handlers: Handlers): Promise<void> {
  const p = xmlParser(handlers);
  for await (const chunk of source) p.write(chunk);
  p.end();
}

async function readPart(zip: ZipFile, entries: Map<string, Entry>, name: string): Promise<string | undefined> {
  const entry = entries.get(name);
  if (!entry) return undefined;
  let text = '';
  for await (const chunk of entryText(zip, entry, XLSX_LIMITS.maxPartBytes, name)) text += chunk;
  return text;
}

/** The first worksheet's part name, in workbook order (xl/workbook.xml + its relationships). */
async function firstSheetPart(zip: ZipFile, entries: Map<string, Entry>): Promise<string> {
  const workbook = await readPart(zip, entries, 'xl/workbook.xml');
  const rels = await readPart(zip, entries, 'xl/_rels/workbook.xml.rels');
  if (workbook !== undefined && rels !== undefined) {
    let firstId: string | undefined;
    await parse(oneChunk(workbook), {
      open: (t) => {
        if (firstId === undefined && local(t.name) === 'sheet')
          firstId = t.attributes['r:id'] ?? Object.entries(t.attributes).find(([k]) => local(k) === 'id')?.[1];
      },
    });
    let target: string | undefined;
    await parse(oneChunk(rels), {
      open: (t) => {
        if (local(t.name) === 'Relationship' && t.attributes.Id === firstId) target = t.attributes.Target;
      },
    });
    if (target) {
      const name = target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
      if (entries.has(name)) return name;
    }
  }
  // No readable workbook part: the lowest-numbered sheet.
  const sheets = [...entries.keys()]
    .map((n) => /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]));
  if (sheets.length === 0) throw new DomainError('INVALID_FILE', '文件中没有工作表');
  return sheets[0]![0];
}

async function* oneChunk(s: string): AsyncGenerator<string> {
  yield s;
}

/**
 * The shared-strings table (rich text joined; phonetic runs skipped). Refused past
 * maxSharedStrings entries or maxSharedStringsBytes of XML.
 */
async function readSharedStrings(zip: ZipFile, entries: Map<string, Entry>): Promise<string[]> {
  const entry = entries.get('xl/sharedStrings.xml');
  if (!entry) return [];
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  await parse(entryText(zip, entry, XLSX_LIMITS.maxSharedStringsBytes, '共享文本'), {
    open: (t) => {
      const n = local(t.name);
      if (n === 'si') {
        if (strings.length >= XLSX_LIMITS.maxSharedStrings)
          throw tooComplex(`共享文本超过${XLSX_LIMITS.maxSharedStrings.toLocaleString('en')}条`);
        current = [];
      } else if (n === 'rPh') phonetic++;
      else if (n === 't') inText = true;
    },
    close: (t) => {
      const n = local(t.name);
      if (n === 'si') {
        strings.push((current ?? []).join(''));
        current = undefined;
      } else if (n === 'rPh') phonetic--;
      else if (n === 't') inText = false;
    },
    text: (s) => {
      if (inText && phonetic === 0 && current) current.push(s);
    },
  });
  return strings;
}

/** "AB12" → 28. */
function columnNumber(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** Cells per row beyond Excel's own maximum column (XFD) are not a spreadsheet. */
const MAX_COLUMN = 16_384;

function cellValue(type: string | undefined, raw: string, inline: string, shared: readonly string[]): unknown {
  switch (type) {
    case 's': {
      const i = Number(raw);
      return Number.isInteger(i) && i >= 0 && i < shared.length ? shared[i] : undefined;
    }
    case 'inlineStr':
      return inline;
    case 'str':
      return raw;
    case 'b':
      return raw === '1' || raw === 'true';
    case 'e':
      return undefined;
    case 'd': {
      const d = new Date(raw);
      return Number.isNaN(d.getTime()) ? raw : d;
    }
    default: {
      if (raw === '') return undefined;
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    }
  }
}

/**
 * The rows of the first worksheet. Throws INVALID_FILE for anything that is not a readable xlsx and
 * FILE_TOO_COMPLEX (with how to split) past XLSX_LIMITS, before the first row is yielded whenever
 * the zip's directory or the sheet's row count says so. Date cells arrive as Excel serial numbers
 * (styles are not read); rowInput turns them into dates for the date columns.
 */
export async function* readFirstSheet(file: Buffer): AsyncGenerator<SheetRow> {
  if (file.length < 4 || !file.subarray(0, 4).equals(ZIP_MAGIC)) throw notXlsx();
  const zip = await openZip(file);
  try {
    const entries = await listEntries(zip);
    const sheetName = await firstSheetPart(zip, entries);
    const sheet = entries.get(sheetName)!;
    // Count the rows first (inflating without parsing is cheap), so a file over the cap is refused
    // before anything is stored rather than part-way through.
    const rowCount = await countRows(zip, sheet);
    if (rowCount > XLSX_LIMITS.maxRows)
      throw tooComplex(`共${rowCount.toLocaleString('en')}行，上限${XLSX_LIMITS.maxRows.toLocaleString('en')}行`);
    const shared = await readSharedStrings(zip, entries);
    yield* sheetRows(zip, sheet, shared);
  } finally {
    zip.close();
  }
}

async function countRows(zip: ZipFile, sheet: Entry): Promise<number> {
  let rows = 0;
  let tail = '';
  for await (const chunk of entryText(zip, sheet, XLSX_LIMITS.maxTotalBytes, '工作表')) {
    let s = tail + chunk;
    // A tag cut by the chunk's end is carried over whole to the next chunk (counted exactly once).
    const lastOpen = s.lastIndexOf('<');
    tail = lastOpen >= 0 && lastOpen > s.length - 8 ? s.slice(lastOpen) : '';
    if (tail) s = s.slice(0, lastOpen);
    rows += s.match(ROW_TAG)?.length ?? 0;
  }
  return rows + (tail.match(ROW_TAG)?.length ?? 0);
}

const ROW_TAG = /<(?:\w+:)?row[\s>/]/g;

async function* sheetRows(zip: ZipFile, sheet: Entry, shared: readonly string[]): AsyncGenerator<SheetRow> {
  const ready: SheetRow[] = [];
  let rowNo = 0;
  let cells: unknown[] | undefined;
  let col = 0;
  let type: string | undefined;
  let raw = '';
  let inline = '';
  let into: 'v' | 't' | undefined;
  let inInline = false;
  let phonetic = 0;
  const parser = xmlParser({
    open: (t) => {
      switch (local(t.name)) {
        case 'row': {
          const r = Number(t.attributes.r);
          rowNo = Number.isInteger(r) && r > rowNo ? r : rowNo + 1;
          cells = [];
          col = 0;
          break;
        }
        case 'c': {
          const ref = t.attributes.r;
          const n = ref ? columnNumber(ref) : col + 1;
          col = n > 0 ? n : col + 1;
          if (col > MAX_COLUMN) throw unreadable();
          type = t.attributes.t;
          raw = '';
          inline = '';
          break;
        }
        case 'v':
          into = 'v';
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inInline) into = 't';
          break;
      }
    },
    close: (t) => {
      switch (local(t.name)) {
        case 'row':
          if (cells) ready.push({ row: rowNo, cells });
          cells = undefined;
          break;
        case 'c': {
          const v = cellValue(type, raw, inline, shared);
          if (cells && v !== undefined) cells[col] = v;
          break;
        }
        case 'v':
        case 't':
          into = undefined;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phonetic--;
          break;
      }
    },
    text: (s) => {
      if (into === 'v') raw += s;
      else if (into === 't' && phonetic === 0) inline += s;
    },
  });
  // Rows are handed out after each chunk, so the caller's awaits (database writes) pace the reading.
  for await (const chunk of entryText(zip, sheet, XLSX_LIMITS.maxTotalBytes, '工作表')) {
    parser.write(chunk);
    while (ready.length > 0) yield ready.shift()!;
  }
  parser.end();
  while (ready.length > 0) yield ready.shift()!;
}
