/**
 * The reader's display choices, kept on the phone: the language of the public pages and 大字模式
 * (large text). Large text also follows WeChat's own font-size setting until the reader chooses.
 */
import { isLang, type Lang } from '../lib/core';

const LANG_KEY = 'pref:lang';
const LARGE_KEY = 'pref:largeText';
/** WeChat's default font size (px) in getSystemInfoSync().fontSizeSetting; larger means the reader asked for it. */
const DEFAULT_FONT_PX = 17;

function read(key: string): unknown {
  try {
    return typeof wx.getStorageSync === 'function' ? wx.getStorageSync(key) : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (typeof wx.setStorageSync === 'function') wx.setStorageSync(key, value);
  } catch {
    /* storage full or unavailable: the choice lasts for this visit */
  }
}

export function currentLang(): Lang {
  const v = read(LANG_KEY);
  return isLang(v) ? v : 'zh';
}

export function saveLang(lang: Lang): void {
  write(LANG_KEY, lang);
}

function systemWantsLarge(): boolean {
  try {
    const info = wx.getSystemInfoSync() as { fontSizeSetting?: number };
    return Number(info.fontSizeSetting ?? DEFAULT_FONT_PX) > DEFAULT_FONT_PX;
  } catch {
    return false;
  }
}

export function largeText(): boolean {
  const v = read(LARGE_KEY);
  return typeof v === 'boolean' ? v : systemWantsLarge();
}

export function saveLargeText(on: boolean): void {
  write(LARGE_KEY, on);
}
