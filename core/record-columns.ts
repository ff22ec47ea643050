/**
 * The columns of the four 归集 record forms (key in code and database, label as people read it), with
 * no zod: the mini-program names a record's fields by them (an objection answered by a correction
 * picks the field by its Chinese name). core/schemas/forms.ts builds the forms from them.
 */
import type { RecordKind } from './wire';

export interface FormColumn {
  readonly key: string;
  readonly label: string;
  readonly required: boolean;
  /** Printed with '*' in the header: only the 主动承诺信息表 marks its required columns so. */
  readonly starred: boolean;
  /** False for our own optional extra columns: accepted when present, not printed on the official template. */
  readonly official: boolean;
}

/** [key, label, required = true, official = true]; `starred` marks required columns with '*' in the header. */
export function columns(starred: boolean, pairs: ReadonlyArray<readonly [string, string, boolean?, boolean?]>): FormColumn[] {
  return pairs.map(([key, label, required = true, official = true]) => ({ key, label, required, starred: starred && required, official }));
}

export const RECORD_COLUMNS: Readonly<Record<RecordKind, readonly FormColumn[]>> = {
  commitment: columns(true, [
    ['promiserName', '承诺人名称'],
    ['promiserCategory', '承诺人类别'],
    ['promiserCode', '承诺人代码'],
    ['commitmentType', '承诺类型'],
    ['commitmentArea', '承诺领域'],
    ['reason', '承诺事由'],
    ['content', '承诺内容'],
    ['liability', '违约责任'],
    ['committedOn', '承诺作出日期'],
    ['publicity', '公开类型'],
    ['field', '行业领域', false, false],
  ]),
  honour: columns(false, [
    ['entityName', '市场主体名称'],
    ['uscc', '统一社会信用代码'],
    ['issuer', '认定部门'],
    ['basis', '认定依据'],
    ['validUntil', '有效期至', false],
    ['collectedOn', '归集日期'],
  ]),
  registration: columns(false, [
    ['entityName', '市场主体名称'],
    ['uscc', '统一社会信用代码'],
    ['itemName', '事项名称'],
    ['content', '事项内容', false],
    ['provider', '提供部门', false],
    ['collectedOn', '归集日期'],
  ]),
  otherInfo: columns(false, [
    ['entityName', '市场主体名称'],
    ['uscc', '统一社会信用代码'],
    ['infoName', '事项名称'],
    ['provider', '提供部门', false],
    ['collectedOn', '归集日期'],
  ]),
};

/** Fields a correction may not change: the entity it belongs to, its source, batch and state (server/records.ts). */
export const FIXED_RECORD_FIELDS: ReadonlySet<string> = new Set([
  '_id',
  'uscc',
  'promiserCode',
  'source',
  'batchId',
  'dedupKey',
  'createdAt',
  'withdrawn',
  'withdrawal',
  'status',
]);

/** The fields of a record that staff may correct, by key and Chinese name, in the form's order. */
export function correctableFields(kind: RecordKind): { key: string; label: string }[] {
  return RECORD_COLUMNS[kind].filter((c) => !FIXED_RECORD_FIELDS.has(c.key)).map(({ key, label }) => ({ key, label }));
}
