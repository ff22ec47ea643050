/**
 * 申请诚信码: the USCC is checked as it is typed; the function checks everything again. The
 * 营业执照 photo is required and seen only by the reviewing staff. Opened with `?from=<id>` (from a
 * rejected or withdrawn application, or the decision message) the form is filled with what was filed.
 */
import { config } from '../../config';
import { DISTRICTS, ENTITY_CATEGORIES, FIELDS, type EntityCategory } from '../../lib/core';
import { applyCode, myApplications, type MyApplicationItem } from '../../services/merchant';
import { largeText } from '../../services/prefs';
import { chooseOneImage, uploadImage } from '../../services/storage';
import { usccHint } from './uscc-hint';

const CATEGORY_KEYS = Object.keys(ENTITY_CATEGORIES) as EntityCategory[];

Page({
  data: {
    form: {
      uscc: '',
      entityName: '',
      legalRepName: '',
      address: '',
      contactName: '',
      contactPhone: '',
      storefrontPhoto: '',
      licencePhoto: '',
    },
    uploading: false,
    licenceUploading: false,
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
    done: null as null | { uscc: string; districtName: string; notes: string[] },
    /** Set when the form was filled from an earlier application. */
    refilledFrom: '',
    /** 大字模式, as chosen on the public pages or set in WeChat. */
    large: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    this.setData({ large: largeText() });
    if (query.from) void this.refill(query.from);
  },

  /** Fill the form with an earlier application of the caller's (only their own are returned). */
  async refill(id: string) {
    const res = await myApplications();
    if (!res.ok) return;
    const app = res.data.items.find((a: MyApplicationItem) => a.id === id);
    if (!app) return;
    const f = app.form;
    this.onUsccInput({ detail: { value: f.uscc } } as WechatMiniprogram.Input);
    const update: Record<string, unknown> = {
      form: {
        uscc: f.uscc,
        entityName: f.entityName,
        legalRepName: f.legalRepName,
        address: f.address,
        contactName: f.contactName,
        contactPhone: f.contactPhone,
        storefrontPhoto: f.storefrontPhoto,
        licencePhoto: f.licencePhoto,
      },
      fieldIndex: FIELDS.indexOf(f.field as (typeof FIELDS)[number]),
      refilledFrom: app.decisionReason ? `上次申请${app.statusText}：${app.decisionReason}` : `上次申请${app.statusText}`,
    };
    const category = CATEGORY_KEYS.indexOf(f.category as EntityCategory);
    if (category >= 0) update.categoryIndex = category;
    const district = DISTRICTS.findIndex((d) => d.code === f.districtCode);
    if (district >= 0) update.districtIndex = district;
    this.setData(update);
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

  /**
   * Pick one photo and upload it into `form.<field>` under `folder`; `busy` marks the upload, so a second
   * tap meanwhile does nothing; `failed` is what the toast says when the upload fails.
   */
  async pickPhoto(field: 'storefrontPhoto' | 'licencePhoto', busy: 'uploading' | 'licenceUploading', folder: string, failed: string) {
    if (this.data[busy]) return;
    const filePath = await chooseOneImage();
    if (!filePath) return;
    this.setData({ [busy]: true });
    try {
      const fileID = await uploadImage(folder, filePath);
      this.setData({ [busy]: false, [`form.${field}`]: fileID, error: '' });
    } catch {
      this.setData({ [busy]: false });
      wx.showToast({ title: failed, icon: 'none', duration: 3000 });
    }
  },

  /** 门头照片 (optional): shown on the public page so a customer can compare it with the shop. */
  choosePhoto() {
    return this.pickPhoto('storefrontPhoto', 'uploading', 'storefronts', '照片上传失败，请重试；不上传照片也可提交');
  },

  removePhoto() {
    this.setData({ 'form.storefrontPhoto': '' });
  },

  /** 营业执照照片 (required): seen only by the staff who review the application. */
  chooseLicence() {
    return this.pickPhoto('licencePhoto', 'licenceUploading', 'licences', '营业执照照片上传失败，请重试');
  },

  removeLicence() {
    this.setData({ 'form.licencePhoto': '' });
  },

  /**
   * Ask to be told the result (a subscribe message). WeChat only allows this from the tap itself,
   * so it is started before anything is awaited; a refusal or an unconfigured template changes nothing.
   */
  askToBeTold() {
    const tmplId = config.subscribeTemplates.applicationDecided;
    if (!tmplId || typeof wx.requestSubscribeMessage !== 'function') return;
    wx.requestSubscribeMessage({ tmplIds: [tmplId], success: () => undefined, fail: () => undefined });
  },

  async submit() {
    const d = this.data;
    if (d.submitting) return;
    if (d.uploading || d.licenceUploading) return this.setData({ error: '照片正在上传，请稍候' });
    if (!d.usccOk) return this.setData({ error: d.usccMessage || '请填写正确的统一社会信用代码' });
    if (d.fieldIndex < 0) return this.setData({ error: '请选择行业领域' });
    if (d.needsDistrict && d.districtIndex < 0) return this.setData({ error: '请选择所属县（区）' });
    if (d.form.legalRepName.trim() === '') return this.setData({ error: '请填写法定代表人（负责人、经营者）' });
    if (d.form.licencePhoto === '') return this.setData({ error: '请拍摄或选择营业执照照片' });
    this.askToBeTold();
    this.setData({ submitting: true, error: '' });
    const res = await applyCode({
      ...d.form,
      category: CATEGORY_KEYS[d.categoryIndex] ?? 'other',
      field: FIELDS[d.fieldIndex] ?? '',
      ...(d.districtIndex >= 0 ? { districtCode: DISTRICTS[d.districtIndex]!.code } : {}),
    });
    if (res.ok) {
      this.setData({ submitting: false, done: { uscc: res.data.uscc, districtName: res.data.districtName, notes: res.data.notes ?? [] } });
    } else this.setData({ submitting: false, error: res.error.message });
  },

  toMine() {
    wx.redirectTo({ url: '/pages/my-entities/my-entities' });
  },
});
