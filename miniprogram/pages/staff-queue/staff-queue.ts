/**
 * 审核待办: applications and commitments waiting for a decision, and live codes to suspend,
 * reinstate or revoke. Rejecting and every change to a code need a reason.
 *
 * An application's card shows what the reviewer decides on: submission date, the 营业执照 and
 * storefront photos, the legal representative, the register row, the entity already held and its
 * code history, and the automatic checks as flags. 通过 asks for confirmation when a flag is
 * raised; a takeover (the entity has owners, or its code was revoked) needs the reason why the
 * applicant may act for the entity. 驳回 offers preset reasons. The queue pages and searches.
 */
import { beijingDate, districtName, ENTITLEMENT_FLAGS, REJECTION_REASONS, VERDICTS, verdictOf, type EntitlementFlag } from '../../lib/core';
import {
  changeCode,
  codes,
  queue,
  review,
  type CodeItem,
  type QueueData,
  type QueuedApplication,
  type QueuedCommitment,
  type QueueKind,
} from '../../services/staff';

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
  /** Application cards: the photos, the flags in words, the evidence lines, whether approving is a takeover. */
  photos?: { label: string; url: string }[];
  flags?: string[];
  evidence?: string[];
  takeover?: boolean;
}

const PAGE_SIZE = 20;
const CODE_STATUS: Record<string, string> = { active: '有效', suspended: '暂停', revoked: '已撤销' };

function flagText(flag: string): string {
  return ENTITLEMENT_FLAGS[flag as EntitlementFlag] ?? flag;
}

