import { afterEach, describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  compareDates,
  diffDays,
  formatDateEn,
  formatDateZh,
  isValidDate,
  localDayStartUtc,
  parseDate,
  toLocalDate,
  weekday,
} from '../../../workflows/rules/calendar/dates.js'
import { buildCalendar, shippedCalendars, validateCalendarYear } from '../../../workflows/rules/calendar/index.js'
import { calendar2025 } from '../../../workflows/rules/calendar/2025.js'
import { calendar2026 } from '../../../workflows/rules/calendar/2026.js'
import type { TCalendarYear } from '../../../workflows/rules/calendar/types.js'

/** Every date from `first` to `last` inclusive, written out independently of the code under test. */
function span(first: string, last: string): string[] {
  const out: string[] = []
  const [y, m, d] = first.split('-').map(Number) as [number, number, number]
  for (let t = Date.UTC(y, m - 1, d); ; t += 86_400_000) {
    const s = new Date(t).toISOString().slice(0, 10)
    out.push(s)
    if (s === last) return out
    if (out.length > 40) throw new Error('span too long')
  }
}

describe('official calendars as published', () => {
  it('2025 (国办发明电〔2024〕12号): the holidays are exactly the six 放假 blocks of the notice', () => {
    const expected = [
      ...span('2025-01-01', '2025-01-01'), // 元旦 1天
      ...span('2025-01-28', '2025-02-04'), // 春节 8天
      ...span('2025-04-04', '2025-04-06'), // 清明节 3天
      ...span('2025-05-01', '2025-05-05'), // 劳动节 5天
      ...span('2025-05-31', '2025-06-02'), // 端午节 3天
      ...span('2025-10-01', '2025-10-08'), // 国庆节、中秋节 8天
    ]
    expect(expected).toHaveLength(28)
    expect(calendar2025.holidays.map((h) => h.date)).toEqual(expected)
  })

  it('2025 (国办发明电〔2024〕12号): the 调休 working days are 1/26, 2/8, 4/27, 9/28, 10/11', () => {
    expect(calendar2025.adjustedWorkingDays.map((d) => d.date)).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ])
    expect(calendar2025.source.documentNo).toBe('国办发明电〔2024〕12号')
    expect(calendar2025.source.issuedOn).toBe('2024-11-12')
  })

  it('2026 (国办发明电〔2025〕7号): the holidays are exactly the seven 放假 blocks of the notice', () => {
    const expected = [
      ...span('2026-01-01', '2026-01-03'), // 元旦 3天
      ...span('2026-02-15', '2026-02-23'), // 春节 9天
      ...span('2026-04-04', '2026-04-06'), // 清明节 3天
      ...span('2026-05-01', '2026-05-05'), // 劳动节 5天
      ...span('2026-06-19', '2026-06-21'), // 端午节 3天
      ...span('2026-09-25', '2026-09-27'), // 中秋节 3天
      ...span('2026-10-01', '2026-10-07'), // 国庆节 7天
    ]
    expect(expected).toHaveLength(33)
    expect(calendar2026.holidays.map((h) => h.date)).toEqual(expected)
  })

  it('2026 (国办发明电〔2025〕7号): the 调休 working days are 1/4, 2/14, 2/28, 5/9, 9/20, 10/10', () => {
    expect(calendar2026.adjustedWorkingDays.map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ])
    expect(calendar2026.source.documentNo).toBe('国办发明电〔2025〕7号')
    expect(calendar2026.source.issuedOn).toBe('2025-11-04')
  })

  it('the weekdays printed in the notices match the dates (e.g. 2026-02-15 is 周日, 2025-10-11 is 周六)', () => {
    expect(weekday('2025-01-28')).toBe(2) // 周二
    expect(weekday('2025-10-11')).toBe(6) // 周六
    expect(weekday('2026-01-04')).toBe(0) // 周日
    expect(weekday('2026-02-15')).toBe(0) // 周日
    expect(weekday('2026-02-23')).toBe(1) // 周一
    expect(weekday('2026-10-07')).toBe(3) // 周三
  })

  it('both shipped years pass the upload schema', () => {
    for (const cal of shippedCalendars) expect(validateCalendarYear(cal)).toEqual({ ok: true, calendar: cal })
    expect(shippedCalendars.map((c) => c.year)).toEqual([2025, 2026])
  })
})

