/**
 * 未赋码主体名单 (outreach): the register's entities in business without a live code, in the caller's
 * scope, with filters; mark each contact (已联系 / 同意赋码 / 暂不需要), hand those that agreed to
 * staff.issueCodes, export the list for phone campaigns, and see how far the district is from 40%.
 */
import { CONTACT_RESULTS, FIELDS, chinaDate, type ContactResult } from '../../lib/core';
import {
  exportOutreach,
  gap,
  issueCodes,
  outreach,
  recordContact,
  rememberStaff,
  type GapRow,
  type OutreachFilters,
  type OutreachItem,
} from '../../services/reach';
import { openXlsx } from '../staff-import/files';

const PAGE = 20;
const FIELD_CHOICES = ['全部领域', ...FIELDS];

Page({
  data: {
    loading: true,
    error: '',
    notice: '',
    filters: { keyword: '', address: '', entityType: '', foundedFrom: '', foundedTo: '' } as OutreachFilters,
    fieldChoices: FIELD_CHOICES,
    fieldIndex: 0,
    total: 0,
    items: [] as OutreachItem[],
    results: CONTACT_RESULTS as readonly string[],
    /** USCCs marked 同意赋码 in this session, ready for issueCodes. */
    agreed: [] as string[],
    gaps: [] as GapRow[],
    exporting: false,
    issuing: false,
  },

  onShow() {
    void this.load();
    void this.loadGap();
  },

  filters(): OutreachFilters {
    const f = { ...this.data.filters };
    if (this.data.fieldIndex > 0) f.field = FIELD_CHOICES[this.data.fieldIndex];
    return f;
  },

  async load(more = false) {
    this.setData({ loading: true, error: '' });
    const res = await outreach(this.filters(), more ? this.data.items.length : 0, PAGE);
    if (!res.ok) return this.setData({ loading: false, error: res.error.message });
    rememberStaff();
    this.setData({ loading: false, total: res.data.total, items: more ? [...this.data.items, ...res.data.items] : res.data.items });
  },

  async loadGap() {
    const res = await gap();
    if (res.ok) this.setData({ gaps: res.data.districts.filter((d) => d.uncodedInRegister > 0 || d.neededFor40 !== null) });
  },

  onInput(e: WechatMiniprogram.Input) {
    const key = (e.currentTarget.dataset as { key: string }).key;
    this.setData({ [`filters.${key}`]: e.detail.value });
  },

  onField(e: WechatMiniprogram.PickerChange) {
    this.setData({ fieldIndex: Number(e.detail.value) });
    void this.load();
  },

  search() {
    void this.load();
  },

  more() {
    if (this.data.items.length < this.data.total) void this.load(true);
  },

  /** Record a contact: the result tapped, today's date, an optional note typed in the dialog. */
  mark(e: WechatMiniprogram.TouchEvent) {
    const { uscc, result } = e.currentTarget.dataset as { uscc: string; result: ContactResult };
    wx.showModal({
      title: `记录：${result}`,
      editable: true,
      placeholderText: '备注（可不填）',
      success: async (m) => {
        if (!m.confirm) return;
        const res = await recordContact(uscc, result, (m.content ?? '').trim(), chinaDate(new Date()));
        if (!res.ok) return this.setData({ error: res.error.message });
        const agreed = result === '同意赋码' ? [...new Set([...this.data.agreed, uscc])] : this.data.agreed.filter((u) => u !== uscc);
        this.setData({ agreed, notice: `已记录：${result}` });
        void this.load();
      },
    });
  },

  async issue() {
    if (this.data.issuing || this.data.agreed.length === 0) return;
    this.setData({ issuing: true, error: '', notice: '' });
    const res = await issueCodes(this.data.agreed);
    this.setData({ issuing: false });
    if (!res.ok) return this.setData({ error: res.error.message });
    this.setData({ agreed: [], notice: '已提交赋码，名单已更新' });
    void this.load();
    void this.loadGap(); // the codes just issued count toward 40% at once
  },

  async exportXlsx() {
    if (this.data.exporting) return;
    this.setData({ exporting: true, error: '' });
    const res = await exportOutreach(this.filters());
    this.setData({ exporting: false });
    if (!res.ok) return this.setData({ error: res.error.message });
    openXlsx(res.data);
  },
});
