/** 赋码进度: a bar per district against the 40% target line, the city total on top. */
import { districtStats } from '../../services/staff';
import { dashboardView, type Bar } from './bars';

Page({
  data: {
    loading: true,
    error: '',
    /** Shown to someone who is not (yet) staff, to hand to the city admin. */
    myOpenid: '',
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
    this.setData({ loading: true, error: '', myOpenid: '' });
    const res = await districtStats();
    if (!res.ok) {
      const details = res.error.details as { openid?: unknown } | undefined;
      const myOpenid = res.error.code === 'FORBIDDEN' && typeof details?.openid === 'string' ? details.openid : '';
      return this.setData({ loading: false, error: res.error.message, myOpenid });
    }
    this.setData({ loading: false, asOf: res.data.asOf, ...dashboardView(res.data.districts, res.data.city) });
  },

  go(e: WechatMiniprogram.TouchEvent) {
    const page = (e.currentTarget.dataset as { page?: string }).page;
    if (page) wx.navigateTo({ url: `/pages/${page}/${page}` });
  },
});
