/** The home page's doors, one per kind of visitor; later pages are added here as they land. */
export interface HomeEntry {
  readonly title: string;
  readonly hint: string;
  readonly url: string;
}

export const homeEntries: HomeEntry[] = [
  { title: '扫码核验 · 查询主体', hint: '扫描店铺诚信码，或按名称、信用代码查询', url: '/pages/search/search' },
  { title: '申请诚信码', hint: '市场主体凭统一社会信用代码申请赋码', url: '/pages/apply/apply' },
  { title: '我的诚信码', hint: '亮码海报、主动承诺、申请进度与异议', url: '/pages/my-entities/my-entities' },
  { title: '举报可疑码', hint: '发现码与店铺不符或疑似伪造，请告诉我们', url: '/pages/report/report' },
  { title: '我的消息', hint: '举报、异议的处理结果和诚信码状态变化', url: '/pages/messages/messages' },
  {
    title: '工作人员入口',
    hint: '赋码进度、审核待办、通报与数据归集（仅限登记的工作人员）',
    url: '/pages/staff-dashboard/staff-dashboard',
  },
];
