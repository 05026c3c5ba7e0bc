/**
 * The structured clauses and preparation figures in the negotiation machine: the event schemas, the refusals of a
 * draft or round that contradicts the agreed clauses (with their articles), the figures' per-field replacement and
 * history, the survey, and who may record figures.
 */
import { describe, expect, it } from 'vitest'
import { ZNegotiationEventSchema } from '../../../workflows/negotiation/events.js'
import { explainPolicy } from '../../../workflows/negotiation/policy.js'
import { packOf } from '../../../workflows/negotiation/rules.js'
import type { TClause } from '../../../workflows/proposals/clauses.js'
import { ZClauseSchema } from '../../../workflows/proposals/clauses.js'
import { figureVersions } from '../../../workflows/proposals/preparation.js'
import { machines } from '../../../workflows/registry.js'
import {
  CaseDriver,
  employerTeam,
  ev,
  figuresPayload,
  input,
  nineItemClauses,
  recorder,
  round,
  toNegotiating,
  vote,
  workerTeam,
} from '../negotiation/helpers.js'

const chiefs = { worker: 'w0', employer: 'e0' }
const draftWith = (clauses: TClause[], extra: { termMonths?: number; termStartsOn?: string } = {}) =>
  ev('draft.agreed', { agreedOn: '2026-04-01', title: '2026年度工资专项集体合同', text: '……', items: [], clauses, signedBy: chiefs, ...extra })

/** A national wage case whose round 1 agreed `agreed`. */
function agreedAtRound1(agreed: TClause[], kind: 'wageAgreement' | 'collectiveContract' = 'wageAgreement'): CaseDriver {
  const d = new CaseDriver(input('national', kind))
  toNegotiating(d, { sent: '2026-03-02', received: '2026-03-03', answered: '2026-03-10', appointed: '2026-03-11', meeting: '2026-03-25' })
  d.send(round(1, '2026-03-25', 'worker', 'agreed', { agreedClauses: agreed }))
  return d
}

const codes = (violations: { code: string; article: string; field?: string }[]) => violations.map((v) => [v.code, v.article, v.field])

