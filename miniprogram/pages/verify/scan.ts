/**
 * Links to the verify and report pages. A scan is decoded once, at the page edge, by the core's
 * decoder (core/scan.ts: codeRefFromQuery, codeRefFromScanCode, codeRefFromText); from then on
 * only its parsed form `{ id, version? }` travels, and these links carry it encoded once.
 */
import { codeRefQuery, type CodeRef } from '../../lib/core';

/** The verify page for a scan: what a share card and the in-app scanner open. */
export function verifyUrl(ref: CodeRef): string {
  return `/pages/verify/verify?${codeRefQuery(ref)}`;
}

/** The report form, pre-filled with the scan (and the entity, when the scan named one); `forged` pre-selects that reason. */
export function reportUrl(ref: CodeRef | null, uscc = '', forged = false): string {
  const parts = [ref ? codeRefQuery(ref) : '', uscc ? `uscc=${encodeURIComponent(uscc)}` : '', forged ? 'forged=1' : ''];
  return `/pages/report/report?${parts.filter((p) => p !== '').join('&')}`;
}
