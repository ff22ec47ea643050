/**
 * 通报: the whole document as of a cut-off date — the five sections as text, what is still missing,
 * the 附件 tables — and "保存通报" (the .docx, opened with WeChat's document viewer); the ranking
 * sentence and its 附件 xlsx as before. The city imports the 附件1/3/4 tables here too.
 */
import { bulletinReport, exportReport, importTable, type ReportData, type TableKind } from '../../services/bulletin';
import { exportBulletin } from '../../services/staff';
import { chooseXlsx, openDocx, openXlsx } from '../staff-import/files';

const TABLE_KINDS: { kind: TableKind; label: string }[] = [
  { kind: 'publicity', label: '附件1 “双公示”（按起止日期）' },
  { kind: 'govCommitment', label: '附件3 政务承诺（按截至日期）' },
  { kind: 'monthlyReport', label: '附件4 工作动态（按月份）' },
];

Page({
  data: {
    loading: true,
    error: '',
    bulletin: null as ReportData | null,
    exporting: false,
    saving: false,
    cutoff: '',
    publicityFrom: '',
    publicityTo: '',
    month: '',
    docNo: '',
    tableKinds: TABLE_KINDS,
    importing: '',
    notice: '',
  },

  onShow() {
    void this.load();
  },

  reportOptions() {
    const d = this.data;
    return {
      ...(d.cutoff ? { cutoff: d.cutoff } : {}),
      ...(d.publicityFrom && d.publicityTo ? { publicityFrom: d.publicityFrom, publicityTo: d.publicityTo } : {}),
      ...(d.month ? { month: d.month } : {}),
    };
  },

  async load() {
    this.setData({ loading: true, error: '' });
    const res = await bulletinReport(this.reportOptions());
    if (!res.ok) return this.setData({ loading: false, error: res.error.message, bulletin: null });
    this.setData({ loading: false, bulletin: res.data, cutoff: this.data.cutoff || res.data.asOf });
  },

  pick(e: WechatMiniprogram.CustomEvent) {
    const field = (e.currentTarget.dataset as { field: string }).field;
    this.setData({ [field]: String(e.detail.value) });
    if (field !== 'docNo') void this.load();
  },

  copy() {
    const b = this.data.bulletin;
    if (!b) return;
    const text = b.report ? b.report.sections.map((s) => [s.heading, ...s.paragraphs].join('\n')).join('\n') : b.sentence;
    wx.setClipboardData({ data: text });
  },

  async exportXlsx() {
    if (this.data.exporting) return;
    this.setData({ exporting: true, error: '' });
    const res = await exportBulletin();
    this.setData({ exporting: false });
    if (!res.ok) return this.setData({ error: res.error.message });
    openXlsx(res.data);
  },

  async saveReport() {
    if (this.data.saving) return;
    if (!this.data.docNo) return this.setData({ error: '请填写文号，如 鹤环办发〔2022〕17号' });
    this.setData({ saving: true, error: '' });
    const res = await exportReport({ ...this.reportOptions(), docNo: this.data.docNo });
    this.setData({ saving: false });
    if (!res.ok) return this.setData({ error: res.error.message });
    openDocx(res.data);
  },

  async importKind(e: WechatMiniprogram.CustomEvent) {
    const kind = (e.currentTarget.dataset as { kind: TableKind }).kind;
    const d = this.data;
    if (kind === 'publicity' && !(d.publicityFrom && d.publicityTo)) return this.setData({ error: '请先选择“双公示”统计起止日期' });
    if (kind === 'monthlyReport' && !d.month) return this.setData({ error: '请先选择月份' });
    const file = await chooseXlsx();
    if (!file) return;
    this.setData({ importing: kind, error: '', notice: '' });
    const period =
      kind === 'publicity'
        ? { from: d.publicityFrom, to: d.publicityTo }
        : kind === 'monthlyReport'
          ? { month: d.month }
          : { asOf: d.cutoff || undefined };
    const res = await importTable({ kind, ...period, ...file });
    this.setData({ importing: '' });
    if (!res.ok) return this.setData({ error: res.error.message });
    this.setData({ notice: `已导入${res.data.rows}行${res.data.replaced ? '（替换了该期旧表）' : ''}` });
    void this.load();
  },

  openKaohe() {
    wx.navigateTo({ url: '/pages/staff-kaohe/staff-kaohe' });
  },
});