describe('draft.agreed with clauses (JHR 34(4), GZ 7, LCL 55)', () => {
  const nine = nineItemClauses(650)

  it('accepts exactly the agreed clauses covering the nine GZ 7 items, and takes the term from the term clause', () => {
    const d = agreedAtRound1(nine)
    d.send(draftWith([...nine].reverse()))
    expect(d.state).toEqual({ bargaining: 'awaitingCongress' })
    expect(d.context.draft).toMatchObject({ termMonths: 12, clauses: [...nine].reverse() })
  })

  it('refuses a clause no round agreed, a clause that differs from the agreed version, and an agreed clause left out', () => {
    const d = agreedAtRound1(nine)
    const extra: TClause = { kind: 'overtimeBasis', basis: { type: 'standardWage' } }
    expect(codes(d.refuse(draftWith([...nine, extra])))).toEqual([['DRAFT_CLAUSE_NOT_AGREED', 'JHR 34(4)', 'clauses.9']])
    const changed = nine.map((c) => (c.kind === 'averageWageIncrease' ? { ...c, basisPoints: 700 } : c))
    const differs = d.refuse(draftWith(changed))
    expect(codes(differs)).toEqual([['DRAFT_CLAUSE_DIFFERS_FROM_AGREED', 'JHR 34(4)', 'clauses.2']])
    expect(differs[0]!.message.zh).toContain('7.0%')
    expect(differs[0]!.message.zh).toContain('6.5%')
    const withoutPayDay = nine.filter((c) => c.kind !== 'payDay')
    expect(codes(d.refuse(draftWith(withoutPayDay)))).toEqual([
      ['AGREED_CLAUSE_MISSING_FROM_DRAFT', 'JHR 34(4)', 'clauses'],
      // payDay was the only clause of item (5).
      ['WAGE_AGREEMENT_ITEM_MISSING', 'GZ 7(5)', 'clauses'],
    ])
  })

  it('GZ 7: a wage agreement must cover all nine items; a text clause covers an item', () => {
    const partial: TClause[] = [{ kind: 'averageWageIncrease', basisPoints: 650 }, { kind: 'term', months: 12 }]
    const d = agreedAtRound1(partial)
    expect(codes(d.refuse(draftWith(partial)))).toEqual(
      [2, 4, 5, 6, 7, 8, 9].map((n) => ['WAGE_AGREEMENT_ITEM_MISSING', `GZ 7(${n})`, 'clauses']),
    )
    const texts: TClause[] = (['paySystem', 'bonuses', 'payment', 'changeProcedure', 'termination', 'liability', 'other'] as const).map((item) => ({
      kind: 'text',
      id: item,
      item,
      text: `${item}条款`,
    }))
    const full = agreedAtRound1([...partial, ...texts])
    full.send(draftWith([...partial, ...texts]))
    expect(full.state).toEqual({ bargaining: 'awaitingCongress' })
  })

  it('a term in the draft that contradicts the agreed term clause is refused (JHR 38 / GZ 24 article of the pack)', () => {
    const d = agreedAtRound1(nine)
    const article = packOf(d.context).term.wageAgreement.article
    expect(codes(d.refuse(draftWith(nine, { termMonths: 24 })))).toEqual([['DRAFT_TERM_MISMATCH', article, 'termMonths']])
    d.send(draftWith(nine, { termMonths: 12 }))
  })

  it('LCL 55: an agreed enterprise minimum below the recorded local minimum wage is refused', () => {
    const d = agreedAtRound1(nineItemClauses(650, 240_000))
    d.send(ev('preparation.figuresRecorded', { by: 'worker', recordedOn: '2026-03-26', ...figuresPayload() }))
    const refused = d.refuse(draftWith(nineItemClauses(650, 240_000)))
    expect(codes(refused)).toEqual([['BELOW_MINIMUM_WAGE', 'LCL 55', 'clauses.1.fenPerMonth']])
    expect(refused[0]!.message.zh).toBe('企业最低工资2,400元/月低于当地最低工资标准2,500元/月（当地最低工资标准通知；劳动合同法第五十五条）。')
  })

  it('a collective contract needs no GZ 7 items, but its text clauses name a JHR 8 chapter', () => {
    const clauses: TClause[] = [{ kind: 'averageWageIncrease', basisPoints: 500 }, { kind: 'term', months: 36 }]
    const d = agreedAtRound1(clauses, 'collectiveContract')
    const noChapter: TClause = { kind: 'text', id: 'x', item: 'other', text: '其他' }
    expect(codes(d.refuse(draftWith([...clauses, noChapter])))).toEqual([
      ['CLAUSE_CHAPTER_MISSING', 'JHR 8', 'clauses.2.chapter'],
      ['DRAFT_CLAUSE_NOT_AGREED', 'JHR 34(4)', 'clauses.2'],
    ])
    d.send(draftWith(clauses))
    expect(d.context.draft!.termMonths).toBe(36)
  })

  it('without clauses a draft is checked as before (free-text items)', () => {
    const d = agreedAtRound1(nine)
    d.send(ev('draft.agreed', { agreedOn: '2026-04-01', title: '草案', text: '……', items: ['增长6.5%'], termMonths: 12, signedBy: chiefs }))
    expect(d.context.draft!.clauses).toBeUndefined()
  })
})

describe('round.held with clauses (JHR 34, GZ 13)', () => {
  it('refuses withdrawing a proposal the side never made, dropping a clause never agreed, and an unplaced text clause', () => {
    const d = new CaseDriver(input('national'))
    toNegotiating(d, { sent: '2026-03-02', received: '2026-03-03', answered: '2026-03-10', appointed: '2026-03-11', meeting: '2026-03-25' })
    d.send(round(1, '2026-03-25', 'worker', 'continued', { clauseProposals: [{ side: 'employer', clauses: [{ kind: 'payDay', dayOfMonth: 10 }] }] }))
    const bad = round(2, '2026-04-01', 'employer', 'continued', {
      clauseProposals: [
        { side: 'worker', clauses: [{ kind: 'text', id: 'training', chapter: 'training', text: '培训' }], withdrawn: ['payDay'] },
        { side: 'employer', clauses: [], withdrawn: ['payDay'] },
      ],
      withdrawnAgreedKeys: ['payDay'],
    })
    expect(codes(d.refuse(bad))).toEqual([
      ['CLAUSE_ITEM_MISSING', 'GZ 7', 'clauseProposals.0.clauses.0.item'],
      ['CLAUSE_NOT_PROPOSED', 'JHR 34; GZ 13', 'clauseProposals.0.withdrawn.0'],
      ['CLAUSE_NOT_AGREED', 'JHR 34', 'withdrawnAgreedKeys.0'],
    ])
    d.send(round(2, '2026-04-01', 'employer', 'continued', { clauseProposals: [{ side: 'employer', clauses: [], withdrawn: ['payDay'] }] }))
    expect(d.context.rounds[1]!.clauseProposals).toEqual([{ side: 'employer', clauses: [], withdrawn: ['payDay'] }])
  })
})

