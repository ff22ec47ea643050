/**
 * 考核: the annual "信用鹤岗" assessment of each county/district (附件1 of the office's 2022 notice)
 * and each 市直 department (附件2), scored on what the system can see. Every indicator is listed
 * with its points and its 评分标准 quoted verbatim; those the data decides carry the figure and
 * the points lost, the rest are "需人工评定" (documents, photos, meetings: people judge them). Pure:
 * the staff function hands in the figures it counted.
 *
 * Counts judged per year (信用承诺, 工作动态) are scored as they stand on the date of the figures;
 * `need` says what is still missing before 31 December.
 */
import { DEPARTMENTS, type Department } from './departments';
import { DISTRICTS } from './districts';
import { basisPoints, competitionRanks, formatBasisPoints, type DistrictRow } from './rates';

export type UnitKind = 'district' | 'department';

export interface Indicator {
  readonly id: string;
  /** 考核内容 (section) and 指标明细 (item). */
  readonly section: string;
  readonly item: string;
  readonly points: number;
  /** The 评分标准 text, verbatim. */
  readonly rule: string;
}

const d = (id: string, section: string, item: string, points: number, rule: string): Indicator => ({ id, section, item, points, rule });

export const DISTRICT_INDICATORS: readonly Indicator[] = [
  d(
    'd1.1',
    '一、信用制度和基础建设',
    '建立辖区内信用议事机构，推进本辖区信用体系建设工作，召开信用体系相关工作会议',
    5,
    '未及时调整辖区信用领导小组组成人员扣 2.5 分。（制定文件） 未召开信用工作会议扣 2.5 分。（信息、图片）',
  ),
  d(
    'd1.2',
    '一、信用制度和基础建设',
    '信用制度落实情况',
    5,
    '未完成对鹤岗市信用体系建设文件和制度的落实，扣 5 分。（落实文件、取得成效、工作汇报）',
  ),
  d(
    'd1.3a',
    '一、信用制度和基础建设',
    '加强“双公示”工作（及时率）',
    5,
    '严格执行“双公示”7 日公示制度，推动本辖区“双公示”信息应录尽录。……准确率、及时率低于 100%扣 5 分。（平台调阅、文件、图片）',
  ),
  d('d1.3b', '一、信用制度和基础建设', '加强“双公示”工作（情况通报）', 5, '未开展本辖区“双公示”情况通报，扣 5 分'),
  d(
    'd1.4',
    '一、信用制度和基础建设',
    '推动行政强制等四类信用信息归集工作',
    5,
    '本行政辖区内产生行政强制等四类信用信息，应录未录扣 5 分。（平台调阅）',
  ),
  d(
    'd2.1',
    '二、优化营商环境',
    '积极引导辖区内市场主体入驻国家“信易贷”平台',
    10,
    '引导市场主体入驻“信易贷”平台数量不低于本辖区市场主体总量 20%，未完成扣 10 分。（平台调阅）',
  ),
  d(
    'd2.2',
    '二、优化营商环境',
    '开展“码上诚信”工作情况',
    10,
    '码上诚信”赋码数量不低于本行政区域内市场总量 40%，未完成扣 10 分。（平台调阅）',
  ),
  d(
    'd2.3',
    '二、优化营商环境',
    '持续开展诚信“七进”活动',
    5,
    '未开展形式多样的诚信“进机关、进大厅、进企业、进市场、进学校、进社区、进村屯”宣传活动扣 5 分。（图片、工作信息、工作动态）',
  ),
  d(
    'd2.4',
    '二、优化营商环境',
    '加强政务诚信建设',
    5,
    '每年度 5 月 1 日前，结合部门职能更新本部门和公职人员诚信履职的信用承诺，承诺覆盖面未达到 100%扣 5 分。（平台调阅）',
  ),
  d(
    'd2.5',
    '二、优化营商环境',
    '重大失信事件情况',
    5,
    '本辖区被列入失信联合惩戒对象名单的企业占比超过 1%，扣 2.5 分，辖区政府部门被列入失信被执行人，扣 2.5 分。（平台调阅）',
  ),
  d(
    'd2.6',
    '二、优化营商环境',
    '开展信用创新试点工作',
    5,
    '未开展“诚信园区、诚信商场、诚信农场、诚信商圈”等信用试点工作，未形成经验材料并推广的，扣 5 分。（经验材料）',
  ),
  d(
    'd3.1',
    '三、信用监管',
    '全面推行信用承诺',
    5,
    '归集本行辖区产生的行政审批、主动承诺、行业自律等各类信用承诺，数量不低于 1000 份扣 5 分。（平台调阅）',
  ),
  d(
    'd3.2',
    '三、信用监管',
    '信用联合奖惩',
    5,
    '本辖区产生“红黑名单”未及时推送进行公示扣 2.5 分，依据奖惩措施清单，依托鹤岗市信用信息共享平台对行政相对人信息实行“逢办必查、逢批必查”，未开展信用核查查的扣 2.5 分。（日常报送、平台调阅）',
  ),
  d('d4', '四、权益保护', '信用修复工作', 10, '本辖区信用修复率低于 80%扣 10 分（平台调阅）'),
  d('d5', '五、诚信教育', '开展诚信教育情况', 5, '本辖区未开展诚信教育课程扣 5 分。（课程计划、信息、图片）'),
  d(
    'd6',
    '六、信息报送',
    '信用信息报送情况',
    10,
    '每年度报送本辖区信用体系建设工作动态、工作信息少于 30 篇，扣 10 分。（日常报送工作动态）',
  ),
];

