/** 申请诚信码: the USCC is checked as it is typed; the function checks everything again. */
import { DISTRICTS, ENTITY_CATEGORIES, FIELDS, type EntityCategory } from '../../lib/core';
import { applyCode } from '../../services/merchant';
import { largeText } from '../../services/prefs';
import { uploadImage } from '../../services/storage';
import { usccHint } from './uscc-hint';

const CATEGORY_KEYS = Object.keys(ENTITY_CATEGORIES) as EntityCategory[];

Page({
  data: {
    form: { uscc: '', entityName: '', address: '', contactName: '', contactPhone: '', storefrontPhoto: '' },
    uploading: false,
    categoryNames: CATEGORY_KEYS.map((k) => ENTITY_CATEGORIES[k]),
    categoryIndex: 0,
    districtNames: DISTRICTS.map((d) => d.name),
    districtIndex: -1,
    fields: FIELDS.slice(),
    fieldIndex: -1,
    usccMessage: '',
    usccOk: false,
    needsDistrict: false,
    error: '',
    submitting: false,
    done: null as null | { uscc: string; districtName: string },
    /** 大字模式, as chosen on the public pages or set in WeChat. */
    large: false,
  },

  onLoad() {
    this.setData({ large: largeText() });
  },

  onInput(e: WechatMiniprogram.Input) {
    const key = (e.currentTarget.dataset as { key: string }).key;
    this.setData({ [`form.${key}`]: e.detail.value, error: '' });
  },

  onUsccInput(e: WechatMiniprogram.Input) {
    const hint = usccHint(e.detail.value);
    const update: Record<string, unknown> = {
      'form.uscc': e.detail.value,
      usccMessage: hint.message,
      usccOk: hint.ok,
      needsDistrict: hint.needsDistrict,
      error: '',
    };
    if (hint.ok) {
      update.districtIndex = hint.districtIndex;
      if (hint.category) update.categoryIndex = CATEGORY_KEYS.indexOf(hint.category);
    }
    this.setData(update);
  },

  onCategory(e: WechatMiniprogram.PickerChange) {
    this.setData({ categoryIndex: Number(e.detail.value) });
  },
  onDistrict(e: WechatMiniprogram.PickerChange) {
    this.setData({ districtIndex: Number(e.detail.value), error: '' });
  },
  onField(e: WechatMiniprogram.PickerChange) {
    this.setData({ fieldIndex: Number(e.detail.value), error: '' });
  },

  /** 门头照片 (optional): shown on the public page so a customer can compare it with the shop. */
  async choosePhoto() {
    if (this.data.uploading) return;
    let filePath: string | undefined;
    try {
      const chosen = await wx.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] });
      filePath = chosen.tempFiles[0]?.tempFilePath;
    } catch {
      return; // cancelled
    }
    if (!filePath) return;
    this.setData({ uploading: true });
    try {
      const fileID = await uploadImage('storefronts', filePath);
      this.setData({ uploading: false, 'form.storefrontPhoto': fileID, error: '' });
    } catch {
      this.setData({ uploading: false });
      wx.showToast({ title: '照片上传失败，请重试；不上传照片也可提交', icon: 'none', duration: 3000 });
    }
  },

  removePhoto() {
    this.setData({ 'form.storefrontPhoto': '' });
  },

  async submit() {
    const d = this.data;
    if (d.submitting) return;
    if (d.uploading) return this.setData({ error: '照片正在上传，请稍候' });
    if (!d.usccOk) return this.setData({ error: d.usccMessage || '请填写正确的统一社会信用代码' });
    if (d.fieldIndex < 0) return this.setData({ error: '请选择行业领域' });
    if (d.needsDistrict && d.districtIndex < 0) return this.setData({ error: '请选择所属县（区）' });
    this.setData({ submitting: true, error: '' });
    const res = await applyCode({
      ...d.form,
      category: CATEGORY_KEYS[d.categoryIndex] ?? 'other',
      field: FIELDS[d.fieldIndex] ?? '',
      ...(d.districtIndex >= 0 ? { districtCode: DISTRICTS[d.districtIndex]!.code } : {}),
    });
    if (res.ok) this.setData({ submitting: false, done: { uscc: res.data.uscc, districtName: res.data.districtName } });
    else this.setData({ submitting: false, error: res.error.message });
  },

  toMine() {
    wx.redirectTo({ url: '/pages/my-entities/my-entities' });
  },
});
