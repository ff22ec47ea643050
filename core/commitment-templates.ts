/**
 * Ready-made wording for the 主动承诺信息表, one per 行业领域, so a shopkeeper fills the form
 * by picking a field and adjusting the text rather than writing a legal promise from scratch.
 * The general template is the city's own example row (主动型 · 市场主体承诺书 · 主动型，自愿作出承诺).
 */
import type { Field } from './fields';

export interface CommitmentTemplate {
  readonly commitmentType: '主动型';
  /** 承诺领域: the kind of commitment document. */
  readonly commitmentArea: string;
  readonly reason: string;
  readonly content: string;
  readonly liability: string;
}

const GENERAL_CONTENT = '我企业依法诚信经营，自愿接受社会监督。';
const LIABILITY = '如违背上述承诺，自愿接受有关部门依法依规作出的处理，并承担相应的法律责任。';

export const GENERAL_TEMPLATE: CommitmentTemplate = {
  commitmentType: '主动型',
  commitmentArea: '市场主体承诺书',
  reason: '主动型，自愿作出承诺',
  content: GENERAL_CONTENT,
  liability: LIABILITY,
};

/** The field-specific sentence added after the general promise. */
const FIELD_PROMISES: Partial<Record<Field, string>> = {
  市场监管: '保证商品和服务质量，明码标价，不销售假冒伪劣商品，不作虚假宣传。',
  税务: '依法办理纳税申报，按时足额缴纳税款，如实开具发票。',
  商务: '遵守商业规范，公平交易，诚实守信，不搞不正当竞争。',
  交通运输: '遵守道路运输法规，保障运输安全，明码收费，文明服务。',
  住房和城乡建设: '依法承揽工程，保证工程质量安全，按时足额支付农民工工资。',
  文化和旅游: '依法合规经营，明码标价，不强迫消费，保障游客合法权益。',
  卫生健康: '依法执业，规范诊疗服务，保障就医安全，保护患者隐私。',
  生态环境: '遵守环境保护法律法规，依法排污，落实污染防治措施。',
  农业农村: '保证农产品和农资质量安全，不使用国家禁用的农业投入品。',
  人力资源和社会保障: '依法签订劳动合同，按时足额支付工资，依法缴纳社会保险。',
  教育: '依法依规办学，规范收费，保障学生安全和合法权益。',
  金融: '依法合规经营，如实披露信息，按约履行合同，保护金融消费者权益。',
  应急管理: '落实安全生产主体责任，排查整治事故隐患，确保生产经营安全。',
};

/** The template for a field; the general one for 其他 and anything unknown. */
export function commitmentTemplate(field: string): CommitmentTemplate {
  const extra = FIELD_PROMISES[field as Field];
  if (!extra) return GENERAL_TEMPLATE;
  return { ...GENERAL_TEMPLATE, content: `${GENERAL_CONTENT}${extra}` };
}