export const DEPARTMENT_INDICATORS: readonly Indicator[] = [
  d('m1.1', '一、信用制度和基础建设', '信用制度落实情况', 5, '未完成对鹤岗市信用体系建设文件和制度的落实，扣5分。（落实文件、取得成效）'),
  d(
    'm1.2a',
    '一、信用制度和基础建设',
    '信用信息公示情况（及时率）',
    5,
    '推动严格执行“双公示”7日公示制度应录尽录，……准确率、及时率低于100%扣5分。（原始台账，自查承诺书，平台调阅）',
  ),
  d('m1.2b', '一、信用制度和基础建设', '信用信息公示情况（自检自查）', 5, '未开展本部门“双公示”自检自查工作，扣5分'),
  d(
    'm1.3',
    '一、信用制度和基础建设',
    '信用数据归集情况',
    5,
    '按照《黑龙江省信用信息目录》归集报送信用数据，未按目录要求，归集报送本部门年度更新信用数据扣5分。（平台调阅）',
  ),
  d(
    'm1.4',
    '一、信用制度和基础建设',
    '统一社会信用代码情况',
    5,
    '本领域存在重错码信息，应纠正未纠正，导致本地重错率高于城市平均水平，扣5分。（国家代码中心反馈数据为准）',
  ),
  d('m1.5', '一、信用制度和基础建设', '行政强制等四类信用信息归集工作', 5, '本部门产生行政强制等四类信用信息，应录未录扣5分。（平台调阅）'),
  d(
    'm2.1',
    '二、优化营商环境',
    '配合县区开展“信易贷”工作',
    5,
    '充分发挥行管部门职能，配合县区积极引导市场主体入驻“信易贷”平台，未开展扣5分。（落实文件、信息报道、工作动态）',
  ),
  d('m2.2', '二、优化营商环境', '开展信用便民惠企服务', 5, '结合部门职能，开展“信易+”场景应用，未开展扣5分。（出台文件、工作信息）'),
  d(
    'm2.3',
    '二、优化营商环境',
    '持续开展诚信“七进”活动',
    5,
    '结合部门职能，开展形式多样的诚信“进机关、进大厅、进企业、进市场、进学校、进社区、进村屯”宣传活动，未开展扣5分。（图片、工作信息、工作动态）',
  ),
  d(
    'm2.4',
    '二、优化营商环境',
    '配合县区开展“码上诚信”工作',
    5,
    '充分发挥行管部门职能，配合县区积极开展码上诚信”赋码工作，未开展扣5分。（落实文件、信息报道、工作动态）',
  ),
  d(
    'm2.5',
    '二、优化营商环境',
    '加强政务诚信建设',
    5,
    '每年度5月1日前，结合部门职能更新本部门和公职人员诚信履职的信用承诺，未报送扣5分。（平台调阅）',
  ),
  d(
    'm2.6',
    '二、优化营商环境',
    '杜绝本领域重大失信事件',
    5,
    '本领域被列入失信联合惩戒对象名单的企业占比超过1%，扣2.5分，本部门被列入失信被执行人，扣2.5分。（平台调阅）',
  ),
  d(
    'm3.1',
    '三、信用监管',
    '全面推行信用承诺',
    10,
    '归集本领域产生的行政审批、市场主体主动承诺、行业自律等各类信用承诺，产生承诺未及时通过鹤岗市信用信息共享平台报送扣10分。（平台调阅）',
  ),
  d(
    'm3.2',
    '三、信用监管',
    '信用联合奖惩',
    5,
    '本部门产生“红黑名单”未及时推送，未公开公示的扣2.5分，依据奖惩措施清单，依托鹤岗市信用信息共享平台对行政相对人信息实行“逢办必查、逢批必查”，未开展信用核查的扣2.5分。（日常报送、平台调阅）',
  ),
  d(
    'm3.3',
    '三、信用监管',
    '信用分级分类监管',
    5,
    '鹤岗市重点领域分级分类工作涉及单位未启动并实施信用分级分类监管措施，……评价结果未有效应用部门监管的，扣5分。（出台文件、评价结果、工作动态）',
  ),
  d('m4', '四、权益保护', '信用修复情况', 5, '本领域信用修复率低于80%扣5分。（平台调阅）'),
  d('m5', '五、诚信教育', '开展诚信教育情况', 5, '未开展诚信教育课程扣5分。（课程计划、工作信息、图片）'),
  d(
    'm6',
    '六、信息报送',
    '信用信息报送情况',
    10,
    '充分展示部门信用体系建设风采，结合本部门工作职能与信用工作充分融合，每年度向市信用办报送信用信息不得少于10篇，未完成扣10分。（日常报送工作动态）',
  ),
];

