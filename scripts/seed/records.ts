/**
 * The records a coded entity has, following its code by a few days (never beyond today): its own
 * 主动承诺 (keyed by the merchant action's selfCommitmentKey), and at random a department's
 * commitment, an honour, a registration and other information, keyed by the import's rowDedupKey.
 */
import { commitmentTemplate, type CommitmentInput } from '../../core';
import { dateOfDayNumber } from '../../core/rates';
import { rowDedupKey } from '../../server/batches';
import { selfCommitmentKey } from '../../server/merchant/commitments';
import type { CommitmentDoc, EntityDoc, HonourDoc, OtherInfoDoc, RegistrationDoc } from '../../server/model';
import { atChina, importSource, ISSUERS } from './demo';
import type { SeedContext } from './entities';

export interface EntityRecords {
  commitments: CommitmentDoc[];
  honours: HonourDoc[];
  registrations: RegistrationDoc[];
  otherInfo: OtherInfoDoc[];
}

export function entityRecords(ctx: SeedContext, e: EntityDoc, owner: string, issuedDay: number): EntityRecords {
  const { rng, todayN } = ctx;
  const out: EntityRecords = { commitments: [], honours: [], registrations: [], otherInfo: [] };
  const upTo = (day: number) => Math.min(day, todayN);
  const t = commitmentTemplate(e.field);
  const commitment: CommitmentInput = {
    promiserName: e.name,
    promiserCategory: e.category === 'individual' ? '个体工商户' : '法人',
    promiserCode: e.uscc,
    commitmentType: t.commitmentType,
    commitmentArea: t.commitmentArea,
    reason: t.reason,
    content: t.content,
    liability: t.liability,
    committedOn: dateOfDayNumber(issuedDay),
    publicity: rng.chance(0.9) ? '可向社会公开' : '政务共享',
  };
  // Made in the last week: half still wait for review.
  const selfPending = issuedDay > todayN - 7 && rng.chance(0.5);
  out.commitments.push({
    _id: rng.hex(32),
    ...commitment,
    field: e.field,
    uscc: e.uscc,
    status: selfPending ? 'pending' : 'approved',
    source: { kind: 'self', openid: owner },
    dedupKey: selfCommitmentKey(commitment),
    createdAt: atChina(issuedDay, 16),
  });
  if (rng.chance(0.35)) {
    const dept: CommitmentInput = {
      ...commitment,
      commitmentType: rng.pick(['证明事项告知承诺型', '容缺受理型', '审批替代型'] as const),
      commitmentArea: '证明事项告知承诺书',
      reason: '办理行政许可事项',
      content: `本单位所提交的申请材料真实有效，${commitment.content}`,
      committedOn: dateOfDayNumber(issuedDay - 30 - rng.int(300)),
      publicity: '可向社会公开',
    };
    out.commitments.push({
      _id: rng.hex(32),
      ...dept,
      field: e.field,
      uscc: e.uscc,
      status: 'approved',
      source: importSource(ISSUERS.scjg, upTo(issuedDay + 2), `seed-commitments-${issuedDay}`),
      dedupKey: rowDedupKey('commitment', dept),
      createdAt: atChina(upTo(issuedDay + 2), 15),
    });
  }
  if (rng.chance(0.18)) {
    const collectedOn = dateOfDayNumber(issuedDay - 30 - rng.int(370));
    const year = Number(collectedOn.slice(0, 4)) - 1;
    const [basis, issuer] = rng.pick([
      [`纳税信用等级评价方案（${year}年度A级纳税人）`, ISSUERS.tax],
      [`黑龙江省守合同重信用企业公示（${year}年度）`, ISSUERS.scjg],
      [`鹤岗市诚信经营示范店评选（${year}年度）`, ISSUERS.scjg],
      [`劳动保障守法诚信等级评价（${year}年度A级）`, ISSUERS.rsj],
    ] as const);
    const value = { entityName: e.name, uscc: e.uscc, issuer, basis, validUntil: `${year + 3}-12-31`, collectedOn };
    out.honours.push({
      _id: rng.hex(32),
      ...value,
      source: importSource(issuer, upTo(issuedDay + 3), `seed-honours-${issuedDay}`),
      dedupKey: rowDedupKey('honour', value),
      createdAt: atChina(upTo(issuedDay + 3), 15),
    });
  }
  if (rng.chance(0.25)) {
    const value = {
      entityName: e.name,
      uscc: e.uscc,
      itemName: rng.pick(['食品经营许可证', '放心消费承诺', '社区志愿服务', '助学捐赠']),
      content: rng.pick(['诚信经营，欢迎监督', '参加社区志愿服务活动', '向当地学校捐赠图书', '持证经营，证照齐全']),
      // About half vouched for by a provider (shown as 由…提供), the rest the entity's own (自愿注册·未核验).
      ...(rng.chance(0.5) ? { provider: rng.pick(['市市场监管局', '鹤岗市慈善总会', '社区居委会']) } : {}),
      collectedOn: dateOfDayNumber(upTo(issuedDay + 1)),
    };
    out.registrations.push({
      _id: rng.hex(32),
      ...value,
      source: { kind: 'self', openid: owner },
      dedupKey: rowDedupKey('registration', value),
      createdAt: atChina(upTo(issuedDay + 1), 17),
    });
  }
  if (rng.chance(e.category === 'cooperative' ? 0.5 : 0.08)) {
    const rice = e.districtCode === '230422' ? '绥滨大米' : '萝北大米';
    const value =
      e.category === 'cooperative'
        ? { infoName: `“${rice}”地理标志产品`, provider: ISSUERS.scjg }
        : { infoName: `“${e.name.slice(-8, -4)}”注册商标`, provider: '国家知识产权局' };
    const collectedOn = dateOfDayNumber(issuedDay - 200 - rng.int(900));
    const full = { entityName: e.name, uscc: e.uscc, ...value, collectedOn };
    out.otherInfo.push({
      _id: rng.hex(32),
      ...full,
      source: importSource(ISSUERS.scjg, upTo(issuedDay + 4), `seed-other-${issuedDay}`),
      dedupKey: rowDedupKey('otherInfo', full),
      createdAt: atChina(upTo(issuedDay + 4), 15),
    });
  }
  return out;
}
