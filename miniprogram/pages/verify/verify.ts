/**
 * 扫码核验: the status first, big and in its colour, with proof that the answer is live — a clock
 * running on from the server's time of the check ("N秒前核验") and a moving band with the time
 * and the entity's short name, which a screenshot or a cloned page freezes — the issuing authority
 * and the 12345 hotline, then the public profile to compare with the shop, and a one-tap report.
 * In 中文 / English / Русский, and in 大字模式.
 */
import {
  agoText,
  beijingDateTime,
  codeRefFromQuery,
  codeRefFromScanCode,
  HOTLINE,
  shortNameOf,
  verdictWords,
  versionText,
  wordsFor,
  type CodeRef,
  type Lang,
  type VerifyResult,
} from '../../lib/core';
import { currentLang, largeText } from '../../services/prefs';
import { countScan, verifyCode, type VerifyTarget } from '../../services/public';
import { reportUrl, verifyUrl } from './scan';
import { seemsStaff } from '../../services/reach';

const TICK_MS = 1000;

interface Shown {
  label: string;
  hint: string;
  version: string;
  shortName: string;
}

Page({
  data: {
    lang: 'zh' as Lang,
    t: wordsFor('zh'),
    large: false,
    hotline: HOTLINE,
    loading: false,
    result: null as VerifyResult | null,
    shown: null as Shown | null,
    /** The clock: the server's time of the check plus the time since, and how long ago that was. */
    clockText: '',
    ago: '',
    error: '',
    /** What is being verified, in its parsed form (kept for 重新核验, the report and sharing). */
    ref: null as CodeRef | null,
    uscc: '',
    /** Staff (remembered from an earlier staff call) get 进入检查; the staff function still decides. */
    staffMember: false,
  },

  /** Server time of the last check (ms) and the phone's time when its answer arrived. */
  checkedAt: { server: 0, received: 0 },
  timer: 0,
  /** This visit's check has been counted (重新核验 does not count again). */
  counted: false,

  onLoad(query: Record<string, string | undefined>) {
    const lang = currentLang();
    this.setData({ lang, t: wordsFor(lang), large: largeText() });
    wx.setNavigationBarTitle?.({ title: wordsFor(lang).pageTitle });
    // The one decoding of whatever arrived: q, scene, or id + v.
    const ref = codeRefFromQuery(query) ?? null;
    const uscc = query.uscc ?? '';
    if (!ref && !uscc) return this.setData({ error: wordsFor(lang).noScan });
    this.setData({ ref, uscc, staffMember: seemsStaff() });
    void this.check();
  },

  onShow() {
    if (this.data.result) this.startClock();
  },

  onHide() {
    this.stopClock();
  },

  onUnload() {
    this.stopClock();
  },

  target(): VerifyTarget | undefined {
    if (this.data.ref) return { code: this.data.ref };
    return this.data.uscc ? { uscc: this.data.uscc } : undefined;
  },

  async check() {
    const target = this.target();
    if (!target) return;
    this.setData({ loading: true, error: '' });
    const res = await verifyCode(target);
    if (!res.ok) return this.setData({ loading: false, result: null, shown: null, error: res.error.message });
    this.checkedAt = { server: Date.parse(res.data.serverTime), received: Date.now() };
    this.setData({ loading: false, result: res.data, shown: this.describe(res.data) });
    const ref = this.data.ref;
    if (ref && !this.counted && res.data.codeId) {
      this.counted = true;
      void countScan(ref);
    }
    this.tick();
    this.startClock();
  },

  /** The words of an answer in the reader's language. */
  describe(r: VerifyResult): Shown {
    const lang = this.data.lang;
    const words = verdictWords(r.verdict, lang);
    return {
      label: words.label,
      hint: words.hint,
      version: r.version !== undefined ? versionText(lang, r.version, r.versionSince) : '',
      shortName: r.profile ? shortNameOf(r.profile.name) : '',
    };
  },

  startClock() {
    this.stopClock();
    this.timer = setInterval(() => this.tick(), TICK_MS) as unknown as number;
  },

  stopClock() {
    if (this.timer) clearInterval(this.timer);
    this.timer = 0;
  },

  tick() {
    const { server, received } = this.checkedAt;
    if (!server) return;
    const elapsed = Date.now() - received;
    try {
      this.setData({ clockText: beijingDateTime(new Date(server + elapsed)), ago: agoText(this.data.lang, elapsed / 1000) });
    } catch {
      this.stopClock();
    }
  },

  refresh() {
    void this.check();
  },

  /** The reader switched language or 大字模式 (components/prefs-bar). */
  onPrefs(e: WechatMiniprogram.CustomEvent<{ lang: Lang; large: boolean }>) {
    const { lang, large } = e.detail;
    this.setData({ lang, large, t: wordsFor(lang) });
    wx.setNavigationBarTitle?.({ title: wordsFor(lang).pageTitle });
    if (this.data.result) this.setData({ shown: this.describe(this.data.result) });
    this.tick();
  },

  scanAgain() {
    wx.scanCode({
      onlyFromCamera: false,
      success: (res) => {
        const ref = codeRefFromScanCode(res);
        if (!ref) return this.setData({ error: this.data.t.noScan });
        this.counted = false;
        this.setData({ ref, uscc: '', result: null, shown: null });
        void this.check();
      },
    });
  },

  /** One tap: the report form with what was scanned (and, for an unknown code, the reason 疑似伪造). */
  report() {
    const uscc = this.data.result?.profile?.uscc ?? this.data.uscc;
    wx.navigateTo({ url: reportUrl(this.data.ref, uscc, this.data.result?.verdict === 'unknown') });
  },

  inspect() {
    const codeId = this.data.result?.codeId;
    if (codeId) wx.navigateTo({ url: `/pages/staff-inspect/staff-inspect?id=${encodeURIComponent(codeId)}` });
  },

  onShareAppMessage() {
    const name = this.data.result?.profile?.name;
    const path = this.data.ref
      ? verifyUrl(this.data.ref)
      : this.data.uscc
        ? `/pages/verify/verify?uscc=${this.data.uscc}`
        : '/pages/search/search';
    return { title: name ? `${name}的诚信码核验` : '诚信码核验', path };
  },
});