describe('buildCalendar', () => {
  const cal = buildCalendar(shippedCalendars)

  it('a 调休 Saturday (2026-02-14) is a working day, not a rest day', () => {
    expect(cal.isAdjustedWorkingDay('2026-02-14')).toBe(true)
    expect(cal.isWorkingDay('2026-02-14')).toBe(true)
    expect(cal.isRestDay('2026-02-14')).toBe(false)
  })

  it('a holiday that falls on a weekday (2026-10-05, Monday) is a rest day named 国庆节', () => {
    expect(cal.isHoliday('2026-10-05')).toBe(true)
    expect(cal.isRestDay('2026-10-05')).toBe(true)
    expect(cal.isWorkingDay('2026-10-05')).toBe(false)
    expect(cal.holidayName('2026-10-05')).toEqual({ zh: '国庆节', en: 'National Day' })
  })

  it('an ordinary Saturday (2026-03-07) is a rest day but not a holiday; an ordinary Thursday is a working day', () => {
    expect(cal.isHoliday('2026-03-07')).toBe(false)
    expect(cal.isRestDay('2026-03-07')).toBe(true)
    expect(cal.isWorkingDay('2026-10-08')).toBe(true)
    expect(cal.isRestDay('2026-10-08')).toBe(false)
  })

  it('a year without data is not guessed: 2027-01-01 (a Friday) counts as a working day and hasYear(2027) is false', () => {
    expect(cal.hasYear(2026)).toBe(true)
    expect(cal.hasYear(2027)).toBe(false)
    expect(cal.isHoliday('2027-01-01')).toBe(false)
    expect(cal.isWorkingDay('2027-01-01')).toBe(true)
    expect(cal.isRestDay('2027-01-02')).toBe(true)
    expect(cal.dayKind('2027-01-01')).toEqual({ kind: 'workingDay', official: false })
  })

  it('the last copy of a year wins, so an uploaded correction replaces the shipped year', () => {
    const corrected: TCalendarYear = {
      ...calendar2026,
      holidays: calendar2026.holidays.filter((h) => h.date !== '2026-10-07'),
      adjustedWorkingDays: calendar2026.adjustedWorkingDays,
    }
    const c = buildCalendar([...shippedCalendars, corrected])
    expect(c.isHoliday('2026-10-07')).toBe(false)
    expect(c.isHoliday('2026-10-06')).toBe(true)
  })

  it('a malformed date is an error, not a silent false', () => {
    expect(() => cal.isHoliday('2026-2-14')).toThrow(/Invalid date "2026-2-14"/)
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(/YYYY-MM-DD/)
  })

  it('a malformed calendar year is rejected when building', () => {
    const bad = { ...calendar2026, adjustedWorkingDays: [{ date: '2026-10-08', name: { zh: 'x', en: 'x' } }] }
    expect(() => buildCalendar([bad])).toThrow(/calendar year 2026.*2026-10-08 is a weekday/)
  })
})

