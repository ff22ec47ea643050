/**
 * China's working-day calendar (法定节假日 and 调休), as data. Each year lists the days off that fall
 * on weekdays or weekends (`off`) and the weekend days that are working days (`work`, 调休上班).
 * Source: the State Council General Office's notices on holiday arrangements (国务院办公厅关于…部分
 * 节假日安排的通知): 2025 国办发明电〔2024〕12号; 2026 国办发明电〔2025〕7号.
 *
 * 2027 is PROVISIONAL: its notice was not available when this was written, so only the statutory
 * days off themselves (全体公民放假的假日, 《全国年节及纪念日放假办法》 as amended 2024) are listed,
 * with no 调休. Replace it with the published schedule (docs/supervision.md says how).
 */
export interface HolidayYear {
  readonly year: number;
  readonly provisional: boolean;
  readonly source: string;
  /** Days off (YYYY-MM-DD), including weekend days inside a holiday block. */
  readonly off: readonly string[];
  /** Saturdays and Sundays that are working days (调休上班). */
  readonly work: readonly string[];
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export const HOLIDAY_CALENDAR: readonly HolidayYear[] = [
  {
    year: 2025,
    provisional: false,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    off: [
      '2025-01-01',
      ...range('2025-01-28', '2025-02-04'), // 春节
      ...range('2025-04-04', '2025-04-06'), // 清明节
      ...range('2025-05-01', '2025-05-05'), // 劳动节
      ...range('2025-05-31', '2025-06-02'), // 端午节
      ...range('2025-10-01', '2025-10-08'), // 国庆节、中秋节
    ],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    provisional: false,
    source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）',
    off: [
      ...range('2026-01-01', '2026-01-03'), // 元旦
      ...range('2026-02-15', '2026-02-23'), // 春节
      ...range('2026-04-04', '2026-04-06'), // 清明节
      ...range('2026-05-01', '2026-05-05'), // 劳动节
      ...range('2026-06-19', '2026-06-21'), // 端午节
      ...range('2026-09-25', '2026-09-27'), // 中秋节
      ...range('2026-10-01', '2026-10-07'), // 国庆节
    ],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  {
    year: 2027,
    provisional: true,
    source: '暂定：仅列《全国年节及纪念日放假办法》规定的法定假日，待国务院办公厅2027年节假日安排通知发布后替换（含调休）',
    off: [
      '2027-01-01', // 元旦
      ...range('2027-02-05', '2027-02-08'), // 春节：除夕至正月初三
      '2027-04-05', // 清明节
      ...range('2027-05-01', '2027-05-02'), // 劳动节
      '2027-06-09', // 端午节
      '2027-09-15', // 中秋节
      ...range('2027-10-01', '2027-10-03'), // 国庆节
    ],
    work: [],
  },
];

const OFF = new Set(HOLIDAY_CALENDAR.flatMap((y) => y.off));
const WORK = new Set(HOLIDAY_CALENDAR.flatMap((y) => y.work));

/** The years the calendar covers; outside them only weekends are skipped. */
export const CALENDAR_YEARS = HOLIDAY_CALENDAR.map((y) => y.year);

/** Whether a day (YYYY-MM-DD) is a working day (工作日). */
export function isWorkingDay(day: string): boolean {
  if (WORK.has(day)) return true;
  if (OFF.has(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The day `n` working days after `day` (the day itself not counted): an objection filed on `day`
 * must be answered by the end of the returned day.
 */
export function addWorkingDays(day: string, n: number): string {
  let t = Date.parse(`${day}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    t += 86_400_000;
    if (isWorkingDay(new Date(t).toISOString().slice(0, 10))) left--;
  }
  return new Date(t).toISOString().slice(0, 10);
}
