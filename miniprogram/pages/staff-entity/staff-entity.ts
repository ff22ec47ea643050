/**
 * 主体档案 (staff): one entity in the caller's scope — its data (phone masked), codes and their
 * history, records with source and batch, reports, objections, the audit trail — and the code
 * actions the caller may take, each with a reason category and a reason the owner is told.
 */
import { CODE_REASON_CATEGORIES, CODE_REASON_KEYS, beijingDateTime } from '../../lib/core';
import { changeCodeStatus, staffEntity } from '../../services/supervision';

const CATEGORY_KEYS = CODE_REASON_KEYS;

function day(v: unknown): string {
  return v ? beijingDateTime(new Date(String(v))).slice(0, 16) : '';
}

Page({
  data: {
    uscc: '',
    loading: true,
    error: '',
    view: null as any,
    categoryNames: CATEGORY_KEYS.map((k) => (CODE_REASON_CATEGORIES as Record<string, string>)[k]),
    categoryIndex: 0,
    reason: '',
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ uscc: query.uscc ?? '' });
    void this.load();
  },

  async load() {
    const res = await staffEntity(this.data.uscc);
    if (!res.ok) return this.setData({ loading: false, error: res.error.message });
    const v = res.data;
    v.codes = v.codes.map((c: any) => ({ ...c, history: c.history.map((h: any) => ({ ...h, when: day(h.at) })) }));
    v.audit = v.audit.map((a: any) => ({ ...a, when: day(a.at) }));
    v.records = v.records.map((r: any) => ({ ...r, title: String(r.fields.title ?? r.fields.content ?? r.fields.itemName ?? r.fields.infoName ?? r.kind) }));
    this.setData({ loading: false, error: '', view: v });
  },

  onCategory(e: WechatMiniprogram.PickerChange) {
    this.setData({ categoryIndex: Number(e.detail.value) });
  },

  onReason(e: WechatMiniprogram.Input) {
    this.setData({ reason: e.detail.value });
  },

  async act(e: WechatMiniprogram.TouchEvent) {
    const action = (e.currentTarget.dataset as { action: 'suspendCode' | 'reinstateCode' | 'revokeCode' }).action;
    const live = this.data.view?.codes.find((c: any) => c.status !== 'revoked');
    if (!live) return;
    const res = await changeCodeStatus(action, {
      codeId: live.codeId,
      reason: this.data.reason,
      ...(action === 'reinstateCode' ? {} : { category: CATEGORY_KEYS[this.data.categoryIndex] }),
    });
    if (!res.ok) return this.setData({ error: res.error.message });
    wx.showToast({ title: '已处理，已告知经营者' });
    this.setData({ reason: '' });
    void this.load();
  },
});
