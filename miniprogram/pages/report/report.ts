/** 举报: anyone may report a suspicious code or a problem with an entity; no sign-in needed. */
import { codeRefFromQuery, codeRefFromText, codeRefText, decodeOnce, REPORT_REASONS, type ReportReason } from '../../lib/core';
import { submitReport } from '../../services/public';

const FORGED = REPORT_REASONS.indexOf('疑似伪造或无效码');

Page({
  data: {
    reasons: REPORT_REASONS.slice(),
    reasonIndex: -1,
    detail: '',
    scanned: '',
    uscc: '',
    submitting: false,
    done: false,
    error: '',
  },

  onLoad(query: Record<string, string | undefined>) {
    // The verify page's scan in its parsed form (id, v), shown as the person can read it.
    const ref = codeRefFromQuery(query);
    this.setData({ scanned: ref ? codeRefText(ref) : '', uscc: decodeOnce(query.uscc ?? ''), reasonIndex: query.forged === '1' ? FORGED : -1 });
  },

  choose(e: WechatMiniprogram.TouchEvent) {
    this.setData({ reasonIndex: Number((e.currentTarget.dataset as { index: number }).index), error: '' });
  },

  onDetail(e: WechatMiniprogram.Input) {
    this.setData({ detail: e.detail.value });
  },

  onScanned(e: WechatMiniprogram.Input) {
    this.setData({ scanned: e.detail.value, error: '' });
  },

  async submit() {
    const d = this.data;
    if (d.submitting) return;
    const reason = REPORT_REASONS[d.reasonIndex] as ReportReason | undefined;
    if (!reason) return this.setData({ error: '请选择举报原因' });
    this.setData({ submitting: true, error: '' });
    // What the field holds (as scanned, or as typed) goes through the same decoder as a scan.
    const code = codeRefFromText(d.scanned);
    const res = await submitReport({
      reason,
      ...(code ? { code } : {}),
      ...(d.uscc ? { uscc: d.uscc } : {}),
      ...(d.detail ? { detail: d.detail } : {}),
    });
    if (res.ok) this.setData({ submitting: false, done: true });
    else this.setData({ submitting: false, error: res.error.message });
  },
});
