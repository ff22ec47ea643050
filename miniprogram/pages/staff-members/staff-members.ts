/**
 * 工作人员管理 (city admin): the staff list with add (role, 县（区）or 行管部门 from the managed
 * list), deactivate and reactivate; and the audit log (操作记录), paged, filtered by actor or target.
 */
import { beijingDateTime, DEPARTMENTS, DISTRICTS } from '../../lib/core';
import type { CallOutput } from '../../services/call';
import { auditLog, staffMembers, type StaffMember } from '../../services/supervision';

/** An audit entry as the list shows it: with its time in Beijing wall-clock minutes. */
type AuditRow = CallOutput<'staff', 'auditLog'>['items'][number] & { when: string };

const ROLES = [
  { key: 'district', label: '县（区）工作人员' },
  { key: 'department', label: '行管部门工作人员' },
  { key: 'city', label: '市级管理员' },
] as const;

function describe(m: StaffMember): string {
  if (m.role === 'city') return '市级管理员';
  if (m.role === 'district') return DISTRICTS.find((d) => d.code === m.districtCode)?.name ?? m.districtCode ?? '';
  return m.department ?? '';
}

Page({
  data: {
    tab: 'members' as 'members' | 'audit',
    loading: true,
    error: '',
    members: [] as (StaffMember & { scope: string })[],
    roleNames: ROLES.map((r) => r.label),
    roleIndex: 0,
    districtNames: DISTRICTS.map((d) => d.name),
    districtIndex: 0,
    departmentNames: DEPARTMENTS.map((d) => d.name),
    departmentIndex: 0,
    openid: '',
    name: '',
    audit: [] as AuditRow[],
    auditTotal: 0,
    actor: '',
  },

  onLoad() {
    void this.load();
  },

  async load() {
    const res = await staffMembers({ op: 'list' });
    if (!res.ok) return this.setData({ loading: false, error: res.error.message });
    this.setData({
      loading: false,
      error: '',
      members: ('members' in res.data ? res.data.members : []).map((m) => ({ ...m, scope: describe(m) })),
    });
  },

  showMembers() {
    this.setData({ tab: 'members' });
  },

  showAudit() {
    this.setData({ tab: 'audit' });
    void this.loadAudit(0);
  },

  onRole(e: WechatMiniprogram.PickerChange) {
    this.setData({ roleIndex: Number(e.detail.value) });
  },
  onDistrict(e: WechatMiniprogram.PickerChange) {
    this.setData({ districtIndex: Number(e.detail.value) });
  },
  onDepartment(e: WechatMiniprogram.PickerChange) {
    this.setData({ departmentIndex: Number(e.detail.value) });
  },
  onOpenid(e: WechatMiniprogram.Input) {
    this.setData({ openid: e.detail.value.trim() });
  },
  onName(e: WechatMiniprogram.Input) {
    this.setData({ name: e.detail.value });
  },
  onActor(e: WechatMiniprogram.Input) {
    this.setData({ actor: e.detail.value.trim() });
  },

  async add() {
    const d = this.data;
    const role = ROLES[d.roleIndex]!.key;
    const member = {
      openid: d.openid,
      name: d.name,
      role,
      ...(role === 'district' ? { districtCode: DISTRICTS[d.districtIndex]!.code } : {}),
      ...(role === 'department' ? { departmentId: DEPARTMENTS[d.departmentIndex]!.id } : {}),
    };
    const res = await staffMembers({ op: 'add', member });
    if (!res.ok) return this.setData({ error: res.error.message });
    wx.showToast({ title: '已登记' });
    this.setData({ openid: '', name: '', error: '' });
    void this.load();
  },

  async toggle(e: WechatMiniprogram.TouchEvent) {
    const { openid, active } = e.currentTarget.dataset as { openid: string; active: boolean };
    const res = await staffMembers({ op: active ? 'deactivate' : 'reactivate', openid });
    if (!res.ok) return this.setData({ error: res.error.message });
    void this.load();
  },

  async loadAudit(offset: number) {
    const res = await auditLog({ offset, ...(this.data.actor ? { actor: this.data.actor } : {}) });
    if (!res.ok) return this.setData({ error: res.error.message });
    const rows = res.data.items.map((a) => ({ ...a, when: beijingDateTime(new Date(a.at)).slice(0, 16) }));
    this.setData({ auditTotal: res.data.total, audit: offset === 0 ? rows : [...this.data.audit, ...rows] });
  },

  searchAudit() {
    void this.loadAudit(0);
  },

  moreAudit() {
    void this.loadAudit(this.data.audit.length);
  },
});
