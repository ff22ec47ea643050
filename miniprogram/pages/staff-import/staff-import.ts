/** 数据归集: download a blank 填报表, fill it in, upload it, read the row-level report. */
import { importRecords, importTemplate, type ImportKind, type ImportReport } from '../../services/staff';
import { chooseXlsx, openXlsx, type ChosenFile } from './files';

const KINDS: { kind: ImportKind; title: string }[] = [
  { kind: 'commitment', title: '主动承诺信息表' },
  { kind: 'honour', title: '守信激励信息表' },
  { kind: 'registration', title: '自愿注册信息表' },
  { kind: 'otherInfo', title: '其他反映信用状况信息表' },
  { kind: 'districtTotals', title: '县（区）市场主体总量与信易贷入驻情况表' },
];

Page({
  data: {
    kindTitles: KINDS.map((k) => k.title),
    kindIndex: 0,
    busy: false,
    error: '',
    report: null as ImportReport | null,
  },

  onKind(e: WechatMiniprogram.PickerChange) {
    this.setData({ kindIndex: Number(e.detail.value), report: null, error: '' });
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
    const res = await importRecords(this.kind(), file);
    if (!res.ok) return this.setData({ busy: false, error: res.error.message });
    this.setData({ busy: false, report: res.data });
  },

  /** 生码 for the batch just imported. */
  toIssue() {
    const r = this.data.report;
    const batchId = r?.batchId ?? r?.batch;
    if (batchId) wx.navigateTo({ url: `/pages/staff-issue/staff-issue?batchId=${encodeURIComponent(batchId)}` });
  },
});