describe('uploading a new year: schema validation errors', () => {
  /** A test fixture shaped like a 2027 upload. The dates are invented for the test, not official. */
  const upload = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    year: 2027,
    source: {
      issuer: '国务院办公厅',
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      documentNo: '国办发明电〔2026〕X号',
      issuedOn: '2026-11-01',
    },
    holidays: [
      { date: '2027-01-01', name: { zh: '元旦', en: "New Year's Day" } },
      { date: '2027-01-02', name: { zh: '元旦', en: "New Year's Day" } },
    ],
    adjustedWorkingDays: [{ date: '2027-01-09', name: { zh: '元旦调休上班', en: 'Working day' } }],
    ...over,
  })
  const issues = (input: unknown) => {
    const r = validateCalendarYear(input)
    if (r.ok) throw new Error('expected validation to fail')
    return r.issues
  }

  it('a well-formed upload is accepted', () => {
    expect(validateCalendarYear(upload()).ok).toBe(true)
  })

  it('a date outside the year is rejected with its path', () => {
    const r = issues(upload({ holidays: [{ date: '2026-12-31', name: { zh: '元旦', en: "New Year's Day" } }] }))
    expect(r).toEqual([{ path: 'holidays[0].date', message: expect.stringContaining('2026-12-31 is not in 2027') }])
  })

  it('an impossible date (2027-02-30) and a badly written one (2027-1-1) are rejected', () => {
    const r = issues(
      upload({
        holidays: [
          { date: '2027-02-30', name: { zh: '春节', en: 'Spring Festival' } },
          { date: '2027-1-1', name: { zh: '元旦', en: "New Year's Day" } },
        ],
      }),
    )
    expect(r.map((i) => i.path)).toEqual(['holidays[0].date', 'holidays[1].date'])
    expect(r[0]?.message).toMatch(/"2027-02-30" is not a valid date: expected .*YYYY-MM-DD/)
  })

  it('a date listed twice is rejected', () => {
    const h = { date: '2027-01-01', name: { zh: '元旦', en: "New Year's Day" } }
    const r = issues(upload({ holidays: [h, h] }))
    expect(r).toEqual([{ path: 'holidays[1].date', message: expect.stringContaining('2027-01-01 is listed twice') }])
  })

  it('a date in both lists is rejected', () => {
    const r = issues(upload({ adjustedWorkingDays: [{ date: '2027-01-02', name: { zh: 'x', en: 'x' } }] }))
    expect(r).toEqual([
      {
        path: 'adjustedWorkingDays[0].date',
        message: expect.stringContaining('listed both as a holiday (holidays[1]) and as an adjusted working day'),
      },
    ])
  })

  it('an adjusted working day on a weekday (2027-01-05, Tuesday) is rejected', () => {
    const r = issues(upload({ adjustedWorkingDays: [{ date: '2027-01-05', name: { zh: 'x', en: 'x' } }] }))
    expect(r).toEqual([
      { path: 'adjustedWorkingDays[0].date', message: expect.stringContaining('2027-01-05 is a weekday') },
    ])
  })

  it('a missing document number, an empty English name and a misspelt key are each reported', () => {
    const base = upload()
    const r = issues({
      ...base,
      source: { issuer: '国务院办公厅', title: 't', issuedOn: '2026-11-01' },
      holidays: [{ date: '2027-01-01', name: { zh: '元旦', en: ' ' } }],
      adjustedWorkdays: [],
    })
    const byPath = Object.fromEntries(r.map((i) => [i.path, i.message]))
    expect(byPath['source.documentNo']).toMatch(/source\.documentNo is required/)
    expect(byPath['holidays[0].name.en']).toMatch(/English name \(en\) must not be empty/)
    expect(byPath['(root)']).toMatch(/adjustedWorkdays/)
  })

  it('a year that is not a four-digit whole number is rejected', () => {
    expect(issues(upload({ year: '2027' }))[0]).toEqual({ path: 'year', message: expect.stringMatching(/number/) })
    expect(issues(upload({ year: 2027.5 }))[0]?.path).toBe('year')
  })
})

