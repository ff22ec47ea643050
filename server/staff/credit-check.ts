/**
 * staffFiles.creditCheck (逢办必查, 评优评先): staff upload an xlsx list of USCCs (≤ 5,000) and get
 * an xlsx with, per entity, its code status, 主动承诺 count and latest, honours, open objections,
 * open reports and a 提示 column (core/reach.ts creditCheckFlags). Database calls are bounded:
 * per 500 USCCs one call per collection (aggregations for counts). Each check is kept as an
 * audited query: who, when, why, the list's hash and the counts — never the answers.
 */
import { createHash } from 'node:crypto';
import { districtName, DomainError, validateUscc } from '../../core';
import type { OutputOf, ParsedOf } from '../../core/contract';
import { CREDIT_CHECK_FILE, type staffFilesContract } from '../../core/contract/staff-files';
import { cellText } from '../../core/import-layouts';
import { creditCheckFlags, type CreditCheckFacts } from '../../core/reach';
import { chinaDate } from '../../core/rates';
import type { Database } from '../cloud';
import { fetchAll } from '../db';
import { COLLECTIONS, type CodeDoc, type EntityDoc } from '../model';
import type { CreditCheckDoc, RegisterRow } from '../reach-model';
import { chunks } from '../register-coded';
import type { StaffContext } from './define-staff-actions';
import { auditByStaff } from './roles';
import { loadUpload } from './upload';
import { readFirstSheet, writeWorkbook } from './xlsx';

export const MAX_CHECK_ROWS = 5000;
const HEADER_SEARCH_ROWS = 10;
const STATUS_LABEL: Record<string, string> = { active: '有效', suspended: '暂停', revoked: '已撤销' };

export const CREDIT_CHECK_HEADERS = [
  '序号',
  '统一社会信用代码',
  '市场主体名称',
  '所属县（区）',
  '诚信码状态',
  '主动承诺（件）',
  '最近承诺日期',
  '最近承诺内容',
  '守信激励（项）',
  '未结异议（件）',
  '未结举报（件）',
  '提示',
];

interface ListRow {
  row: number;
  raw: string;
  uscc?: string;
}

/** The USCC column: the one headed 统一社会信用代码 in the first rows, else the first column. */
async function readList(file: Buffer): Promise<ListRow[]> {
  let col: number | undefined;
  const out: ListRow[] = [];
  const pending: { row: number; cells: string[] }[] = [];
  const take = (row: number, cells: string[], c: number) => {
    const raw = cells[c] ?? '';
    if (raw === '') return;
    if (out.length >= MAX_CHECK_ROWS) throw new DomainError('TOO_MANY_ROWS', `每次最多核查${MAX_CHECK_ROWS}个主体，请拆分后分批核查`);
    const v = validateUscc(raw);
    out.push({ row, raw, ...(v.valid ? { uscc: v.normalized } : {}) });
  };
  for await (const r of readFirstSheet(file)) {
    const cells = Array.from(r.cells, cellText);
    if (col === undefined) {
      const h = cells.findIndex((c) => c.replace(/\s/g, '').includes('统一社会信用代码'));
      if (h > 0) {
        col = h;
        pending.length = 0;
        continue;
      }
      pending.push({ row: r.row, cells });
      if (pending.length < HEADER_SEARCH_ROWS) continue;
      col = 1;
      for (const p of pending) take(p.row, p.cells, col);
      continue;
    }
    take(r.row, cells, col);
  }
  if (col === undefined) for (const p of pending) take(p.row, p.cells, 1);
  return out;
}

interface Counted {
  _id: string;
  n: number;
  latest?: string;
}

/** Per USCC: count (and latest date) of the matching documents, one aggregation per 500 USCCs. */
async function countBy(
  db: Database,
  coll: string,
  usccs: string[],
  match: Record<string, unknown>,
  latestField?: string,
): Promise<Map<string, Counted>> {
  const $ = db.command.aggregate;
  const out = new Map<string, Counted>();
  for (const part of chunks(usccs)) {
    const res = (await db
      .collection(coll)
      .aggregate()
      .match({ ...match, uscc: db.command.in(part) })
      .group({ _id: '$uscc', n: $.sum(1), ...(latestField ? { latest: $.max(`$${latestField}`) } : {}) })
      .limit(1000)
      .end()) as { list: Counted[] };
    for (const g of res.list) out.set(g._id, g);
  }
  return out;
}

/** Documents of these USCCs (one call per 500; each USCC has at most one entity/register row and few codes). */
async function byUscc<T extends { uscc: string }>(
  db: Database,
  coll: string,
  usccs: string[],
  extra: Record<string, unknown> = {},
): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunks(usccs))
    out.push(
      ...(await fetchAll<T>(
        db
          .collection(coll)
          .where({ ...extra, uscc: db.command.in(part) })
          .limit(1000),
      )),
    );
  return out;
}

