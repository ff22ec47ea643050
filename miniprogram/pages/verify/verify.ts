/**
 * 扫码核验: the status first, big and coloured, with the live server time, then the public
 * profile to compare with the shop in front of you, and a button to report a suspicious code.
 */
import { verifyCode, type Scan, type VerifyData } from '../../services/public';
import { scanFromQuery, scanFromScanCode, scannedText, verifyUrl } from './scan';
import { seemsStaff } from '../../services/reach';

Page({
  data: {
    loading: false,
    result: null as VerifyData | null,
    error: '',
    /** What is being verified (kept for 重新核验 and the report). */
    scan: null as Scan | null,
    /** Staff (remembered from an earlier staff call) get 进入检查; the staff function still decides. */
    staffMember: false,
  },

  onLoad(query: Record<string, string | undefined>) {
    const scan = scanFromQuery(query);
    if (!scan) return this.setData({ error: '没有识别到诚信码，请扫描店铺张贴的诚信码。' });
    this.setData({ scan, staffMember: seemsStaff() });
    void this.check();
  },

  async check() {
    const scan = this.data.scan;
    if (!scan) return;
    this.setData({ loading: true, error: '' });
    const res = await verifyCode(scan);
    if (res.ok) this.setData({ loading: false, result: res.data });
    else this.setData({ loading: false, result: null, error: res.error.message });
  },

  refresh() {
    void this.check();
  },

  scanAgain() {
    wx.scanCode({
      onlyFromCamera: false,
      success: (res) => {
        const scan = scanFromScanCode(res);
        if (!scan) return this.setData({ error: '没有识别到诚信码' });
        this.setData({ scan, result: null });
        void this.check();
      },
    });
  },

  report() {
    const scan = this.data.scan;
    const scanned = scan ? scannedText(scan) : '';
    const uscc = this.data.result?.profile?.uscc ?? '';
    wx.navigateTo({ url: `/pages/report/report?scanned=${encodeURIComponent(scanned)}&uscc=${uscc}` });
  },

  inspect() {
    const codeId = this.data.result?.codeId;
    if (codeId) wx.navigateTo({ url: `/pages/staff-inspect/staff-inspect?id=${encodeURIComponent(codeId)}` });
  },

  onShareAppMessage() {
    const name = this.data.result?.profile?.name;
    return { title: name ? `${name}的诚信码核验` : '诚信码核验', path: this.data.scan ? verifyUrl(this.data.scan) : '/pages/search/search' };
  },
});
