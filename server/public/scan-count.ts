/** countScan: the verify page tells that a known code was checked (no openid is stored; server/scans.ts). */
import * as z from 'zod';
import { codeRef, isCodeIdShape, parseOrThrow } from '../../core';
import type { ActionContext } from '../handler';
import { fetchById } from '../db';
import { COLLECTIONS, type CodeDoc } from '../model';
import { countScan as count } from '../scans';

const countSchema = z.object({ code: codeRef() });

export async function countScan(payload: Record<string, unknown>, { db, now }: ActionContext) {
  const { code } = parseOrThrow(countSchema, payload);
  if (!isCodeIdShape(code.id)) return { counted: false };
  const doc = await fetchById<CodeDoc>(db.collection(COLLECTIONS.codes).doc(code.id));
  if (!doc) return { counted: false };
  await count(db, doc, now);
  return { counted: true };
}
