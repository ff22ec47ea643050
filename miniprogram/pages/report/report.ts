/** 举报: anyone may report a suspicious code or a problem with an entity; no sign-in needed. */
import { REPORT_REASONS, type ReportReason } from '../../lib/core';
import { submitReport } from '../../services/public';
import { decodeOnce } from '../verify/scan';

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
    this.setData({ scanned: decodeOnce(query.scanned ?? ''), uscc: decodeOnce(query.uscc ?? '') });
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
    const res = await submitReport({
      reason,
      ...(d.scanned ? { scanned: d.scanned } : {}),
      ...(d.uscc ? { uscc: d.uscc } : {}),
      ...(d.detail ? { detail: d.detail } : {}),
    });
    if (res.ok) this.setData({ submitting: false, done: true });
    else this.setData({ submitting: false, error: res.error.message });
  },
});
