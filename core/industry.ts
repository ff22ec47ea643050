/**
 * Which 行业领域 (field) a record or a new entity belongs to, and how to say an entity's industry
 * in words a customer understands. The fields are the departments' working categories
 * (市场监管, 住房和城乡建设 …); a customer scanning a code wants to read "餐饮服务", not "市场监管".
 */
import { DEPARTMENTS, departmentById, type Department } from './departments';
import { FIELDS, type Field } from './fields';

export function isField(v: unknown): v is Field {
  return typeof v === 'string' && (FIELDS as readonly string[]).includes(v);
}

/** A department named by its short name (市市场监管局) or full name (鹤岗市市场监督管理局). */
export function departmentByName(name: string | undefined): Department | undefined {
  const n = (name ?? '').trim();
  if (n === '') return undefined;
  return DEPARTMENTS.find((d) => d.name === n || d.fullName === n);
}

/**
 * The 行管部门 a form's free-text department cell names (认定部门 such as 税务局, 国家税务总局鹤岗市
 * 税务局 or 市市场监管局): the department whose name, full name or name without 市 appears in it.
 */
export function departmentInText(text: string | undefined): Department | undefined {
  const n = (text ?? '').replace(/[\s\u3000]/g, '');
  if (n === '') return undefined;
  return (
    departmentByName(n) ?? DEPARTMENTS.find((d) => d.fields.length > 0 && (n.includes(d.fullName) || n.includes(d.name.replace(/^市/, ''))))
  );
}

/**
 * The field of an imported record (for department scope): the record's own 行业领域 when the sheet
 * had that column; else the first field of the department it came from (by id, else by name);
 * else the entity's field when it is known; else 其他. The city importing for no department and
 * no known entity gets 其他, which only the city's own scope covers.
 */
export function recordField(from: { field?: unknown; departmentId?: string; department?: string; entityField?: unknown }): Field {
  if (isField(from.field)) return from.field;
  const dept = departmentById(from.departmentId) ?? departmentByName(from.department);
  const first = dept?.fields[0];
  if (first !== undefined) return first;
  if (isField(from.entityField)) return from.entityField;
  return '其他';
}

/** A field in plain words, when nothing more specific is known about the entity. */
export const FIELD_PLAIN_WORDS: Readonly<Record<Field, string>> = {
  市场监管: '商品和服务经营',
  税务: '涉税服务',
  商务: '商贸流通',
  交通运输: '交通运输服务',
  住房和城乡建设: '建筑和房地产',
  文化和旅游: '文化旅游服务',
  卫生健康: '医疗卫生服务',
  生态环境: '环保服务',
  农业农村: '农业生产经营',
  人力资源和社会保障: '人力资源服务',
  教育: '教育培训',
  金融: '金融服务',
  应急管理: '安全生产相关经营',
  工业和信息化: '工业制造和信息技术',
  科技: '科技服务',
  其他: '其他行业',
};

/** Words in a name that say what the business does; the first rule that matches wins. */
const NAME_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/药店|药房|大药|医药连锁/, '药品零售'],
  [/医院|诊所|卫生院|门诊|口腔/, '医疗服务'],
  [/饭店|餐饮|餐厅|饭庄|酒楼|火锅|烧烤|面馆|小吃|食堂|快餐|饺子|串店|美食|菜馆/, '餐饮服务'],
  [/宾馆|酒店|旅馆|旅店|客栈|民宿/, '住宿服务'],
  [/超市|便利店|商店|商行|百货|商贸|购物/, '商品零售'],
  [/食品|粮油|米业|肉|乳业|豆制品/, '食品生产销售'],
  [/建筑|建设|工程|装饰|装修/, '建筑工程'],
  [/物业|房地产|置业/, '房地产和物业'],
  [/运输|物流|客运|货运|出租|驾校/, '交通运输服务'],
  [/旅行社|旅游|景区/, '旅游服务'],
  [/学校|培训|教育|幼儿园/, '教育培训'],
  [/农业|合作社|种植|养殖|农场|米/, '农业生产经营'],
  [/煤|矿业|石墨|化工|制造|机械|电子/, '工业生产'],
  [/科技|信息技术|软件|网络/, '科技服务'],
  [/银行|保险|担保|小额贷款|金融/, '金融服务'],
  [/美容|美发|理发|洗浴|家政|维修|洗衣/, '生活服务'],
];

/** The entity's industry in plain words: what its name says it does, else its field's plain label. */
export function industryInWords(field: unknown, name?: unknown): string {
  if (typeof name === 'string') for (const [re, words] of NAME_RULES) if (re.test(name)) return words;
  return isField(field) ? FIELD_PLAIN_WORDS[field] : FIELD_PLAIN_WORDS.其他;
}
