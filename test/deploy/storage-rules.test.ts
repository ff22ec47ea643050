/**
 * deploy/storage-rules.json, the cloud-storage security rule shipped for production: uploaded
 * import files (imports/…, which may hold 政务共享 rows) are never readable from the mini-program
 * (functions are not subject to the rule), nor are licence photos, report and inspection photos and
 * ledger files (staff see them through temporary URLs the functions make), other files stay readable (storefront photos on public
 * pages), and a user writes or deletes only files they uploaded. The expressions are evaluated
 * here as JavaScript, which their syntax is a subset of.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const rules = JSON.parse(readFileSync(join(__dirname, '../../deploy/storage-rules.json'), 'utf8')) as { read: string; write: string };

type Auth = { openid: string } | null;
const evaluate = (expr: string, auth: Auth, resource: { path: string; openid: string }) =>
  new Function('auth', 'resource', `return (${expr});`)(auth, resource) as boolean;

describe('storage security rules', () => {
  const staff = { openid: 'oStaff' };
  const other = { openid: 'oOther' };

  it('never let a client read an uploaded import file, even its uploader', () => {
    for (const auth of [staff, other, null]) {
      expect(evaluate(rules.read, auth, { path: 'imports/1700000000-abc.xlsx', openid: 'oStaff' })).toBe(false);
    }
  });

  it('never let a client read private evidence: licence photos, report and inspection photos, ledger files', () => {
    for (const path of ['licences/a.jpg', 'reports/b.jpg', 'inspections/c.jpg', 'ledger/d.pdf']) {
      for (const auth of [staff, other, null]) expect(evaluate(rules.read, auth, { path, openid: 'oStaff' }), path).toBe(false);
    }
  });

  it('keep other files readable (storefront photos appear on public pages)', () => {
    expect(evaluate(rules.read, null, { path: 'storefront/oMerchant-1.jpg', openid: 'oMerchant' })).toBe(true);
    expect(evaluate(rules.read, other, { path: 'storefront/imports/x.jpg', openid: 'oMerchant' })).toBe(true);
  });

  it('let a signed-in user write only their own files', () => {
    expect(evaluate(rules.write, staff, { path: 'imports/a.xlsx', openid: 'oStaff' })).toBe(true);
    expect(evaluate(rules.write, other, { path: 'imports/a.xlsx', openid: 'oStaff' })).toBe(false);
    expect(evaluate(rules.write, null, { path: 'imports/a.xlsx', openid: 'oStaff' })).toBe(false);
  });
});
