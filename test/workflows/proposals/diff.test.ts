/**
 * Clause versions across rounds: the history of each clause, the diff between rounds with its one-line
 * descriptions, and the agreement assembled from the agreed clauses (exactly those clauses, item by item).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TNegotiationContext, TRoundRecord } from '../../../workflows/negotiation/context.js'
import { clauseKey, itemOf, sameClause, chapterOf, type TClause } from '../../../workflows/proposals/clauses.js'
import {
  agreedClausesOf,
  assembleAgreement,
  clauseHistory,
  describeClauseDiff,
  describeDiff,
  diffRounds,
  proposalOf,
  roundChanges,
  toContractChapters,
  toWageAgreementItems,
} from '../../../workflows/proposals/diff.js'
import { CaseDriver, input, round, toNegotiating } from '../negotiation/helpers.js'

const avg = (basisPoints: number): TClause => ({ kind: 'averageWageIncrease', basisPoints })
const min = (fenPerMonth: number): TClause => ({ kind: 'enterpriseMinimumWage', fenPerMonth })
const night: TClause = { kind: 'allowance', name: '夜班津贴', fenPerMonth: 30_000, eligible: '夜班岗位职工', appliesTo: { groups: ['production'] } }
const payDay: TClause = { kind: 'payDay', dayOfMonth: 15 }
const bonus: TClause = { kind: 'bonus', name: '年终奖', rule: '按绩效发放', pool: { type: 'amount', fen: 1_000_000 } }

/** Three rounds through the real machine: proposals move, some clauses are withdrawn, agreed and dropped. */
function threeRounds(): CaseDriver {
  const d = new CaseDriver(input('national'))
  toNegotiating(d, { sent: '2026-03-02', received: '2026-03-03', answered: '2026-03-10', appointed: '2026-03-11', meeting: '2026-03-25' })
  d.send(
    round(1, '2026-03-25', 'worker', 'continued', {
      clauseProposals: [
        { side: 'worker', clauses: [avg(800), min(280_000), night] },
        { side: 'employer', clauses: [avg(400), payDay] },
      ],
    }),
  )
  d.send(
    round(2, '2026-04-01', 'employer', 'continued', {
      clauseProposals: [
        { side: 'worker', clauses: [avg(700)], withdrawn: ['allowance:夜班津贴'] },
        { side: 'employer', clauses: [avg(500)] },
      ],
      agreedClauses: [payDay],
    }),
  )
  d.send(
    round(3, '2026-04-08', 'worker', 'continued', {
      clauseProposals: [
        { side: 'worker', clauses: [avg(650)] },
        { side: 'employer', clauses: [avg(600), bonus] },
      ],
      agreedClauses: [min(260_000)],
      withdrawnAgreedKeys: ['payDay'],
    }),
  )
  return d
}

