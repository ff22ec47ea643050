/** 消息: what the system told the caller (report progress, objection answers, code status), newest first. */
import { beijingDateTime } from '../../lib/core';
import { myMessages, type Message } from '../../services/supervision';

type Shown = Message & { time: string };

Page({
  data: { loading: true, error: '', items: [] as Shown[], total: 0 },

  onShow() {
    void this.load(0);
  },

  async load(offset: number) {
    const res = await myMessages(offset);
    if (!res.ok) return this.setData({ loading: false, error: res.error.message });
    const shown = res.data.items.map((m) => ({ ...m, time: beijingDateTime(new Date(m.createdAt)).slice(0, 16) }));
    this.setData({ loading: false, error: '', total: res.data.total, items: offset === 0 ? shown : [...this.data.items, ...shown] });
  },

  more() {
    void this.load(this.data.items.length);
  },

  open(e: WechatMiniprogram.TouchEvent) {
    const page = (e.currentTarget.dataset as { page?: string }).page;
    if (page) wx.navigateTo({ url: page });
  },
});
