/** 诚信码申请: what a merchant submits to have a code issued. */
import * as z from 'zod';
import { ENTITY_CATEGORIES, FIELDS } from '../fields';
import { districtCode, oneOf, optionalImageRef, phone, text, uscc } from './common';

const CATEGORY_KEYS = Object.keys(ENTITY_CATEGORIES) as [keyof typeof ENTITY_CATEGORIES, ...(keyof typeof ENTITY_CATEGORIES)[]];

export const applicationSchema = z.object({
  uscc: uscc(),
  entityName: text('市场主体名称', 100),
  category: oneOf('主体类别', CATEGORY_KEYS),
  /** Optional when the USCC's area is one of the eight districts; the handler decides (see resolveDistrict). */
  districtCode: z.preprocess((v) => (v === '' || v === null ? undefined : v), districtCode().optional()),
  address: text('经营地址', 200),
  field: oneOf('行业领域', FIELDS),
  contactName: text('联系人', 30),
  contactPhone: phone(),
  /** A cloud fileID (checked against this environment by the handler) or an https URL. */
  storefrontPhoto: optionalImageRef('门头照片'),
});
export type ApplicationInput = z.output<typeof applicationSchema>;
