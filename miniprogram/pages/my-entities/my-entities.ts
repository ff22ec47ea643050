/** 我的诚信码: entities the user acts for (with their code status) and the applications they filed. */
import { VERDICTS, verdictOf } from '../../lib/core';
import type { MyApplication, MyEntity } from '../../services/merchant';
import { myEntities, withdrawApplication } from '../../services/merchant';

const APPLICATION_TEXT = {
  pending: { label: '待审核', tone: 'amber' },
  approved: { label: '已通过', tone: 'green' },
  rejected: { label: '未通过', tone: 'red' },
  withdrawn: { label: '已撤回', tone: 'grey' },
} as const;

/** The code's status in the words and colour the public page uses. */
function codeBadge(code: NonNullable<MyEntity['code']>): { label: string; tone: string } {
  const { label, tone } = VERDICTS[verdictOf(code)];
  return { label, tone };
}

type EntityRow = MyEntity & { badge: { label: string; tone: string } };
type ApplicationRow = MyApplication & { badge: { label: string; tone: string } };

Page({
  data: { loading: true, entities: [] as EntityRow[], applications: [] as ApplicationRow[], error: '' },

  onShow() {
    void this.load();
  },

  async load() {
    const res = await myEntities();
    if (!res.ok) return this.setData({ loading: false, error: res.error.message });
    this.setData({
      loading: false,
      error: '',
      entities: res.data.entities.map((e) => ({ ...e, badge: e.code ? codeBadge(e.code) : { label: '无有效码', tone: 'grey' } })),
      applications: res.data.applications.map((a) => ({ ...a, badge: APPLICATION_TEXT[a.status] })),
    });
  },

  go(e: WechatMiniprogram.TouchEvent) {
    const { page, uscc } = e.currentTarget.dataset as { page: string; uscc: string };
    wx.navigateTo({ url: `/pages/${page}/${page}?uscc=${uscc}` });
  },

  apply() {
    wx.navigateTo({ url: '/pages/apply/apply' });
  },

  /** Re-apply with the form filled from a rejected or withdrawn application. */
  reapply(e: WechatMiniprogram.TouchEvent) {
    const { id } = e.currentTarget.dataset as { id: string };
    wx.navigateTo({ url: `/pages/apply/apply?from=${id}` });
  },

  async withdraw(e: WechatMiniprogram.TouchEvent) {
    const { id } = e.currentTarget.dataset as { id: string };
    const ask = await wx.showModal({
      title: '撤回申请',
      content: '撤回后该申请不再审核，可修改后重新申请。确定撤回吗？',
      confirmText: '撤回',
    });
    if (!ask.confirm) return;
    const res = await withdrawApplication(id);
    if (!res.ok) return this.setData({ error: res.error.message });
    wx.showToast({ title: '已撤回' });
    await this.load();
  },

  claim() {
    wx.navigateTo({ url: '/pages/claim/claim' });
  },
});
