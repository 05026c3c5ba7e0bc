/**
 * The pure parts of the region statistics (workflows/statistics): how a case log becomes reviews (correction
 * requests, deemed approvals, refiling after an objection), when an agreement is in force (amendments, rescission),
 * and the rounding and calendar helpers. The database side is test/engine/statistics.test.ts.
 */
import { describe, expect, it } from 'vitest'
import {
  daysSummary,
  inForceOn,
  lastDayOfMonth,
  monthsOf,
  percentOf,
  reviewCycles,
  round2,
  type TReviewEventFact,
} from '../../workflows/statistics/statistics.js'

const ev = (seq: number, e: Record<string, unknown>) => ({ caseId: 'c1', enterpriseId: 'e1', seq, ...e }) as TReviewEventFact

describe('reviewCycles', () => {
  it('decides a review by the first opinion after the receipt; an objection and its refiling are two filings (JHR 46)', () => {
    const cycles = reviewCycles(
      [
        ev(10, { type: 'filing.registered', receivedOn: '2026-06-30' }),
        ev(11, { type: 'review.objected', opinionDate: '2026-07-08' }),
        ev(17, { type: 'filing.registered', receivedOn: '2026-07-28' }),
        ev(18, { type: 'review.approved', opinionDate: '2026-08-05' }),
      ],
      [],
    )
    expect(cycles).toEqual([
      { caseId: 'c1', enterpriseId: 'e1', receivedOn: '2026-06-30', decision: { kind: 'objection', on: '2026-07-08' } },
      { caseId: 'c1', enterpriseId: 'e1', receivedOn: '2026-07-28', decision: { kind: 'noObjection', on: '2026-08-05' } },
    ])
  })

  it('counts the completed filing after a correction request, not the first registration', () => {
    const cycles = reviewCycles(
      [
        ev(5, { type: 'filing.registered', receivedOn: '2026-03-02' }),
        ev(6, { type: 'correction.requested' }),
        ev(8, { type: 'filing.registered', receivedOn: '2026-03-09' }),
      ],
      [{ caseId: 'c1', createdSeq: 8, lastDay: '2026-03-24', status: 'fired' }],
    )
    expect(cycles).toEqual([{ caseId: 'c1', enterpriseId: 'e1', receivedOn: '2026-03-09', decision: { kind: 'deemedApproval', on: '2026-03-24' } }])
  })

  it('takes a deemed approval from the fired review deadline of that registration only; an opinion comes first', () => {
    const events = [ev(5, { type: 'filing.registered', receivedOn: '2026-03-02' })]
    expect(reviewCycles(events, [{ caseId: 'c1', createdSeq: 5, lastDay: '2026-03-17', status: 'pending' }])[0]!.decision).toBeUndefined()
    expect(reviewCycles(events, [{ caseId: 'c1', createdSeq: 4, lastDay: '2026-03-17', status: 'fired' }])[0]!.decision).toBeUndefined()
    // A collective contract's no-objection opinion, after which the 15 days still run out (JHR 47).
    const withOpinion = reviewCycles(
      [...events, ev(6, { type: 'review.approved', opinionDate: '2026-03-10' })],
      [{ caseId: 'c1', createdSeq: 5, lastDay: '2026-03-17', status: 'fired' }],
    )
    expect(withOpinion[0]!.decision).toEqual({ kind: 'noObjection', on: '2026-03-10' })
  })

  it('keeps cases apart whatever the order of the rows', () => {
    const other = { caseId: 'c0', enterpriseId: 'e0', seq: 3, type: 'filing.registered', receivedOn: '2026-01-05' } as TReviewEventFact
    const cycles = reviewCycles([ev(5, { type: 'filing.registered', receivedOn: '2026-03-02' }), other], [])
    expect(cycles.map((c) => [c.caseId, c.receivedOn])).toEqual([
      ['c0', '2026-01-05'],
      ['c1', '2026-03-02'],
    ])
  })
})

describe('inForceOn', () => {
  const base = { caseId: 'c1', enterpriseId: 'e1' }
  it('is in force from the effective day to the last day of the term (JHR 38)', () => {
    const a = { ...base, versions: [{ version: 1, effectiveOn: '2026-07-10', expiresOn: '2027-06-30' }] }
    expect(inForceOn(a, '2026-07-09')).toBe(false)
    expect(inForceOn(a, '2026-07-10')).toBe(true)
    expect(inForceOn(a, '2027-06-30')).toBe(true)
    expect(inForceOn(a, '2027-07-01')).toBe(false)
  })
  it('an amendment replaces the earlier version from its effective day (JHR 39); a rescission ends it (JHR 40-41)', () => {
    const amended = {
      ...base,
      versions: [
        { version: 2, effectiveOn: '2027-01-15', expiresOn: '2027-12-31' },
        { version: 1, effectiveOn: '2026-07-10', expiresOn: '2027-06-30' },
      ],
    }
    expect(inForceOn(amended, '2027-09-01')).toBe(true)
    expect(inForceOn({ ...amended, endedOn: '2027-03-01' }, '2027-02-28')).toBe(true)
    expect(inForceOn({ ...amended, endedOn: '2027-03-01' }, '2027-03-01')).toBe(false)
  })
})

describe('helpers', () => {
  it('rounds half away from zero on the decimal value', () => {
    expect(round2(8.165)).toBe(8.17)
    expect(round2(1.005)).toBe(1.01)
    expect(round2(2.004999)).toBe(2)
    expect(round2(-1.005)).toBe(-1.01)
    expect(percentOf(1, 3)).toBe(33.33)
    expect(percentOf(2, 3)).toBe(66.67)
    expect(percentOf(1, 0)).toBeNull()
  })
  it('summarises review days: median of an even count is the mean of the middle two', () => {
    expect(daysSummary([])).toBeNull()
    expect(daysSummary([15, 3, 10, 4])).toEqual({ median: 7, mean: 8, max: 15 })
    expect(daysSummary([1, 2, 2])).toEqual({ median: 2, mean: 1.67, max: 2 })
  })
  it('lists months and their last days across a year end and a leap February', () => {
    expect(monthsOf('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    expect(monthsOf('2026-03', '2026-03')).toEqual(['2026-03'])
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29')
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31')
  })
})
