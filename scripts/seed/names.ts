/** Names, addresses and kinds of business of the demo's market entities, and the people behind them. */
import type { EntityCategory, Field } from '../../core';
import type { Rng } from './random';

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志文春海波宇浩鹏飞凤云东林红旭辉'];
const BRAND_TAILS = [...'兴盛达丰源泰顺利和祥福康'];
const BRANDS = [
  '鑫源',
  '宏达',
  '恒信',
  '金鹤',
  '龙江',
  '北疆',
  '兴隆',
  '福满',
  '盛世',
  '永盛',
  '嘉禾',
  '瑞丰',
  '顺达',
  '天宇',
  '华鑫',
  '佳美',
  '万家',
  '鹤城',
  '松江',
  '黑土地',
  '宝泉',
  '众诚',
  '百信',
  '聚福',
  '乐康',
  '新兴',
  '广源',
  '利民',
  '安达',
  '润丰',
  '德顺',
  '吉祥',
  '永利',
  '和顺',
  '新时代',
];
export const STREETS: Record<string, string[]> = {
  '230402': ['红军路', '解放路', '新华路', '胜利路', '向阳路', '东解放路', '南翼路'],
  '230403': ['工农路', '红旗路', '育才路', '松鹤路', '民主路', '湖滨路'],
  '230404': ['南山路', '铁西路', '麓林路', '大陆路', '六马路'],
  '230405': ['兴安路', '峻德路', '光宇路', '兴建路'],
  '230406': ['东山路', '新一路', '蔬园路', '工人村路'],
  '230407': ['兴山路', '沿河路', '富力路'],
  '230421': ['凤翔镇振兴街', '凤翔镇北大街', '名山镇江滨路', '鹤北镇林业路', '宝泉岭大街', '团结镇中心街'],
  '230422': ['绥滨镇中心街', '绥滨镇振兴路', '绥东镇兴华街', '忠仁镇人民路', '连生乡建设街', '北岗乡前进路'],
};
export const TOWNS: Record<string, string[]> = {
  '230421': ['凤翔镇', '鹤北镇', '名山镇', '团结镇', '肇兴镇', '东明朝鲜族乡'],
  '230422': ['绥滨镇', '绥东镇', '忠仁镇', '连生乡', '北岗乡', '福兴满族乡'],
};
export const VILLAGES = [
  '东明村',
  '新建村',
  '红光村',
  '永安村',
  '胜利村',
  '友谊村',
  '团结村',
  '长发村',
  '太平村',
  '富强村',
  '光明村',
  '丰收村',
];

export interface Kind {
  category: EntityCategory;
  /** USCC department + category digits. */
  prefix: string;
  field: Field;
  name: (p: NameParts) => string;
}
export interface NameParts {
  place: string;
  brand: string;
  person: string;
  village: string;
}

export const KINDS: Kind[] = [
  { category: 'individual', prefix: '92', field: '市场监管', name: (p) => `${p.place}${p.brand}超市` },
  { category: 'individual', prefix: '92', field: '市场监管', name: (p) => `${p.place}${p.person}便利店` },
  { category: 'individual', prefix: '92', field: '文化和旅游', name: (p) => `${p.place}${p.brand}饭店` },
  { category: 'individual', prefix: '92', field: '市场监管', name: (p) => `${p.place}${p.person}烧烤店` },
  { category: 'individual', prefix: '92', field: '卫生健康', name: (p) => `${p.place}${p.brand}大药房` },
  { category: 'individual', prefix: '92', field: '市场监管', name: (p) => `${p.place}${p.brand}服装店` },
  { category: 'individual', prefix: '92', field: '商务', name: (p) => `${p.place}${p.person}五金商店` },
  { category: 'individual', prefix: '92', field: '交通运输', name: (p) => `${p.place}${p.person}汽车修理部` },
  { category: 'individual', prefix: '92', field: '市场监管', name: (p) => `${p.place}${p.brand}理发店` },
  { category: 'company', prefix: '91', field: '商务', name: (p) => `${p.place}${p.brand}商贸有限公司` },
  { category: 'company', prefix: '91', field: '住房和城乡建设', name: (p) => `${p.place}${p.brand}建筑工程有限公司` },
  { category: 'company', prefix: '91', field: '交通运输', name: (p) => `${p.place}${p.brand}物流有限公司` },
  { category: 'company', prefix: '91', field: '应急管理', name: (p) => `${p.place}${p.brand}矿业有限公司` },
  { category: 'company', prefix: '91', field: '文化和旅游', name: (p) => `${p.place}${p.brand}宾馆有限公司` },
  { category: 'company', prefix: '91', field: '生态环境', name: (p) => `${p.place}${p.brand}环保科技有限公司` },
  {
    category: 'company',
    prefix: '91',
    field: '人力资源和社会保障',
    name: (p) => `${p.place}${p.brand}劳务派遣有限公司`,
  },
  { category: 'company', prefix: '91', field: '金融', name: (p) => `${p.place}${p.brand}融资担保有限公司` },
  { category: 'cooperative', prefix: '93', field: '农业农村', name: (p) => `${p.place}${p.brand}水稻种植专业合作社` },
  { category: 'cooperative', prefix: '93', field: '农业农村', name: (p) => `${p.place}${p.village}大豆种植专业合作社` },
  { category: 'cooperative', prefix: '93', field: '农业农村', name: (p) => `${p.place}${p.brand}畜牧养殖专业合作社` },
  { category: 'other', prefix: '52', field: '教育', name: (p) => `${p.place}${p.brand}职业技能培训学校` },
];
const byCategory = (c: EntityCategory) => KINDS.filter((k) => k.category === c);

export function pickKind(rng: Rng, rural: boolean): Kind {
  const r = rng.next();
  const category: EntityCategory = rural
    ? r < 0.6
      ? 'individual'
      : r < 0.82
        ? 'company'
        : r < 0.98
          ? 'cooperative'
          : 'other'
    : r < 0.68
      ? 'individual'
      : r < 0.96
        ? 'company'
        : r < 0.98
          ? 'cooperative'
          : 'other';
  return rng.pick(byCategory(category));
}

/** USCC organisation-code characters (no I, O, S, V, Z). */
export const ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export const brand = (rng: Rng) => rng.pick(BRANDS) + (rng.chance(0.5) ? rng.pick(BRAND_TAILS) : '');
export const person = (rng: Rng) => rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : '');
export const phone = (rng: Rng) => `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(1e9)).padStart(9, '0')}`;
