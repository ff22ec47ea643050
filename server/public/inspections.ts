/** public.inspections({ uscc }): the inspections their departments published; public fields only (no note, no photos). */
import type { OutputOf, ParsedOf } from '../../core/contract';
import type { publicContract } from '../../core/contract/public';
import { fetchAll } from '../db';
import type { ActionContext } from '../handler';
import { COLLECTIONS } from '../model';
import type { InspectionDoc } from '../reach-model';

export async function publicInspections(
  input: ParsedOf<typeof publicContract.inspections>,
  { db }: ActionContext,
): Promise<OutputOf<typeof publicContract.inspections>> {
  const list = await fetchAll<InspectionDoc>(
    db.collection(COLLECTIONS.inspections).where({ uscc: input.uscc, published: true }).orderBy('date', 'desc').limit(20),
  );
  return { items: list.map((i) => ({ date: i.date, result: i.result, department: i.department })) };
}
