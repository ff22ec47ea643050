/**
 * The 通报 as a Word document, laid out as the office issues it (GB/T 9704 公文 conventions):
 * A4, 文号 and title, 主送, the five sections in 仿宋_GB2312 三号 with 黑体 headings, the 附件 list,
 * 落款 and date, then 附件1–4 each on its own page as a table, and the 抄报/印发 lines at the end.
 * Fonts: each run names the office's Chinese font for East Asian text and its common Windows name
 * (FangSong / SimHei) for the rest, so a machine without 仿宋_GB2312 falls back to 仿宋.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Report, ReportTable } from '../../core/bulletin-report';
import { chineseDate } from '../../core/rates';

export interface DocumentFrame {
  /** 文号, e.g. 鹤环办发〔2022〕17号 */
  readonly docNo: string;
  /** 成文日期 YYYY-MM-DD */
  readonly issuedOn: string;
  readonly issuer: string;
  readonly mainRecipients: string;
  readonly copyTo: string;
  readonly printedBy: string;
}

const FANGSONG = { eastAsia: '仿宋_GB2312', ascii: 'FangSong', hAnsi: 'FangSong', cs: 'FangSong' };
const HEITI = { eastAsia: '黑体', ascii: 'SimHei', hAnsi: 'SimHei', cs: 'SimHei' };
/** Half-points: 二号 22pt, 三号 16pt, 四号 14pt, 五号 10.5pt. */
const ERHAO = 44;
const SANHAO = 32;
const SIHAO = 28;
const WUHAO = 21;
/** Fixed line spacing of 28pt (in twips), the usual 公文 line. */
const LINE = { line: 560, lineRule: 'exact' as const };
const INDENT = { firstLine: 640 };

const body = (text: string, opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: LINE,
    indent: opts.indent === false ? undefined : INDENT,
    children: [new TextRun({ text, font: FANGSONG, size: SANHAO })],
  });

const heading = (text: string) =>
  new Paragraph({ spacing: LINE, indent: INDENT, children: [new TextRun({ text, font: HEITI, size: SANHAO })] });

const blank = () => new Paragraph({ spacing: LINE, children: [] });

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: thin, bottom: thin, left: thin, right: thin };

function table(t: ReportTable): Table {
  const cell = (text: string, bold: boolean) =>
    new TableCell({
      borders,
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: bold ? HEITI : FANGSONG, size: WUHAO })] }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.headers.map((h) => cell(h, true)) }),
      ...t.rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
    ],
  });
}

function annexPage(t: ReportTable): (Paragraph | Table)[] {
  return [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ spacing: LINE, children: [new TextRun({ text: t.annex, font: HEITI, size: SANHAO })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 200, after: 200 },
      children: [new TextRun({ text: t.title, font: HEITI, size: SIHAO })],
    }),
    table(t),
  ];
}

export async function reportDocx(report: Report, frame: DocumentFrame): Promise<Buffer> {
  const annexList = report.tables.map((t, i) => `${i === 0 ? '附件：' : '　　　'}${t.annex.replace('附件', '')}．${t.title}`);
  const children: (Paragraph | Table)[] = [
    blank(),
    body(frame.docNo, { indent: false, align: AlignmentType.CENTER }),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: 'exact' },
      children: [new TextRun({ text: report.title, font: HEITI, size: ERHAO })],
    }),
    blank(),
    body(frame.mainRecipients, { indent: false }),
    body(`现将截至${chineseDate(report.cutoff)}全市信用体系建设工作情况通报如下：`),
    ...report.sections.flatMap((s) => [heading(s.heading), ...s.paragraphs.map((p) => body(p))]),
    blank(),
    ...annexList.map((line) => body(line)),
    blank(),
    blank(),
    body(frame.issuer, { indent: false, align: AlignmentType.RIGHT }),
    body(chineseDate(frame.issuedOn), { indent: false, align: AlignmentType.RIGHT }),
    ...report.tables.flatMap(annexPage),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({
      spacing: LINE,
      border: {
        top: { style: BorderStyle.SINGLE, size: 6, color: '000000' },
        bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
      },
      children: [new TextRun({ text: `抄报：${frame.copyTo}`, font: FANGSONG, size: SIHAO })],
    }),
    new Paragraph({
      spacing: LINE,
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000' } },
      children: [
        new TextRun({ text: `${frame.printedBy}${'\u3000'.repeat(4)}${chineseDate(frame.issuedOn)}印发`, font: FANGSONG, size: SIHAO }),
      ],
    }),
  ];
  const doc = new Document({
    creator: frame.issuer,
    title: report.title,
    styles: { default: { document: { run: { font: FANGSONG, size: SANHAO } } } },
    sections: [
      {
        properties: {
          // A4 with the 公文 margins: top 37mm, bottom 35mm, left 28mm, right 26mm (in twips).
          page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } },
        },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
