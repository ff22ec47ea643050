/**
 * 举报: name the shop (scanned code, or found by searching its name), say what is wrong, attach up
 * to 3 photos, and get a 受理编号 to follow it. 我的举报 lists the caller's reports with their
 * outcome; 查询进度 looks one up by its number.
 */
import {
  codeRefFromQuery,
  codeRefFromText,
  codeRefText,
  decodeOnce,
  MAX_REPORT_PHOTOS,
  REPORT_REASONS,
  type ReportReason,
} from '../../lib/core';
import { searchEntities, type SearchItem } from '../../services/public';
import { fileReport, myReports, reportStatus, type ReportProgress } from '../../services/supervision';
import { askToSubscribe } from '../../services/subscribe';

const FORGED = REPORT_REASONS.indexOf('疑似伪造或无效码');

type Tab = 'new' | 'mine' | 'query';

Page({
  data: {
    tab: 'new' as Tab,
    reasons: REPORT_REASONS.slice(),
    reasonIndex: -1,
    detail: '',
    scanned: '',
    uscc: '',
    entityName: '',
    keyword: '',
    matches: [] as SearchItem[],
    searching: false,
    photos: [] as { path: string; fileID: string }[],
    maxPhotos: MAX_REPORT_PHOTOS,
    submitting: false,
    trackingNo: '',
    error: '',
    mine: [] as ReportProgress[],
    mineLoaded: false,
    queryNo: '',
    found: null as ReportProgress | null,
  },

  onLoad(query: Record<string, string | undefined>) {
    // The verify page's scan in its parsed form (id, v), shown as the person can read it.
    const ref = codeRefFromQuery(query);
    this.setData({
      scanned: ref ? codeRefText(ref) : '',
      uscc: decodeOnce(query.uscc ?? ''),
      entityName: decodeOnce(query.name ?? ''),
      reasonIndex: query.forged === '1' ? FORGED : -1,
    });
    if (query.tab === 'mine' || query.tab === 'query') this.switchTo(query.tab);
  },

  onTab(e: WechatMiniprogram.TouchEvent) {
    this.switchTo((e.currentTarget.dataset as { tab: Tab }).tab);
  },

  switchTo(tab: Tab) {
    this.setData({ tab, error: '' });
    if (tab === 'mine') void this.loadMine();
  },

  async loadMine() {
    const res = await myReports();
    if (res.ok) this.setData({ mine: res.data.items, mineLoaded: true });
    else this.setData({ error: res.error.message, mineLoaded: true });
  },

  choose(e: WechatMiniprogram.TouchEvent) {
    this.setData({ reasonIndex: Number((e.currentTarget.dataset as { index: number }).index), error: '' });
  },

  onDetail(e: WechatMiniprogram.Input) {
    this.setData({ detail: e.detail.value });
  },

  onScanned(e: WechatMiniprogram.Input) {
    this.setData({ scanned: e.detail.value, error: '' });
  },

  onKeyword(e: WechatMiniprogram.Input) {
    this.setData({ keyword: e.detail.value });
  },

  async search() {
    const keyword = this.data.keyword.trim();
    if (!keyword) return this.setData({ error: '请输入店名或单位名称' });
    this.setData({ searching: true, error: '' });
    const res = await searchEntities(keyword);
    if (res.ok)
      this.setData({ searching: false, matches: res.data.items, error: res.data.items.length ? '' : '没有找到，请换个关键词，或扫码举报' });
    else this.setData({ searching: false, error: res.error.message });
  },

  pick(e: WechatMiniprogram.TouchEvent) {
    const item = this.data.matches[Number((e.currentTarget.dataset as { index: number }).index)];
    if (item) this.setData({ uscc: item.uscc, entityName: item.name, matches: [], keyword: '' });
  },

  clearPick() {
    this.setData({ uscc: '', entityName: '' });
  },

  async addPhoto() {
    const left = MAX_REPORT_PHOTOS - this.data.photos.length;
    if (left <= 0) return;
    try {
      const chosen = await wx.chooseMedia({ count: left, mediaType: ['image'], sourceType: ['album', 'camera'] });
      const added: { path: string; fileID: string }[] = [];
      for (const f of chosen.tempFiles.slice(0, left)) {
        const ext = /\.(\w+)$/.exec(f.tempFilePath)?.[1] ?? 'jpg';
        const up = await wx.cloud.uploadFile({
          cloudPath: `reports/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.${ext}`,
          filePath: f.tempFilePath,
        });
        added.push({ path: f.tempFilePath, fileID: up.fileID });
      }
      this.setData({ photos: [...this.data.photos, ...added] });
    } catch {
      // cancelled, or the upload failed: the report can go without photos
    }
  },

  removePhoto(e: WechatMiniprogram.TouchEvent) {
    const i = Number((e.currentTarget.dataset as { index: number }).index);
    this.setData({ photos: this.data.photos.filter((_, j) => j !== i) });
  },

  async submit() {
    const d = this.data;
    if (d.submitting) return;
    const reason = REPORT_REASONS[d.reasonIndex] as ReportReason | undefined;
    if (!d.scanned && !d.uscc) return this.setData({ error: '请扫码或搜索选择被举报的店铺' });
    if (!reason) return this.setData({ error: '请选择举报原因' });
    this.setData({ submitting: true, error: '' });
    await askToSubscribe(['reportUpdated']);
    // What the field holds (as scanned, or as typed) goes through the same decoder as a scan.
    const code = codeRefFromText(d.scanned);
    const res = await fileReport({
      reason,
      ...(code ? { code } : {}),
      ...(d.uscc ? { uscc: d.uscc } : {}),
      ...(d.detail ? { detail: d.detail } : {}),
      ...(d.photos.length ? { photos: d.photos.map((p) => p.fileID) } : {}),
    });
    if (res.ok) this.setData({ submitting: false, trackingNo: res.data.trackingNo });
    else this.setData({ submitting: false, error: res.error.message });
  },

  copyTrackingNo() {
    wx.setClipboardData({ data: this.data.trackingNo });
  },

  onQueryNo(e: WechatMiniprogram.Input) {
    this.setData({ queryNo: e.detail.value });
  },

  async query() {
    if (!this.data.queryNo.trim()) return this.setData({ error: '请输入受理编号' });
    const res = await reportStatus(this.data.queryNo.trim());
    if (res.ok) this.setData({ found: res.data, error: '' });
    else this.setData({ found: null, error: res.error.message });
  },
});
