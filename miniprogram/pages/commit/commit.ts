/**
 * 主动承诺: the ten columns of 主动承诺信息表. Name, category and code come from the entity;
 * the wording starts from the template of its 行业领域 (the entity's field, which the server sets);
 * staff review it before it is public.
 */
import { chinaDate, COMMITMENT_AREAS, COMMITMENT_TYPES, commitmentTemplate, PROMISER_CATEGORIES, PUBLICITY_TYPES } from '../../lib/core';
import { myEntities, submitCommitment, type CommitmentForm } from '../../services/merchant';

Page({
  data: {
    form: {
      promiserName: '',
      promiserCategory: PROMISER_CATEGORIES[0],
      promiserCode: '',
      commitmentType: COMMITMENT_TYPES[0],
      commitmentArea: COMMITMENT_AREAS[0],
      reason: '',
      content: '',
      liability: '',
      committedOn: '',
      publicity: PUBLICITY_TYPES[0],
    } as CommitmentForm,
    promiserCategories: PROMISER_CATEGORIES.slice(),
    commitmentTypes: COMMITMENT_TYPES.slice(),
    commitmentAreas: COMMITMENT_AREAS.slice(),
    /** The entity's 行业领域: picks the template; not a form column. */
    entityField: '',
    publicityTypes: PUBLICITY_TYPES.slice(),
    loading: true,
    submitting: false,
    done: false,
    error: '',
  },

  async onLoad(query: Record<string, string | undefined>) {
    // Today in Hegang when the page opens (not when the code was loaded, which may be days earlier).
    this.setData({ 'form.committedOn': chinaDate(new Date()) });
    const res = await myEntities();
    if (!res.ok) return this.setData({ loading: false, error: res.error.message });
    const entity = res.data.entities.find((e) => e.uscc === query.uscc) ?? res.data.entities[0];
    if (!entity) return this.setData({ loading: false, error: '您名下还没有已赋码的市场主体，请先申请诚信码' });
    const t = commitmentTemplate(entity.field);
    this.setData({
      loading: false,
      'form.promiserName': entity.name,
      'form.promiserCode': entity.uscc,
      'form.promiserCategory': entity.categoryName === '个体工商户' ? '个体工商户' : '法人',
      entityField: entity.field,
      'form.commitmentType': t.commitmentType,
      'form.commitmentArea': t.commitmentArea,
      'form.reason': t.reason,
      'form.content': t.content,
      'form.liability': t.liability,
    });
  },

  onInput(e: WechatMiniprogram.Input) {
    const key = (e.currentTarget.dataset as { key: string }).key;
    this.setData({ [`form.${key}`]: e.detail.value, error: '' });
  },

  /** Pickers carry the option list's name in data-list and the form key in data-key. */
  onPick(e: WechatMiniprogram.PickerChange) {
    const { key, list } = e.currentTarget.dataset as {
      key: string;
      list: 'promiserCategories' | 'commitmentTypes' | 'commitmentAreas' | 'publicityTypes';
    };
    const value = (this.data[list] as string[])[Number(e.detail.value)];
    this.setData({ [`form.${key}`]: value, error: '' });
  },

  onDate(e: WechatMiniprogram.PickerChange) {
    this.setData({ 'form.committedOn': String(e.detail.value) });
  },

  useTemplate() {
    const t = commitmentTemplate(this.data.entityField);
    this.setData({
      'form.commitmentType': t.commitmentType,
      'form.commitmentArea': t.commitmentArea,
      'form.reason': t.reason,
      'form.content': t.content,
      'form.liability': t.liability,
    });
  },

  async submit() {
    if (this.data.submitting || this.data.loading) return;
    this.setData({ submitting: true, error: '' });
    const res = await submitCommitment(this.data.form);
    if (res.ok) this.setData({ submitting: false, done: true });
    else this.setData({ submitting: false, error: res.error.message });
  },

  toList() {
    wx.redirectTo({ url: `/pages/my-commitments/my-commitments?uscc=${this.data.form.promiserCode}` });
  },
});
