/**
 * The reader's switches on the public pages: 中文 / English / Русский and 大字模式. Kept on the phone
 * (services/prefs.ts); the page hears `change` with `{ lang, large }` and re-renders its words.
 */
import { LANG_NAMES, LANGS, wordsFor, type Lang } from '../../lib/core';
import { currentLang, largeText, saveLang, saveLargeText } from '../../services/prefs';

Component({
  data: {
    langs: LANGS.map((key) => ({ key, name: LANG_NAMES[key] })),
    lang: 'zh' as Lang,
    large: false,
    largeLabel: wordsFor('zh').largeText,
  },
  lifetimes: {
    attached() {
      const lang = currentLang();
      this.setData({ lang, large: largeText(), largeLabel: wordsFor(lang).largeText });
    },
  },
  methods: {
    setLang(e: WechatMiniprogram.TouchEvent) {
      const lang = (e.currentTarget.dataset as { lang?: Lang }).lang;
      if (!lang || lang === this.data.lang) return;
      saveLang(lang);
      this.setData({ lang, largeLabel: wordsFor(lang).largeText });
      this.triggerEvent('change', { lang, large: this.data.large });
    },
    toggleLarge() {
      const large = !this.data.large;
      saveLargeText(large);
      this.setData({ large });
      this.triggerEvent('change', { lang: this.data.lang, large });
    },
  },
});
