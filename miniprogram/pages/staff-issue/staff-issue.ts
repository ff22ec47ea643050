/**
 * 生码 → 打印: issue codes for an import batch (opened from 数据归集 with ?batchId=…) or for a list of
 * USCCs, see what was issued and skipped, and download the print document (posters and delivery
 * slips, .docx) to print on A4.
 */
import { issueCodes, printBatch, type IssueCodesData, type IssueTarget } from '../../services/staff';
import { openDocx } from '../staff-import/files';

Page({
  data: {
    batchId: '',
    usccText: '',
    busy: false,
    error: '',
    result: null as IssueCodesData | null,
    printed: '',
  },

  onLoad(query: Record<string, string | undefined>) {
    if (query.batchId) this.setData({ batchId: decodeURIComponent(query.batchId) });
  },

  onBatch(e: WechatMiniprogram.Input) {
    this.setData({ batchId: e.detail.value.trim(), error: '' });
  },

  onList(e: WechatMiniprogram.Input) {
    this.setData({ usccText: e.detail.value, error: '' });
  },

  /** The batch when one is given, else the USCCs listed one per line (or separated by commas). */
  target(): IssueTarget | undefined {
    if (this.data.batchId !== '') return { batchId: this.data.batchId };
    const uscc = this.data.usccText.split(/[\s,，;；]+/).filter((s) => s !== '');
    return uscc.length > 0 ? { uscc } : undefined;
  },

  async issue() {
    const target = this.target();
    if (!target) return this.setData({ error: '请填写批次编号，或每行一个统一社会信用代码' });
    if (this.data.busy) return;
    this.setData({ busy: true, error: '', result: null, printed: '' });
    const res = await issueCodes(target);
    if (!res.ok) return this.setData({ busy: false, error: res.error.message });
    this.setData({ busy: false, result: res.data });
  },

  async print() {
    const target = this.target();
    if (!target) return this.setData({ error: '请填写批次编号，或每行一个统一社会信用代码' });
    if (this.data.busy) return;
    this.setData({ busy: true, error: '' });
    const res = await printBatch(target);
    if (!res.ok) return this.setData({ busy: false, error: res.error.message });
    this.setData({ busy: false, printed: `${res.data.fileName}：${res.data.printed.length}个主体（海报与送达单）` });
    openDocx(res.data);
  },
});
