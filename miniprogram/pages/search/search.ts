/** 查询: find an entity by (part of) its name or its USCC; or scan a code to verify it. In 中文 / English / Русский, and in 大字模式. */
import { wordsFor, type Lang } from '../../lib/core';
import { currentLang, largeText } from '../../services/prefs';
import { searchEntities, type SearchItem } from '../../services/public';
import { codeRefFromScanCode } from '../../lib/core';
import { verifyUrl } from '../verify/scan';

Page({
  data: {
    keyword: '',
    searching: false,
    searched: false,
    items: [] as SearchItem[],
    more: false,
    error: '',
    t: wordsFor('zh'),
    large: false,
  },

  onLoad() {
    this.setData({ t: wordsFor(currentLang()), large: largeText() });
  },

  onPrefs(e: WechatMiniprogram.CustomEvent<{ lang: Lang; large: boolean }>) {
    this.setData({ t: wordsFor(e.detail.lang), large: e.detail.large });
  },

  onInput(e: WechatMiniprogram.Input) {
    this.setData({ keyword: e.detail.value, error: '' });
  },

  async search() {
    if (this.data.searching) return;
    this.setData({ searching: true, error: '' });
    const res = await searchEntities(this.data.keyword);
    if (res.ok) this.setData({ searching: false, searched: true, items: res.data.items, more: res.data.more });
    else this.setData({ searching: false, error: res.error.message });
  },

  open(e: WechatMiniprogram.TouchEvent) {
    const uscc = (e.currentTarget.dataset as { uscc?: string }).uscc;
    if (uscc) wx.navigateTo({ url: `/pages/profile/profile?uscc=${uscc}` });
  },

  scan() {
    wx.scanCode({
      success: (res) => {
        const ref = codeRefFromScanCode(res);
        if (ref) wx.navigateTo({ url: verifyUrl(ref) });
        else this.setData({ error: this.data.t.noScan });
      },
    });
  },
});
