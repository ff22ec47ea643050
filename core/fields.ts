/**
 * 行业领域: the fields that departments (行管部门) promote codes in. Department
 * staff are scoped to one field; commitments and entities carry one.
 */
export const FIELDS = [
  '市场监管',
  '税务',
  '商务',
  '交通运输',
  '住房和城乡建设',
  '文化和旅游',
  '卫生健康',
  '生态环境',
  '农业农村',
  '人力资源和社会保障',
  '教育',
  '金融',
  '应急管理',
  '工业和信息化',
  '科技',
  '其他',
] as const;

export type Field = (typeof FIELDS)[number];

/** Kinds of market entity; the USCC's first two characters suggest one. */
export const ENTITY_CATEGORIES = {
  company: '企业',
  individual: '个体工商户',
  cooperative: '农民专业合作社',
  other: '其他组织',
} as const;

export type EntityCategory = keyof typeof ENTITY_CATEGORIES;

/** Registration department + category → the likely kind of entity (a default the person may change). */
export function suggestCategory(uscc: string): EntityCategory {
  const prefix = uscc.slice(0, 2);
  if (prefix === '91') return 'company';
  if (prefix === '92') return 'individual';
  if (prefix === '93') return 'cooperative';
  return 'other';
}
