/** 赋码进度: a bar per district against the 40% target line, the city total on top. */
import { districtStats } from '../../services/staff';
import { dashboardView, type Bar } from './bars';

Page({
  data: {
    loading: true,
    error: '',
    asOf: '',
    cityBar: null as Bar | null,
    bars: [] as Bar[],
    targetLeft: 80,
    axisMax: 50,
  },

  onShow() {
    void this.load();
  },

  async load() {
    this.setData({ loading: true, error: '' });
    const res = await districtStats();
    if (!res.ok) return this.setData({ loading: false, error: res.error.message });
    this.setData({ loading: false, asOf: res.data.asOf, ...dashboardView(res.data.districts, res.data.city) });
  },

  go(e: WechatMiniprogram.TouchEvent) {
    const page = (e.currentTarget.dataset as { page?: string }).page;
    if (page) wx.navigateTo({ url: `/pages/${page}/${page}` });
  },
});
