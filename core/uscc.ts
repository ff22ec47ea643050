/**
 * 统一社会信用代码 (USCC) per GB 32100-2015: normalisation, validation with a
 * reason for every failure, and the district a code defaults to.
 *
 * Pure: no I/O. Shared by the mini-program (validation as you type), the cloud
 * functions (authoritative re-validation) and the `npm run uscc` command.
 */
import { placeArea, type AreaPlacement } from './districts';

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_LENGTH = 18;

/** 3^(i−1) mod 31 for positions 1–17. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714 organisation-code weights for its first 8 characters. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** 登记管理部门代码 → the 机构类别代码 it may issue. */
const CATEGORIES_BY_DEPARTMENT: Readonly<Record<string, string>> = {
  '1': '1239', // 机构编制
  '2': '19', // 外交
  '3': '123459', // 司法行政
  '4': '19', // 文化
  '5': '1239', // 民政
  '6': '129', // 旅游
  '7': '129', // 宗教
  '8': '19', // 工会
  '9': '123', // 工商（市场监管）
  A: '19', // 中央军委改革和编制办公室
  N: '1239', // 农业
  Y: '1', // 其他
};

/** GB/T 2260 province-level prefixes; 10 is used for national-level registrations (100000). */
const PROVINCE_PREFIXES = new Set([
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** Inputs longer than this are not worth normalising character by character. */
const MAX_INSPECTED_LENGTH = 256;

export type UsccReasonCode =
  | 'NOT_STRING'
  | 'EMPTY'
  | 'TOO_LONG'
  | 'LENGTH'
  | 'OLD_REGISTRATION_NUMBER'
  | 'ILLEGAL_CHAR'
  | 'DEPARTMENT_CATEGORY'
  | 'AREA_CODE'
  | 'ORG_CODE_CHECK'
  | 'CHECK_CHAR';

export interface UsccReason {
  readonly code: UsccReasonCode;
  readonly message: string;
}

export interface UsccResult {
  readonly valid: boolean;
  /** The normalised form (what is stored); '' when the input was not a string. */
  readonly normalized: string;
  readonly reasons: readonly UsccReason[];
  /** Present when positions 3–8 are six digits, even for an otherwise invalid code. */
  readonly placement?: AreaPlacement;
}

/**
 * Trim, drop inner spaces and hyphens, fold full-width to half-width, upper-case.
 * People copy codes from PDFs, Word tables and licences; all of these happen.
 */
export function normalizeUscc(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00A0\-\u2010-\u2015\u2212\uFE63]/g, '')
    .toUpperCase();
}

function charValue(c: string): number {
  return USCC_ALPHABET.indexOf(c);
}

/** The 18th character for the first 17 (all must be in the USCC alphabet). */
export function computeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charValue(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714: the 9th character of an organisation code from its first 8 (digits and A–Z). */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function describeChar(c: string): string {
  const cp = c.codePointAt(0)!;
  return cp < 0x20 || cp === 0x7f ? `控制字符 U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `“${c}”`;
}

function reason(code: UsccReasonCode, message: string): UsccReason {
  return { code, message };
}

function illegalCharReasons(code: string): UsccReason[] {
  const found: UsccReason[] = [];
  const chars = Array.from(code);
  for (let i = 0; i < chars.length && found.length < 3; i++) {
    const c = chars[i]!;
    if (charValue(c) >= 0) continue;
    const hint = 'IOSVZ'.includes(c) ? '（统一社会信用代码不使用字母 I、O、S、V、Z）' : '';
    found.push(reason('ILLEGAL_CHAR', `第${i + 1}位字符${describeChar(c)}不是统一社会信用代码允许的字符${hint}`));
  }
  return found;
}

/** Rules that need a well-formed 18-character code: each failure is reported, not just the first. */
function structureReasons(code: string): UsccReason[] {
  const reasons: UsccReason[] = [];
  const department = code[0]!;
  const category = code[1]!;
  const allowed = CATEGORIES_BY_DEPARTMENT[department];
  if (!allowed) {
    reasons.push(reason('DEPARTMENT_CATEGORY', `第1位登记管理部门代码“${department}”不存在`));
  } else if (!allowed.includes(category)) {
    reasons.push(
      reason(
        'DEPARTMENT_CATEGORY',
        `第2位机构类别代码“${category}”不属于登记管理部门“${department}”（可用：${allowed.split('').join('、')}）`,
      ),
    );
  }

  const area = code.slice(2, 8);
  if (!/^\d{6}$/.test(area) || !PROVINCE_PREFIXES.has(area.slice(0, 2))) {
    reasons.push(reason('AREA_CODE', `第3–8位登记管理机关行政区划码“${area}”不是有效的行政区划码`));
  }

  const org = code.slice(8, 17);
  const orgExpected = orgCodeCheckChar(org.slice(0, 8));
  if (org[8] !== orgExpected) {
    reasons.push(reason('ORG_CODE_CHECK', `第9–17位组织机构代码的校验位错误：第17位应为“${orgExpected}”，实际为“${org[8]}”`));
  }

  const expected = computeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    reasons.push(reason('CHECK_CHAR', `第18位校验码错误：应为“${expected}”，实际为“${code[17]}”`));
  }
  return reasons;
}

/**
 * Validate anything a person or a program might hand us. Never throws: every
 * failure is a reason with a stable code and a Chinese message.
 */
export function validateUscc(input: unknown): UsccResult {
  if (typeof input !== 'string') {
    return { valid: false, normalized: '', reasons: [reason('NOT_STRING', '统一社会信用代码应为文本')] };
  }
  if (input.length > MAX_INSPECTED_LENGTH) {
    return {
      valid: false,
      normalized: '',
      reasons: [reason('TOO_LONG', `输入过长（${input.length}个字符），统一社会信用代码为18位`)],
    };
  }
  const normalized = normalizeUscc(input);
  if (normalized === '') {
    return { valid: false, normalized, reasons: [reason('EMPTY', '请输入统一社会信用代码')] };
  }

  const reasons = illegalCharReasons(normalized);
  const length = Array.from(normalized).length;
  if (length !== USCC_LENGTH) {
    const isOldNumber = length === 15 && /^\d{15}$/.test(normalized);
    reasons.unshift(
      isOldNumber
        ? reason('OLD_REGISTRATION_NUMBER', '这是15位旧版工商注册号，请填写营业执照上的18位统一社会信用代码')
        : reason('LENGTH', `统一社会信用代码应为18位，当前为${length}位`),
    );
    return { valid: false, normalized, reasons };
  }
  if (reasons.length > 0) return { valid: false, normalized, reasons };

  const all = structureReasons(normalized);
  const area = normalized.slice(2, 8);
  const placement = /^\d{6}$/.test(area) ? placeArea(area) : undefined;
  return { valid: all.length === 0, normalized, reasons: all, ...(placement ? { placement } : {}) };
}

/** Convenience for callers that only need a yes/no on an already-normalised code. */
export function isValidUscc(input: unknown): boolean {
  return validateUscc(input).valid;
}

/**
 * Build a complete code from its parts, computing both check characters.
 * For demo data, benchmarks and tests; real codes come from the registering authority.
 */
export function composeUscc(parts: { department: string; category: string; area: string; org8: string }): string {
  const org = parts.org8 + orgCodeCheckChar(parts.org8);
  const first17 = `${parts.department}${parts.category}${parts.area}${org}`;
  return first17 + computeCheckChar(first17);
}
