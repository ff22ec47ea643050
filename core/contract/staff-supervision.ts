/** The `staff` function's contract, part two: reports and objections, entities, outreach, ledger, inspections, streets. */
import * as z from 'zod';
import { CODE_REASON_KEYS } from '../code-reasons';
import { DEPARTMENT_IDS } from '../departments';
import type { EntityCategory } from '../fields';
import {
  CONTACT_RESULTS,
  INSPECTION_RESULTS,
  MAX_INSPECTION_PHOTOS,
  MAX_STREET_USCCS,
  type ContactView,
  type Coverage,
  type DepartmentLedgerEntry,
  type DepartmentProgress,
  type DepartmentStatus,
  type Inspection,
  type InspectionItem,
  type LedgerFile,
  type OutreachContact,
  type Street,
} from '../reach';
import { date, districtCode, docId, oneOf, optionalText, pageFields, text, uscc } from '../schemas/common';
import { OBJECTION_RESULTS, type ObjectionResult, type ObjectionView, type ReportHistoryItem, type ReportStatus } from '../supervision';
import type { ReportReason } from '../verify';
import type { AuditRecord, CodeHistoryItem, CodeStatus, RecordKind, RegisterEntry, WithdrawalItem } from '../wire';
import { action, type Contract } from './define';

// ---------------------------------------------------------------- inputs shared with other actions

/** The outreach list's filters (core/schemas/reach.ts; also those of staffFiles.exportOutreach). */
import { outreachFilters, type OutreachFilters } from '../schemas/reach';
export { outreachFilters, type OutreachFilters };

/** The ledger's columns, as the city edits them (also those of staffFiles.importLedger). */
export const ledgerFields = {
  goal: text('工作任务目标', 1000),
  measures: text('工作措施', 2000),
  leader: text('责任领导', 50),
  responsible: text('责任人', 50),
  deadline: text('完成时限', 50),
};

const month = (label: string) =>
  z.string({ error: `${label}为必填项` }).regex(/^20\d{2}-(0[1-9]|1[0-2])$/, { error: `${label}格式应为 2026-05` });
const departmentId = () => z.enum(DEPARTMENT_IDS, { error: '责任单位应为本系统的行管部门之一' });

/** An inspection's entity: the scanned code or the USCC. */
const inspectionRef = { codeId: docId('诚信码编号').optional(), uscc: uscc().optional() };
const hasRef = (v: { codeId?: string; uscc?: string }) => v.codeId !== undefined || v.uscc !== undefined;
const REF_MISSING = { error: '请提供诚信码编号或统一社会信用代码', path: ['codeId'] };

const none = z.object({});

// ---------------------------------------------------------------- answers

export interface Paged<T> {
  total: number;
  items: T[];
}

/** A report as the staff who handle it see it (the reporter's openid never leaves the server). */
export interface StaffReport {
  reportId: string;
  trackingNo: string;
  reason: ReportReason;
  detail: string;
  scanned: string;
  codeId: string;
  uscc: string;
  entityName: string;
  districtCode: string;
  districtName: string;
  field: string;
  /** Reports without a district are the city's. */
  routedTo: 'district' | 'city';
  forged: boolean;
  photos: string[];
  status: ReportStatus;
  statusText: string;
  outcome: string;
  history: ReportHistoryItem[];
  createdAt: string;
}

/** An objection in the staff queue: who answers it follows from its district and department. */
export interface StaffObjection extends ObjectionView {
  districtCode: string;
  departmentId: string;
}

/** The dashboard's supervision alerts in the caller's scope. */
export interface SupervisionSummary {
  openReports: number;
  openForgedReports: number;
  openObjections: number;
  overdueObjections: number;
}

/** A credit record in the staff entity view: its stored fields, its source and whether the caller may change it. */
export interface StaffRecord {
  kind: RecordKind;
  id: string;
  fields: Record<string, unknown>;
  source: { kind: 'import'; department: string; batchId: string } | { kind: 'self' };
  withdrawn: boolean;
  withdrawal: WithdrawalItem | null;
  mayChange: boolean;
}

/** A code with its history, as staff see it. */
export interface StaffCodeItem {
  codeId: string;
  status: CodeStatus;
  version: number;
  issuedAt: string;
  history: CodeHistoryItem[];
}

