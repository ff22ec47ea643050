/**
 * The whole 通报 "关于鹤岗市信用体系建设工作情况的通报" as data: five sections of sentences in the
 * office's own shapes and the four 附件 tables. Pure: the functions hand it the imported tables,
 * the city's entered figures and the district rows as of the cut-off date. Each sentence is
 * computed from the very rows its 附件 prints, so text and table cannot disagree (the hand-written
 * 通报 named 萝北县 third while its own 附件2 gave 兴安区 more).
 */
import { byXinyidai, rankingGroups, rankingSentence } from './bulletin';
import { DEPARTMENTS } from './departments';
import { DomainError } from './errors';
import type { GovCommitmentRow, MonthlyReportRow, PublicityRow, TableKind } from './bulletin-tables';
import { basisPoints, chineseDate, compareSharesDesc, formatBasisPoints, type DistrictRow } from './rates';

export const REPORT_TITLE = '关于鹤岗市信用体系建设工作情况的通报';

export interface ReportTable {
  /** 附件1 … 附件4 */
  readonly annex: string;
  readonly title: string;
  readonly headers: readonly string[];
  /** Cells as printed (text). */
  readonly rows: ReadonlyArray<readonly string[]>;
}

export interface ReportSection {
  /** 一、“双公示”信息报送情况 */
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

/** '2022-05' → 2022年5月 */
export function chineseMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new RangeError(`not a YYYY-MM month: ${month}`);
  return `${m[1]}年${Number(m[2])}月`;
}

/** A percentage as the office writes it in running text: 100, 95.5, 12.34 (no trailing zeros). */
export function plainPercent(bp: number): string {
  return formatBasisPoints(bp).replace(/\.?0+$/, '');
}

const names = (list: readonly string[]) => list.join('、');

// ---------------------------------------------------------------------------------------------
// 一、“双公示”信息报送情况 and 附件1

export const PUBLICITY_HEADERS = [
  '序号',
  '部门名称',
  '填报双公示信息数量',
  '填报行政许可信息数量',
  '填报行政处罚信息数量',
  '双公示信息填报及时数量',
  '双公示信息填报及时率',
] as const;

export type PublicityStanding = 'onTime' | 'late' | 'nothing';

export function publicityStanding(r: PublicityRow): PublicityStanding {
  if (r.total === 0) return 'nothing';
  return r.timely === r.total ? 'onTime' : 'late';
}

/** The rate as 附件1 prints it: two decimals and %, or — for a unit that filed nothing. */
export function publicityRate(r: Pick<PublicityRow, 'timely' | 'total'>): string {
  return r.total === 0 ? '—' : `${formatBasisPoints(basisPoints(r.timely, r.total))}%`;
}

/**
 * The office's order: units at 100% by count (most first), then the late ones by rate (highest
 * first, compared exactly), then those that filed nothing; ties keep the imported order.
 */
export function sortPublicity(rows: readonly PublicityRow[]): PublicityRow[] {
  const group = { onTime: 0, late: 1, nothing: 2 } as const;
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const ga = group[publicityStanding(a.r)];
      const gb = group[publicityStanding(b.r)];
      if (ga !== gb) return ga - gb;
      if (ga === 0) return b.r.total - a.r.total || a.i - b.i;
      if (ga === 1) return compareSharesDesc({ count: a.r.timely, total: a.r.total }, { count: b.r.timely, total: b.r.total }) || a.i - b.i;
      return a.i - b.i;
    })
    .map((x) => x.r);
}

export interface PublicityPeriod {
  readonly from: string;
  readonly to: string;
  readonly rows: readonly PublicityRow[];
}

export function publicitySums(rows: readonly PublicityRow[]) {
  const sum = (k: 'total' | 'licensing' | 'penalty' | 'timely') => rows.reduce((n, r) => n + r[k], 0);
  return { total: sum('total'), licensing: sum('licensing'), penalty: sum('penalty'), timely: sum('timely') };
}

