/** Payload schemas of the staff actions: every field named in Chinese, so errors read as the forms do. */
import * as z from 'zod';
import { districtCode, docId, oneOf, optionalText, pageFields, text } from '../../core';

/** The building blocks live in core (the contracts use them); the staff actions know them by these names. */
export const id = docId;
export const page = pageFields;

export const reason = () => text('原因', 200);

export const queueInput = z.object({
  kind: oneOf('待办类别', ['application', 'commitment']).default('application'),
  status: oneOf('状态', ['pending', 'approved', 'rejected', 'withdrawn']).default('pending'),
  districtCode: districtCode().optional(),
  /** A fragment of the name or of the USCC (applications only). */
  keyword: optionalText('关键词', 50),
  ...page,
});

export const decisionInput = z
  .object({
    decision: oneOf('审核结论', ['approve', 'reject']),
    reason: optionalText('原因', 200),
  })
  .refine((v) => v.decision === 'approve' || v.reason !== undefined, { error: '驳回时请填写原因', path: ['reason'] });

export const reviewApplicationInput = z
  .intersection(
    z.object({
      applicationId: id('申请编号'),
      /** 申请人有权代表该主体: required to approve a takeover (the entity has owners, or its code was revoked). */
      confirmTakeover: z.boolean({ error: '确认接管应为是或否' }).optional(),
    }),
    decisionInput,
  )
  .refine((v) => v.confirmTakeover !== true || v.reason !== undefined, { error: '确认接管时请填写原因', path: ['reason'] });
export const reviewCommitmentInput = z.intersection(z.object({ commitmentId: id('承诺编号') }), decisionInput);

export const codeChangeInput = z.object({ codeId: id('诚信码编号'), reason: reason() });
