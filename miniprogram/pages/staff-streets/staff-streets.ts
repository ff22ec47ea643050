/** 诚信示范街 for staff: each street's coverage (coded / total), and a form to add one. */
import { DISTRICTS } from '../../lib/core';
import { rememberStaff, saveStreet, streets } from '../../services/reach';

Page({
  data: {
    loading: true,
    error: '',
    notice: '',
    items: [] as {
      _id: string;
      name: string;
      districtCode: string;
      addressFragment: string;
      listed: number;
      coverage: { coded: number; total: number; percent: string };
    }[],
    districts: DISTRICTS.map((d) => d.name),
    districtIndex: 0,
    name: '',
    addressFragment: '',
    usccText: '',
  },

  onShow() {
    void this.load();
  },

  async load() {
    this.setData({ loading: true, error: '' });
    const res = await streets();
    if (!res.ok) return this.setData({ loading: false, error: res.error.message });
    rememberStaff();
    this.setData({ loading: false, items: res.data.items });
  },

  onInput(e: WechatMiniprogram.Input) {
    const key = (e.currentTarget.dataset as { key: string }).key;
    this.setData({ [key]: e.detail.value });
  },
  onDistrict(e: WechatMiniprogram.PickerChange) {
    this.setData({ districtIndex: Number(e.detail.value) });
  },

  async save() {
    const uscc = this.data.usccText.split(/[\s,，、;；]+/).filter((s) => s !== '');
    const res = await saveStreet({
      name: this.data.name,
      districtCode: DISTRICTS[this.data.districtIndex]!.code,
      uscc,
      ...(this.data.addressFragment.trim() ? { addressFragment: this.data.addressFragment.trim() } : {}),
    });
    if (!res.ok) return this.setData({ error: res.error.message });
    this.setData({ notice: `已保存，覆盖率${res.data.street.coverage.percent || '0.00'}%`, name: '', addressFragment: '', usccText: '' });
    void this.load();
  },

  open(e: WechatMiniprogram.TouchEvent) {
    const id = (e.currentTarget.dataset as { id: string }).id;
    wx.navigateTo({ url: `/pages/street/street?id=${id}` });
  },
});
