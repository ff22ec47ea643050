/** 我的诚信码: entities the user acts for (with their code status) and the applications they filed. */
import type { MyApplication, MyEntity } from '../../services/merchant';
import { myEntities } from '../../services/merchant';

const CODE_TEXT = { active: { label: '有效', tone: 'green' }, suspended: { label: '暂停', tone: 'amber' }, revoked: { label: '已撤销', tone: 'red' } } as const;
const APPLICATION_TEXT = { pending: { label: '待审核', tone: 'amber' }, approved: { label: '已通过', tone: 'green' }, rejected: { label: '未通过', tone: 'red' } } as const;

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
      entities: res.data.entities.map((e) => ({ ...e, badge: e.code ? CODE_TEXT[e.code.status] : { label: '无有效码', tone: 'grey' } })),
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
});
