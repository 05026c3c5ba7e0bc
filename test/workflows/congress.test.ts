import { describe, expect, it } from 'vitest'
import { congressRuleOf, decideVote, hasPassed, isQuorate, type TCongressRule } from '../../workflows/congress/rules.js'
import { rulePacks } from '../../workflows/rules/jurisdictions/index.js'

const inclusive: TCongressRule = {
  quorum: 'twoThirds',
  threshold: 'atLeastHalf',
  quorumArticle: 'JHR 36',
  thresholdArticle: 'JHR 36; CC 1259',
}
const strict: TCongressRule = { ...inclusive, threshold: 'moreThanHalf', thresholdArticle: 'Zhejiang 24' }
const noQuorum: TCongressRule = { ...inclusive, quorum: 'none', quorumArticle: 'TEST' }

describe('quorum (JHR 36: 三分之二以上 present, counted against all seats)', () => {
  it('JHR 36: exactly 2/3 present is quorate', () => {
    const r = isQuorate({ present: 2, totalSeats: 3 }, inclusive)
    expect(r.ok).toBe(true)
    expect(r.required).toBe(2)
    expect(r.article).toBe('JHR 36')
  })

  it('JHR 36: 40 of 60 present is quorate, 39 is not', () => {
    expect(isQuorate({ present: 40, totalSeats: 60 }, inclusive).ok).toBe(true)
    const short = isQuorate({ present: 39, totalSeats: 60 }, inclusive)
    expect(short.ok).toBe(false)
    expect(short.required).toBe(40)
    expect(short.explanation.zh).toContain('不足法定人数')
    expect(short.explanation.en).toContain('not quorate')
  })

  it('JHR 36: 2/3 of a seat count not divisible by 3 rounds up (67 of 100 is quorate, 66 is not)', () => {
    expect(isQuorate({ present: 67, totalSeats: 100 }, inclusive).ok).toBe(true)
    expect(isQuorate({ present: 66, totalSeats: 100 }, inclusive).ok).toBe(false)
  })

  it('a rule without a quorum accepts any attendance and says so', () => {
    const r = isQuorate({ present: 1, totalSeats: 60 }, noQuorum)
    expect(r.ok).toBe(true)
    expect(r.explanation.en).toContain('sets no quorum')
  })

  it('rejects impossible counts', () => {
    expect(() => isQuorate({ present: 61, totalSeats: 60 }, inclusive)).toThrow(RangeError)
    expect(() => isQuorate({ present: 1.5, totalSeats: 60 }, inclusive)).toThrow(RangeError)
    expect(() => isQuorate({ present: 0, totalSeats: 0 }, inclusive)).toThrow(RangeError)
  })
})

describe('threshold (JHR 36: half of ALL representatives; 半数以上 inclusive vs 过半数 strict)', () => {
  it('CC 1259: 30 yes of 60 passes under atLeastHalf and fails under moreThanHalf', () => {
    expect(hasPassed({ yes: 30, totalSeats: 60 }, inclusive).ok).toBe(true)
    expect(hasPassed({ yes: 30, totalSeats: 60 }, strict).ok).toBe(false)
    expect(hasPassed({ yes: 31, totalSeats: 60 }, strict).ok).toBe(true)
  })

  it('JHR 36: the threshold counts all seats, not those present (30 of 45 present but 60 seats fails strictly)', () => {
    const d = decideVote({ totalSeats: 60, present: 45, yes: 30, no: 15, abstain: 0 }, strict)
    expect(d.quorate).toBe(true)
    expect(d.passed).toBe(false)
    expect(d.checks[1]!.required).toBe(31)
  })

  it('odd seat counts: 31 of 61 passes both readings, 30 of 61 fails both', () => {
    expect(hasPassed({ yes: 31, totalSeats: 61 }, inclusive).ok).toBe(true)
    expect(hasPassed({ yes: 31, totalSeats: 61 }, strict).ok).toBe(true)
    expect(hasPassed({ yes: 30, totalSeats: 61 }, inclusive).ok).toBe(false)
    expect(hasPassed({ yes: 30, totalSeats: 61 }, strict).ok).toBe(false)
  })

  it('explanations name the article and the numbers', () => {
    const r = hasPassed({ yes: 30, totalSeats: 60 }, strict)
    expect(r.article).toBe('Zhejiang 24')
    expect(r.explanation.zh).toContain('过半数')
    expect(r.explanation.zh).toContain('至少31票')
    expect(r.explanation.en).toContain('not passed')
  })
})

describe('decideVote', () => {
  it('JHR 36: enough yes votes at a sitting without quorum do not pass', () => {
    const d = decideVote({ totalSeats: 60, present: 39, yes: 39, no: 0, abstain: 0 }, inclusive)
    expect(d.quorate).toBe(false)
    expect(d.passed).toBe(false)
  })

  it('refuses more ballots than people present', () => {
    expect(() => decideVote({ totalSeats: 60, present: 40, yes: 30, no: 10, abstain: 1 }, inclusive)).toThrow(/exceeds present/)
  })

  it('every rule pack yields a congress rule with both articles', () => {
    for (const pack of Object.values(rulePacks)) {
      const rule = congressRuleOf(pack)
      expect(rule.quorumArticle.length).toBeGreaterThan(0)
      expect(rule.thresholdArticle.length).toBeGreaterThan(0)
    }
    expect(congressRuleOf(rulePacks['zhejiang']!).threshold).toBe('moreThanHalf')
    expect(congressRuleOf(rulePacks['shandong']!).threshold).toBe('moreThanHalf')
    expect(congressRuleOf(rulePacks['hangzhou']!).threshold).toBe('moreThanHalf')
    expect(congressRuleOf(rulePacks['national']!).threshold).toBe('atLeastHalf')
    expect(congressRuleOf(rulePacks['chongqing']!).threshold).toBe('atLeastHalf')
  })
})
