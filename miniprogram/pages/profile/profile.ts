/** 主体信用信息: an entity's public profile, opened from search (by USCC). */
import { getProfile, type ProfileData } from '../../services/public';

Page({
  data: { loading: true, data: null as ProfileData | null, error: '' },

  async onLoad(query: Record<string, string | undefined>) {
    const uscc = query.uscc ?? '';
    const res = await getProfile(uscc);
    if (res.ok) this.setData({ loading: false, data: res.data });
    else this.setData({ loading: false, error: res.error.message });
  },

  report() {
    const uscc = this.data.data?.profile.uscc ?? '';
    wx.navigateTo({ url: `/pages/report/report?uscc=${uscc}` });
  },
});
