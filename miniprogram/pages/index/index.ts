import { homeEntries } from './entries';

Page({
  data: { entries: homeEntries },
  open(e: WechatMiniprogram.TouchEvent) {
    const url = (e.currentTarget.dataset as { url?: string }).url;
    if (url) wx.navigateTo({ url });
  },
});
