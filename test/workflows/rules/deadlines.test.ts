import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TPeriodRule } from '../../../workflows/effects.js'
import { addDays, diffDays } from '../../../workflows/rules/calendar/dates.js'
import { buildCalendar, shippedCalendars } from '../../../workflows/rules/calendar/index.js'
import type { TCalendarYear } from '../../../workflows/rules/calendar/types.js'
import { computeDeadline, type TDeadlineInput } from '../../../workflows/rules/deadlines.js'

const TZ = 'Asia/Shanghai'
const days = (length: number, article = 'TEST'): TPeriodRule => ({ length, unit: 'calendarDays', article })
const workingDays = (length: number, article = 'TEST'): TPeriodRule => ({ length, unit: 'workingDays', article })
const months = (length: number, article = 'TEST'): TPeriodRule => ({ length, unit: 'months', article })
const run = (from: string, period: TPeriodRule, extra: Partial<TDeadlineInput> = {}) =>
  computeDeadline({ from, period, timeZone: TZ, calendars: shippedCalendars, ...extra })

describe('calendar days', () => {
  it('JHR 32: 20 days from receipt on 2026-06-04 end on 2026-06-24 at 24:00 Asia/Shanghai = 2026-06-24T16:00:00.000Z', () => {
    const d = run('2026-06-04', days(20, 'JHR 32; GZ 17'))
    expect(d.lastDay).toBe('2026-06-24')
    expect(d.dueAt).toBe('2026-06-24T16:00:00.000Z')
    expect(d.provisional).toBe(false)
    expect(d.provisionalYears).toEqual([])
    expect(d.explanation.plainLastDay).toBe('2026-06-24')
    expect(d.explanation.extendedBecause).toBeUndefined()
    expect(d.explanation.text.zh.startsWith('依据 JHR 32；GZ 17，自2026年6月4日（当日不计入）起20日，期满日2026年6月24日。')).toBe(
      true,
    )
    expect(d.explanation.text.en).toContain('20 days from 4 June 2026 (the start day not counted, CC 201) ends on 24 June 2026')
  })

  it('CC 201: the start day is not counted (1 day from Monday 2026-03-02 ends on Tuesday 2026-03-03)', () => {
    const d = run('2026-03-02', days(1))
    expect(d.lastDay).toBe('2026-03-03')
    expect(d.dueAt).toBe('2026-03-03T16:00:00.000Z')
  })

  it('CC 203: a period ending on Saturday 2026-03-07 ends on Monday 2026-03-09', () => {
    const d = run('2026-02-25', days(10))
    expect(d.explanation.plainLastDay).toBe('2026-03-07')
    expect(d.lastDay).toBe('2026-03-09')
    expect(d.explanation.extendedBecause).toEqual([
      { date: '2026-03-07', reason: 'weekend' },
      { date: '2026-03-08', reason: 'weekend' },
    ])
    expect(d.explanation.text.zh).toContain('2026年3月7日至2026年3月8日（周末）为休息日，依民法典第二百零三条，期满日顺延至2026年3月9日。')
  })

  it('CC 203: a period ending on 2025-10-01 ends on 2025-10-09', () => {
    const d = run('2025-09-11', days(20))
    expect(d.explanation.plainLastDay).toBe('2025-10-01')
    expect(d.lastDay).toBe('2025-10-09')
    expect(d.dueAt).toBe('2025-10-09T16:00:00.000Z')
    const ext = d.explanation.extendedBecause ?? []
    expect(ext.map((e) => e.date)).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ])
    // The weekend days inside the block are holidays of the notice, not plain weekends.
    expect(ext.every((e) => e.reason === 'holiday')).toBe(true)
    expect(ext[0]?.holidayName).toEqual({ zh: '国庆节、中秋节', en: 'National Day and Mid-Autumn Festival' })
    expect(d.explanation.text.zh).toContain('2025年10月1日至2025年10月8日（国庆节、中秋节）为休息日')
    expect(d.explanation.text.en).toContain('under CC 203 the period ends on the next working day, 9 October 2025')
  })

  it('CC 203: a period ending in 春节 2025 (2025-02-01) ends on Wednesday 2025-02-05', () => {
    const d = run('2025-01-22', days(10))
    expect(d.explanation.plainLastDay).toBe('2025-02-01')
    expect(d.lastDay).toBe('2025-02-05')
  })

  it('CC 203: a period ending on 元旦 2026 ends on the 调休 Sunday 2026-01-04, which is a working day', () => {
    const d = run('2025-12-22', days(10))
    expect(d.explanation.plainLastDay).toBe('2026-01-01')
    expect(d.lastDay).toBe('2026-01-04')
    expect(d.explanation.extendedBecause?.map((e) => e.date)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03'])
  })

  it('CC 203 does not extend a period ending on a 调休 Saturday (2026-02-14)', () => {
    const d = run('2026-02-04', days(10))
    expect(d.lastDay).toBe('2026-02-14')
    expect(d.explanation.extendedBecause).toBeUndefined()
  })

  it('endOfDay false: the deadline is 00:00 local of the last day', () => {
    const d = run('2026-06-04', days(20), { endOfDay: false })
    expect(d.lastDay).toBe('2026-06-24')
    expect(d.dueAt).toBe('2026-06-23T16:00:00.000Z')
    expect(d.explanation.text.zh).toContain('时点为2026年6月24日0时（Asia/Shanghai）')
  })

  it('the due instant follows the jurisdiction time zone (24:00 on 2026-06-24 in Europe/Berlin is 22:00Z)', () => {
    const d = run('2026-06-04', days(20), { timeZone: 'Europe/Berlin' })
    expect(d.dueAt).toBe('2026-06-24T22:00:00.000Z')
  })
})