/** The register row and the entity already held, one line each, for the reviewer. */
function evidenceLines(ev: QueuedApplication['evidence']): string[] {
  const lines: string[] = [];
  const r = ev.register;
  if (r) {
    lines.push(
      `名录：${r.name} · 法定代表人 ${r.legalRep} · ${r.districtName} · ${r.regStatus}${r.foundedOn ? ` · 成立于${r.foundedOn}` : ''}`,
    );
  } else lines.push('名录：未查到该统一社会信用代码');
  const e = ev.entity;
  if (e) {
    lines.push(`已有主体：${e.name} · ${e.districtName} · 经办人${e.owners}人`);
    for (const c of e.codes) {
      const last = c.history[c.history.length - 1];
      const why = c.status === 'revoked' && last ? `，原因：${last.reason}` : '';
      lines.push(`第${c.version}版诚信码 · ${CODE_STATUS[c.status] ?? c.status} · ${beijingDate(last?.at ?? c.issuedAt) ?? ''}${why}`);
    }
  }
  return lines;
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
const DONE: Record<Act, string> = {
  approve: '已通过',
  reject: '已驳回',
  suspendCode: '已暂停',
  reinstateCode: '已恢复',
  revokeCode: '已撤销',
};

function applicationRow(item: QueuedApplication): Row {
  const chosen = item.applicantDistrictCode ? `（申请人填写：${districtName(item.applicantDistrictCode) ?? ''}）` : '';
  const photos = [
    ...(item.licencePhotoUrl ? [{ label: '营业执照', url: item.licencePhotoUrl }] : []),
    ...(item.storefrontPhotoUrl ? [{ label: '门头照片', url: item.storefrontPhotoUrl }] : []),
  ];
  return {
    id: item._id,
    title: item.entityName,
    lines: [
      `${item.uscc} · ${districtName(item.districtCode) ?? ''}${chosen} · ${item.field}`,
      `提交于 ${beijingDate(item.submittedAt) ?? ''}`,
      item.address,
      `法定代表人（负责人、经营者）：${item.legalRepName ?? '未填写'}`,
      `联系人：${item.contactName} ${item.contactPhone}`,
      ...(item.licencePhotoUrl ? [] : ['营业执照照片：未提供或无法显示']),
    ],
    buttons: REVIEW_BUTTONS,
    photos,
    flags: item.evidence.flags.map(flagText),
    evidence: evidenceLines(item.evidence),
    takeover: item.takeover,
  };
}

function commitmentRow(item: QueuedCommitment): Row {
  return {
    id: item._id,
    title: item.promiserName,
    lines: [`${item.promiserCode} · ${item.commitmentType} · ${item.field}`, item.content, `承诺日期：${item.committedOn}`],
    buttons: REVIEW_BUTTONS,
  };
}

function reviewRows(data: QueueData): Row[] {
  return data.kind === 'application' ? data.items.map(applicationRow) : data.items.map(commitmentRow);
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
    /** Approving a takeover: the reason is why the applicant may act for the entity. */
    pendingTakeover: false,
    reason: '',
    busy: false,
    rejectionReasons: REJECTION_REASONS.slice(),
    /** Applications: the search and the page. */
    keyword: '',
    total: 0,
    loadingMore: false,
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
    const res = await queue(tab, 'pending', tab === 'application' ? this.query(0) : {});
    if (stale()) return;
    if (!res.ok) return this.setData({ loading: false, error: res.error.message, rows: [], total: 0 });
    this.setData({
      loading: false,
      rows: reviewRows(res.data),
      total: res.data.kind === 'application' ? res.data.total : res.data.items.length,
    });
  },

  query(offset: number) {
    const keyword = this.data.keyword.trim();
    return { offset, limit: PAGE_SIZE, ...(keyword ? { keyword } : {}) };
  },

  /** 加载更多: the next page of applications, appended. */
  async loadMore() {
    const tab = this.data.tab;
    if (tab !== 'application' || this.data.loadingMore || this.data.rows.length >= this.data.total) return;
    this.setData({ loadingMore: true });
    const res = await queue(tab, 'pending', this.query(this.data.rows.length));
    if (this.data.tab !== tab) return;
    if (!res.ok) return this.setData({ loadingMore: false, error: res.error.message });
    const known = new Set(this.data.rows.map((r) => r.id));
    const more = reviewRows(res.data).filter((r) => !known.has(r.id));
    this.setData({
      loadingMore: false,
      rows: [...this.data.rows, ...more],
      total: res.data.kind === 'application' ? res.data.total : this.data.total,
    });
  },

  onKeyword(e: WechatMiniprogram.Input) {
    this.setData({ keyword: e.detail.value });
  },

  search() {
    void this.load();
  },

  previewPhoto(e: WechatMiniprogram.TouchEvent) {
    const { url } = e.currentTarget.dataset as { url: string };
    wx.previewImage({ urls: [url], current: url });
  },

  /** 驳回: a preset reason fills the text, which may still be edited. */
  pickReason(e: WechatMiniprogram.TouchEvent) {
    const { reason } = e.currentTarget.dataset as { reason: string };
    this.setData({ reason, error: '' });
  },

  switchTab(e: WechatMiniprogram.TouchEvent) {
    const tab = (e.currentTarget.dataset as { tab: Tab }).tab;
    if (tab === this.data.tab) return;
    this.setData({ tab, pendingId: '', pendingAct: '', reason: '' });
    void this.load();
  },

  async act(e: WechatMiniprogram.TouchEvent) {
    const { id, act, label, reason } = e.currentTarget.dataset as { id: string; act: Act; label: string; reason: boolean };
    const row = this.data.rows.find((r) => r.id === id);
    if (act === 'approve' && row?.takeover) {
      // A takeover is an explicit decision with a reason (申请人有权代表该主体).
      return this.setData({ pendingId: id, pendingAct: act, pendingLabel: '接管并通过', pendingTakeover: true, reason: '', error: '' });
    }
    if (reason) return this.setData({ pendingId: id, pendingAct: act, pendingLabel: label, pendingTakeover: false, reason: '', error: '' });
    if (act === 'approve' && row?.flags?.length) {
      const ask = await wx.showModal({
        title: '核对后再通过',
        content: `自动核查提示：\n${row.flags.join('\n')}\n\n确认已核对营业执照照片和名录信息，通过该申请？`,
        confirmText: '确认通过',
        cancelText: '再看看',
      });
      if (!ask.confirm) return;
    }
    await this.send(id, act);
  },

  onReason(e: WechatMiniprogram.Input) {
    this.setData({ reason: e.detail.value });
  },

  cancel() {
    this.setData({ pendingId: '', pendingAct: '', pendingTakeover: false, reason: '' });
  },

  async confirm() {
    if (this.data.reason.trim() === '') {
      return this.setData({
        error: this.data.pendingTakeover ? '确认接管时请填写核实情况（申请人为何有权代表该主体）' : `${this.data.pendingLabel}时请填写原因`,
      });
    }
    if (this.data.pendingAct)
      await this.send(this.data.pendingId, this.data.pendingAct, this.data.reason.trim(), this.data.pendingTakeover);
  },

  async send(id: string, act: Act, reason?: string, confirmTakeover = false) {
    if (this.data.busy) return;
    this.setData({ busy: true, error: '' });
    const tab = this.data.tab;
    const res =
      act === 'approve' || act === 'reject'
        ? await review(tab as QueueKind, id, act, reason, confirmTakeover)
        : await changeCode(act, id, reason ?? '');
    if (!res.ok) return this.setData({ busy: false, error: res.error.message });
    wx.showToast({ title: DONE[act] });
    this.setData({
      busy: false,
      pendingId: '',
      pendingAct: '',
      pendingTakeover: false,
      reason: '',
      rows: this.data.rows.filter((r) => r.id !== id),
      total: Math.max(0, this.data.total - 1),
    });
  },
});
