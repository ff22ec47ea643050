/** 通报: the ranking sentence as the office publishes it, the 附件 table, and its xlsx export. */
import { bulletin, exportBulletin, type BulletinData } from '../../services/staff';
import { openXlsx } from '../staff-import/files';

Page({
  data: {
    loading: true,
    error: '',
    bulletin: null as BulletinData | null,
    exporting: false,
  },

  onShow() {
    void this.load();
  },

  async load() {
    this.setData({ loading: true, error: '' });
    const res = await bulletin();
    if (!res.ok) return this.setData({ loading: false, error: res.error.message });
    this.setData({ loading: false, bulletin: res.data });
  },

  copy() {
    if (this.data.bulletin) wx.setClipboardData({ data: this.data.bulletin.sentence });
  },

  async exportXlsx() {
    if (this.data.exporting) return;
    this.setData({ exporting: true, error: '' });
    const res = await exportBulletin();
    this.setData({ exporting: false });
    if (!res.ok) return this.setData({ error: res.error.message });
    openXlsx(res.data);
  },
});
