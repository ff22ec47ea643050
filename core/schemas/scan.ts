/**
 * The parsed scan (core/scan.ts CodeRef) as the public function accepts it: verifyCode and report
 * take the same `{ id, version? }`. Older mini-program builds sent the raw text (`codeId`, `url`,
 * `q`, `scene`, `version`); those are read through the same decoder, which costs a few lines.
 */
import * as z from 'zod';
import { codeRefFromText, decodeOnce, MAX_CODE_VERSION, MAX_SCANNED_TEXT, type CodeRef } from '../scan';

const VERSION_ERROR = '诚信码版本号不正确';

export function codeRef() {
  return z.object(
    {
      id: z
        .string({ error: '诚信码应为文本' })
        .transform((s) => s.trim())
        .pipe(
          z
            .string()
            .min(1, { error: '请提供要核验的诚信码' })
            .max(MAX_SCANNED_TEXT, { error: `诚信码不能超过${MAX_SCANNED_TEXT}个字符` }),
        ),
      version: z
        .number({ error: VERSION_ERROR })
        .int({ error: VERSION_ERROR })
        .min(1, { error: VERSION_ERROR })
        .max(MAX_CODE_VERSION, { error: VERSION_ERROR })
        .optional(),
    },
    { error: '请提供要核验的诚信码' },
  );
}

/** Today's raw fields → `{ code }`; anything else passes through untouched for the schema to judge. */
export function legacyScan(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null || 'code' in payload || 'uscc' in payload) return payload;
  const p = payload as Record<string, unknown>;
  const raw = p.codeId ?? p.url ?? p.q ?? p.scene;
  if (typeof raw !== 'string' || raw.trim() === '') return payload;
  let ref: CodeRef | undefined;
  // A codeId is an id, never parsed as a URL; url is plain text; q and scene arrive encoded once.
  if (p.codeId !== undefined) ref = { id: raw.trim().slice(0, MAX_SCANNED_TEXT) };
  else ref = codeRefFromText(p.url !== undefined ? raw : decodeOnce(raw));
  if (!ref) return payload;
  const v = typeof p.version === 'string' && /^\d{1,6}$/.test(p.version) ? Number(p.version) : p.version;
  const version = ref.version ?? v;
  return { code: version === undefined || version === null || version === '' ? { id: ref.id } : { id: ref.id, version } };
}
