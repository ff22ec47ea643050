/** 诚信码申请: what a merchant submits to have a code issued. */
import * as z from 'zod';
import { ENTITY_CATEGORIES, FIELDS } from '../fields';
import { cloudPhotoRef, districtCode, oneOf, optionalCloudPhotoRef, phone, text, uscc } from './common';

const CATEGORY_KEYS = Object.keys(ENTITY_CATEGORIES) as [keyof typeof ENTITY_CATEGORIES, ...(keyof typeof ENTITY_CATEGORIES)[]];

export const applicationSchema = z.object({
  uscc: uscc(),
  entityName: text('市场主体名称', 100),
  category: oneOf('主体类别', CATEGORY_KEYS),
  /** Used only for a city-level or outside code with no entity and no register row (see reviewingDistrict). */
  districtCode: z.preprocess((v) => (v === '' || v === null ? undefined : v), districtCode().optional()),
  address: text('经营地址', 200),
  field: oneOf('行业领域', FIELDS),
  contactName: text('联系人', 30),
  contactPhone: phone(),
  /** 法定代表人（负责人、经营者）as on the licence; compared with the register, never public. */
  legalRepName: text('法定代表人（负责人、经营者）', 30),
  /** A cloud fileID (checked against this environment by the handler); web addresses are refused. */
  storefrontPhoto: optionalCloudPhotoRef('门头照片'),
  /** Photo of the 营业执照: required, a cloud fileID of this environment, shown only to the reviewing staff. */
  licencePhoto: cloudPhotoRef('营业执照照片'),
});
export type ApplicationInput = z.output<typeof applicationSchema>;
