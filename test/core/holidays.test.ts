/** The working-day calendar: weekends, 法定节假日 and 调休 working weekends, across a holiday week. */
import { describe, expect, it } from 'vitest';
import { addWorkingDays, CALENDAR_YEARS, HOLIDAY_CALENDAR, isWorkingDay } from '../../core';

describe('working days', () => {
  it('skips 国庆 and counts the 调休 Saturday: filed Tue 2026-09-29, due Mon 2026-10-12', () => {
    // 9-30 (1), 10-1..7 off, 10-8 (2), 10-9 (3), 10-10 Sat 调休上班 (4), 10-11 Sun off, 10-12 (5)
    expect(addWorkingDays('2026-09-29', 5)).toBe('2026-10-12');
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(isWorkingDay('2026-10-05')).toBe(false);
  });

  it('spans 春节 2026 (2-15..2-23 off, 2-14 and 2-28 worked)', () => {
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-16')).toBe(false);
    // Fri 2-13: 2-14 Sat worked (1), 2-24 (2), 2-25 (3), 2-26 (4), 2-27 (5)
    expect(addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
  });

  it('spans 国庆 2025 (10-1..10-8 off; 9-28 Sunday and 10-11 Saturday worked)', () => {
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(isWorkingDay('2025-10-08')).toBe(false);
    // Tue 9-30 filed: 10-9 (1), 10-10 (2), 10-11 Sat worked (3), 10-13 (4), 10-14 (5)
    expect(addWorkingDays('2025-09-30', 5)).toBe('2025-10-14');
  });

  it('an ordinary week skips only the weekend', () => {
    expect(addWorkingDays('2026-06-10', 5)).toBe('2026-06-17');
  });

  it('covers 2025–2027 and marks 2027 as provisional (its notice not yet applied)', () => {
    expect(CALENDAR_YEARS).toEqual([2025, 2026, 2027]);
    expect(HOLIDAY_CALENDAR.find((y) => y.year === 2027)?.provisional).toBe(true);
    for (const y of HOLIDAY_CALENDAR) {
      for (const d of y.work) expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
      for (const d of [...y.off, ...y.work]) expect(d.startsWith(String(y.year))).toBe(true);
    }
  });
});
