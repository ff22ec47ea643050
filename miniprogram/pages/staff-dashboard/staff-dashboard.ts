/** 赋码进度: a bar per district against the 40% target line, the city total on top. */
import { districtScans, districtStats, statsHistory } from '../../services/staff';
import { supervisionSummary, type SupervisionSummary } from '../../services/supervision';
import { gap, rememberStaff } from '../../services/reach';
import { dashboardView, type Bar } from './bars';
import { paceText, trendView, type TrendView } from './trend';

Page({
  data: {
    loading: true,
    error: '',
    /** Shown to someone who is not (yet) staff, to hand to the city admin. */
    myOpenid: '',
    asOf: '',
    cityBar: null as Bar | null,
    bars: [] as (Bar & { pace?: string; uncoded?: string; scans?: string })[],
    trend: null as TrendView | null,
    target: 0,
    targetLeft: 80,
    axisMax: 50,
    /** 举报与异议 alerts in the caller's scope (open forged-code reports, overdue objections). */
    alerts: null as SupervisionSummary | null,
  },

  onShow() {
    void this.load();
  },

  async load() {
    this.setData({ loading: true, error: '', myOpenid: '' });
    const [res, history, alerts] = await Promise.all([districtStats(), statsHistory(60), supervisionSummary()]);
    if (alerts.ok) this.setData({ alerts: alerts.data });
    if (!res.ok) {
      const details = res.error.details as { openid?: unknown } | undefined;
      const myOpenid = res.error.code === 'FORBIDDEN' && typeof details?.openid === 'string' ? details.openid : '';
      return this.setData({ loading: false, error: res.error.message, myOpenid });
    }
    rememberStaff(); // the verify page then offers 进入检查
    const target = res.data.targets.codeRatePercent;
    const view = dashboardView(res.data.districts, res.data.city, target);
    // The trend is a second opinion on the same page: without it the bars still show.
    const paceOf = new Map(history.ok ? history.data.districts.map((d) => [d.districtCode, paceText(d.pace, target)]) : []);
    this.setData({
      loading: false,
      asOf: res.data.asOf,
      target,
      ...view,
      bars: view.bars.map((b) => ({ ...b, pace: paceOf.get(b.code) })),
      trend: history.ok ? trendView(history.data.city, target) : null,
    });
    void this.loadGap();
    void this.loadScans();
  },

  /** Under each bar: how often the district's codes were checked in the last 30 days; optional. */
  async loadScans() {
    const res = await districtScans();
    if (!res.ok) return;
    const byCode = new Map(res.data.districts.map((d) => [d.districtCode, d.scans]));
    this.setData({ bars: this.data.bars.map((b) => ({ ...b, scans: byCode.has(b.code) ? `近30天被核验${byCode.get(b.code)}次` : '' })) });
  },

  /** Under each bar: where the district's uncoded entities are (register, by field and type); optional. */
  async loadGap() {
    const res = await gap();
    if (!res.ok) return;
    const byCode = new Map(res.data.districts.map((d) => [d.districtCode, d]));
    const where = (code: string) => {
      const d = byCode.get(code);
      if (!d || d.uncodedInRegister === 0) return '';
      const top = d.topFields.length
        ? d.topFields.map((f) => `${f.field}${f.uncoded}户`)
        : d.topEntityTypes.slice(0, 3).map((t) => `${t.entityType}${t.uncoded}户`);
      return `名录中未赋码${d.uncodedInRegister}户，主要在：${top.join('、')}`;
    };
    this.setData({ bars: this.data.bars.map((b) => ({ ...b, uncoded: where(b.code) })) });
  },

  go(e: WechatMiniprogram.TouchEvent) {
    const page = (e.currentTarget.dataset as { page?: string }).page;
    const query = (e.currentTarget.dataset as { query?: string }).query;
    if (page) wx.navigateTo({ url: `/pages/${page}/${page}${query ? `?${query}` : ''}` });
  },
});
