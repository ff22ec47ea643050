/**
 * Field builders shared by every form: each message names the field in Chinese,
 * so a row-level import report and a form error read the same.
 */
import * as z from 'zod';
import { validateUscc } from '../uscc';
import { isDistrictCode } from '../districts';
import { isCloudFileId, isImageRef } from '../file-ref';
import { officialValue } from '../options';

// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function missingOr(label: string, wrongType: string) {
  return (iss: { input?: unknown }) => (iss.input === undefined || iss.input === null ? `${label}为必填项` : wrongType);
}

/** Required free text: trimmed, not empty, bounded, no control characters. */
export function text(label: string, max: number) {
  return z
    .string({ error: missingOr(label, `${label}应为文本`) })
    .max(max * 4, { error: `${label}不能超过${max}个字` })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, { error: `${label}不能为空` })
        .max(max, { error: `${label}不能超过${max}个字` })
        .refine((s) => !CONTROL_CHARS.test(s), { error: `${label}含有不可见的控制字符` }),
    );
}

/** Optional free text: absent, null or blank all mean "not given". */
export function optionalText(label: string, max: number) {
  return z.preprocess((v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v), text(label, max).optional());
}

/** Optional image: a cloud fileID or an https URL; blank means "not given". */
export function optionalImageRef(label: string) {
  return z.preprocess(
    (v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v),
    z
      .string({ error: `${label}应为文本` })
      .max(500, { error: `${label}的地址过长` })
      .transform((s) => s.trim())
      .refine(isImageRef, { error: `${label}应为小程序上传的图片或https网址` })
      .optional(),
  );
}

/** A photo uploaded in the mini-program (a cloud fileID); a web address is refused with its own message. */
function cloudPhoto(label: string) {
  return z
    .string({ error: missingOr(label, `${label}应为文本`) })
    .max(500, { error: `${label}的地址过长` })
    .transform((s) => s.trim())
    .superRefine((s, ctx) => {
      if (/^https?:/i.test(s)) ctx.addIssue({ code: 'custom', message: `${label}请在小程序内拍摄或选择上传，不能填写网址` });
      else if (!isCloudFileId(s)) ctx.addIssue({ code: 'custom', message: `${label}应为小程序上传的图片` });
    });
}

/** Required photo uploaded in the mini-program. */
export function cloudPhotoRef(label: string) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), cloudPhoto(label));
}

/** Optional photo uploaded in the mini-program; blank means "not given". */
export function optionalCloudPhotoRef(label: string) {
  return z.preprocess((v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v), cloudPhoto(label).optional());
}

/** A USCC: normalised on the way in; its first failure reason is the message. */
export function uscc(label = '统一社会信用代码') {
  return z.unknown().transform((v, ctx) => {
    if (v === undefined || v === null) {
      ctx.addIssue({ code: 'custom', message: `${label}为必填项` });
      return z.NEVER;
    }
    const result = validateUscc(v);
    if (!result.valid) {
      for (const r of result.reasons) ctx.addIssue({ code: 'custom', message: `${label}：${r.message}`, params: { reason: r.code } });
      return z.NEVER;
    }
    return result.normalized;
  });
}

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `${label}应为以下之一：${values.join('、')}` });
}

/** One of the official values, also accepting an older spelling of it (core/options.ts LEGACY_VALUES). */
export function officialOneOf<const T extends readonly [string, ...string[]]>(key: string, label: string, values: T) {
  return z.preprocess((v) => officialValue(key, v), oneOf(label, values));
}

/** An optional choice: absent, null or blank all mean "not given". */
export function optionalOneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.preprocess(
    (v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : typeof v === 'string' ? v.trim() : v),
    oneOf(label, values).optional(),
  );
}

export function districtCode(label = '所属县（区）') {
  return z.string({ error: missingOr(label, `${label}应为文本`) }).refine(isDistrictCode, {
    error: `${label}应为鹤岗市的县（区）之一`,
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Parse the date shapes people type or spreadsheets hold into YYYY-MM-DD, or undefined. */
export function toIsoDate(v: unknown): string | undefined {
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? undefined : `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  }
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(v.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  if (y < 1949 || y > 2100) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** A calendar date, stored as YYYY-MM-DD (accepts 2022-05-25, 2022/5/25, 2022年5月25日, Date). */
export function date(label: string) {
  return z.unknown().transform((v, ctx) => {
    if (v === undefined || v === null || v === '') {
      ctx.addIssue({ code: 'custom', message: `${label}为必填项` });
      return z.NEVER;
    }
    const iso = toIsoDate(v);
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: `${label}不是有效日期（格式如 2022-05-25）` });
      return z.NEVER;
    }
    return iso;
  });
}

export function optionalDate(label: string) {
  return z.preprocess((v) => (v === null || v === '' ? undefined : v), date(label).optional());
}

/** Mainland mobile or landline; used only for contact, never shown to the public. */
export function phone(label = '联系电话') {
  return text(label, 20).refine((s) => /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(s.replace(/\s/g, '')), {
    error: `${label}格式不正确（手机号11位，座机如0468-1234567）`,
  });
}

export function count(label: string) {
  return z.preprocess(
    (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
    z
      .number({ error: missingOr(label, `${label}应为数字`) })
      .int({ error: `${label}应为整数` })
      .min(0, { error: `${label}不能为负数` })
      .max(10_000_000, { error: `${label}超出合理范围` }),
  );
}

/** A document id in a payload (ids are generated: letters, digits, `_` and `-`). */
export function docId(label: string) {
  return z.string({ error: `${label}为必填项` }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: `${label}格式不正确` });
}

/** `offset` and `limit` of a paged list (at most 100 a page). */
export const pageFields = {
  offset: z.coerce.number({ error: '分页参数不正确' }).int().min(0).max(100_000).default(0),
  limit: z.coerce.number({ error: '分页参数不正确' }).int().min(1).max(100).default(20),
};
