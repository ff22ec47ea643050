/** 主体信用信息: an entity's public profile, opened from search (by USCC). In 中文 / English / Русский, and in 大字模式. */
import { verdictWords, wordsFor, type Lang } from '../../lib/core';
import { currentLang, largeText } from '../../services/prefs';
import type { ProfileAnswer } from '../../lib/contract';
import { getProfile } from '../../services/public';

Page({
  data: {
    loading: true,
    data: null as ProfileAnswer | null,
    error: '',
    lang: 'zh' as Lang,
    t: wordsFor('zh'),
    large: false,
    statusLabel: '',
  },

  async onLoad(query: Record<string, string | undefined>) {
    const lang = currentLang();
    this.setData({ lang, t: wordsFor(lang), large: largeText() });
    const uscc = query.uscc ?? '';
    const res = await getProfile(uscc);
    if (res.ok) this.setData({ loading: false, data: res.data, statusLabel: verdictWords(res.data.codeStatus.verdict, lang).label });
    else this.setData({ loading: false, error: res.error.message });
  },

  onPrefs(e: WechatMiniprogram.CustomEvent<{ lang: Lang; large: boolean }>) {
    const { lang, large } = e.detail;
    const verdict = this.data.data?.codeStatus.verdict;
    this.setData({ lang, large, t: wordsFor(lang), ...(verdict ? { statusLabel: verdictWords(verdict, lang).label } : {}) });
  },

  report() {
    const uscc = this.data.data?.profile.uscc ?? '';
    wx.navigateTo({ url: `/pages/report/report?uscc=${uscc}` });
  },
});
