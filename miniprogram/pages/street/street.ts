/** 诚信示范街 (public): the street's coded entities and how much of the street is coded. */
import { street } from '../../services/reach';

Page({
  data: {
    loading: true,
    error: '',
    street: null as null | {
      name: string;
      districtName: string;
      coverage: { coded: number; total: number; percent: string };
      entities: { name: string; address: string; status: string }[];
    },
  },

  onLoad(query: Record<string, string | undefined>) {
    if (!query.id) return this.setData({ loading: false, error: '没有找到这条示范街' });
    void this.load(query.id);
  },

  async load(id: string) {
    const res = await street(id);
    if (!res.ok) return this.setData({ loading: false, error: res.error.message });
    wx.setNavigationBarTitle({ title: res.data.name });
    this.setData({ loading: false, street: res.data });
  },
});
