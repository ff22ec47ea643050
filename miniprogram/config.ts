/**
 * Deployment settings of the mini-program. Replace before uploading (see README,
 * "Deploy to WeChat cloud development").
 */
export const config = {
  /** CloudBase environment id (云开发控制台 → 设置 → 环境ID). */
  cloudEnv: 'hegang-credit-prod',
  /**
   * Prefix of the URL a printed QR code carries; WeChat's "扫普通链接二维码打开小程序" rule for
   * this prefix routes a scan to pages/verify/verify. Must match the functions' CODE_URL_PREFIX.
   */
  codeUrlPrefix: 'https://xy.hegang.gov.cn/mscx/c/',
  /**
   * Subscribe-message template ids (微信公众平台 → 订阅消息), asked for with wx.requestSubscribeMessage
   * where the person acts; must match the functions' SUBSCRIBE_TEMPLATES. '' = not configured (not asked).
   */
  subscribeTemplates: {
    /** 审核结果通知: sent when an application for a code is decided (kind applicationDecided). */
    applicationDecided: '',
  },
} as const;

/**
 * Subscribe-message template ids (微信公众平台 → 订阅消息), one per kind of message the functions
 * send (core/notifications.ts); the same ids go into the functions' SUBSCRIBE_TEMPLATES
 * (docs/supervision.md). Pages ask for the ones their loop ends with.
 */
export const subscribeTemplates = {
  reportUpdated: 'REPLACE-report-updated-template-id',
  objectionAnswered: 'REPLACE-objection-answered-template-id',
  codeStatusChanged: 'REPLACE-code-status-template-id',
  applicationDecided: 'REPLACE-application-decided-template-id',
} as const;
