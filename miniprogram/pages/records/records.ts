/**
 * 查看全部: one kind of an entity's public records (opened from the profile, which previews the
 * newest few), newest first, a page at a time; 加载更多 asks for the next page while there is one.
 * In the language and text size the person chose on the profile.
 */
import { PUBLIC_RECORD_KINDS, wordsFor, type Lang, type PublicRecord, type PublicRecordKind } from '../../lib/core';
import { currentLang, largeText } from '../../services/prefs';
import { listRecords } from '../../services/public';

/** Records asked for per page. */
const PAGE_SIZE = 20;

function kindOf(v: string | undefined): PublicRecordKind | undefined {
  return (PUBLIC_RECORD_KINDS as readonly string[]).includes(v ?? '') ? (v as PublicRecordKind) : undefined;
}

function decoded(v: string | undefined): string {
  try {
    return decodeURIComponent(v ?? '');
  } catch {
    return v ?? '';
  }
}

Page({
  data: {
    uscc: '',
    kind: 'honours' as PublicRecordKind,
    name: '',
    items: [] as PublicRecord[],
    more: false,
    loading: true,
    error: '',
    lang: 'zh' as Lang,
    t: wordsFor('zh'),
    large: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    const lang = currentLang();
    const kind = kindOf(query.kind);
    this.setData({ lang, t: wordsFor(lang), large: largeText(), uscc: query.uscc ?? '', name: decoded(query.name) });
    if (!kind) return this.setData({ loading: false, error: '没有找到要查看的信息' });
    this.setData({ kind });
    wx.setNavigationBarTitle({ title: wordsFor(lang)[kind] });
    void this.load();
  },

  /** The next page after what is shown. */
  async load() {
    const { uscc, kind, items } = this.data;
    this.setData({ loading: true, error: '' });
    const res = await listRecords(uscc, kind, items.length, PAGE_SIZE);
    if (!res.ok) return this.setData({ loading: false, error: res.error.message });
    this.setData({ loading: false, items: [...items, ...res.data.items], more: res.data.more });
  },

  more() {
    if (!this.data.loading) void this.load();
  },
});
