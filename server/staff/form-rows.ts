/**
 * Streaming a 填报表's rows: its header is found among the first rows (title and notes rows come
 * first), then every row — those before the header included, in order — is handed to `handle` with
 * the layout, as the rows stream in.
 */
import type { FormKind } from '../../core';
import { detectLayout, HEADER_SEARCH_ROWS, type Layout } from '../../core/import-layouts';
import { readFirstSheet, type SheetRow } from './xlsx-reader';

export async function eachFormRow(file: Buffer, kind: FormKind, handle: (layout: Layout, r: SheetRow) => Promise<void>): Promise<void> {
  let layout: Layout | undefined;
  const head: SheetRow[] = [];
  for await (const r of readFirstSheet(file)) {
    if (layout) {
      await handle(layout, r);
      continue;
    }
    head.push(r);
    if (head.length >= HEADER_SEARCH_ROWS) {
      layout = detectLayout(kind, head);
      for (const h of head) await handle(layout, h);
    }
  }
  if (!layout) {
    layout = detectLayout(kind, head);
    for (const h of head) await handle(layout, h);
  }
}