describe('event schemas', () => {
  const parse = (payload: Record<string, unknown>) => ZNegotiationEventSchema.safeParse({ at: '2026-03-25T01:00:00.000Z', ...payload })
  const roundPayload = {
    type: 'round.held',
    number: 1,
    heldOn: '2026-03-25',
    place: '会议室',
    presidingSide: 'worker',
    attendees: { worker: ['w0'], employer: ['e0'] },
    agenda: ['工资'],
    proposals: [],
    agreedItems: [],
    openItems: [],
    outcome: 'continued',
    minutesSignedBy: ['w0', 'e0'],
  }

  it('every clause kind parses; keys are unique within a list; a text clause names its item or chapter', () => {
    for (const c of nineItemClauses(650)) expect(ZClauseSchema.safeParse(c).success).toBe(true)
    expect(ZClauseSchema.safeParse({ kind: 'text', id: 'x', text: '无' }).success).toBe(false)
    expect(ZClauseSchema.safeParse({ kind: 'averageWageIncrease', basisPoints: 6.5 }).success).toBe(false)
    expect(ZClauseSchema.safeParse({ kind: 'payDay', dayOfMonth: 32 }).success).toBe(false)
    expect(ZClauseSchema.safeParse({ kind: 'term', months: 12, startsOn: '2026-02-30' }).success).toBe(false)
    const dup = parse({ ...roundPayload, agreedClauses: [{ kind: 'payDay', dayOfMonth: 10 }, { kind: 'payDay', dayOfMonth: 15 }] })
    expect(dup.success).toBe(false)
    expect(dup.error!.issues[0]!.path).toEqual(['agreedClauses', 1])
  })

  it('one proposal per side; a key is not both proposed and withdrawn, nor both agreed and dropped', () => {
    const p = (side: string) => ({ side, clauses: [{ kind: 'payDay', dayOfMonth: 10 }] })
    expect(parse({ ...roundPayload, clauseProposals: [p('worker'), p('employer')] }).success).toBe(true)
    expect(parse({ ...roundPayload, clauseProposals: [p('worker'), p('worker')] }).success).toBe(false)
    expect(parse({ ...roundPayload, clauseProposals: [{ ...p('worker'), withdrawn: ['payDay'] }] }).success).toBe(false)
    expect(parse({ ...roundPayload, agreedClauses: [{ kind: 'payDay', dayOfMonth: 10 }], withdrawnAgreedKeys: ['payDay'] }).success).toBe(false)
  })

  it('figures: at least one; guideline lines in order; survey counts not above the respondents; money in integer fen', () => {
    const figures = (extra: Record<string, unknown>) => parse({ type: 'preparation.figuresRecorded', by: 'worker', recordedOn: '2026-03-12', ...extra })
    expect(figures({ ...figuresPayload() }).success).toBe(true)
    expect(figures({}).success).toBe(false)
    expect(figures({ enterprise: {}, regional: {} }).success).toBe(false)
    expect(
      figures({ regional: { wageGuideline: { value: { baselineBasisPoints: 500, lowerBasisPoints: 600 }, year: 2025, source: 'x' } } }).success,
    ).toBe(false)
    expect(figures({ regional: { minimumWage: { value: 2500.5, year: 2025, source: 'x' } } }).success).toBe(false)
    expect(
      figures({
        enterprise: {
          groups: {
            value: [
              { id: 'a', name: 'A', headcount: 1, averageMonthlyWageFen: 1 },
              { id: 'a', name: 'A2', headcount: 1, averageMonthlyWageFen: 1 },
            ],
            year: 2025,
            source: 'x',
          },
        },
      }).success,
    ).toBe(false)
    const survey = (count: number) =>
      parse({ type: 'opinions.collected', side: 'worker', collectedOn: '2026-03-12', summary: 's', survey: { respondents: 10, topics: [{ topic: 't', count }] } })
    expect(survey(10).success).toBe(true)
    expect(survey(11).success).toBe(false)
  })
})

