/** 考核: each county/district and 市直 department ranked on what the system sees, and what each still needs this year. */
import { kaohe, type KaoheData } from '../../services/bulletin';

Page({
  data: {
    loading: true,
    error: '',
    result: null as KaoheData | null,
    tab: 'districts' as 'districts' | 'departments',
    open: '',
  },

  onShow() {
    void this.load();
  },

  async load() {
    this.setData({ loading: true, error: '' });
    const res = await kaohe();
    if (!res.ok) return this.setData({ loading: false, error: res.error.message });
    this.setData({ loading: false, result: res.data });
  },

  switchTab(e: WechatMiniprogram.CustomEvent) {
    this.setData({ tab: (e.currentTarget.dataset as { tab: 'districts' | 'departments' }).tab, open: '' });
  },

  toggle(e: WechatMiniprogram.CustomEvent) {
    const id = (e.currentTarget.dataset as { id: string }).id;
    this.setData({ open: this.data.open === id ? '' : id });
  },
});
