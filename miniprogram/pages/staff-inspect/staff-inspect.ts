/**
 * 行政监督检查: the staff view of the entity behind a scanned code, the inspection form (date,
 * result, note, up to 6 photos), earlier inspections with 公开/撤回, and 暂停诚信码 with a reason.
 */
import { chinaDate, INSPECTION_RESULTS, MAX_INSPECTION_PHOTOS as MAX_PHOTOS } from '../../lib/core';
import {
  inspectionView,
  publishInspection,
  recordInspection,
  rememberStaff,
  suspendCode,
  type InspectionViewData,
} from '../../services/reach';

Page({
  data: {
    loading: true,
    error: '',
    notice: '',
    ref: {} as { codeId?: string; uscc?: string },
    view: null as InspectionViewData | null,
    results: INSPECTION_RESULTS as readonly string[],
    resultIndex: 0,
    date: '',
    note: '',
    photos: [] as string[],
    saving: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    const ref = query.id ? { codeId: query.id } : query.uscc ? { uscc: query.uscc } : {};
    this.setData({ ref, date: chinaDate(new Date()) });
    void this.load();
  },

  async load() {
    this.setData({ loading: true, error: '' });
    const res = await inspectionView(this.data.ref);
    if (!res.ok) return this.setData({ loading: false, error: res.error.message });
    rememberStaff();
    this.setData({ loading: false, view: res.data });
  },

  onResult(e: WechatMiniprogram.PickerChange) {
    this.setData({ resultIndex: Number(e.detail.value) });
  },
  onDate(e: WechatMiniprogram.PickerChange) {
    this.setData({ date: String(e.detail.value) });
  },
  onNote(e: WechatMiniprogram.Input) {
    this.setData({ note: e.detail.value });
  },

  addPhoto() {
    const left = MAX_PHOTOS - this.data.photos.length;
    if (left <= 0) return;
    wx.chooseMedia({
      count: left,
      mediaType: ['image'],
      success: async (r) => {
        const ids: string[] = [];
        for (const f of r.tempFiles) {
          try {
            const up = await wx.cloud.uploadFile({
              cloudPath: `inspections/${Date.now()}-${Math.random().toString(36).slice(2)}.jpg`,
              filePath: f.tempFilePath,
            });
            ids.push(up.fileID);
          } catch {
            this.setData({ error: '照片上传失败，请重试' });
          }
        }
        this.setData({ photos: [...this.data.photos, ...ids].slice(0, MAX_PHOTOS) });
      },
    });
  },

  async save() {
    if (this.data.saving || !this.data.view) return;
    this.setData({ saving: true, error: '', notice: '' });
    const res = await recordInspection({
      ...this.data.ref,
      date: this.data.date,
      result: INSPECTION_RESULTS[this.data.resultIndex]!,
      note: this.data.note,
      photos: this.data.photos,
    });
    this.setData({ saving: false });
    if (!res.ok) return this.setData({ error: res.error.message });
    this.setData({ note: '', photos: [], notice: '检查记录已保存（仅内部可见）' });
    void this.load();
  },

  async togglePublish(e: WechatMiniprogram.TouchEvent) {
    const { id, published } = e.currentTarget.dataset as { id: string; published: boolean };
    const res = await publishInspection(id, !published);
    if (!res.ok) return this.setData({ error: res.error.message });
    void this.load();
  },

  suspend() {
    const code = this.data.view?.code;
    if (!code) return;
    wx.showModal({
      title: '暂停诚信码',
      editable: true,
      placeholderText: '请填写暂停原因',
      success: async (m) => {
        const reason = (m.content ?? '').trim();
        if (!m.confirm) return;
        if (!reason) return this.setData({ error: '请填写暂停原因' });
        const res = await suspendCode(code.codeId, reason);
        if (!res.ok) return this.setData({ error: res.error.message });
        this.setData({ notice: '诚信码已暂停' });
        void this.load();
      },
    });
  },
});