/** staff.entity: everything about one entity in the caller's scope, and what the caller may do. */
export interface StaffEntityView {
  entity: {
    entityId: string;
    uscc: string;
    name: string;
    category: EntityCategory;
    districtCode: string;
    field: string;
    address: string;
    contactName: string;
    /** Masked: 138****5678. */
    contactPhone: string;
    owners: number;
    createdAt: string;
  };
  codes: StaffCodeItem[];
  records: StaffRecord[];
  reports: Pick<StaffReport, 'reportId' | 'trackingNo' | 'reason' | 'status' | 'statusText' | 'outcome' | 'createdAt'>[];
  objections: ObjectionView[];
  audit: (Omit<AuditRecord, '_id' | 'reason'> & { reason: string })[];
  actions: { suspendCode: boolean; reinstateCode: boolean; revokeCode: boolean; inScope: boolean };
}

/** An uncoded register entity in business, with its latest contact. */
export interface OutreachItem extends Pick<
  RegisterEntry,
  'uscc' | 'name' | 'entityType' | 'legalRep' | 'address' | 'districtCode' | 'regStatus'
> {
  /** 成立日期, '' when the register has none. */
  foundedOn: string;
  lastContact: ContactView | null;
  contacts: number;
}

/** One district's way to 40%. */
export interface GapRow {
  districtCode: string;
  name: string;
  coded: number;
  marketEntities: number | null;
  percent: string | null;
  /** More codes needed to reach 40%; null while the district has neither imported totals nor register rows in business. */
  neededFor40: number | null;
  uncodedInRegister: number;
  topFields: { field: string; uncoded: number }[];
  topEntityTypes: { entityType: string; uncoded: number }[];
}

/** Every department's progress as of a month's end. */
export interface DepartmentProgressData {
  month: string;
  departments: DepartmentProgress[];
  groups: { status: DepartmentStatus; departments: string[] }[];
  sentence: string;
}

/** What an inspector needs on site (staff only; includes contacts). */
export interface InspectionViewData {
  uscc: string;
  districtCode: string;
  field: string | null;
  name: string;
  address: string;
  legalRep: string;
  entityType: string;
  contactName: string;
  contactPhone: string;
  code: StaffCodeItem | null;
  openReports: number;
  openObjections: number;
  inspections: InspectionItem[];
}

/** A street in the staff list. */
export interface StreetSummary {
  _id: string;
  name: string;
  districtCode: string;
  listed: number;
  addressFragment: string;
  coverage: Coverage;
}

/** Checks of codes per district over the last 30 days (counts only). */
export interface DistrictScans {
  from: string;
  to: string;
  districts: { districtCode: string; districtName: string; scans: number }[];
}

// ---------------------------------------------------------------- the actions