describe('clause diffs across three rounds', () => {
  const d = threeRounds()

  it('round 1 → 2: changes, a withdrawal, a first agreement; unchanged positions only on request', () => {
    const diff = diffRounds(d.context, 1, 2)
    expect(diff.map((x) => [x.key, x.item, x.status])).toEqual([
      ['enterpriseMinimumWage', 'paySystem', 'unchanged'],
      ['averageWageIncrease', 'wageLevel', 'changed'],
      ['allowance:夜班津贴', 'bonuses', 'removed'],
      ['payDay', 'payment', 'changed'],
    ])
    expect(diff[1]!.parties).toEqual([
      { party: 'worker', status: 'changed', from: avg(800), to: avg(700), round: 2 },
      { party: 'employer', status: 'changed', from: avg(400), to: avg(500), round: 2 },
    ])
    // The agreed pay day is the employer's proposal of round 1.
    expect(diff[3]!.parties).toEqual([
      { party: 'employer', status: 'unchanged', from: payDay, to: payDay },
      { party: 'agreed', status: 'added', to: payDay, round: 2, proposedBy: ['employer'] },
    ])
    expect(describeDiff(diff)).toEqual([
      { zh: '平均工资增幅：职工方由 8.0% 调整为 7.0%', en: 'Average wage increase: worker side from 8.0% to 7.0%' },
      { zh: '平均工资增幅：企业方由 4.0% 调整为 5.0%', en: 'Average wage increase: employer side from 4.0% to 5.0%' },
      {
        zh: '津贴（夜班津贴）：职工方撤回（原为 300元/月（夜班岗位职工））',
        en: 'Allowance (夜班津贴): worker side withdraws (was 300 yuan per month (夜班岗位职工))',
      },
      { zh: '工资支付日：双方商定 每月15日', en: 'Pay day: agreed at day 15 of each month' },
    ])
    expect(describeDiff(diff, { includeUnchanged: true }).map((l) => l.zh)).toEqual([
      '企业最低工资：职工方维持 2,800元/月',
      '平均工资增幅：职工方由 8.0% 调整为 7.0%',
      '平均工资增幅：企业方由 4.0% 调整为 5.0%',
      '津贴（夜班津贴）：职工方撤回（原为 300元/月（夜班岗位职工））',
      '工资支付日：企业方维持 每月15日',
      '工资支付日：双方商定 每月15日',
    ])
  })

  it('round 2 → 3: an addition, an agreement on a new value, an agreed clause dropped', () => {
    const diff = diffRounds(d.context, 2, 3)
    expect(diff.map((x) => [x.key, x.status])).toEqual([
      ['enterpriseMinimumWage', 'changed'],
      ['averageWageIncrease', 'changed'],
      ['bonus:年终奖', 'added'],
      ['payDay', 'changed'],
    ])
    expect(describeDiff(diff).map((l) => l.zh)).toEqual([
      '企业最低工资：双方商定 2,600元/月',
      '平均工资增幅：职工方由 7.0% 调整为 6.5%',
      '平均工资增幅：企业方由 5.0% 调整为 6.0%',
      '奖金（年终奖）：企业方提出 奖金总额10,000元',
      '工资支付日：双方取消原商定的 每月15日',
    ])
    // The agreed minimum of 2,600 yuan was never proposed as such: a compromise.
    expect(diff[0]!.parties.find((p) => p.party === 'agreed')!.proposedBy).toEqual([])
    expect(describeClauseDiff(diff[3]!).map((l) => l.en)).toEqual(['Pay day: the agreement on day 15 of each month is dropped'])
  })

  it('round 0 → 3: everything still held is added; a withdrawn proposal does not appear', () => {
    const diff = diffRounds(d.context, 0, 3)
    expect(diff.map((x) => [x.key, x.status])).toEqual([
      ['enterpriseMinimumWage', 'added'],
      ['averageWageIncrease', 'added'],
      ['bonus:年终奖', 'added'],
      ['payDay', 'added'],
    ])
    expect(diff.find((x) => x.key === 'payDay')!.parties.map((p) => p.party)).toEqual(['employer'])
    expect(() => diffRounds(d.context, 2, 4)).toThrow(RangeError)
    expect(() => diffRounds(d.context, 3, 2)).toThrow(RangeError)
  })

  it('keeps the history of every clause: who proposed which version in which round', () => {
    const history = clauseHistory(d.context)
    expect(history.map((h) => h.key)).toEqual(['averageWageIncrease', 'enterpriseMinimumWage', 'allowance:夜班津贴', 'payDay', 'bonus:年终奖'])
    const average = history[0]!
    expect(average.statements.map((s) => [s.round, s.party, s.version, s.change])).toEqual([
      [1, 'worker', 1, 'new'],
      [1, 'employer', 2, 'new'],
      [2, 'worker', 3, 'changed'],
      [2, 'employer', 4, 'changed'],
      [3, 'worker', 5, 'changed'],
      [3, 'employer', 6, 'changed'],
    ])
    expect(average.versions.map((v) => (v.kind === 'averageWageIncrease' ? v.basisPoints : null))).toEqual([800, 400, 700, 500, 650, 600])
    expect(history[2]!.statements.map((s) => [s.round, s.party, s.version, s.change])).toEqual([
      [1, 'worker', 1, 'new'],
      [2, 'worker', null, 'withdrawn'],
    ])
    // The agreed pay day is the same version the employer proposed.
    expect(history[3]!.statements.map((s) => [s.round, s.party, s.version, s.change])).toEqual([
      [1, 'employer', 1, 'new'],
      [2, 'agreed', 1, 'new'],
      [3, 'agreed', null, 'withdrawn'],
    ])
    expect(proposalOf(d.context, 'worker')).toEqual([avg(650), min(280_000)])
    expect(proposalOf(d.context, 'worker', 1)).toEqual([avg(800), min(280_000), night])
    expect(agreedClausesOf(d.context)).toEqual([min(260_000)])
  })

  it('the minutes of each round carry its diff (roundChanges, also in the render effect)', () => {
    expect(roundChanges(d.context, 2)).toEqual(describeDiff(diffRounds(d.context, 1, 2)))
    const minutes = d.effects().filter((e) => e.effect === 'document.render' && e.data['document'] === 'minutes')
    expect(minutes.map((m) => m.data['clauseChanges'])).toEqual([1, 2, 3].map((n) => roundChanges(d.context, n)))
    expect(() => roundChanges(d.context, 9)).toThrow(RangeError)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------------------------------------------

type TRoundInput = Pick<TRoundRecord, 'clauseProposals' | 'agreedClauses' | 'withdrawnAgreedKeys'>

/** A context with only what the pure functions read. */
function contextOf(kind: TNegotiationContext['kind'], rounds: TRoundInput[]) {
  return {
    kind,
    rounds: rounds.map((r, i) => ({ ...r, number: i + 1, heldOn: `2026-04-${String(10 + i).padStart(2, '0')}` }) as TRoundRecord),
  }
}

const arbClause: fc.Arbitrary<TClause> = fc.oneof(
  fc.integer({ min: -5_000, max: 10_000 }).map((basisPoints): TClause => ({ kind: 'averageWageIncrease', basisPoints })),
  fc.integer({ min: 1, max: 1_000_000 }).map((fenPerMonth): TClause => ({ kind: 'enterpriseMinimumWage', fenPerMonth })),
  fc.integer({ min: 1, max: 31 }).map((dayOfMonth): TClause => ({ kind: 'payDay', dayOfMonth })),
  fc.record({ name: fc.constantFrom('夜班津贴', '高温津贴', '交通补贴'), fenPerMonth: fc.integer({ min: 0, max: 100_000 }) }).map(
    ({ name, fenPerMonth }): TClause => ({ kind: 'allowance', name, fenPerMonth, eligible: '职工', appliesTo: 'all' }),
  ),
  fc.record({ group: fc.constantFrom('a', 'b'), basisPoints: fc.integer({ min: 0, max: 2_000 }) }).map(
    ({ group, basisPoints }): TClause => ({ kind: 'groupIncrease', group, increase: { type: 'basisPoints', basisPoints } }),
  ),
  fc.integer({ min: 12, max: 36 }).map((months): TClause => ({ kind: 'term', months })),
  fc.constantFrom<TClause>(
    { kind: 'paymentMethod', text: '按月以货币支付' },
    { kind: 'changeProcedure', text: '协商一致可变更' },
    { kind: 'termination', text: '期满终止' },
    { kind: 'liability', text: '违约担责' },
    { kind: 'overtimeBasis', basis: { type: 'baseWage' } },
  ),
  fc.record({ id: fc.constantFrom('t1', 't2', 't3'), item: fc.constantFrom('paySystem', 'other', 'bonuses' as const), text: fc.constantFrom('甲', '乙') }).map(
    ({ id, item, text }): TClause => ({ kind: 'text', id, item, chapter: item === 'other' ? 'other' : 'pay', text }),
  ),
)

const uniqueByKey = (clauses: TClause[]) => clauses.filter((c, i) => clauses.findIndex((x) => clauseKey(x) === clauseKey(c)) === i)

const arbRounds = fc.array(
  fc.record({
    agreed: fc.array(arbClause, { maxLength: 8 }).map(uniqueByKey),
    worker: fc.array(arbClause, { maxLength: 5 }).map(uniqueByKey),
    dropFirstAgreed: fc.boolean(),
  }),
  { minLength: 1, maxLength: 5 },
)

function roundsFrom(spec: { agreed: TClause[]; worker: TClause[]; dropFirstAgreed: boolean }[]): TRoundInput[] {
  const agreedSoFar = new Set<string>()
  return spec.map((s) => {
    const agreedKeys = new Set(s.agreed.map(clauseKey))
    const drop = s.dropFirstAgreed ? [...agreedSoFar].filter((k) => !agreedKeys.has(k)).slice(0, 1) : []
    for (const k of drop) agreedSoFar.delete(k)
    for (const k of agreedKeys) agreedSoFar.add(k)
    return {
      clauseProposals: [{ side: 'worker', clauses: s.worker }],
      agreedClauses: s.agreed,
      ...(drop.length ? { withdrawnAgreedKeys: drop } : {}),
    }
  })
}

describe('the agreement assembled from the agreed clauses', () => {
  it('contains exactly the agreed clauses, each under its GZ 7 item, in item order (property)', () => {
    fc.assert(
      fc.property(arbRounds, (spec) => {
        const context = contextOf('wageAgreement', roundsFrom(spec))
        const agreed = agreedClausesOf(context)
        const assembled = assembleAgreement(context)
        expect(assembled.type).toBe('wage')
        expect(assembled.basis).toBe('agreedRounds')
        expect(assembled.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
        const flat = assembled.sections.flatMap((s) => s.clauses.map((c) => ({ section: s.id, clause: c.clause, key: c.key })))
        // Exactly the agreed clauses: same count, same keys, same values; none twice, none added.
        expect(flat).toHaveLength(agreed.length)
        expect(new Set(flat.map((f) => f.key))).toEqual(new Set(agreed.map(clauseKey)))
        for (const f of flat) {
          expect(sameClause(f.clause, agreed.find((a) => clauseKey(a) === f.key)!)).toBe(true)
          expect(f.section).toBe(itemOf(f.clause) ?? 'other')
        }
        expect(assembled.missingItems).toEqual(assembled.sections.filter((s) => s.clauses.length === 0).map((s) => s.id))
        // The renderer's items: every agreed clause except the term, whose dates the renderer prints itself.
        const items = toWageAgreementItems(assembled)
        expect(Object.values(items).flat()).toHaveLength(agreed.filter((c) => c.kind !== 'term').length)
      }),
      { numRuns: 300 },
    )
  })

  it('groups a collective contract by JHR 8 chapter and leaves empty chapters out', () => {
    const context = contextOf('collectiveContract', [
      {
        agreedClauses: [
          { kind: 'text', id: 'hours', chapter: 'hours', text: '实行标准工时制度，每日工作8小时。' },
          avg(500),
          { kind: 'term', months: 36 },
          { kind: 'liability', text: '违约担责' },
        ],
      },
    ])
    const assembled = assembleAgreement(context)
    expect(assembled.sections.map((s) => [s.id, s.number, s.clauses.map((c) => c.key)])).toEqual([
      ['pay', 1, ['averageWageIncrease']],
      ['hours', 2, ['text:hours']],
      ['term', 11, ['term']],
      ['liability', 14, ['liability']],
    ])
    expect(assembled.term).toEqual({ months: 36 })
    expect(toContractChapters(assembled)).toEqual([
      { topic: 'pay', title: '劳动报酬', clauses: ['职工年度平均工资在上年度基础上增长5.0%。'] },
      { topic: 'hours', title: '工作时间', clauses: ['实行标准工时制度，每日工作8小时。'] },
      { topic: 'liability', title: '违反集体合同的责任', clauses: ['违约担责'] },
    ])
    expect(assembled.sections.every((s) => s.clauses.every((c) => chapterOf(c.clause) === s.id))).toBe(true)
  })

  it('prefers the clauses of the current draft once there is one', () => {
    const context = {
      ...contextOf('wageAgreement', [{ agreedClauses: [avg(650), payDay] }]),
      draft: { version: 2, clauses: [payDay, avg(650)] } as TNegotiationContext['draft'],
    }
    const assembled = assembleAgreement(context)
    expect(assembled).toMatchObject({ basis: 'draft', draftVersion: 2 })
    expect(assembled.sections.flatMap((s) => s.clauses.map((c) => c.key))).toEqual(['averageWageIncrease', 'payDay'])
  })
})