describe('preparation figures in the machine (GZ 8, JHR 33)', () => {
  it('replace field by field, keep every recording, and are accepted until the draft is agreed', () => {
    const d = new CaseDriver(input('national'))
    const f = figuresPayload()
    const record = (on: string, payload: Record<string, unknown>, by: 'worker' | 'employer' = 'employer') =>
      ev('preparation.figuresRecorded', { by, recordedOn: on, ...payload })
    // Not before the request is accepted.
    d.send(ev('request.sent', { by: 'worker', sentOn: '2026-03-02', proposedTime: '9时', proposedPlace: '会议室', content: '工资协商' }))
    expect(d.can(record('2026-03-02', f))).toBe(false)
    toNegotiatingFromSent(d)
    d.send(record('2026-03-12', f))
    d.send(record('2026-03-20', { regional: { minimumWage: { value: 250_000, year: 2026, source: '新标准' } } }, 'worker'))
    const figures = d.context.preparation.figures
    expect(figures.regional.minimumWage).toEqual({ value: 250_000, year: 2026, source: '新标准' })
    expect(figures.regional.urbanCpi).toEqual(f.regional.urbanCpi)
    expect(figures.enterprise.groups).toEqual(f.enterprise.groups)
    expect(figureVersions(d.context.preparation.figureHistory, 'regional', 'minimumWage').map((v) => [v.by, v.recordedOn, v.figure.year])).toEqual([
      ['employer', '2026-03-12', 2025],
      ['worker', '2026-03-20', 2026],
    ])
    d.send(
      ev('opinions.collected', {
        side: 'worker',
        collectedOn: '2026-03-20',
        summary: '职工关注工资增幅',
        survey: { respondents: 90, topics: [{ topic: '工资增幅', count: 85 }], method: '问卷' },
      }),
    )
    expect(d.context.preparation.opinions[0]!.survey).toEqual({ respondents: 90, topics: [{ topic: '工资增幅', count: 85 }], method: '问卷' })
    d.send(round(1, '2026-03-25', 'worker', 'agreed'))
    d.send(record('2026-03-26', { enterprise: { profitFen: { value: 1, year: 2025, source: '决算' } } }))
    d.send(ev('draft.agreed', { agreedOn: '2026-03-27', title: '草案', text: '……', items: [], termMonths: 12, signedBy: chiefs }))
    // After the draft: the congress votes on what was agreed; the figures are closed.
    expect(d.can(record('2026-03-28', f))).toBe(false)
    // A failed vote sends the draft back to negotiation, where figures can be recorded again.
    d.send(vote('2026-04-02', { totalSeats: 60, present: 50, yes: 20, no: 30 }))
    expect(d.state).toEqual({ bargaining: 'negotiating' })
    d.send(record('2026-04-03', f))
    expect(d.context.preparation.figureHistory).toHaveLength(4)
  })

  it('either side\'s negotiators record figures, each in its own name', () => {
    const d = new CaseDriver(input('national'))
    const byEmployer = ev('preparation.figuresRecorded', { by: 'employer', recordedOn: '2026-03-12', ...figuresPayload() })
    expect(explainPolicy({ role: 'employerNegotiator' }, d.context, byEmployer)).toEqual([])
    expect(explainPolicy({ role: 'unionNegotiator' }, d.context, byEmployer).map((v) => [v.code, v.field])).toEqual([['SIDE_NOT_ALLOWED', 'by']])
    expect(explainPolicy({ role: 'bureauReviewer' }, d.context, byEmployer).map((v) => v.code)).toEqual(['ROLE_NOT_ALLOWED'])
  })

  it('the machine version was bumped for the new context shape', () => {
    expect(machines['negotiation']!.version).toBe(3)
  })
})

function toNegotiatingFromSent(d: CaseDriver) {
  d.send(ev('request.received', { receivedOn: '2026-03-03', proof: '签收' }))
  d.send(ev('request.answered', { answeredOn: '2026-03-10', text: '同意' }))
  d.send(ev('team.appointed', { side: 'worker', appointedOn: '2026-03-11', members: workerTeam() }))
  d.send(ev('team.appointed', { side: 'employer', appointedOn: '2026-03-11', members: employerTeam() }))
  d.send(ev('recorder.appointed', { appointedOn: '2026-03-11', recorder }))
  d.send(ev('agenda.drafted', { draftedOn: '2026-03-11', draftedBy: 'joint', items: [{ id: 'a1', title: '工资' }] }))
  d.send(ev('meeting.scheduled', { scheduledOn: '2026-03-11', meetingOn: '2026-03-25', place: '会议室' }))
}
