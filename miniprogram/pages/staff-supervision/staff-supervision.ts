/**
 * 举报与异议 (and 诚信码): the staff lists of the supervision loops, scoped by the server. Each list shows its
 * total, pages with 加载更多 and searches by name, USCC (or 受理编号). A report is moved to 核查中
 * or 办结 with the outcome the reporter will read (optionally suspending the code); an objection is
 * answered 维持 / 更正 / 撤回, a correction picking the field by its Chinese name and giving its corrected value.
 */
import { CODE_REASON_CATEGORIES, CODE_REASON_KEYS, correctableFields, type ObjectionTarget } from '../../lib/core';
import {
  answerObjection,
  changeCodeStatus,
  handleReport,
  staffCodes,
  staffObjections,
  staffReports,
  type StaffObjection,
  type StaffCode,
  type StaffReport,
} from '../../services/supervision';
import type { CallInput } from '../../services/call';

type Tab = 'reports' | 'objections' | 'codes';
const CATEGORY_KEYS = CODE_REASON_KEYS;
const CODE_FILTERS = [
  { key: 'active', label: '有效' },
  { key: 'suspended', label: '已暂停' },
  { key: 'revoked', label: '已撤销' },
];
const REPORT_FILTERS = [
  { key: 'open', label: '待处理' },
  { key: 'verifying', label: '核查中' },
  { key: 'closed', label: '已办结' },
];
const OBJECTION_FILTERS = [
  { key: 'open', label: '办理中' },
  { key: 'overdue', label: '已超期' },
  { key: 'answered', label: '已答复' },
];
const FILTERS: Record<Tab, { key: string; label: string }[]> = {
  reports: REPORT_FILTERS,
  objections: OBJECTION_FILTERS,
  codes: CODE_FILTERS,
};

/** What a correction may change in the objection's record; none for the entity's own data (answered 维持). */
function fieldsOf(target: ObjectionTarget | undefined): { key: string; label: string }[] {
  return target === undefined || target === 'entity' ? [] : correctableFields(target);
}

