/** Turning zod results into the domain's own shapes: field issues and DomainError. */
import type { z } from 'zod';
import { DomainError } from '../errors';

export interface FieldIssue {
  /** Dotted path of the offending field in code ('' for the whole input). */
  readonly field: string;
  readonly message: string;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: FieldIssue[] };

/** Parse without throwing; every issue keeps its Chinese message. */
export function check<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: fieldIssues(result.error) };
}

function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
}

/**
 * Parse or throw INVALID_INPUT whose message is the first issue (what a form shows first). An issue
 * may name a more specific code in its params (`{ params: { code } }`, e.g. FILE_TOO_LARGE from
 * schemas/upload.ts), which is then the error's code.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const code = first?.code === 'custom' && typeof first.params?.code === 'string' ? first.params.code : 'INVALID_INPUT';
  throw new DomainError(code, first?.message ?? '输入不正确', { issues: fieldIssues(result.error) });
}
