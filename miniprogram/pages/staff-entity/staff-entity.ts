/**
 * 主体档案 (staff): one entity in the caller's scope — its data (phone masked), codes and their
 * history, records with source and batch, reports, objections, the audit trail — and the code
 * actions the caller may take, each with a reason category and a reason the owner is told.
 */
import { CODE_REASON_CATEGORIES, CODE_REASON_KEYS, beijingDateTime } from '../../lib/core';
import { changeCodeStatus, staffEntity, type StaffEntityView } from '../../services/supervision';

const CATEGORY_KEYS = CODE_REASON_KEYS;

function day(v: unknown): string {
  return v ? beijingDateTime(new Date(String(v))).slice(0, 16) : '';
}

/** The entity as the page shows it: times in Beijing minutes, each record with a title. */
function shown(v: StaffEntityView) {
  return {
    ...v,
    codes: v.codes.map((c) => ({ ...c, history: c.history.map((h) => ({ ...h, when: day(h.at) })) })),
    audit: v.audit.map((a) => ({ ...a, when: day(a.at) })),
    records: v.records.map((r) => ({
      ...r,
      title: String(r.fields.title ?? r.fields.content ?? r.fields.itemName ?? r.fields.infoName ?? r.kind),
    })),
  };
}

Page({
  data: {
    uscc: '',
    loading: true,
    error: '',
    view: null as ReturnType<typeof shown> | null,
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
    this.setData({ loading: false, error: '', view: shown(res.data) });
  },

  onCategory(e: WechatMiniprogram.PickerChange) {
    this.setData({ categoryIndex: Number(e.detail.value) });
  },

  onReason(e: WechatMiniprogram.Input) {
    this.setData({ reason: e.detail.value });
  },

  async act(e: WechatMiniprogram.TouchEvent) {
    const action = (e.currentTarget.dataset as { action: 'suspendCode' | 'reinstateCode' | 'revokeCode' }).action;
    const live = this.data.view?.codes.find((c) => c.status !== 'revoked');
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
