import { describe, expect, it } from 'vitest'
import { ZPeriodRuleSchema, type TPeriodRule } from '../../../workflows/effects.js'
import { getRulePack, resolveRulePack, rulePacks } from '../../../workflows/rules/jurisdictions/index.js'
import { ZRulePackSchema, type TRulePack } from '../../../workflows/rules/jurisdictions/types.js'

const ids = ['national', 'beijing', 'shanghai', 'zhejiang', 'chongqing', 'shandong', 'henan', 'hangzhou', 'ningbo']
const p = (id: string): TRulePack => getRulePack(id)!
const short = (r: TPeriodRule | null) => (r ? `${r.length} ${r.unit}` : null)

/** Every `article` string in a pack, with its path. */
function articles(value: unknown, path = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object') return []
  const out: [string, unknown][] = []
  for (const [k, v] of Object.entries(value)) {
    if (k === 'article') out.push([path, v])
    out.push(...articles(v, path ? `${path}.${k}` : k))
  }
  return out
}

describe('rule packs', () => {
  it('all nine packs are registered and valid against ZRulePackSchema', () => {
    expect(Object.keys(rulePacks).sort()).toEqual([...ids].sort())
    for (const id of ids) {
      const pack = p(id)
      expect(pack.id).toBe(id)
      expect(() => ZRulePackSchema.parse(pack)).not.toThrow()
    }
  })

  it('every value carries a non-empty article', () => {
    for (const id of ids) {
      const found = articles(p(id))
      expect(found.length).toBeGreaterThan(30)
      for (const [path, article] of found) {
        expect(typeof article, `${id}.${path}`).toBe('string')
        expect((article as string).trim().length, `${id}.${path}`).toBeGreaterThan(0)
      }
    }
  })

  it('unknown jurisdictions are undefined (no prototype lookups)', () => {
    expect(getRulePack('toString')).toBeUndefined()
    expect(resolveRulePack('guangdong', 'wageAgreement')).toBeUndefined()
  })

  it('wage-only local instruments hand other kinds to the right pack', () => {
    expect(resolveRulePack('hangzhou', 'wageAgreement')!.id).toBe('hangzhou')
    expect(resolveRulePack('hangzhou', 'collectiveContract')!.id).toBe('zhejiang')
    expect(resolveRulePack('ningbo', 'specialSafety')!.id).toBe('zhejiang')
    expect(resolveRulePack('shandong', 'collectiveContract')!.id).toBe('national')
    expect(resolveRulePack('henan', 'specialWomenWorkers')!.id).toBe('national')
    expect(resolveRulePack('zhejiang', 'wageAgreement')!.id).toBe('zhejiang')
    expect(resolveRulePack('chongqing', 'collectiveContract')!.id).toBe('chongqing')
  })
})

describe('statute §(f): reply period to a request', () => {
  const expected: Record<string, [string, string, TRulePack['refusal']['rule']]> = {
    national: ['20 calendarDays', 'JHR 32; GZ 17', 'withStatedReason'],
    beijing: ['20 calendarDays', 'Beijing 32; JHR 32', 'notOnListedTopics'],
    shanghai: ['15 calendarDays', 'Shanghai 15', 'notOnListedTopics'],
    zhejiang: ['10 workingDays', 'Zhejiang 7', 'never'],
    chongqing: ['20 calendarDays', 'Chongqing 19', 'never'],
    shandong: ['10 calendarDays', 'Shandong 21', 'withStatedReason'],
    henan: ['10 workingDays', 'Henan 21', 'withStatedReason'],
    hangzhou: ['10 workingDays', 'Hangzhou 24', 'never'],
    ningbo: ['10 workingDays', 'Ningbo 14', 'never'],
  }
  for (const [id, [period, article, refusal]] of Object.entries(expected)) {
    it(`${article}: ${id} replies within ${period}; refusal: ${refusal}`, () => {
      expect(short(p(id).requestReply)).toBe(period)
      expect(p(id).requestReply.article).toBe(article)
      expect(p(id).refusal.rule).toBe(refusal)
    })
  }
  it('Beijing 32 protects pay, working conditions and layoffs; Shanghai 15 protects mass layoffs, stoppages, hazards', () => {
    expect(p('beijing').refusal.topics).toEqual(['pay', 'workingConditions', 'layoffs'])
    expect(p('shanghai').refusal.topics).toEqual(['massLayoffs', 'collectiveStoppage', 'majorHazard'])
  })
})

