/** 审核待办: applications and commitments waiting for a decision; rejecting needs a reason. */
import { districtName } from '../../lib/core';
import { queue, review, type QueueItem, type QueueKind } from '../../services/staff';

interface Row {
  id: string;
  title: string;
  lines: string[];
}

function toRow(kind: QueueKind, item: QueueItem): Row {
  if (kind === 'application') {
    return {
      id: item._id,
      title: item.entityName ?? '',
      lines: [
        `${item.uscc ?? ''} · ${districtName(item.districtCode ?? '') ?? ''} · ${item.field ?? ''}`,
        item.address ?? '',
        `联系人：${item.contactName ?? ''} ${item.contactPhone ?? ''}`,
      ],
    };
  }
  return {
    id: item._id,
    title: item.promiserName ?? '',
    lines: [`${item.promiserCode ?? ''} · ${item.commitmentType ?? ''} · ${item.field ?? ''}`, item.content ?? '', `承诺日期：${item.committedOn ?? ''}`],
  };
}

Page({
  data: {
    kind: 'application' as QueueKind,
    loading: true,
    error: '',
    rows: [] as Row[],
    rejecting: '',
    reason: '',
    busy: false,
  },

  onShow() {
    void this.load();
  },

  async load() {
    this.setData({ loading: true, error: '' });
    const kind = this.data.kind;
    const res = await queue(kind);
    if (!res.ok) return this.setData({ loading: false, error: res.error.message, rows: [] });
    this.setData({ loading: false, rows: res.data.items.map((i) => toRow(kind, i)) });
  },

  switchKind(e: WechatMiniprogram.TouchEvent) {
    const kind = (e.currentTarget.dataset as { kind: QueueKind }).kind;
    if (kind === this.data.kind) return;
    this.setData({ kind, rejecting: '', reason: '' });
    void this.load();
  },

  async approve(e: WechatMiniprogram.TouchEvent) {
    await this.decide((e.currentTarget.dataset as { id: string }).id, 'approve');
  },

  startReject(e: WechatMiniprogram.TouchEvent) {
    this.setData({ rejecting: (e.currentTarget.dataset as { id: string }).id, reason: '', error: '' });
  },

  onReason(e: WechatMiniprogram.Input) {
    this.setData({ reason: e.detail.value });
  },

  async confirmReject() {
    if (this.data.reason.trim() === '') return this.setData({ error: '驳回时请填写原因' });
    await this.decide(this.data.rejecting, 'reject', this.data.reason.trim());
  },

  async decide(id: string, decision: 'approve' | 'reject', reason?: string) {
    if (this.data.busy) return;
    this.setData({ busy: true, error: '' });
    const res = await review(this.data.kind, id, decision, reason);
    if (!res.ok) return this.setData({ busy: false, error: res.error.message });
    wx.showToast({ title: decision === 'approve' ? '已通过' : '已驳回' });
    this.setData({ busy: false, rejecting: '', reason: '', rows: this.data.rows.filter((r) => r.id !== id) });
  },
});
