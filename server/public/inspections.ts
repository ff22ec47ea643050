/** public.inspections({ uscc }): the inspections their departments published; public fields only (no note, no photos). */
import * as z from 'zod';
import { parseOrThrow, uscc } from '../../core';
import { fetchAll } from '../db';
import type { ActionContext } from '../handler';
import { COLLECTIONS } from '../model';
import type { InspectionDoc } from '../reach-model';

export async function publicInspections(payload: Record<string, unknown>, { db }: ActionContext) {
  const input = parseOrThrow(z.object({ uscc: uscc() }), payload);
  const list = await fetchAll<InspectionDoc>(
    db.collection(COLLECTIONS.inspections).where({ uscc: input.uscc, published: true }).orderBy('date', 'desc').limit(20),
  );
  return { items: list.map((i) => ({ date: i.date, result: i.result, department: i.department })) };
}