Page({
  data: {
    tab: 'reports' as Tab,
    filters: REPORT_FILTERS,
    status: 'open',
    keyword: '',
    total: 0,
    reports: [] as StaffReport[],
    objections: [] as StaffObjection[],
    loading: false,
    error: '',
    /** The item being handled / answered, and its form. */
    activeId: '',
    outcome: '',
    suspend: false,
    result: 'upheld' as 'upheld' | 'corrected' | 'withdrawn',
    /** The correctable fields of the objection's record (its form's columns), and the one picked. */
    fieldOptions: [] as { key: string; label: string }[],
    fieldLabels: [] as string[],
    fieldIndex: -1,
    field: '',
    value: '',
    codes: [] as StaffCode[],
    categoryNames: CATEGORY_KEYS.map((k) => (CODE_REASON_CATEGORIES as Record<string, string>)[k]),
    categoryIndex: 0,
  },

  onLoad(query: Record<string, string | undefined>) {
    if (query.tab === 'objections') this.setData({ tab: 'objections', filters: OBJECTION_FILTERS });
    if (query.tab === 'codes') this.setData({ tab: 'codes', filters: CODE_FILTERS, status: 'active' });
    if (query.status) this.setData({ status: query.status });
    void this.load(0);
  },

  onTab(e: WechatMiniprogram.TouchEvent) {
    const tab = (e.currentTarget.dataset as { tab: Tab }).tab;
    this.setData({
      tab,
      filters: FILTERS[tab],
      status: FILTERS[tab][0]!.key,
      activeId: '',
      reports: [],
      objections: [],
      codes: [],
      total: 0,
    });
    void this.load(0);
  },

  onFilter(e: WechatMiniprogram.TouchEvent) {
    this.setData({ status: (e.currentTarget.dataset as { key: string }).key, activeId: '' });
    void this.load(0);
  },

  onKeyword(e: WechatMiniprogram.Input) {
    this.setData({ keyword: e.detail.value });
  },

  search() {
    void this.load(0);
  },

  more() {
    const d = this.data;
    void this.load(d.tab === 'reports' ? d.reports.length : d.tab === 'objections' ? d.objections.length : d.codes.length);
  },

  async load(offset: number) {
    const d = this.data;
    const tab = d.tab;
    this.setData({ loading: true, error: '' });
    const q = { status: d.status, offset, ...(d.keyword.trim() ? { keyword: d.keyword.trim() } : {}) };
    if (tab === 'reports') {
      const res = await staffReports({ ...q, status: q.status as CallInput<'staff', 'reports'>['status'] });
      if (this.data.tab !== tab) return; // the person switched tabs meanwhile
      if (!res.ok) return this.setData({ loading: false, error: res.error.message });
      this.setData({ loading: false, total: res.data.total, reports: offset === 0 ? res.data.items : [...d.reports, ...res.data.items] });
    } else if (tab === 'codes') {
      const res = await staffCodes({ ...q, status: q.status as StaffCode['status'] });
      if (this.data.tab !== tab) return;
      if (!res.ok) return this.setData({ loading: false, error: res.error.message });
      this.setData({ loading: false, total: res.data.total, codes: offset === 0 ? res.data.items : [...d.codes, ...res.data.items] });
    } else {
      const res = await staffObjections({ ...q, status: q.status as CallInput<'staff', 'objections'>['status'] });
      if (this.data.tab !== tab) return;
      if (!res.ok) return this.setData({ loading: false, error: res.error.message });
      this.setData({
        loading: false,
        total: res.data.total,
        objections: offset === 0 ? res.data.items : [...d.objections, ...res.data.items],
      });
    }
  },

  startHandling(e: WechatMiniprogram.TouchEvent) {
    const activeId = (e.currentTarget.dataset as { id: string }).id;
    const target = this.data.objections.find((o) => o.objectionId === activeId)?.target;
    const fieldOptions = fieldsOf(target);
    this.setData({
      activeId,
      outcome: '',
      suspend: false,
      result: 'upheld',
      fieldOptions,
      fieldLabels: fieldOptions.map((f) => f.label),
      fieldIndex: -1,
      field: '',
      value: '',
      error: '',
    });
  },

  onOutcome(e: WechatMiniprogram.Input) {
    this.setData({ outcome: e.detail.value });
  },

  toggleSuspend() {
    this.setData({ suspend: !this.data.suspend });
  },

  onResult(e: WechatMiniprogram.TouchEvent) {
    this.setData({ result: (e.currentTarget.dataset as { result: 'upheld' | 'corrected' | 'withdrawn' }).result });
  },

  onField(e: WechatMiniprogram.PickerChange) {
    const fieldIndex = Number(e.detail.value);
    this.setData({ fieldIndex, field: this.data.fieldOptions[fieldIndex]?.key ?? '' });
  },

  onValue(e: WechatMiniprogram.Input) {
    this.setData({ value: e.detail.value });
  },

  async handle(e: WechatMiniprogram.TouchEvent) {
    const status = (e.currentTarget.dataset as { status: 'verifying' | 'closed' }).status;
    const d = this.data;
    const res = await handleReport({ reportId: d.activeId, status, outcome: d.outcome, ...(d.suspend ? { suspendCode: true } : {}) });
    if (!res.ok) return this.setData({ error: res.error.message });
    wx.showToast({ title: status === 'closed' ? '已办结，已告知举报人' : '已转核查，已告知举报人' });
    this.setData({ activeId: '' });
    void this.load(0);
  },

  async answer() {
    const d = this.data;
    const changes = d.result === 'corrected' && d.field ? { [d.field]: d.value } : undefined;
    const res = await answerObjection({ objectionId: d.activeId, result: d.result, reply: d.outcome, ...(changes ? { changes } : {}) });
    if (!res.ok) return this.setData({ error: res.error.message });
    wx.showToast({ title: '已答复，已告知当事人' });
    this.setData({ activeId: '' });
    void this.load(0);
  },

  onCategory(e: WechatMiniprogram.PickerChange) {
    this.setData({ categoryIndex: Number(e.detail.value) });
  },

  async changeCode(e: WechatMiniprogram.TouchEvent) {
    const action = (e.currentTarget.dataset as { action: 'suspendCode' | 'reinstateCode' | 'revokeCode' }).action;
    const d = this.data;
    const res = await changeCodeStatus(action, {
      codeId: d.activeId,
      reason: d.outcome,
      ...(action === 'reinstateCode' ? {} : { category: CATEGORY_KEYS[d.categoryIndex] }),
    });
    if (!res.ok) return this.setData({ error: res.error.message });
    wx.showToast({ title: '已处理，已告知经营者' });
    this.setData({ activeId: '' });
    void this.load(0);
  },

  openEntity(e: WechatMiniprogram.TouchEvent) {
    const uscc = (e.currentTarget.dataset as { uscc?: string }).uscc;
    if (uscc) wx.navigateTo({ url: `/pages/staff-entity/staff-entity?uscc=${uscc}` });
  },

  previewPhoto(e: WechatMiniprogram.TouchEvent) {
    const { url, urls } = e.currentTarget.dataset as { url: string; urls: string[] };
    wx.previewImage({ current: url, urls });
  },
});