export const staffSupervisionContract = {
  /** 举报 in the caller's scope, newest first; `keyword` is a USCC, a 受理编号 or part of the name. */
  reports: action<Paged<StaffReport>>()(
    z.object({
      status: oneOf('状态', ['open', 'verifying', 'closed', 'all']).default('open'),
      keyword: optionalText('关键词', 60),
      forged: z.boolean({ error: '筛选条件不正确' }).optional(),
      ...pageFields,
    }),
  ),
  /** Move a report on (核查中 / 已办结), optionally suspending its code; the reporter is told. */
  handleReport: action<{ reportId: string; status: 'verifying' | 'closed' }>()(
    z.object({
      reportId: docId('举报编号'),
      status: oneOf('处理状态', ['verifying', 'closed']),
      outcome: text('处理情况', 500),
      /** Suspend the reported code on the way (same path as staff.suspendCode). */
      suspendCode: z.boolean({ error: '是否暂停诚信码应为是或否' }).default(false),
      category: oneOf('原因类别', CODE_REASON_KEYS).default('report'),
    }),
  ),
  /** 异议 the caller answers, the nearest deadline first. */
  objections: action<Paged<StaffObjection>>()(
    z.object({
      status: oneOf('状态', ['open', 'answered', 'overdue', 'all']).default('open'),
      keyword: optionalText('关键词', 60),
      ...pageFields,
    }),
  ),
  /** Answer an objection: keep (upheld), correct or withdraw the record; the merchant is told. */
  answerObjection: action<{ objectionId: string; status: 'answered'; result: ObjectionResult }>()(
    z
      .object({
        objectionId: docId('异议编号'),
        result: oneOf('处理结果', Object.keys(OBJECTION_RESULTS) as [ObjectionResult, ...ObjectionResult[]]),
        reply: text('答复内容', 500),
        changes: z.record(z.string(), z.unknown(), { error: '更正内容格式不正确' }).optional(),
      })
      .refine((v) => v.result !== 'corrected' || (v.changes !== undefined && Object.keys(v.changes).length > 0), {
        error: '请填写要更正的内容',
        path: ['changes'],
      })
      .refine((v) => v.changes === undefined || Object.keys(v.changes).length <= 30, { error: '更正内容过多', path: ['changes'] }),
  ),
  supervisionSummary: action<SupervisionSummary>()(none),
  /** The staff view of one entity (in scope). */
  entity: action<StaffEntityView>()(z.object({ uscc: uscc() })),
  /** The audit log, newest first (city only). */
  auditLog: action<Paged<AuditRecord>>()(
    z.object({
      targetId: optionalText('对象编号', 64),
      actor: optionalText('操作人', 64),
      ...pageFields,
    }),
  ),
  /** Uncoded register entities in business, in the caller's scope. */
  outreach: action<{ total: number; offset: number; items: OutreachItem[] }>()(z.object({ ...outreachFilters, ...pageFields })),
  /** One more contact in an entity's outreach history. */
  recordContact: action<{ contact: OutreachContact }>()(
    z.object({
      uscc: uscc(),
      result: oneOf('联系结果', CONTACT_RESULTS),
      note: optionalText('备注', 200),
      date: date('联系日期'),
    }),
  ),
  gap: action<{ districts: GapRow[] }>()(none),
  /** The city sets one department's ledger row. */
  saveLedgerEntry: action<{ entry: DepartmentLedgerEntry }>()(
    z.object({ departmentId: departmentId(), ...ledgerFields, index: z.number().int().min(1).max(999).optional() }),
  ),
  /** A department's 推进落实文件 or 工作动态 (a fileID of this environment's storage). */
  uploadLedgerFile: action<{ file: LedgerFile & { kindLabel: string } }>()(
    z.object({
      kind: oneOf('材料类别', ['plan', 'update']),
      month: month('所属月份'),
      title: text('标题', 100),
      fileID: z.string({ error: '请上传文件' }).max(500, { error: '文件ID过长' }),
      /** City only: upload for a department. */
      departmentId: departmentId().optional(),
    }),
  ),
  departmentProgress: action<DepartmentProgressData>()(z.object({ month: month('月份').optional() })),
  inspectionView: action<InspectionViewData>()(z.object(inspectionRef).refine(hasRef, REF_MISSING)),
  /** One inspection of the entity behind a code (internal until published). */
  recordInspection: action<{ inspection: Inspection }>()(
    z
      .object({
        ...inspectionRef,
        date: date('检查日期'),
        result: oneOf('检查结果', INSPECTION_RESULTS),
        note: optionalText('检查情况', 500),
        photos: z
          .array(z.string({ error: '照片应为文件ID' }).max(500, { error: '照片的文件ID过长' }), { error: '照片应为列表' })
          .max(MAX_INSPECTION_PHOTOS, { error: `照片最多${MAX_INSPECTION_PHOTOS}张` })
          .default([]),
      })
      .refine(hasRef, REF_MISSING),
  ),
  publishInspection: action<{ inspection: InspectionItem }>()(
    z.object({ inspectionId: docId('检查记录编号'), published: z.boolean({ error: '是否公开应为是或否' }).default(true) }),
  ),
  inspections: action<Paged<InspectionItem & { uscc: string; districtCode: string }>>()(
    z.object({ uscc: uscc().optional(), ...pageFields }),
  ),
  /** Create or change a street (city: any district; district staff: their own). */
  saveStreet: action<{ street: Street & { coverage: Coverage } }>()(
    z
      .object({
        streetId: docId('示范街编号').optional(),
        name: text('名称', 50),
        districtCode: districtCode(),
        uscc: z
          .array(uscc(), { error: '主体名单应为统一社会信用代码列表' })
          .max(MAX_STREET_USCCS, { error: `名单最多${MAX_STREET_USCCS}个主体` })
          .default([]),
        addressFragment: optionalText('地址关键词', 50),
      })
      .refine((v) => v.uscc.length > 0 || v.addressFragment !== undefined, { error: '请填写主体名单或地址关键词', path: ['uscc'] }),
  ),
  streets: action<{ items: StreetSummary[] }>()(z.object({ districtCode: districtCode().optional() })),
  scanStats: action<DistrictScans>()(none),
} satisfies Contract;
