/** The choice lists of the forms, without zod, so the mini-program can offer them cheaply. */
export const PROMISER_CATEGORIES = ['法人及非法人组织', '个体工商户', '自然人'] as const;
export const COMMITMENT_TYPES = ['主动型', '审批替代型', '证明事项告知承诺型', '容缺受理型', '行业自律型', '信用修复型'] as const;
/** 公开类型: only 社会公开 items appear on the public profile. */
export const PUBLICITY_TYPES = ['社会公开', '政务共享', '授权查询'] as const;
export const HONOUR_TYPES = ['纳税信用A级', '守合同重信用', '诚信示范企业', '劳动保障守法诚信', '质量信用', '其他守信激励'] as const;
export const REGISTRATION_TYPES = ['资质证照', '公益捐赠', '志愿服务', '社会荣誉', '经营承诺', '其他'] as const;
export const OTHER_INFO_TYPES = ['品牌', '商标', '专利', '地理标志', '特色产品', '老字号', '其他'] as const;
