/**
 * 认领诚信码: a shop whose code the department issued from collected information claims it with the
 * USCC and the one-time claim code on the delivery slip; then it is the shop's, as if it had applied.
 */
import { claimCode, type ClaimResult } from '../../services/merchant';

Page({
  data: {
    uscc: '',
    code: '',
    busy: false,
    error: '',
    done: null as ClaimResult | null,
  },

  onLoad(query: Record<string, string | undefined>) {
    if (query.uscc) this.setData({ uscc: decodeURIComponent(query.uscc) });
  },

  onInput(e: WechatMiniprogram.Input) {
    const key = (e.currentTarget.dataset as { key: 'uscc' | 'code' }).key;
    this.setData({ [key]: e.detail.value, error: '' });
  },

  async submit() {
    if (this.data.busy) return;
    if (this.data.uscc.trim() === '' || this.data.code.trim() === '') return this.setData({ error: '请填写统一社会信用代码和认领码' });
    this.setData({ busy: true, error: '' });
    const res = await claimCode(this.data.uscc.trim(), this.data.code);
    if (!res.ok) return this.setData({ busy: false, error: res.error.message });
    this.setData({ busy: false, done: res.data });
  },

  toCode() {
    wx.redirectTo({ url: `/pages/my-code/my-code?uscc=${this.data.done?.uscc ?? ''}` });
  },

  toEntities() {
    wx.redirectTo({ url: '/pages/my-entities/my-entities' });
  },
});