/** Thresholds the rules name. */
export const KAOHE_THRESHOLDS = { districtCommitments: 1000, districtDynamics: 30, departmentDynamics: 10 } as const;

/**
 * lost: the data shows the rule is not met (as of the figures' date); met: it is; manual: people
 * judge it (需人工评定), possibly with a figure to help; noData: the system could judge it but the
 * table it needs was not imported.
 */
export type AssessmentStatus = 'lost' | 'met' | 'manual' | 'noData';

export interface Assessment {
  readonly indicator: Indicator;
  readonly status: AssessmentStatus;
  readonly lost: number;
  /** The figure the verdict rests on, in words (赋码率 12.50%（2/16）). */
  readonly figure?: string;
  /** What is still needed before 31 December. */
  readonly need?: string;
}

/** The figures of one unit for a year, as counted by the staff function; undefined = not available. */
export interface UnitFigures {
  /** 双公示 over the year's 附件1 tables. */
  readonly publicity?: { readonly total: number; readonly timely: number };
  /** The unit's row in the latest 附件3 (政务承诺份数). */
  readonly govCommitments?: number;
  /** 工作动态 over the year's 附件4 tables (篇). */
  readonly dynamics?: number;
  /** Months of 附件4 imported this year (so "no row" can be told from "no table"). */
  readonly monthlyTables: number;
  /** Commitments of the year in the district / supplied by the department. */
  readonly commitments: number;
  /** Districts: the stats row as of the date. */
  readonly districtRow?: DistrictRow;
  /** Departments: the 码上诚信 status the city entered (undefined when not entered). */
  readonly promoting?: boolean;
}

export interface UnitScore {
  readonly kind: UnitKind;
  readonly id: string;
  readonly name: string;
  readonly assessments: readonly Assessment[];
  /** Points lost on what the system sees. */
  readonly lost: number;
  /** 100 minus `lost`: the score if people award every manual indicator. */
  readonly score: number;
  /** Points still to be judged by people. */
  readonly manualPoints: number;
  /** Competition rank by score among units of the same kind. */
  readonly rank: number;
  /** One line per indicator that still needs something this year. */
  readonly needs: readonly string[];
}

const pct = (n: number, total: number) => `${formatBasisPoints(basisPoints(n, total))}%`;