describe('working days', () => {
  it('working days skip 春节 2026 and count the 调休 Saturday', () => {
    // From Thursday 2026-02-12: Fri 2/13 (1), Sat 2/14 调休 (2), 2/15–2/23 春节 skipped, 2/24 (3), 2/25 (4), 2/26 (5).
    const d = run('2026-02-12', workingDays(5))
    expect(d.lastDay).toBe('2026-02-26')
    expect(d.explanation.adjustedWorkingDaysCounted).toEqual(['2026-02-14'])
    expect(d.explanation.skipped).toEqual(
      [
        '2026-02-15',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-02-21',
        '2026-02-22',
        '2026-02-23',
      ].map((date) => ({ date, reason: 'holiday' })),
    )
    expect(d.explanation.text.zh).toContain('计算中跳过非工作日9天：法定节假日9天（春节）。调休上班日2026年2月14日按工作日计算。')
  })

  it('10 working days from 2025-09-26 over 国庆节 2025 end on 2025-10-16, counting both 调休 days', () => {
    const d = run('2025-09-26', workingDays(10))
    expect(d.lastDay).toBe('2025-10-16')
    expect(d.explanation.adjustedWorkingDaysCounted).toEqual(['2025-09-28', '2025-10-11'])
    expect(d.explanation.skipped.filter((s) => s.reason === 'weekend').map((s) => s.date)).toEqual([
      '2025-09-27',
      '2025-10-12',
    ])
    expect(d.explanation.skipped.filter((s) => s.reason === 'holiday')).toHaveLength(8)
  })

  it('working days on ordinary weeks skip only the weekend (5 working days from Friday 2026-03-06 end Friday 2026-03-13)', () => {
    const d = run('2026-03-06', workingDays(5))
    expect(d.lastDay).toBe('2026-03-13')
    expect(d.explanation.skipped).toEqual([
      { date: '2026-03-07', reason: 'weekend' },
      { date: '2026-03-08', reason: 'weekend' },
    ])
  })
})

describe('months', () => {
  it('CC 202: one month from 2026-01-31 ends 2026-02-28', () => {
    // 2026-02-28 is a Saturday but a 调休 working day, so CC 203 does not move it.
    const d = run('2026-01-31', months(1))
    expect(d.explanation.plainLastDay).toBe('2026-02-28')
    expect(d.lastDay).toBe('2026-02-28')
    expect(d.explanation.text.zh).toContain('该月没有第31日，依民法典第二百零二条以该月最后一日为准。')
  })

  it('CC 202 then CC 203: one month from 2026-04-01 lands on 劳动节 (2026-05-01) and ends on 2026-05-06', () => {
    const d = run('2026-04-01', months(1))
    expect(d.explanation.plainLastDay).toBe('2026-05-01')
    expect(d.lastDay).toBe('2026-05-06')
  })

  it('CC 202: one month from 2028-01-31 ends on the leap day 2028-02-29 (provisional: 2028 not loaded)', () => {
    const d = run('2028-01-31', months(1))
    expect(d.lastDay).toBe('2028-02-29')
    expect(d.provisionalYears).toEqual([2028])
  })
})

describe('years without an official calendar', () => {
  it('a 2027 deadline is provisional and names the year', () => {
    const d = run('2026-12-20', days(20))
    expect(d.explanation.plainLastDay).toBe('2027-01-09') // a Saturday
    expect(d.lastDay).toBe('2027-01-11')
    expect(d.provisional).toBe(true)
    expect(d.provisionalYears).toEqual([2027])
    expect(d.explanation.text.zh).toContain('2027年官方节假日安排尚未载入，按普通周末计算，结果为暂定。')
    expect(d.explanation.text.en).toContain(
      'The official holiday calendar for 2027 has not been loaded; only Saturdays and Sundays were treated as rest days, so the result is provisional.',
    )
  })

  it('a missing year is not guessed: 2027-01-01 counts as a working day', () => {
    // From Wednesday 2026-12-30: Thu 12/31 (1), Fri 2027-01-01 (2, no official data), Mon 2027-01-04 (3).
    const d = run('2026-12-30', workingDays(3))
    expect(d.lastDay).toBe('2027-01-04')
    expect(d.provisionalYears).toEqual([2027])
  })

  it('a deadline wholly inside loaded years is not provisional even if it starts counting near the year end', () => {
    const d = run('2026-12-01', days(20))
    expect(d.lastDay).toBe('2026-12-21')
    expect(d.provisional).toBe(false)
  })

  it('loading the year removes the provisional mark', () => {
    const fixture2027: TCalendarYear = {
      // A test fixture, not official data.
      year: 2027,
      source: { issuer: '国务院办公厅', title: 'fixture', documentNo: 'fixture', issuedOn: '2026-11-01' },
      holidays: [{ date: '2027-01-11', name: { zh: '测试假日', en: 'Test holiday' } }],
      adjustedWorkingDays: [],
    }
    const d = run('2026-12-20', days(20), { calendars: [...shippedCalendars, fixture2027] })
    expect(d.provisional).toBe(false)
    expect(d.lastDay).toBe('2027-01-12')
  })
})

