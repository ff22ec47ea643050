/**
 * A minimal xlsx writer: every workbook the functions write (exports, templates, the outreach list
 * of 100,000 rows). exceljs builds every cell as an object (about 50 s and 1.4 GB for 65,000 × 13
 * cells here) and with its dependencies is about 600 KB of every bundle that loads it; a sheet of
 * text and numbers needs neither: each sheet's XML is written row by row into buffers and the parts
 * are zipped with node's zlib. Worksheets of inline strings, numbers and booleans; bold rows,
 * column widths and per-column number formats (styles.xml built from the combinations used).
 */
import { deflateRawSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(chunks: readonly Buffer[]): number {
  let c = -1;
  for (const b of chunks) for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

// XML 1.0 allows tab, newline, carriage return and characters from U+0020; anything else is dropped.
// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot carry are this pattern's purpose
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
function esc(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The cell styles of one workbook: xf 0 is plain, xf 1 bold; each further combination of bold and
 * number format used gets its own xf. Formats are declared as custom ones (ids from 164), so readers
 * see the very format string whether or not it is one of Excel's built-in ids.
 */
export class Styles {
  private readonly numFmts: string[] = [];
  /** `${numFmtId}:${fontId}` per xf, in xf order. */
  private readonly xfs: string[] = ['0:0', '0:1'];

  /** The xf index of a bold or plain cell with this number format (none: general). */
  id(bold: boolean, numFmt?: string): number {
    let fmtId = 0;
    if (numFmt) {
      let i = this.numFmts.indexOf(numFmt);
      if (i < 0) i = this.numFmts.push(numFmt) - 1;
      fmtId = 164 + i;
    }
    const key = `${fmtId}:${bold ? 1 : 0}`;
    let x = this.xfs.indexOf(key);
    if (x < 0) x = this.xfs.push(key) - 1;
    return x;
  }

  xml(): string {
    const fmts = this.numFmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`).join('');
    const xfs = this.xfs
      .map((k) => {
        const [fmt, font] = k.split(':');
        const apply = `${font === '1' ? ' applyFont="1"' : ''}${fmt === '0' ? '' : ' applyNumberFormat="1"'}`;
        return `<xf numFmtId="${fmt}" fontId="${font}" fillId="0" borderId="0" xfId="0"${apply}/>`;
      })
      .join('');
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (fmts ? `<numFmts count="${this.numFmts.length}">${fmts}</numFmts>` : '') +
      '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${xfs}</cellXfs>` +
      '</styleSheet>'
    );
  }
}

/** Sheet rows as XML, in buffers of about 1 MB (never one huge string). */
export class SheetXml {
  readonly chunks: Buffer[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  private rowNo = 0;
  /** xf per column (0-based) for plain and bold cells; columns past the end use 0 / 1. */
  private readonly plainXf: number[];
  private readonly boldXf: number[];

  readonly styles: Styles;

  /**
   * `numberFormats` maps a 1-based column to a format such as '0.00' (every cell of the column, as
   * exceljs's column numFmt did); sheets of one workbook share one `styles`.
   */
  constructor(
    columnWidths: readonly number[],
    { numberFormats = {}, styles = new Styles() }: { numberFormats?: Readonly<Record<number, string>>; styles?: Styles } = {},
  ) {
    this.styles = styles;
    const last = Math.max(0, ...Object.keys(numberFormats).map(Number));
    this.plainXf = Array.from({ length: last }, (_, i) => styles.id(false, numberFormats[i + 1]));
    this.boldXf = Array.from({ length: last }, (_, i) => styles.id(true, numberFormats[i + 1]));
    const cols = columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
    this.push(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        (cols ? `<cols>${cols}</cols>` : '') +
        '<sheetData>',
    );
  }

  private push(s: string): void {
    this.pending.push(s);
    this.pendingLength += s.length;
    if (this.pendingLength > 256 * 1024) this.flush();
  }

  private flush(): void {
    if (this.pending.length) this.chunks.push(Buffer.from(this.pending.join(''), 'utf8'));
    this.pending = [];
    this.pendingLength = 0;
  }

  /** One row; `bold` uses the bold style (headers). Strings, numbers, booleans; null/undefined/'' leave the cell empty. */
  addRow(values: readonly unknown[], bold = false): void {
    const r = ++this.rowNo;
    let xml = `<row r="${r}">`;
    values.forEach((v, i) => {
      const ref = `${colName(i)}${r}`;
      const xf = (bold ? this.boldXf[i] : this.plainXf[i]) ?? (bold ? 1 : 0);
      const s = xf ? ` s="${xf}"` : '';
      if (typeof v === 'number' && Number.isFinite(v)) xml += `<c r="${ref}"${s}><v>${v}</v></c>`;
      else if (typeof v === 'boolean') xml += `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
      else if (v !== null && v !== undefined && v !== '')
        xml += `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${esc(String(v))}</t></is></c>`;
    });
    this.push(`${xml}</row>`);
  }

  get rows(): number {
    return this.rowNo;
  }

  end(): Buffer[] {
    this.push('</sheetData></worksheet>');
    this.flush();
    return this.chunks;
  }
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const contentTypes = (sheets: number) =>
  XML_HEAD +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('') +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>';
const ROOT_RELS =
  XML_HEAD +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
/** Sheet i is rId(i+1) and worksheets/sheet(i+1).xml; the styles part comes last. */
const workbookRels = (sheets: number) =>
  XML_HEAD +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  Array.from(
    { length: sheets },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('') +
  `<Relationship Id="rId${sheets + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
const workbookXml = (names: readonly string[]) =>
  XML_HEAD +
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  `<sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;

/**
 * A name Excel accepts for a sheet: none of * ? : \ / [ ], no quote at either end, at most 31
 * characters (longer ones are cut, as exceljs did; form titles can be long).
 */
export function sheetName(name: string): string {
  const s = name
    .replace(/[*?:/\\[\]]/g, '_')
    .replace(/^'+|'+$/g, '')
    .slice(0, 31);
  return s || 'Sheet';
}

/** A zip (deflate, no zip64: parts stay far below 4 GB) of the parts, in order. */
function zip(parts: readonly { name: string; data: readonly Buffer[] }[], at: Date): Buffer {
  const dosTime = (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2);
  const dosDate = ((at.getFullYear() - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate();
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const raw = p.data.length === 1 ? p.data[0]! : Buffer.concat(p.data as Buffer[]);
    const crc = crc32([raw]);
    const body = deflateRawSync(raw);
    // The local header and the central directory entry share the same run of fields (version needed,
    // UTF-8 flag, deflate, time, date, CRC, sizes, name length); the central one starts 2 bytes later.
    const entryFields = (buf: Buffer, at: number) => {
      buf.writeUInt16LE(20, at);
      buf.writeUInt16LE(0x0800, at + 2);
      buf.writeUInt16LE(8, at + 4);
      buf.writeUInt16LE(dosTime, at + 6);
      buf.writeUInt16LE(dosDate, at + 8);
      buf.writeUInt32LE(crc, at + 10);
      buf.writeUInt32LE(body.length, at + 14);
      buf.writeUInt32LE(raw.length, at + 18);
      buf.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    entryFields(local, 4);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4); // version made by
    entryFields(cd, 6);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    out.push(local, name, body);
    offset += local.length + name.length + body.length;
  }
  const cdSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, ...central, end]);
}

/** The .xlsx of one sheet. */
export function xlsxOf(name: string, sheet: SheetXml, at = new Date()): Buffer {
  return workbookOf([{ name, sheet }], at);
}

/** The .xlsx of these sheets, in order; their SheetXml must share one Styles; names must differ (case aside). */
export function workbookOf(sheets: readonly { name: string; sheet: SheetXml }[], at = new Date()): Buffer {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const styles = sheets[0]!.sheet.styles;
  if (sheets.some((s) => s.sheet.styles !== styles)) throw new Error('the sheets of one workbook must share one Styles');
  const names = sheets.map((s) => sheetName(s.name));
  if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) throw new Error(`duplicate sheet names: ${names.join(', ')}`);
  const s = (x: string) => [Buffer.from(x, 'utf8')];
  return zip(
    [
      { name: '[Content_Types].xml', data: s(contentTypes(sheets.length)) },
      { name: '_rels/.rels', data: s(ROOT_RELS) },
      { name: 'xl/workbook.xml', data: s(workbookXml(names)) },
      { name: 'xl/_rels/workbook.xml.rels', data: s(workbookRels(sheets.length)) },
      { name: 'xl/styles.xml', data: s(styles.xml()) },
      ...sheets.map((x, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: x.sheet.end() })),
    ],
    at,
  );
}