function assess(ind: Indicator, f: UnitFigures): Assessment {
  const manual = (figure?: string): Assessment => ({ indicator: ind, status: 'manual', lost: 0, ...(figure ? { figure } : {}) });
  const verdict = (ok: boolean, figure: string, need?: string): Assessment =>
    ok
      ? { indicator: ind, status: 'met', lost: 0, figure }
      : { indicator: ind, status: 'lost', lost: ind.points, figure, ...(need ? { need } : {}) };
  const noData = (figure: string): Assessment => ({ indicator: ind, status: 'noData', lost: 0, figure });
  switch (ind.id) {
    case 'd1.3a':
    case 'm1.2a': {
      const p = f.publicity;
      if (!p) return noData('本年度“双公示”报送情况表（附件1）中没有本单位');
      if (p.total === 0) return manual('本年度附件1中本单位填报“双公示”信息0条');
      // A late item cannot be made timely afterwards: once lost, nothing this year wins it back.
      return verdict(p.timely === p.total, `本年度及时填报${p.timely}条/共${p.total}条，及时率${pct(p.timely, p.total)}`);
    }
    case 'd2.1': {
      const s = f.districtRow?.xinyidaiShare;
      if (!s) return noData('尚未导入本辖区市场主体总量');
      return verdict(
        s.reachedTarget,
        `入驻“信易贷”${s.count}家/市场主体${s.total}户，占${s.percent}%`,
        `年底前还需引导${s.gapToTarget}家市场主体入驻“信易贷”平台`,
      );
    }
    case 'd2.2': {
      const s = f.districtRow?.codeRate;
      if (!s) return noData('尚未导入本辖区市场主体总量');
      return verdict(s.reachedTarget, `赋码${s.count}户/市场主体${s.total}户，赋码率${s.percent}%`, `年底前还需赋码${s.gapToTarget}户`);
    }
    case 'd2.4':
    case 'm2.5': {
      if (f.govCommitments === undefined) return noData('政务承诺完成情况表（附件3）中没有本单位');
      return verdict(f.govCommitments > 0, `附件3中本单位政务承诺${f.govCommitments}份`, '须作出并报送本单位及公职人员的政务诚信承诺');
    }
    case 'd3.1': {
      const t = KAOHE_THRESHOLDS.districtCommitments;
      return verdict(f.commitments >= t, `本年度归集信用承诺${f.commitments}份`, `年底前还需归集信用承诺${t - f.commitments}份`);
    }
    case 'm3.1':
      return manual(`本年度本部门报送信用承诺${f.commitments}份（是否及时报送需人工评定）`);
    case 'd6':
    case 'm6': {
      const t = ind.id === 'd6' ? KAOHE_THRESHOLDS.districtDynamics : KAOHE_THRESHOLDS.departmentDynamics;
      if (f.monthlyTables === 0) return noData('本年度尚未导入工作动态报送情况表（附件4）');
      const n = f.dynamics ?? 0;
      return verdict(n >= t, `本年度报送工作动态${n}篇`, `年底前还需报送工作动态${t - n}篇`);
    }
    case 'm2.4':
      if (f.promoting === undefined) return manual('行管部门推进情况尚未录入');
      return verdict(
        f.promoting,
        f.promoting ? '已制定推进落实文件或报送工作动态' : '尚未启动（未制定推进落实文件，未报送工作动态）',
        '须制定推进落实文件并报送工作动态',
      );
    default:
      return manual();
  }
}

function score(kind: UnitKind, id: string, name: string, indicators: readonly Indicator[], f: UnitFigures) {
  const assessments = indicators.map((i) => assess(i, f));
  const lost = assessments.reduce((n, a) => n + a.lost, 0);
  const manualPoints = assessments
    .filter((a) => a.status === 'manual' || a.status === 'noData')
    .reduce((n, a) => n + a.indicator.points, 0);
  const needs = assessments.filter((a) => a.need).map((a) => `${a.indicator.item}：${a.need}`);
  return { kind, id, name, assessments, lost, score: 100 - lost, manualPoints, needs };
}

function ranked<T extends { score: number }>(units: T[]): (T & { rank: number })[] {
  const ranks = competitionRanks(units.map((u) => ({ count: u.score, total: 1 })));
  return units.map((u, i) => ({ ...u, rank: ranks[i]! })).sort((a, b) => a.rank - b.rank);
}

export function scoreDistricts(figures: (code: string) => UnitFigures): UnitScore[] {
  return ranked(DISTRICTS.map((x) => score('district', x.code, x.name, DISTRICT_INDICATORS, figures(x.code))));
}

/** The 市直 departments assessed: every managed department except the office that assesses them. */
export const ASSESSED_DEPARTMENTS: readonly Department[] = DEPARTMENTS.filter((x) => x.fields.length > 0);

export function scoreDepartments(figures: (id: string) => UnitFigures): UnitScore[] {
  return ranked(ASSESSED_DEPARTMENTS.map((x) => score('department', x.id, x.name, DEPARTMENT_INDICATORS, figures(x.id))));
}

/** A table row's unit name matched loosely against a unit (spaces dropped; short or full name). */
export function sameUnit(rowName: string, ...names: string[]): boolean {
  const n = (s: string) => s.replace(/[\s\u3000]/g, '');
  return names.some((x) => n(x) === n(rowName));
}
