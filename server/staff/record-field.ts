/**
 * The 行业领域 (`field`) an imported commitment is filed under, for department scope: the sheet's
 * optional 行业领域 column; else the importing department's field (a department staff member's own,
 * else the department the import names); else 其他 (city scope only). See core/industry.ts.
 */
import { recordField } from '../../core';
import type { RecordSource } from '../model';
import { departmentOf, type Staff } from './roles';

export function commitmentField(staff: Staff, source: RecordSource, value: Record<string, unknown>): string {
  const dept = departmentOf(staff);
  const imported = source.kind === 'import' ? source : undefined;
  return recordField({
    field: value.field,
    departmentId: dept?.id ?? imported?.departmentId,
    department: imported?.department,
  });
}
