/** Inputs of the outreach list (staff.outreach) and its export (staffFiles.exportOutreach). */
import * as z from 'zod';
import { FIELDS } from '../fields';
import { districtCode, oneOf, optionalDate, optionalText } from './common';

export const outreachFilters = {
  districtCode: districtCode().optional(),
  field: oneOf('行业领域', FIELDS).optional(),
  entityType: optionalText('市场主体类型', 30),
  address: optionalText('地址', 50),
  foundedFrom: optionalDate('成立日期起'),
  foundedTo: optionalDate('成立日期止'),
  keyword: optionalText('关键词', 50),
};
export type OutreachFilters = z.infer<z.ZodObject<typeof outreachFilters>>;
