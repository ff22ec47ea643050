/** 信用核查 (逢办必查, 评优评先): upload a list of USCCs (xlsx, up to 5,000), download the answers. */
import { creditCheck, rememberStaff } from '../../services/reach';
import { chooseXlsx, openXlsx } from '../staff-import/files';

Page({
  data: { purpose: '', busy: false, error: '', counts: null as null | { rows: number; checked: number; invalid: number; flagged: number } },

  onPurpose(e: WechatMiniprogram.Input) {
    this.setData({ purpose: e.detail.value });
  },

  async upload() {
    if (this.data.busy) return;
    const file = await chooseXlsx();
    if (!file) return;
    this.setData({ busy: true, error: '', counts: null });
    const res = await creditCheck(file, this.data.purpose);
    this.setData({ busy: false });
    if (!res.ok) return this.setData({ error: res.error.message });
    rememberStaff();
    this.setData({ counts: res.data.counts });
    openXlsx(res.data);
  },
});
