/** core/reach.ts: department status from uploads, the credit check's 提示, street coverage. */
import { describe, expect, it } from 'vitest';
import { coveragePercent, creditCheckFlags, departmentProgressSentence, departmentStatus } from '../../core/reach';

describe('departmentStatus', () => {
  it('a plan wins over updates; updates alone are 报送工作动态; nothing is 尚未启动', () => {
    expect(departmentStatus({ plans: 1, updates: 3 })).toBe('制定推进落实文件');
    expect(departmentStatus({ plans: 0, updates: 1 })).toBe('报送工作动态');
    expect(departmentStatus({ plans: 0, updates: 0 })).toBe('尚未启动');
  });

  it('names the departments of each group in the order given', () => {
    expect(
      departmentProgressSentence([
        { name: '市市场监管局', status: '制定推进落实文件' },
        { name: '市税务局', status: '尚未启动' },
        { name: '市商务局', status: '制定推进落实文件' },
        { name: '市教育局', status: '报送工作动态' },
      ]),
    ).toBe(
      '涉及4个行管部门，其中制定推进落实文件2个单位：市市场监管局、市商务局，报送工作动态1个单位：市教育局，尚未启动单位1个：市税务局。',
    );
  });
});

describe('creditCheckFlags', () => {
  const clean = { registered: true, codeStatus: 'active' as const, commitments: 1, honours: 0, openObjections: 0, openReports: 0 };
  it('无异常 only for a live code, a commitment, and nothing open', () => {
    expect(creditCheckFlags(clean)).toBe('无异常');
    expect(creditCheckFlags({ ...clean, codeStatus: undefined })).toBe('无有效诚信码');
    expect(creditCheckFlags({ ...clean, codeStatus: 'revoked' })).toBe('无有效诚信码');
    expect(creditCheckFlags({ ...clean, codeStatus: 'suspended', openReports: 2, openObjections: 1, commitments: 0 })).toBe(
      '诚信码已暂停；有未结举报；有未结异议；无主动承诺',
    );
  });
});

describe('coveragePercent', () => {
  it('two decimals, rounded half up; empty for an empty street', () => {
    expect(coveragePercent(1, 3)).toBe('33.33');
    expect(coveragePercent(2, 3)).toBe('66.67');
    expect(coveragePercent(2, 5)).toBe('40.00');
    expect(coveragePercent(0, 0)).toBe('');
  });
});
