/** Every change staff (or the system) make is written here: who, when, what, before and after. */
import type { Database } from './cloud';
import { COLLECTIONS, type AuditDoc } from './model';

export async function audit(db: Database, entry: AuditDoc): Promise<void> {
  await db.collection(COLLECTIONS.auditLog).add({ data: entry });
}