describe('counting backwards (before)', () => {
  it('JHR 38: a window 60 days before expiry on 2026-12-31 opens on Sunday 2026-11-01, not moved to a working day', () => {
    const d = run('2026-12-31', days(60, 'GZ 24'), { before: true, endOfDay: false })
    expect(d.lastDay).toBe('2026-11-01')
    expect(d.dueAt).toBe('2026-10-31T16:00:00.000Z')
    expect(d.explanation.extendedBecause).toBeUndefined()
    expect(d.explanation.text.zh).toContain('向前计算不适用民法典第二百零三条顺延，仍以该日为准')
    expect(d.explanation.text.en).toContain('CC 203 extension does not apply when counting backwards')
  })

  it('JHR 38: 3 months before 2026-05-31 is 2026-02-28 (CC 202 backwards)', () => {
    const d = run('2026-05-31', months(3, 'JHR 38'), { before: true, endOfDay: false })
    expect(d.lastDay).toBe('2026-02-28')
  })

  it('a backwards date inside a holiday block stays put (10 days before 2026-10-12 is 2026-10-02)', () => {
    const d = run('2026-10-12', days(10), { before: true })
    expect(d.lastDay).toBe('2026-10-02')
    expect(d.explanation.text.zh).toContain('该日为休息日（国庆节）')
  })

  it('working days backwards skip 春节 2026 and count the 调休 Saturday (3 working days before 2026-02-25 is 2026-02-13)', () => {
    // Tue 2/24 (1), 2/23–2/15 春节 skipped, Sat 2/14 调休 (2), Fri 2/13 (3).
    const d = run('2026-02-25', workingDays(3), { before: true })
    expect(d.lastDay).toBe('2026-02-13')
    expect(d.explanation.adjustedWorkingDaysCounted).toEqual(['2026-02-14'])
  })
})

describe('malformed input', () => {
  it('a bad date string is an error', () => {
    expect(() => run('2026-6-4', days(20))).toThrow(/from: Invalid date "2026-6-4"/)
    expect(() => run('2026-02-30', days(20))).toThrow(/from: Invalid date "2026-02-30"/)
  })

  it('a non-positive or fractional length is an error', () => {
    expect(() => run('2026-06-04', days(0))).toThrow(/invalid period .*positive whole number/)
    expect(() => run('2026-06-04', days(-5))).toThrow(/invalid period/)
    expect(() => run('2026-06-04', days(1.5))).toThrow(/invalid period/)
    expect(() => run('2026-06-04', { length: 5, unit: 'weeks', article: 'X' } as unknown as TPeriodRule)).toThrow(
      /invalid period/,
    )
  })

  it('an unknown time zone is an error', () => {
    expect(() => run('2026-06-04', days(20), { timeZone: 'Asia/Shangai' })).toThrow(/timeZone: Unknown time zone/)
  })

  it('an implausibly long period is an error rather than a long loop', () => {
    expect(() => run('2026-06-04', workingDays(10_000_000))).toThrow(/implausibly long/)
  })
})

describe('properties over the shipped years', () => {
  const cal = buildCalendar(shippedCalendars)
  const dayIn2025 = fc.integer({ min: 0, max: 364 }).map((n) => addDays('2025-01-01', n))

  it('calendar days: the plain last day is exactly `length` days on, and the last day is the first working day from there', () => {
    fc.assert(
      fc.property(dayIn2025, fc.integer({ min: 1, max: 200 }), (from, length) => {
        const d = run(from, days(length))
        expect(diffDays(from, d.explanation.plainLastDay)).toBe(length)
        expect(cal.isWorkingDay(d.lastDay)).toBe(true)
        for (let x = d.explanation.plainLastDay; x !== d.lastDay; x = addDays(x, 1)) expect(cal.isRestDay(x)).toBe(true)
      }),
    )
  })

  it('working days: exactly `length` working days lie after `from` up to and including the last day', () => {
    fc.assert(
      fc.property(dayIn2025, fc.integer({ min: 1, max: 60 }), (from, length) => {
        const d = run(from, workingDays(length))
        let count = 0
        for (let x = addDays(from, 1); x <= d.lastDay; x = addDays(x, 1)) if (cal.isWorkingDay(x)) count++
        expect(count).toBe(length)
        expect(cal.isWorkingDay(d.lastDay)).toBe(true)
        expect(d.explanation.skipped.length + length).toBe(diffDays(from, d.lastDay))
      }),
    )
  })
})
