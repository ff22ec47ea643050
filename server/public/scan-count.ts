/** countScan: the verify page tells that a known code was checked (no openid is stored; server/scans.ts). */
import { isCodeIdShape } from '../../core';
import type { ActionContext } from '../handler';
import type { ParsedOf, publicContract } from '../../core/contract';
import { fetchById } from '../db';
import { COLLECTIONS, type CodeDoc } from '../model';
import { countScan as count } from '../scans';

export async function countScan({ code }: ParsedOf<typeof publicContract.countScan>, { db, now }: ActionContext) {
  if (!isCodeIdShape(code.id)) return { counted: false };
  const doc = await fetchById<CodeDoc>(db.collection(COLLECTIONS.codes).doc(code.id));
  if (!doc) return { counted: false };
  await count(db, doc, now);
  return { counted: true };
}
