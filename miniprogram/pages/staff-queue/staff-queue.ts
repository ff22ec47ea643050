/**
 * 审核待办: applications and commitments waiting for a decision, and live codes to suspend,
 * reinstate or revoke. Rejecting and every change to a code need a reason.
 */
import { districtName, VERDICTS, verdictOf } from '../../lib/core';
import { changeCode, codes, queue, review, type CodeItem, type QueueItem, type QueueKind } from '../../services/staff';

type Tab = QueueKind | 'active' | 'suspended';
type Act = 'approve' | 'reject' | 'suspendCode' | 'reinstateCode' | 'revokeCode';

interface Button {
  act: Act;
  label: string;
  /** Needs a reason before it is sent. */
  reason: boolean;
}

interface Row {
  id: string;
  title: string;
  lines: string[];
  buttons: Button[];
}

const REVIEW_BUTTONS: Button[] = [
  { act: 'approve', label: '通过', reason: false },
  { act: 'reject', label: '驳回', reason: true },
];
const CODE_BUTTONS: Record<'active' | 'suspended', Button[]> = {
  active: [
    { act: 'suspendCode', label: '暂停', reason: true },
    { act: 'revokeCode', label: '撤销', reason: true },
  ],
  suspended: [
    { act: 'reinstateCode', label: '恢复', reason: true },
    { act: 'revokeCode', label: '撤销', reason: true },
  ],
};
const DONE: Record<Act, string> = { approve: '已通过', reject: '已驳回', suspendCode: '已暂停', reinstateCode: '已恢复', revokeCode: '已撤销' };

function reviewRow(kind: QueueKind, item: QueueItem): Row {
  if (kind === 'application') {
    return {
      id: item._id,
      title: item.entityName ?? '',
      lines: [
        `${item.uscc ?? ''} · ${districtName(item.districtCode ?? '') ?? ''} · ${item.field ?? ''}`,
        item.address ?? '',
        `联系人：${item.contactName ?? ''} ${item.contactPhone ?? ''}`,
      ],
      buttons: REVIEW_BUTTONS,
    };
  }
  return {
    id: item._id,
    title: item.promiserName ?? '',
    lines: [`${item.promiserCode ?? ''} · ${item.commitmentType ?? ''} · ${item.field ?? ''}`, item.content ?? '', `承诺日期：${item.committedOn ?? ''}`],
    buttons: REVIEW_BUTTONS,
  };
}

function codeRow(status: 'active' | 'suspended', c: CodeItem): Row {
  return {
    id: c.codeId,
    title: c.entityName || c.uscc,
    lines: [`${c.uscc} · ${districtName(c.districtCode) ?? ''} · ${c.field}`, `第${c.version}版 · ${VERDICTS[verdictOf(c)].label}`],
    buttons: CODE_BUTTONS[status],
  };
}

Page({
  data: {
    tab: 'application' as Tab,
    loading: true,
    error: '',
    rows: [] as Row[],
    /** The row and action waiting for a reason. */
    pendingId: '',
    pendingAct: '' as Act | '',
    pendingLabel: '',
    reason: '',
    busy: false,
  },

  onShow() {
    void this.load();
  },

  async load() {
    this.setData({ loading: true, error: '' });
    const tab = this.data.tab;
    // A tab switched while this request was out has its own load: this answer is stale.
    const stale = () => this.data.tab !== tab;
    if (tab === 'active' || tab === 'suspended') {
      const res = await codes(tab);
      if (stale()) return;
      if (!res.ok) return this.setData({ loading: false, error: res.error.message, rows: [] });
      return this.setData({ loading: false, rows: res.data.items.map((c) => codeRow(tab, c)) });
    }
    const res = await queue(tab);
    if (stale()) return;
    if (!res.ok) return this.setData({ loading: false, error: res.error.message, rows: [] });
    this.setData({ loading: false, rows: res.data.items.map((i) => reviewRow(tab, i)) });
  },

  switchTab(e: WechatMiniprogram.TouchEvent) {
    const tab = (e.currentTarget.dataset as { tab: Tab }).tab;
    if (tab === this.data.tab) return;
    this.setData({ tab, pendingId: '', pendingAct: '', reason: '' });
    void this.load();
  },

  async act(e: WechatMiniprogram.TouchEvent) {
    const { id, act, label, reason } = e.currentTarget.dataset as { id: string; act: Act; label: string; reason: boolean };
    if (reason) return this.setData({ pendingId: id, pendingAct: act, pendingLabel: label, reason: '', error: '' });
    await this.send(id, act);
  },

  onReason(e: WechatMiniprogram.Input) {
    this.setData({ reason: e.detail.value });
  },

  cancel() {
    this.setData({ pendingId: '', pendingAct: '', reason: '' });
  },

  async confirm() {
    if (this.data.reason.trim() === '') return this.setData({ error: `${this.data.pendingLabel}时请填写原因` });
    if (this.data.pendingAct) await this.send(this.data.pendingId, this.data.pendingAct, this.data.reason.trim());
  },

  async send(id: string, act: Act, reason?: string) {
    if (this.data.busy) return;
    this.setData({ busy: true, error: '' });
    const tab = this.data.tab;
    const res =
      act === 'approve' || act === 'reject'
        ? await review(tab as QueueKind, id, act, reason)
        : await changeCode(act, id, reason ?? '');
    if (!res.ok) return this.setData({ busy: false, error: res.error.message });
    wx.showToast({ title: DONE[act] });
    this.setData({ busy: false, pendingId: '', pendingAct: '', reason: '', rows: this.data.rows.filter((r) => r.id !== id) });
  },
});