describe('statute §(f): team bounds', () => {
  it('JHR 19: at least 3 per side, equal, no national maximum (the 3-10 rule is the repealed 1994 text)', () => {
    const t = p('national').team
    expect(t.minPerSide.value).toBe(3)
    expect(t.maxPerSide.value).toBeNull()
    expect(t.sideBalance.value).toBe('equal')
    expect(t.externalMaxShare.value).toEqual({ numerator: 1, denominator: 3 })
  })
  const bounds: Record<string, [number, number | null, number | null, string]> = {
    beijing: [3, 10, null, 'equal'],
    shanghai: [3, null, null, 'employerNotMoreThanWorker'],
    zhejiang: [3, null, 5, 'employerNotMoreThanWorker'],
    chongqing: [3, 15, null, 'employerNotMoreThanWorker'],
    shandong: [3, null, null, 'equal'],
    henan: [3, null, null, 'equal'],
    hangzhou: [3, 9, 5, 'employerNotMoreThanWorker'],
    ningbo: [3, 10, 5, 'employerNotMoreThanWorker'],
  }
  for (const [id, [min, max, large, balance]] of Object.entries(bounds)) {
    it(`${id}: ${min}-${max ?? '∞'} per side, large firms ≥${large ?? '-'}, ${balance}`, () => {
      const t = p(id).team
      expect(t.minPerSide.value).toBe(min)
      expect(t.maxPerSide.value).toBe(max)
      expect(t.largeFirm?.minPerSide ?? null).toBe(large)
      expect(t.sideBalance.value).toBe(balance)
    })
  }
  it('Shandong 7, Henan 8: ≥1/3 front-line workers; Chongqing 10: a woman when women are ≥1/5 of staff; Henan 8: ≥10%', () => {
    expect(p('shandong').team.frontLineMinShare.value).toEqual({ numerator: 1, denominator: 3 })
    expect(p('henan').team.frontLineMinShare.value).toEqual({ numerator: 1, denominator: 3 })
    expect(p('chongqing').team.womenRepresentation).toMatchObject({
      rule: 'atLeastOneWhenStaffShareReached',
      staffShare: { numerator: 1, denominator: 5 },
    })
    expect(p('henan').team.womenRepresentation).toMatchObject({
      rule: 'proportionalWhenStaffShareReached',
      staffShare: { numerator: 1, denominator: 10 },
    })
    expect(p('zhejiang').team.womenRepresentation.rule).toBe('proportionalWhenNumerous')
  })
})

