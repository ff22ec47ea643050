/** 我的诚信码: entities the user acts for (with their code status) and the applications they filed. */
import { VERDICTS, verdictOf } from '../../lib/core';
import type { MyApplication, MyEntity } from '../../services/merchant';
import { myEntities } from '../../services/merchant';

const APPLICATION_TEXT = { pending: { label: '待审核', tone: 'amber' }, approved: { label: '已通过', tone: 'green' }, rejected: { label: '未通过', tone: 'red' } } as const;

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

  claim() {
    wx.navigateTo({ url: '/pages/claim/claim' });
  },
});