export function publicitySection(p: PublicityPeriod): { section: ReportSection; table: ReportTable } {
  const sorted = sortPublicity(p.rows);
  const s = publicitySums(sorted);
  const late = sorted.filter((r) => publicityStanding(r) === 'late');
  let text =
    `${chineseDate(p.from)}至${chineseDate(p.to)}，两县六区及中省直、市直部门共填报“双公示”信息${s.total}条，` +
    `及时填报“双公示”信息${s.timely}条，填报及时率为${publicityRate(s)}。` +
    `其中行政许可信息${s.licensing}条，行政处罚信息${s.penalty}条。`;
  text +=
    late.length > 0
      ? `填报及时率未达到100%的部门有：${names(late.map((r) => `${r.unit}（${publicityRate(r)}）`))}。`
      : '各单位填报及时率均达到100%。';
  const row = (r: PublicityRow, index: string) => [
    index,
    r.unit,
    String(r.total),
    String(r.licensing),
    String(r.penalty),
    String(r.timely),
    publicityRate(r),
  ];
  return {
    section: { heading: '一、“双公示”信息报送情况', paragraphs: [text] },
    table: {
      annex: '附件1',
      title: `“双公示”信息报送情况（${chineseDate(p.from)}至${chineseDate(p.to)}）`,
      headers: PUBLICITY_HEADERS,
      rows: [row({ unit: '合计', ...s }, ''), ...sorted.map((r, i) => row(r, String(i + 1)))],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// 二、政府部门政务承诺完成情况 and 附件3

/** Figures of section 二 that no table holds, entered by the city (bulletinInputs). */
export interface BulletinInputs {
  /** 公职人员承诺份数 */
  readonly officialCommitments: number;
  /** 覆盖面的基数: how many units are expected to commit. */
  readonly coverageBase: number;
  /** 公开公示率 in basis points (10000 = 100%). */
  readonly disclosureBasisPoints: number;
}

export const GOV_COMMITMENT_HEADERS = ['序号', '部门名称', '政务承诺（份）'] as const;

export function govCommitmentSection(
  cutoff: string,
  rows: readonly GovCommitmentRow[],
  inputs: BulletinInputs,
): { section: ReportSection; table: ReportTable } {
  const total = rows.reduce((n, r) => n + r.count, 0);
  const committed = rows.filter((r) => r.count > 0).length;
  const missing = rows.filter((r) => r.count === 0).map((r) => r.unit);
  if (inputs.coverageBase < committed) {
    throw new DomainError(
      'INPUTS_INCONSISTENT',
      `录入的承诺覆盖单位总数（${inputs.coverageBase}个）少于附件3中已作出承诺的单位数（${committed}个），请核对后重新录入`,
    );
  }
  const coverage = plainPercent(basisPoints(committed, inputs.coverageBase));
  let text =
    `截至${chineseDate(cutoff)}，鹤岗市各级政府及其部门（含公共事业单位）作出政务诚信承诺${total}份，覆盖面达到${coverage}%，` +
    `公开公示率${plainPercent(inputs.disclosureBasisPoints)}%，公职人员承诺${inputs.officialCommitments}份。`;
  text += missing.length > 0 ? `未开展承诺的单位有${missing.length}个，分别为：${names(missing)}。` : '各单位均已开展承诺。';
  return {
    section: { heading: '二、政府部门政务承诺完成情况', paragraphs: [text] },
    table: {
      annex: '附件3',
      title: `政府部门政务承诺完成情况（截至${chineseDate(cutoff)}）`,
      headers: GOV_COMMITMENT_HEADERS,
      rows: [['', '合计', String(total)], ...rows.map((r, i) => [String(i + 1), r.unit, String(r.count)])],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// 三、“码上诚信”工作推进情况

/**
 * The 行管部门 status the city enters until the department ledger (issue #14) exists; the ledger
 * will produce the same shape. One entry per department; departments not listed count as not started.
 */
export interface DepartmentStatus {
  readonly departmentId: string;
  /** 制定推进落实文件 */
  readonly policyDocument: boolean;
  /** 报送工作动态 */
  readonly dynamics: boolean;
}

/** The 行管部门 that promote 码上诚信: every managed department except the office itself. */
export const PROMOTING_DEPARTMENTS = DEPARTMENTS.filter((d) => d.fields.length > 0);

export function departmentProgressSentence(statuses: readonly DepartmentStatus[] | undefined): string {
  if (!statuses) return `涉及${PROMOTING_DEPARTMENTS.length}个行管部门，本期各部门推进情况尚未录入。`;
  const of = new Map(statuses.map((s) => [s.departmentId, s]));
  const withDoc = PROMOTING_DEPARTMENTS.filter((d) => of.get(d.id)?.policyDocument).map((d) => d.name);
  const withDyn = PROMOTING_DEPARTMENTS.filter((d) => of.get(d.id)?.dynamics).map((d) => d.name);
  const idle = PROMOTING_DEPARTMENTS.filter((d) => !of.get(d.id)?.policyDocument && !of.get(d.id)?.dynamics).map((d) => d.name);
  const part = (label: string, list: string[]) => `${label}${list.length}个${list.length > 0 ? `：${names(list)}` : ''}`;
  return (
    `涉及${PROMOTING_DEPARTMENTS.length}个行管部门，其中制定推进落实文件${withDoc.length}个单位${withDoc.length > 0 ? `：${names(withDoc)}` : ''}，` +
    `报送工作动态${withDyn.length}个单位${withDyn.length > 0 ? `：${names(withDyn)}` : ''}，${part('尚未启动单位', idle)}。`
  );
}

export function codeSection(
  cutoff: string,
  districts: readonly DistrictRow[],
  statuses: readonly DepartmentStatus[] | undefined,
): ReportSection {
  const ranking = rankingSentence(cutoff, districts);
  if (!ranking) throw new DomainError('NO_TOTALS', '尚未导入各县（区）市场主体总量，无法生成通报');
  return { heading: '三、“码上诚信”工作推进情况', paragraphs: [departmentProgressSentence(statuses), ranking] };
}

// ---------------------------------------------------------------------------------------------
// 四、“信易贷”工作情况 and 附件2

export const DISTRICT_TABLE_HEADERS = [
  '序号',
  '部门名称',
  '入驻“信易贷”平台企业数量占本辖区市场主体总量比重 (%)',
  '“码上诚信”赋码情况占本辖区市场主体总量比重 (%)',
] as const;

export function xinyidaiSection(cutoff: string, districts: readonly DistrictRow[], city: DistrictRow): ReportSection {
  const { top, bottom } = rankingGroups(districts, byXinyidai);
  if (top.length === 0 || !city.xinyidaiShare) throw new DomainError('NO_TOTALS', '尚未导入各县（区）市场主体总量，无法生成通报');
  const entry = (r: { name: string; share: { percent: string } }) => `${r.name}${r.share.percent}%`;
  let text =
    `截至${chineseDate(cutoff)}，“信易贷”平台鹤岗站市场主体注册数量为${city.xinyidai ?? 0}家，占市场总体总量${city.xinyidaiShare.percent}%，` +
    `各县（区）入驻企业占本辖区市场主体总量前三名的是：${names(top.map(entry))}`;
  if (bottom.length > 0) text += `，后两名的是：${names(bottom.map(entry))}`;
  return { heading: '四、“信易贷”工作情况', paragraphs: [`${text}。`] };
}

export function districtTable(cutoff: string, districts: readonly DistrictRow[], city: DistrictRow): ReportTable {
  const row = (r: DistrictRow, index: string) => [index, r.name, r.xinyidaiShare?.percent ?? '', r.codeRate?.percent ?? ''];
  return {
    annex: '附件2',
    title: `各县（区）“码上诚信”赋码及入驻“信易贷”平台情况（截至${chineseDate(cutoff)}）`,
    headers: DISTRICT_TABLE_HEADERS,
    rows: [...districts.map((d, i) => row(d, String(i + 1))), row({ ...city, name: '全市' }, '')],
  };
}

// ---------------------------------------------------------------------------------------------
// 五、市政务守信践诺工作动态报送情况 and 附件4

export const MONTHLY_REPORT_HEADERS = ['序号', '部门名称', '自评报告', '工作动态', '佐证材料'] as const;

const mark = (n: number) => (n === 0 ? '' : n === 1 ? '有' : String(n));

export function monthlyReportSection(month: string, rows: readonly MonthlyReportRow[]): { section: ReportSection; table: ReportTable } {
  const sum = (k: 'selfReport' | 'dynamics' | 'evidence') => rows.reduce((n, r) => n + r[k], 0);
  const silent = rows.filter((r) => r.selfReport + r.dynamics + r.evidence === 0).map((r) => r.unit);
  let text = `${chineseMonth(month)}市守信践诺工作专班收到各责任单位报送工作动态${sum('dynamics')}篇，自评报告${sum('selfReport')}份，佐证材料${sum('evidence')}份，`;
  text += silent.length > 0 ? `未上报材料的单位：${names(silent)}。` : '各责任单位均已上报材料。';
  return {
    section: { heading: '五、市政务守信践诺工作动态报送情况', paragraphs: [text] },
    table: {
      annex: '附件4',
      title: `市政务守信践诺工作动态报送情况（${chineseMonth(month)}）`,
      headers: MONTHLY_REPORT_HEADERS,
      rows: rows.map((r, i) => [String(i + 1), r.unit, mark(r.selfReport), mark(r.dynamics), mark(r.evidence)]),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The whole document.

export interface ReportSources {
  readonly cutoff: string;
  readonly publicity: PublicityPeriod;
  readonly govCommitment: { readonly asOf: string; readonly rows: readonly GovCommitmentRow[] };
  readonly inputs: BulletinInputs;
  readonly departmentStatuses?: readonly DepartmentStatus[];
  readonly districts: readonly DistrictRow[];
  readonly city: DistrictRow;
  readonly monthly: { readonly month: string; readonly rows: readonly MonthlyReportRow[] };
}

/** Where the coded counts as of the cut-off came from: the day's stored snapshot, or counted live. */
export type CodesFrom = 'snapshot' | 'live';

export interface Report {
  readonly title: string;
  readonly cutoff: string;
  readonly sections: readonly ReportSection[];
  /** 附件1 … 附件4 in order. */
  readonly tables: readonly ReportTable[];
}

export function buildReport(src: ReportSources): Report {
  const one = publicitySection(src.publicity);
  const two = govCommitmentSection(src.cutoff, src.govCommitment.rows, src.inputs);
  const three = codeSection(src.cutoff, src.districts, src.departmentStatuses);
  const four = xinyidaiSection(src.cutoff, src.districts, src.city);
  const five = monthlyReportSection(src.monthly.month, src.monthly.rows);
  return {
    title: REPORT_TITLE,
    cutoff: src.cutoff,
    sections: [one.section, two.section, three, four, five.section],
    tables: [one.table, districtTable(src.cutoff, src.districts, src.city), two.table, five.table],
  };
}

// ---------------------------------------------------------------------------------------------
// What the city enters by hand (server/staff/bulletin-inputs.ts) and what a 通报 was built from.

/** One entry of figures the city typed in: one document per date, with who entered it. */
interface Entered {
  _id: string;
  asOf: string;
  enteredBy: string;
  enteredByName: string;
  enteredAt: Date;
}
export type BulletinInputsDoc = Entered & BulletinInputs;
export interface DepartmentProgressDoc extends Entered {
  departments: DepartmentStatus[];
}

/** What a 通报 still needs, one line each. */
export interface ReportMissing {
  code: string;
  message: string;
}

/** A stored source a 通报 was built from (for the page: which period, entered or imported by whom). */
export interface ReportSourceUsed {
  kind: TableKind | 'bulletinInputs' | 'departmentProgress';
  id: string;
  by: string;
  at: Date;
}
