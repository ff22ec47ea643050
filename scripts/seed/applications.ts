/**
 * The demo's 赋码申请: the approved application behind each code, and per district five waiting for
 * review and three rejected, with the evidence the review card shows (a licence photo, the legal
 * representative and the entity's 市场主体名录 row).
 */
import type { Field } from '../../core';
import type { ApplicationDoc, EntityDoc, RegisterDoc } from '../../server/model';
import type { IssuedDemoCode } from './codes';
import { atChina, DEMO_OPENIDS } from './demo';
import type { SeedContext } from './entities';
import { DEMO_LICENCE_FILE_ID } from './licence';
import { person, phone } from './names';

/** 市场主体类型 as the register writes it, by our entity category. */
const REGISTER_TYPE: Record<EntityDoc['category'], string> = {
  company: '有限责任公司',
  individual: '个体工商户',
  cooperative: '农民专业合作社',
  other: '其他',
};

/** The application the district approved when it issued the code, sent one to three days before. */
export function approvedApplication(ctx: SeedContext, { entity: e, codes, owner, issuedDay, issuedAt }: IssuedDemoCode): ApplicationDoc {
  const { rng } = ctx;
  return {
    _id: rng.hex(32),
    uscc: e.uscc,
    entityName: e.name,
    category: e.category,
    districtCode: e.districtCode,
    address: e.address,
    field: e.field as Field,
    contactName: e.contactName,
    contactPhone: e.contactPhone,
    applicantOpenid: owner,
    status: 'approved',
    reviewedBy: DEMO_OPENIDS.district(e.districtCode),
    reviewedAt: issuedAt,
    entityId: e._id,
    codeId: codes[0]!._id,
    createdAt: atChina(issuedDay - 1 - rng.int(3), 8 + rng.int(12), rng.int(60)),
  };
}

/**
 * Applications of entities without codes: the first five pending, the rest rejected (工农区's
 * first is the demo merchant's), each with its register row; the second of each district's register
 * rows names someone else as legal representative, which raises a flag on the review card.
 */
export function waitingApplications(
  ctx: SeedContext,
  entities: readonly EntityDoc[],
): { applications: ApplicationDoc[]; register: RegisterDoc[] } {
  const { rng, todayN } = ctx;
  const applications: ApplicationDoc[] = [];
  const register: RegisterDoc[] = [];
  entities.forEach((e, n) => {
    const pending = n < 5;
    const openid = e.districtCode === '230403' && n === 0 ? DEMO_OPENIDS.merchant : `demo-applicant-${e.uscc.slice(8, 17)}`;
    const app: ApplicationDoc = {
      _id: rng.hex(32),
      uscc: e.uscc,
      entityName: e.name,
      category: e.category,
      districtCode: e.districtCode,
      address: e.address,
      field: e.field as Field,
      contactName: person(rng),
      contactPhone: phone(rng),
      applicantOpenid: openid,
      status: pending ? 'pending' : 'rejected',
      ...(pending
        ? { pendingKey: e.uscc }
        : {
            decisionReason: '门头照片与经营地址不符，请核实后重新申请',
            reviewedBy: DEMO_OPENIDS.district(e.districtCode),
            reviewedAt: atChina(todayN - 3, 11),
          }),
      createdAt: atChina(todayN - rng.int(6), 8 + rng.int(12), rng.int(60)),
    };
    // The evidence (no random draws, so the rest of the data set does not move).
    app.legalRepName = app.contactName;
    app.licencePhoto = DEMO_LICENCE_FILE_ID;
    app.districtSource = 'uscc';
    applications.push(app);
    register.push({
      _id: `reg-${e.uscc}`,
      uscc: e.uscc,
      name: e.name,
      entityType: REGISTER_TYPE[e.category],
      legalRep: n === 1 ? '王建国' : app.contactName,
      address: e.address,
      districtCode: e.districtCode,
      regStatus: '存续',
      inBusiness: true,
      batchId: 'seed-register',
      createdAt: app.createdAt,
      updatedAt: app.createdAt,
    });
  });
  return { applications, register };
}
