/**
 * 行管部门推进情况: departments by status (制定推进落实文件 / 报送工作动态 / 尚未启动) with the
 * bulletin's sentence and each department's codes; department staff upload their files here, and
 * the city imports the 台账.
 */
import { chinaDate } from '../../lib/core';
import { departmentProgress, importLedger, rememberStaff, uploadLedgerFile, type ProgressData } from '../../services/reach';
import { chooseXlsx } from '../staff-import/files';

Page({
  data: {
    loading: true,
    error: '',
    notice: '',
    month: '',
    progress: null as ProgressData | null,
    kindIndex: 0,
    kinds: ['推进落实文件', '工作动态'],
    title: '',
    busy: false,
  },

  onShow() {
    if (!this.data.month) this.setData({ month: chinaDate(new Date()).slice(0, 7) });
    void this.load();
  },

  async load() {
    this.setData({ loading: true, error: '' });
    const res = await departmentProgress(this.data.month);
    if (!res.ok) return this.setData({ loading: false, error: res.error.message });
    rememberStaff();
    this.setData({ loading: false, progress: res.data });
  },

  onMonth(e: WechatMiniprogram.PickerChange) {
    this.setData({ month: String(e.detail.value).slice(0, 7) });
    void this.load();
  },
  onKind(e: WechatMiniprogram.PickerChange) {
    this.setData({ kindIndex: Number(e.detail.value) });
  },
  onTitle(e: WechatMiniprogram.Input) {
    this.setData({ title: e.detail.value });
  },

  copy() {
    if (this.data.progress) wx.setClipboardData({ data: this.data.progress.sentence });
  },

  /** A department's file: chosen from a chat, stored in cloud storage, registered by fileID. */
  upload() {
    if (this.data.busy) return;
    if (!this.data.title.trim()) return this.setData({ error: '请填写标题' });
    wx.chooseMessageFile({
      count: 1,
      type: 'file',
      success: async (r) => {
        const f = r.tempFiles[0];
        if (!f) return;
        this.setData({ busy: true, error: '', notice: '' });
        try {
          const ext = (/\.[A-Za-z0-9]{1,5}$/.exec(f.name) ?? ['.pdf'])[0];
          const up = await wx.cloud.uploadFile({
            cloudPath: `ledger/${Date.now()}-${Math.random().toString(36).slice(2)}${ext}`,
            filePath: f.path,
          });
          const kind = this.data.kindIndex === 0 ? 'plan' : 'update';
          const res = await uploadLedgerFile(kind, this.data.month, this.data.title.trim(), up.fileID);
          if (!res.ok) return this.setData({ busy: false, error: res.error.message });
          this.setData({ busy: false, title: '', notice: '已上传' });
          void this.load();
        } catch {
          this.setData({ busy: false, error: '文件上传失败，请重试' });
        }
      },
    });
  },

  async importLedger() {
    const file = await chooseXlsx();
    if (!file) return;
    const res = await importLedger(file);
    if (!res.ok) return this.setData({ error: res.error.message });
    const issues = res.data.issues.map((i) => `第${i.row}行 ${i.column}：${i.reason}`).join('；');
    this.setData({
      notice: `台账导入：共${res.data.rows}行，新增${res.data.inserted}，更新${res.data.updated}，有误${res.data.invalid}${issues ? `（${issues}）` : ''}`,
    });
    void this.load();
  },
});
