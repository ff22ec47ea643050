/**
 * The public pages' words in 中文 / English / Русский, from one dictionary. Domain terms (the
 * verdicts, 诚信码, the issuing authority) are translated here once; entity names, addresses and
 * records stay as written. Chinese is the source: a missing translation falls back to it.
 */
import type { PublicVerdict } from './public-status';

export const LANGS = ['zh', 'en', 'ru'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_NAMES: Readonly<Record<Lang, string>> = { zh: '中文', en: 'English', ru: 'Русский' };

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

type Entry = Readonly<Record<Lang, string>>;

const VERDICT_WORDS: Readonly<Record<PublicVerdict, { label: Entry; hint: Entry }>> = {
  valid: {
    label: { zh: '有效', en: 'Valid', ru: 'Действителен' },
    hint: {
      zh: '诚信码有效。请核对下方名称、地址与眼前的店铺是否一致。',
      en: 'The code is valid. Check that the name and address below match the shop in front of you.',
      ru: 'Код действителен. Сверьте название и адрес ниже с магазином перед вами.',
    },
  },
  suspended: {
    label: { zh: '暂停', en: 'Suspended', ru: 'Приостановлен' },
    hint: {
      zh: '该诚信码已被暂停使用，请谨慎交易。',
      en: 'This code has been suspended. Deal with care.',
      ru: 'Действие кода приостановлено. Будьте осторожны.',
    },
  },
  revoked: {
    label: { zh: '已撤销', en: 'Revoked', ru: 'Отозван' },
    hint: {
      zh: '该诚信码已被撤销，不再有效。',
      en: 'This code has been revoked and is no longer valid.',
      ru: 'Код отозван и больше не действует.',
    },
  },
  retired: {
    label: { zh: '旧码已停用', en: 'Old code, replaced', ru: 'Старый код заменён' },
    hint: {
      zh: '这是已换发的旧码，请以店内最新张贴的诚信码为准。',
      en: 'This is an old print of a reissued code. Trust the newest code displayed in the shop.',
      ru: 'Это старый экземпляр переоформленного кода. Ориентируйтесь на новый код в магазине.',
    },
  },
  unknown: {
    label: { zh: '无效码', en: 'Invalid code', ru: 'Недействительный код' },
    hint: {
      zh: '疑似伪造或已失效，请勿轻信。如在店内看到，请一键举报。',
      en: 'Possibly forged or no longer valid: do not trust it. If you saw it in a shop, report it with one tap.',
      ru: 'Возможно, подделка или код недействителен: не доверяйте. Если вы видели его в магазине, сообщите одним нажатием.',
    },
  },
  none: {
    label: { zh: '尚未赋码', en: 'No code yet', ru: 'Код ещё не выдан' },
    hint: {
      zh: '该主体尚未申领诚信码，这不代表失信。',
      en: 'This business has not applied for a code yet. That says nothing bad about it.',
      ru: 'Организация ещё не получила код. Это не означает недобросовестность.',
    },
  },
};

const WORDS = {
  pageTitle: { zh: '诚信码核验', en: 'Code check', ru: 'Проверка кода' },
  checking: { zh: '正在核验…', en: 'Checking…', ru: 'Проверяем…' },
  warning: {
    zh: '疑似伪造或已失效，请勿轻信',
    en: 'Possibly forged or expired — do not trust it',
    ru: 'Возможно, подделка — не доверяйте',
  },
  checkedAt: { zh: '核验时间', en: 'Checked at', ru: 'Время проверки' },
  beijingTime: { zh: '北京时间', en: 'Beijing time', ru: 'пекинское время' },
  authorityLabel: { zh: '发码机构', en: 'Issued by', ru: 'Выдан' },
  authority: {
    zh: '信用鹤岗 · 鹤岗市营商环境建设监督局',
    en: 'Credit Hegang · Hegang Business Environment Supervision Bureau',
    ru: '«Кредит Хэган» · Бюро надзора за деловой средой г. Хэган',
  },
  hotline: { zh: '监督电话', en: 'Hotline', ru: 'Горячая линия' },
  statusChange: { zh: '变更日期', en: 'Changed on', ru: 'Изменён' },
  reasonCategory: { zh: '原因类别', en: 'Reason', ru: 'Причина' },
  recordsHidden: {
    zh: '诚信码撤销期间，该主体的承诺、荣誉等信息暂不公示。',
    en: 'While the code is revoked, this business’s commitments and honours are not shown.',
    ru: 'Пока код отозван, обязательства и награды организации не показываются.',
  },
  refresh: { zh: '重新核验', en: 'Check again', ru: 'Проверить снова' },
  report: { zh: '举报可疑码', en: 'Report a suspicious code', ru: 'Сообщить о подозрительном коде' },
  scan: { zh: '扫一扫诚信码', en: 'Scan a code', ru: 'Сканировать код' },
  noScan: {
    zh: '没有识别到诚信码，请扫描店铺张贴的诚信码。',
    en: 'No code recognised. Scan the code displayed in the shop.',
    ru: 'Код не распознан. Отсканируйте код, размещённый в магазине.',
  },
  largeText: { zh: '大字模式', en: 'Large text', ru: 'Крупный шрифт' },
  // profile-view
  address: { zh: '经营地址', en: 'Address', ru: 'Адрес' },
  district: { zh: '所属县（区）', en: 'District', ru: 'Район' },
  field: { zh: '行业领域', en: 'Sector', ru: 'Отрасль' },
  category: { zh: '主体类别', en: 'Type', ru: 'Тип' },
  uscc: { zh: '信用代码', en: 'Credit code (USCC)', ru: 'Кредитный код' },
  codeIssuedOn: { zh: '赋码日期', en: 'Code issued', ru: 'Код выдан' },
  commitments: { zh: '主动承诺', en: 'Commitments', ru: 'Обязательства' },
  honours: { zh: '守信激励', en: 'Honours', ru: 'Поощрения' },
  registrations: { zh: '自愿注册', en: 'Registered items', ru: 'Зарегистрировано' },
  otherInfo: { zh: '其他信用信息', en: 'Other credit information', ru: 'Прочая информация' },
  liability: { zh: '违约责任', en: 'Liability', ru: 'Ответственность' },
  issuer: { zh: '认定部门', en: 'Awarded by', ru: 'Кем присвоено' },
  source: { zh: '来源', en: 'Source', ru: 'Источник' },
  codeStatus: { zh: '诚信码状态', en: 'Code status', ru: 'Статус кода' },
  loading: { zh: '正在加载…', en: 'Loading…', ru: 'Загрузка…' },
  // 查看全部 (pages/records)
  viewAll: { zh: '查看全部', en: 'View all', ru: 'Показать все' },
  loadMore: { zh: '加载更多', en: 'Load more', ru: 'Загрузить ещё' },
  allShown: { zh: '已经全部显示', en: 'That is all', ru: 'Это всё' },
  noRecords: { zh: '暂无记录', en: 'Nothing to show', ru: 'Записей нет' },
  reportProblem: { zh: '举报问题', en: 'Report a problem', ru: 'Сообщить о проблеме' },
  // search
  scanToVerify: { zh: '扫一扫 · 核验诚信码', en: 'Scan · check a code', ru: 'Сканировать · проверить код' },
  searchLabel: { zh: '按名称或统一社会信用代码查询', en: 'Search by name or credit code', ru: 'Поиск по названию или кредитному коду' },
  searchPlaceholder: { zh: '至少2个字', en: 'At least 2 characters', ru: 'Не менее 2 символов' },
  search: { zh: '查询', en: 'Search', ru: 'Искать' },
  searching: { zh: '正在查询…', en: 'Searching…', ru: 'Ищем…' },
  noResults: { zh: '没有找到相符的市场主体', en: 'No matching business found', ru: 'Ничего не найдено' },
  tooMany: {
    zh: '结果较多，仅显示前20条，请输入更完整的名称',
    en: 'Many results: only the first 20 are shown. Type more of the name.',
    ru: 'Много результатов: показаны первые 20. Уточните название.',
  },
} as const satisfies Record<string, Entry>;

export type WordKey = keyof typeof WORDS;

/** Every word of the dictionary in one language: what a page puts in its data as `t`. */
export function wordsFor(lang: Lang): Readonly<Record<WordKey, string>> {
  const out = {} as Record<WordKey, string>;
  for (const key of Object.keys(WORDS) as WordKey[]) out[key] = WORDS[key][lang] || WORDS[key].zh;
  return out;
}

export function verdictWords(verdict: PublicVerdict, lang: Lang): { label: string; hint: string } {
  const w = VERDICT_WORDS[verdict];
  return { label: w.label[lang], hint: w.hint[lang] };
}

/** "第2版，2026-08-03起" and its translations. */
export function versionText(lang: Lang, version: number, since?: string): string {
  if (lang === 'en') return since ? `Version ${version}, since ${since}` : `Version ${version}`;
  if (lang === 'ru') return since ? `Версия ${version}, с ${since}` : `Версия ${version}`;
  return since ? `第${version}版，${since}起` : `第${version}版`;
}

/** "N秒前核验": how long ago the server checked (after a minute, in minutes). */
export function agoText(lang: Lang, seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s >= 60) {
    const m = Math.floor(s / 60);
    return lang === 'en' ? `checked ${m} min ago` : lang === 'ru' ? `проверено ${m} мин назад` : `${m}分钟前核验`;
  }
  return lang === 'en' ? `checked ${s} s ago` : lang === 'ru' ? `проверено ${s} с назад` : `${s}秒前核验`;
}