describe('local-date helpers', () => {
  it('formatDateZh writes 2026-06-24 as 2026年6月24日, without leading zeros', () => {
    expect(formatDateZh('2026-06-24')).toBe('2026年6月24日')
    expect(formatDateZh('2026-01-05')).toBe('2026年1月5日')
  })

  it('formatDateEn writes 2026-06-24 as 24 June 2026', () => {
    expect(formatDateEn('2026-06-24')).toBe('24 June 2026')
    expect(formatDateEn('2025-01-01')).toBe('1 January 2025')
  })

  it('parseDate accepts only real dates written YYYY-MM-DD', () => {
    expect(parseDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 })
    expect(isValidDate('2025-02-29')).toBe(false)
    expect(isValidDate('2026-13-01')).toBe(false)
    expect(isValidDate('2026-06-24T00:00:00Z')).toBe(false)
    expect(() => parseDate('24/06/2026')).toThrow(/Invalid date "24\/06\/2026"/)
  })

  it('addDays crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2026-06-04', 20)).toBe('2026-06-24')
  })

  it('CC 202: addMonths uses the last day of the month when the day does not exist', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2026-05-15', 12)).toBe('2027-05-15')
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15')
  })

  it('weekday, compareDates and diffDays', () => {
    expect(weekday('1970-01-01')).toBe(4)
    expect(weekday('1969-12-31')).toBe(3)
    expect(weekday('2026-06-24')).toBe(3)
    expect(compareDates('2026-06-24', '2026-06-25')).toBe(-1)
    expect(compareDates('2026-06-25', '2026-06-25')).toBe(0)
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1)
    expect(diffDays('2026-06-04', '2026-06-24')).toBe(20)
    expect(diffDays('2026-12-31', '2026-11-01')).toBe(-60)
  })
})

describe('time zones', () => {
  const savedTz = process.env.TZ
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ
    else process.env.TZ = savedTz
  })

  it('00:00 on 2026-06-25 in Asia/Shanghai is 2026-06-24T16:00:00.000Z', () => {
    expect(localDayStartUtc('2026-06-25', 'Asia/Shanghai')).toBe('2026-06-24T16:00:00.000Z')
  })

  it('half-hour zones and daylight saving: Asia/Kolkata, America/New_York on both change days', () => {
    expect(localDayStartUtc('2026-06-25', 'Asia/Kolkata')).toBe('2026-06-24T18:30:00.000Z')
    expect(localDayStartUtc('2026-03-08', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z')
    expect(localDayStartUtc('2026-03-09', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z')
    expect(localDayStartUtc('2026-11-01', 'America/New_York')).toBe('2026-11-01T04:00:00.000Z')
    expect(localDayStartUtc('2026-11-02', 'America/New_York')).toBe('2026-11-02T05:00:00.000Z')
  })

  it('a day whose midnight was skipped by daylight saving starts at its first instant (São Paulo, 2018-11-04 01:00)', () => {
    expect(localDayStartUtc('2018-11-04', 'America/Sao_Paulo')).toBe('2018-11-04T03:00:00.000Z')
  })

  it('toLocalDate: the last millisecond of 2026-06-24 and the first of 2026-06-25 in Asia/Shanghai', () => {
    expect(toLocalDate('2026-06-24T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-06-24')
    expect(toLocalDate('2026-06-24T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-06-25')
    expect(toLocalDate('2026-06-24T23:30:00+08:00', 'Asia/Shanghai')).toBe('2026-06-24')
    expect(toLocalDate('2026-06-24T23:30:00+08:00', 'UTC')).toBe('2026-06-24')
    expect(toLocalDate('2026-06-25T01:00:00+08:00', 'Europe/London')).toBe('2026-06-24')
  })

  it('an instant without an offset, or an unknown zone, is an error', () => {
    expect(() => toLocalDate('2026-06-24T16:00:00', 'Asia/Shanghai')).toThrow(/'Z' or an offset/)
    expect(() => toLocalDate('2026-06-24T16:00:00Z', 'Asia/Shangai')).toThrow(/Unknown time zone "Asia\/Shangai"/)
    expect(() => localDayStartUtc('2026-06-24', 'Mars/Olympus')).toThrow(/Unknown time zone/)
  })

  it("results do not depend on the machine's own time zone", () => {
    process.env.TZ = 'America/Los_Angeles'
    expect(localDayStartUtc('2026-06-25', 'Asia/Shanghai')).toBe('2026-06-24T16:00:00.000Z')
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09')
    expect(weekday('2026-03-08')).toBe(0)
    process.env.TZ = 'Pacific/Kiritimati'
    expect(toLocalDate('2026-06-24T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-06-25')
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
  })
})