export async function creditCheck(
  args: ParsedOf<typeof staffFilesContract.creditCheck>,
  { staff, db, now }: StaffContext,
): Promise<OutputOf<typeof staffFilesContract.creditCheck>> {
  const list = await readList(await loadUpload(args, CREDIT_CHECK_FILE));
  if (list.length === 0) throw new DomainError('EMPTY_FILE', '表格中没有统一社会信用代码');
  const usccs = [...new Set(list.flatMap((r) => (r.uscc ? [r.uscc] : [])))];
  const _ = db.command;
  const notWithdrawn = { withdrawn: _.neq(true) };
  const [entities, register, codes, commitments, honours, objections, reports] = await Promise.all([
    byUscc<EntityDoc>(db, COLLECTIONS.entities, usccs),
    byUscc<RegisterRow>(db, COLLECTIONS.register, usccs),
    byUscc<CodeDoc>(db, COLLECTIONS.codes, usccs),
    countBy(db, COLLECTIONS.commitments, usccs, { ...notWithdrawn, status: 'approved' }, 'committedOn'),
    countBy(db, COLLECTIONS.honours, usccs, notWithdrawn),
    countBy(db, COLLECTIONS.objections, usccs, { status: 'open' }),
    countBy(db, COLLECTIONS.reports, usccs, { status: 'open' }),
  ]);
  // The content of each entity's latest commitment: one more call per 500 entities that have one.
  const latestKeys = [...commitments.values()].filter((c) => c.latest);
  const latestContent = new Map<string, string>();
  for (const part of chunks(latestKeys)) {
    const docs = await fetchAll<{ uscc: string; committedOn: string; content: string }>(
      db
        .collection(COLLECTIONS.commitments)
        .where({
          ...notWithdrawn,
          status: 'approved',
          uscc: _.in(part.map((c) => c._id)),
          committedOn: _.in([...new Set(part.map((c) => c.latest!))]),
        })
        .field({ uscc: true, committedOn: true, content: true })
        .limit(1000),
    );
    for (const d of docs)
      if (commitments.get(d.uscc)?.latest === d.committedOn && !latestContent.has(d.uscc)) latestContent.set(d.uscc, d.content);
  }
  const entityOf = new Map(entities.map((e) => [e.uscc, e]));
  const registerOf = new Map(register.map((r) => [r.uscc, r]));
  // The code that speaks for the entity: its live one, else its newest.
  const codeOf = new Map<string, CodeDoc>();
  for (const c of codes) {
    const seen = codeOf.get(c.uscc);
    const live = (x: CodeDoc) => x.status !== 'revoked';
    if (!seen || (live(c) && !live(seen)) || (live(c) === live(seen) && c.version > seen.version)) codeOf.set(c.uscc, c);
  }

  let flagged = 0;
  const rows: unknown[][] = [CREDIT_CHECK_HEADERS];
  list.forEach((r, i) => {
    if (!r.uscc) {
      rows.push([i + 1, r.raw, '', '', '', null, '', '', null, null, null, '统一社会信用代码格式不正确']);
      flagged++;
      return;
    }
    const e = entityOf.get(r.uscc);
    const reg = registerOf.get(r.uscc);
    const code = codeOf.get(r.uscc);
    const facts: CreditCheckFacts = {
      registered: reg !== undefined,
      ...(code ? { codeStatus: code.status } : {}),
      commitments: commitments.get(r.uscc)?.n ?? 0,
      honours: honours.get(r.uscc)?.n ?? 0,
      openObjections: objections.get(r.uscc)?.n ?? 0,
      openReports: reports.get(r.uscc)?.n ?? 0,
    };
    const flags = creditCheckFlags(facts);
    if (flags !== '无异常') flagged++;
    const district = e?.districtCode ?? reg?.districtCode;
    rows.push([
      i + 1,
      r.uscc,
      e?.name ?? reg?.name ?? '',
      district ? (districtName(district) ?? district) : '',
      code ? STATUS_LABEL[code.status] : '未赋码',
      facts.commitments,
      commitments.get(r.uscc)?.latest ?? '',
      latestContent.get(r.uscc) ?? '',
      facts.honours,
      facts.openObjections,
      facts.openReports,
      flags,
    ]);
  });
  const file = await writeWorkbook([
    { name: '信用核查结果', rows, boldRows: [1], columnWidths: [6, 22, 36, 10, 10, 10, 12, 40, 10, 10, 10, 36] },
  ]);

  const listHash = createHash('sha256')
    .update([...list.map((r) => r.uscc ?? r.raw)].sort().join('\n'))
    .digest('hex');
  const doc: Omit<CreditCheckDoc, '_id'> = {
    checkedBy: staff.openid,
    role: staff.role,
    purpose: args.purpose ?? '',
    listHash,
    counts: { rows: list.length, checked: usccs.length, invalid: list.length - list.filter((r) => r.uscc).length, flagged },
    at: now,
  };
  const res = (await db.collection(COLLECTIONS.creditChecks).add({ data: doc })) as { _id: string };
  await auditByStaff(db, staff, {
    at: now,
    action: 'creditCheck',
    target: { collection: COLLECTIONS.creditChecks, id: res._id },
    before: null,
    after: doc,
  });
  return { checkId: res._id, fileName: `信用核查结果-${chinaDate(now)}.xlsx`, fileBase64: file.toString('base64'), counts: doc.counts };
}
