/** 异议: the entity disputes its own data or one of its published records; staff handle it. */
import { OBJECTION_TARGETS, type ObjectionTarget, type ObjectionView, type PublicProfile } from '../../lib/core';
import { submitObjection } from '../../services/merchant';
import { getProfile } from '../../services/public';
import { myObjections } from '../../services/supervision';
import { askToSubscribe } from '../../services/subscribe';

const TARGETS = Object.keys(OBJECTION_TARGETS) as ObjectionTarget[];

interface RecordChoice {
  id: string;
  title: string;
}

/** The published records a target can point at, titled as the public sees them. */
function recordsOf(profile: PublicProfile | undefined, target: ObjectionTarget): RecordChoice[] {
  if (!profile) return [];
  switch (target) {
    case 'commitment':
      return profile.commitments.map((c) => ({ id: c.id, title: `${c.committedOn} ${c.reason}` }));
    case 'honour':
      return profile.honours.map((h) => ({ id: h.id, title: `${h.collectedOn} ${h.basis}（${h.issuer}）` }));
    case 'registration':
      return profile.registrations.map((r) => ({ id: r.id, title: `${r.collectedOn} ${r.itemName}` }));
    case 'otherInfo':
      return profile.otherInfo.map((o) => ({ id: o.id, title: `${o.collectedOn} ${o.infoName}` }));
    default:
      return [];
  }
}

Page({
  data: {
    uscc: '',
    entityName: '',
    targetNames: TARGETS.map((t) => OBJECTION_TARGETS[t]),
    targetIndex: 0,
    records: [] as RecordChoice[],
    recordIndex: -1,
    content: '',
    submitting: false,
    done: false,
    error: '',
    profile: null as PublicProfile | null,
    /** 我的异议: the caller's objections with status, due date and answer. */
    tab: 'new' as 'new' | 'mine',
    dueOn: '',
    mine: [] as ObjectionView[],
    mineLoaded: false,
  },

  async onLoad(query: Record<string, string | undefined>) {
    const uscc = query.uscc ?? '';
    this.setData({ uscc });
    if (query.tab === 'mine') void this.showMine();
    const res = await getProfile(uscc);
    if (!res.ok) return;
    const profile = res.data.profile;
    // The person may have picked a target before the profile arrived: fill its records now.
    this.setData({ profile, entityName: profile.name, records: recordsOf(profile, TARGETS[this.data.targetIndex]!) });
  },

  showNew() {
    this.setData({ tab: 'new' });
  },

  async showMine() {
    this.setData({ tab: 'mine' });
    const res = await myObjections();
    if (res.ok) this.setData({ mine: res.data.items, mineLoaded: true });
    else this.setData({ error: res.error.message, mineLoaded: true });
  },

  onTarget(e: WechatMiniprogram.PickerChange) {
    const targetIndex = Number(e.detail.value);
    this.setData({ targetIndex, records: recordsOf(this.data.profile ?? undefined, TARGETS[targetIndex]!), recordIndex: -1, error: '' });
  },

  onRecord(e: WechatMiniprogram.PickerChange) {
    this.setData({ recordIndex: Number(e.detail.value), error: '' });
  },

  onContent(e: WechatMiniprogram.Input) {
    this.setData({ content: e.detail.value, error: '' });
  },

  async submit() {
    const d = this.data;
    if (d.submitting) return;
    const target = TARGETS[d.targetIndex]!;
    const record = d.records[d.recordIndex];
    if (target !== 'entity' && !record) return this.setData({ error: '请选择有异议的记录' });
    this.setData({ submitting: true, error: '' });
    await askToSubscribe(['objectionAnswered']);
    const res = await submitObjection({ uscc: d.uscc, target, content: d.content, ...(record ? { recordId: record.id } : {}) });
    if (res.ok) this.setData({ submitting: false, done: true, dueOn: res.data.dueOn });
    else this.setData({ submitting: false, error: res.error.message });
  },
});
