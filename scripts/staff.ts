/**
 * `npm run staff -- add --openid X --role city|district|department [--district 230402] [--department swj]
 *  (a 行管部门 id of core/departments.ts) --name 张三` registers a staff member on the running local cloud;
 * `npm run staff -- list` and `npm run staff -- deactivate --openid X`. The first city admin can
 * only be made this way (the staffMembers action needs a city admin to call it).
 * The cloud is LOCAL_CLOUD_URL, else http://127.0.0.1:$LOCAL_CLOUD_PORT (3900).
 */
import { parseArgs } from 'node:util';
import { DomainError, parseOrThrow } from '../core';
import { connectSdk } from '../localcloud/sdk';
import { audit } from '../server/audit';
import { COLLECTIONS, type StaffDoc } from '../server/model';
import { staffInput } from '../core/schemas/staff';
import { addStaff } from '../server/staff/members';
import { isMain } from './is-main';

export function localCloudUrl(): string {
  return process.env.LOCAL_CLOUD_URL ?? `http://127.0.0.1:${process.env.LOCAL_CLOUD_PORT ?? '3900'}`;
}

const USAGE = `用法：
  npm run staff -- add --openid OPENID --role city|district|department --name 姓名 [--district 230402] [--department 部门代码，如 swj]
  npm run staff -- list
  npm run staff -- deactivate --openid OPENID`;

export async function runStaff(argv: string[], url = localCloudUrl()): Promise<unknown> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      openid: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      district: { type: 'string' },
      field: { type: 'string' },
      department: { type: 'string' },
    },
  });
  const { db } = connectSdk(url);
  const now = new Date();
  const command = positionals[0];
  if (command === 'add') {
    const input = parseOrThrow(staffInput, {
      openid: values.openid,
      role: values.role,
      name: values.name,
      districtCode: values.district,
      field: values.field,
      departmentId: values.department,
    });
    const member = await addStaff(db, input, now);
    await audit(db, {
      at: now,
      actor: 'cli',
      role: 'system',
      action: 'staffMembers.add',
      target: { collection: COLLECTIONS.staff, id: member._id },
      before: null,
      after: member,
    });
    return member;
  }
  if (command === 'list') {
    return ((await db.collection(COLLECTIONS.staff).limit(1000).get()) as { data: StaffDoc[] }).data;
  }
  if (command === 'deactivate') {
    const res = (await db
      .collection(COLLECTIONS.staff)
      .where({ openid: values.openid ?? '' })
      .update({ data: { active: false } })) as {
      stats: { updated: number };
    };
    if (res.stats.updated === 0) throw new DomainError('NOT_FOUND', '未找到该工作人员或其已停用');
    await audit(db, {
      at: now,
      actor: 'cli',
      role: 'system',
      action: 'staffMembers.deactivate',
      target: { collection: COLLECTIONS.staff, id: values.openid ?? '' },
      before: { active: true },
      after: { active: false },
    });
    return { openid: values.openid, active: false };
  }
  throw new DomainError('USAGE', USAGE);
}

if (isMain(__filename)) {
  runStaff(process.argv.slice(2)).then(
    (out) => process.stdout.write(`${JSON.stringify(out, null, 2)}\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof DomainError ? `${e.code}: ${e.message}` : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
