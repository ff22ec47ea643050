/**
 * The messages the system sends people, one kind per loop that ends with someone told. Each is
 * stored (the mini-program lists a person's messages) and sent as a WeChat subscribe message
 * where the person subscribed and the deployment configured a template for the kind.
 */
export const NOTIFICATION_KINDS = {
  applicationDecided: '诚信码申请审核结果',
  codeStatusChanged: '诚信码状态变更',
  ownerAdded: '主体经办人变更',
  objectionAnswered: '异议处理结果',
  reportUpdated: '举报处理进展',
  codeIssued: '诚信码已生成',
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
