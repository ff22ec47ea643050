/**
 * 数据归集: download a blank 填报表, fill it in, upload it, read the row-level report; below, the
 * import batches (own; the city: all) with 撤回 (withdraw, with a reason). The city admin may
 * import on behalf of a department chosen from the managed list (default 市营商局).
 */
import { chinaDate, DEPARTMENTS } from '../../lib/core';
import {
  importBatches,
  importRecords,
  importTemplate,
  withdrawBatch,
  type ImportBatch,
  type ImportKind,
  type ImportReport,
} from '../../services/staff';
import { chooseXlsx, openXlsx, type ChosenFile } from './files';

const KINDS: { kind: ImportKind; title: string }[] = [
  { kind: 'commitment', title: '主动承诺信息表' },
  { kind: 'honour', title: '守信激励信息表' },
  { kind: 'registration', title: '自愿注册信息表' },
  { kind: 'otherInfo', title: '其他反映信用状况信息表' },
  { kind: 'districtTotals', title: '县（区）市场主体总量与信易贷入驻情况表' },
  { kind: 'register', title: '市场主体名录（市级、市市场监管局）' },
];

const STATUS: Record<ImportBatch['status'], string> = { running: '导入中', done: '已完成', failed: '未完成', withdrawn: '已撤回' };
const PAGE = 10;

interface BatchRow extends ImportBatch {
  kindTitle: string;
  statusLabel: string;
  day: string;
  mayWithdraw: boolean;
}

function row(b: ImportBatch): BatchRow {
  return {
    ...b,
    kindTitle: KINDS.find((k) => k.kind === b.kind)?.title ?? b.kind,
    statusLabel: STATUS[b.status] ?? b.status,
    day: chinaDate(new Date(b.startedAt)),
    mayWithdraw: (b.status === 'done' || b.status === 'failed') && b.kind !== 'register',
  };
}

Page({
  data: {
    kindTitles: KINDS.map((k) => k.title),
    kindIndex: 0,
    mayChooseDepartment: false,
    departmentNames: DEPARTMENTS.map((d) => d.name),
    departmentIndex: 0,
    busy: false,
    error: '',
    report: null as ImportReport | null,
    batches: [] as BatchRow[],
    batchTotal: 0,
    withdrawing: '',
    withdrawReason: '',
  },

  onShow() {
    void this.loadBatches();
  },

  async loadBatches(more = false) {
    const offset = more ? this.data.batches.length : 0;
    const res = await importBatches(offset, PAGE);
    if (!res.ok) return this.setData({ error: res.error.message });
    const items = res.data.items.map(row);
    this.setData({
      batches: more ? [...this.data.batches, ...items] : items,
      batchTotal: res.data.total,
      mayChooseDepartment: res.data.mayChooseDepartment,
    });
  },

  moreBatches() {
    void this.loadBatches(true);
  },

  onKind(e: WechatMiniprogram.PickerChange) {
    this.setData({ kindIndex: Number(e.detail.value), report: null, error: '' });
  },

  onDepartment(e: WechatMiniprogram.PickerChange) {
    this.setData({ departmentIndex: Number(e.detail.value) });
  },

  kind(): ImportKind {
    return KINDS[this.data.kindIndex]!.kind;
  },

  async downloadTemplate() {
    const res = await importTemplate(this.kind());
    if (!res.ok) return this.setData({ error: res.error.message });
    openXlsx(res.data);
  },

  async upload() {
    if (this.data.busy) return;
    const file = await chooseXlsx();
    if (file) await this.importFile(file);
  },

  async importFile(file: ChosenFile) {
    this.setData({ busy: true, error: '', report: null });
    const departmentId = this.data.mayChooseDepartment ? DEPARTMENTS[this.data.departmentIndex]?.id : undefined;
    const res = await importRecords(this.kind(), file, departmentId);
    if (!res.ok) {
      this.setData({ busy: false, error: res.error.message });
      return this.loadBatches();
    }
    this.setData({ busy: false, report: res.data });
    return this.loadBatches();
  },

  startWithdraw(e: WechatMiniprogram.TouchEvent) {
    this.setData({ withdrawing: String(e.currentTarget.dataset.id), withdrawReason: '' });
  },

  onWithdrawReason(e: WechatMiniprogram.Input) {
    this.setData({ withdrawReason: e.detail.value });
  },

  cancelWithdraw() {
    this.setData({ withdrawing: '', withdrawReason: '' });
  },

  async confirmWithdraw() {
    const reason = this.data.withdrawReason.trim();
    if (!reason) return this.setData({ error: '请填写撤回原因' });
    const res = await withdrawBatch(this.data.withdrawing, reason);
    if (!res.ok) return this.setData({ error: res.error.message });
    this.setData({ withdrawing: '', withdrawReason: '', error: '' });
    wx.showToast({ title: `已撤回${res.data.withdrawn}条`, icon: 'none' });
    return this.loadBatches();
  },

  /** 生码 for the batch just imported. */
  toIssue() {
    const r = this.data.report;
    const batchId = r?.batchId;
    if (batchId) wx.navigateTo({ url: `/pages/staff-issue/staff-issue?batchId=${encodeURIComponent(batchId)}` });
  },
});