describe('statute §(f): information, suspension, limits, coordination', () => {
  it('information before the meeting: GZ 18 5 days; Zhejiang 16 7; Chongqing 20 10; Shandong 23 10; Henan 23 5 working; Hangzhou 25 7 working; Ningbo 17 7', () => {
    const wage = (id: string) => short(p(id).informationBeforeMeeting.wageAgreement)
    expect(wage('national')).toBe('5 calendarDays')
    expect(wage('zhejiang')).toBe('7 calendarDays')
    expect(wage('chongqing')).toBe('10 calendarDays')
    expect(wage('shandong')).toBe('10 calendarDays')
    expect(wage('henan')).toBe('5 workingDays')
    expect(wage('hangzhou')).toBe('7 workingDays')
    expect(wage('ningbo')).toBe('7 calendarDays')
    expect(p('national').informationBeforeMeeting.collectiveContract).toBeNull()
  })

  it('suspension caps: none nationally (JHR 35); Beijing 37 60; Chongqing 22 30 unless agreed; Hangzhou 27 30 cumulative; Ningbo 19 60 cumulative', () => {
    const s = (id: string) => p(id).suspension
    expect(s('national').maxDaysPerSuspension.value).toBeNull()
    expect(s('national').maxDaysCumulative.value).toBeNull()
    expect(s('beijing').maxDaysPerSuspension).toMatchObject({ value: 60, article: 'Beijing 37' })
    expect(s('chongqing').maxDaysPerSuspension.value).toBe(30)
    expect(s('chongqing').longerByAgreement).toBe(true)
    expect(s('hangzhou').maxDaysCumulative).toMatchObject({ value: 30, article: 'Hangzhou 27 ¶2' })
    expect(s('ningbo').maxDaysCumulative).toMatchObject({ value: 60, article: 'Ningbo 19' })
    expect(s('zhejiang').consent.value).toBe('workerSide')
    expect(s('hangzhou').consent.value).toBe('workerChief')
    expect(s('shandong').forceMajeureOnly.value).toBe(true)
    expect(s('henan').forceMajeureOnly.value).toBe(true)
  })

  it('overall limits: Shandong 28 60 days from acceptance to signing; Henan 26 2 months from receipt; Hangzhou 29 60 days from the request; Ningbo 16 30 working days from the first meeting', () => {
    expect(p('national').negotiationLimit).toBeNull()
    expect(p('shandong').negotiationLimit).toMatchObject({
      period: { length: 60, unit: 'calendarDays', article: 'Shandong 28' },
      countsFrom: 'requestAccepted',
      endsAt: 'signed',
      suspensionExcluded: true,
    })
    expect(p('henan').negotiationLimit).toMatchObject({
      period: { length: 2, unit: 'months' },
      countsFrom: 'requestReceived',
      afterLimit: { coordinationApplication: { length: 15, article: 'Henan 37' } },
    })
    expect(p('hangzhou').negotiationLimit).toMatchObject({ period: { length: 60 }, countsFrom: 'requestSent' })
    expect(p('ningbo').negotiationLimit).toMatchObject({ period: { length: 30, unit: 'workingDays' }, countsFrom: 'firstMeeting' })
  })

  it('coordination: JHR 52 30 + 15; Chongqing 48 60 + 30; Henan 38 accepts within 5 working days and failure ends the negotiation', () => {
    expect(short(p('national').coordination.period)).toBe('30 calendarDays')
    expect(short(p('national').coordination.extension)).toBe('15 calendarDays')
    expect(p('national').coordination.period.article).toBe('JHR 52')
    expect(short(p('chongqing').coordination.period)).toBe('60 calendarDays')
    expect(short(p('chongqing').coordination.extension)).toBe('30 calendarDays')
    expect(short(p('henan').coordination.acceptance)).toBe('5 workingDays')
    expect(p('henan').coordination.failureEndsNegotiation.value).toBe(true)
    expect(p('zhejiang').coordination.extensionNeedsWrittenReasons.value).toBe(true)
  })
})

