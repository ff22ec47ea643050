/** 我的承诺: the entity's commitments with their review status. */
import { myCommitments, type MyCommitment } from '../../services/merchant';

const TONES = { pending: 'amber', approved: 'green', rejected: 'red' } as const;

Page({
  data: { loading: true, uscc: '', entityName: '', items: [] as Array<MyCommitment & { tone: string }>, error: '' },

  async onLoad(query: Record<string, string | undefined>) {
    const res = await myCommitments(query.uscc);
    if (!res.ok) return this.setData({ loading: false, error: res.error.message });
    this.setData({
      loading: false,
      uscc: res.data.uscc,
      entityName: res.data.entityName,
      items: res.data.items.map((c) => ({ ...c, tone: TONES[c.status] ?? 'grey' })),
    });
  },

  add() {
    wx.navigateTo({ url: `/pages/commit/commit?uscc=${this.data.uscc}` });
  },
});