describe('statute §(f)/(b)/(g): congress, filing, review, publication, term, renewal', () => {
  it('JHR 36 quorum 2/3 everywhere (Shandong and Henan state none: JHR 36 is kept and cited)', () => {
    for (const id of ids) expect(p(id).congress.quorum.value).toBe('twoThirds')
    expect(p('shandong').congress.quorum.article).toBe('JHR 36')
    expect(p('zhejiang').congress.submission).toEqual({ length: 15, unit: 'workingDays', article: 'Zhejiang 24' })
    expect(p('zhejiang').congress.resubmission).toEqual({ length: 5, unit: 'workingDays', article: 'Zhejiang 24 ¶3' })
    expect(p('shanghai').congress.secretBallotRequired.value).toBe(true)
  })

  it('statute §(g)1: the wage-agreement filing conflict is a parameter citing both JHR 42 and GZ 21 (default 7 days)', () => {
    const f = p('national').filing
    expect(f.wageAgreement.period).toEqual({ length: 7, unit: 'calendarDays', article: 'GZ 21' })
    expect(f.wageAgreement.conflict).toContain('JHR 42')
    expect(f.wageAgreement.conflict).toContain('GZ 21')
    expect(f.collectiveContract.period).toEqual({ length: 10, unit: 'calendarDays', article: 'JHR 42' })
    expect(f.copies.value).toBe(3)
  })

  it('local filing: Zhejiang 34 10 days and 5 copies; Henan 28 5 working days; Shanghai 23 counts from the union\'s notice', () => {
    expect(p('zhejiang').filing.copies.value).toBe(5)
    expect(short(p('zhejiang').filing.collectiveContract.period)).toBe('10 calendarDays')
    expect(short(p('henan').filing.wageAgreement.period)).toBe('5 workingDays')
    expect(p('shanghai').filing.collectiveContract.countsFrom).toBe('unionNoticeOfPassage')
    expect(short(p('zhejiang').filing.termination)).toBe('5 workingDays')
  })

  it('JHR 44-47, GZ 22: 15 days of review everywhere; the no-objection effect is a parameter (GZ 22 ¶2 vs statute §(g)2)', () => {
    for (const id of ids) expect(short(p(id).review.period)).toBe('15 calendarDays')
    expect(p('national').noObjectionEffect.wageAgreement.value).toBe('onDelivery')
    expect(p('national').noObjectionEffect.collectiveContract.value).toBe('afterReviewPeriod')
    expect(p('chongqing').review.receiptNotice.value).toBe(true)
  })

  it('publication: GZ 23 5 days; JHR 48 "及时" (no days); Zhejiang 35 5 working days; Chongqing 29 10 days; Shandong 31 7 days', () => {
    expect(short(p('national').publication.wageAgreement)).toBe('5 calendarDays')
    expect(p('national').publication.collectiveContract).toBeNull()
    expect(short(p('zhejiang').publication.collectiveContract)).toBe('5 workingDays')
    expect(short(p('chongqing').publication.collectiveContract)).toBe('10 calendarDays')
    expect(short(p('shandong').publication.wageAgreement)).toBe('7 calendarDays')
  })

  it('JHR 38: terms of 1-3 years; renewal windows: JHR 38 3 months, GZ 24 60 days, Zhejiang 30 / Hangzhou 23 / Ningbo 22 90 days, Henan 31 2 months', () => {
    for (const id of ids) {
      expect(p(id).term.collectiveContract.minMonths).toBe(12)
      expect(p(id).term.collectiveContract.maxMonths).toBe(36)
    }
    expect(p('national').renewalWindow.collectiveContract).toEqual({ length: 3, unit: 'months', article: 'JHR 38' })
    expect(p('national').renewalWindow.wageAgreement).toEqual({ length: 60, unit: 'calendarDays', article: 'GZ 24' })
    expect(short(p('zhejiang').renewalWindow.collectiveContract)).toBe('90 calendarDays')
    expect(short(p('hangzhou').renewalWindow.wageAgreement)).toBe('90 calendarDays')
    expect(short(p('ningbo').renewalWindow.wageAgreement)).toBe('90 calendarDays')
    expect(short(p('henan').renewalWindow.wageAgreement)).toBe('2 months')
  })

  it('minutes signers: not stated nationally; both chiefs (Beijing 35, Zhejiang 16 …); all negotiators (Shandong 26, Henan 25)', () => {
    expect(p('national').minutesSigners.value).toBe('notStated')
    for (const id of ['beijing', 'shanghai', 'zhejiang', 'chongqing', 'hangzhou', 'ningbo']) {
      expect(p(id).minutesSigners.value).toBe('bothChiefs')
    }
    expect(p('shandong').minutesSigners.value).toBe('allNegotiators')
    expect(p('henan').minutesSigners.value).toBe('allNegotiators')
  })

  it('every period in every pack is a valid TPeriodRule', () => {
    const periods = (value: unknown): unknown[] =>
      value === null || typeof value !== 'object'
        ? []
        : 'unit' in value && 'length' in value
          ? [value]
          : Object.values(value).flatMap(periods)
    for (const id of ids) for (const period of periods(p(id))) expect(() => ZPeriodRuleSchema.parse(period)).not.toThrow()
  })
})
