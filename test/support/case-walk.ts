/**
 * A case walked through the whole statutory path by real engine events: request → teams → preparation → rounds
 * (with structured clauses) → draft → congress result → signing → filing → registration → review → effective.
 * Reusable by engine, effects, API, web and bureau tests: `walkCase(engine, { until: 'signed' })` stops after a step.
 *
 * The same plan drives the pure machine (`walkSources`) for tests of pure code (document mappers) without a
 * database: the events are parsed by the machine's schema, so both give the same context.
 *
 * Options: a wage agreement (default) or a collective contract; a suspension between rounds 2 and 3; a bureau
 * objection after the first filing (renegotiation of one clause, a second draft, a new vote, re-signing and
 * refiling). Dates are in 2026; the clock (a ManualClock) is moved to each event's date.
 */
import crypto from 'node:crypto'
import type { z } from 'zod'
import type { TDatabase } from '../../src/db/database.js'
import { one, run } from '../../src/db/sql.js'
import type { TActor } from '../../src/engine/actor.js'
import { systemActor } from '../../src/engine/actor.js'
import { applyEvent } from '../../src/engine/apply-transition.js'
import { createCalendarStore } from '../../src/engine/calendars.js'
import type { ManualClock } from '../../src/engine/clock.js'
import type { TEngine } from '../../src/engine/engine.js'
import { caseSources, type TCaseSources, type TEnterpriseRecord, type TRegionRecord } from '../../src/effects/document-data/sources.js'
import { negotiationMachine } from '../../workflows/negotiation/machine.js'
import { ZNegotiationEventSchema, type TNegotiationEventType } from '../../workflows/negotiation/events.js'
import type { TClause } from '../../workflows/proposals/clauses.js'
import { creditCodeCheckChar } from '../../workflows/rules/credit-code.js'

type TEventInput = z.input<typeof ZNegotiationEventSchema>
type TPayload<T extends TNegotiationEventType> = Omit<Extract<TEventInput, { type: T }>, 'at'>

export const unionActor: TActor = { id: 'user-union', role: 'unionNegotiator' }
export const employerActor: TActor = { id: 'user-employer', role: 'employerNegotiator' }
export const bureauActor: TActor = { id: 'user-bureau', role: 'bureauReviewer' }

export const WALK_STEPS = [
  'requested',
  'answered',
  'teams',
  'prepared',
  'rounds',
  'draft',
  'congress',
  'signed',
  'filed',
  'registered',
  'objected',
  'revised',
  'reviewed',
  'effective',
] as const
export type TWalkStep = (typeof WALK_STEPS)[number]

export type TWalkOptions = {
  kind?: 'wageAgreement' | 'collectiveContract'
  jurisdiction?: string
  /** Negotiation suspended after round 2 and resumed for round 3 (JHR 35). */
  suspension?: boolean
  /**
   * After the first registration the bureau objects (JHR 46 / GZ 22): one clause is renegotiated, a second draft is
   * voted on, signed, filed and registered again.
   */
  objection?: boolean
  /** Stop after this step (its events included). Default: effective. */
  until?: TWalkStep
}

/** One planned event: the step it belongs to, a label, who sends it, and its payload (without `at`). */
export type TPlannedEvent = { step: TWalkStep; label: string; actor: TActor; event: { type: string; [k: string]: unknown } }

// ------------------------------------------------------------------ fixtures

export const WALK_ENTERPRISE = {
  name: '广州市黄埔精工制造有限公司',
  address: '广州市黄埔区科学大道188号',
  legalRepresentative: '刘建华',
  regionCode: '440112',
  industryCode: 'C3484',
  headcount: 486,
} as const

export const WALK_REGIONS: TRegionRecord[] = [
  { code: '440112', name: '黄埔区', level: 'county', parentCode: '440100' },
  { code: '440100', name: '广州市', level: 'prefecture', parentCode: '440000' },
  { code: '440000', name: '广东省', level: 'province', parentCode: null },
]

/** A valid GB 32100 code for the walk's region (characters 3-8), with a random organisation part. */
export function walkCreditCode(seed: string = crypto.randomUUID()): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const hash = crypto.createHash('sha256').update(seed).digest()
  const org = Array.from({ length: 9 }, (_, i) => alphabet[hash[i]! % alphabet.length]).join('')
  const first17 = `91${WALK_ENTERPRISE.regionCode}${org}`
  return first17 + creditCodeCheckChar(first17)!
}

const workerMembers = [
  { id: 'w0', name: '李秀英', position: '工会主席', isChief: true, chiefBasis: 'unionChair' as const, isFrontLine: false, gender: 'female' as const },
  { id: 'w1', name: '张伟', position: '一车间班组长', isChief: false, isFrontLine: true, gender: 'male' as const },
  { id: 'w2', name: '林小红', position: '质检员', isChief: false, isFrontLine: true, gender: 'female' as const },
]
const employerMembers = [
  {
    id: 'e0',
    name: '陈志强',
    position: '副总经理',
    isChief: true,
    chiefBasis: 'authorisedManager' as const,
    writtenAuthority: '法定代表人书面授权（2026年5月10日）',
    gender: 'male' as const,
  },
  { id: 'e1', name: '黄丽萍', position: '人力资源部经理', isChief: false, gender: 'female' as const },
  { id: 'e2', name: '周文斌', position: '财务部经理', isChief: false, gender: 'male' as const },
]

const PLACE = '公司行政楼三楼第一会议室'
const attendees = { worker: ['w0', 'w1', 'w2'], employer: ['e0', 'e1', 'e2'] }
const signers = ['w0', 'e0']

/** The clauses agreed at round 1 and at the final round (wage agreement: every GZ 7 item is covered). */
export function walkClauses(kind: 'wageAgreement' | 'collectiveContract') {
  const wage = kind === 'wageAgreement'
  const place = (id: string, item: string, chapter: string) => (wage ? { id, item } : { id, chapter })
  const round1: TClause[] = [
    { kind: 'payDay', dayOfMonth: 10 },
    { kind: 'paymentMethod', text: '甲方以货币形式按月支付职工工资，通过银行转账存入职工本人账户，并向职工提供工资清单。' },
  ]
  const final: TClause[] = [
    { kind: 'term', months: 12, startsOn: '2026-07-01' },
    { kind: 'averageWageIncrease', basisPoints: 650 },
    { kind: 'enterpriseMinimumWage', fenPerMonth: 235_000 },
    { kind: 'allowance', name: '夜班津贴', fenPerMonth: 4_200, eligible: '上夜班（22时至次日6时）的职工', appliesTo: { headcount: 120 } },
    {
      kind: 'text',
      ...place('pay-system', 'paySystem', 'pay'),
      text: '甲方实行以岗位绩效工资制为主的工资分配制度，职工工资由基本工资、岗位工资、绩效工资、津贴补贴和加班工资构成。',
    } as TClause,
    { kind: 'changeProcedure', text: '任何一方可以书面提出变更或者解除本合同的要求，双方应当按照集体协商程序进行协商。' },
    { kind: 'termination', text: '本合同期限届满，或者双方约定的终止条件出现，本合同即行终止。' },
    { kind: 'liability', text: '甲方违反本合同约定的，应当依法承担相应责任，并补足职工应得的工资报酬。' },
    { kind: 'text', ...place('other', 'other', 'other'), text: '本合同未尽事宜，按照国家和广东省、广州市的有关规定执行。' } as TClause,
  ]
  return { round1, final }
}

/** The clauses changed after the bureau's objection: the enterprise minimum wage, and the term's start. */
export const revisedClause: TClause = { kind: 'enterpriseMinimumWage', fenPerMonth: 240_000 }
export const revisedTerm: TClause = { kind: 'term', months: 12, startsOn: '2026-08-01' }

// ------------------------------------------------------------------ the plan

/** Every event of the walk in order, up to `until`. */
export function walkPlan(opts: TWalkOptions = {}): TPlannedEvent[] {
  const kind = opts.kind ?? 'wageAgreement'
  const { round1, final } = walkClauses(kind)
  const allClauses = [...round1, ...final]
  const title = `${WALK_ENTERPRISE.name}2026年度${kind === 'wageAgreement' ? '工资专项集体合同' : '集体合同'}`
  const plan: TPlannedEvent[] = []
  const add = <T extends TNegotiationEventType>(step: TWalkStep, label: string, actor: TActor, type: T, payload: Omit<TPayload<T>, 'type'>) =>
    plan.push({ step, label, actor, event: { type, ...payload } })

  add('requested', 'request.sent', unionActor, 'request.sent', {
    by: 'worker',
    sentOn: '2026-05-06',
    proposedTime: '2026年5月20日上午9时30分',
    proposedPlace: PLACE,
    content: '就2026年度职工工资调整事项进行工资集体协商。',
    topics: ['pay'],
  })
  add('requested', 'request.received', employerActor, 'request.received', { receivedOn: '2026-05-07', proof: '企业行政部签收回执' })
  add('answered', 'request.answered', employerActor, 'request.answered', {
    answeredOn: '2026-05-12',
    text: '同意贵方提出的协商要约，按贵方提出的时间和地点进行协商。',
  })
  add('teams', 'team.appointed:worker', unionActor, 'team.appointed', { side: 'worker', appointedOn: '2026-05-13', members: workerMembers })
  add('teams', 'team.appointed:employer', employerActor, 'team.appointed', {
    side: 'employer',
    appointedOn: '2026-05-13',
    members: employerMembers,
  })
  add('teams', 'recorder.appointed', employerActor, 'recorder.appointed', { appointedOn: '2026-05-13', recorder: { id: 'r0', name: '王芳' } })
  add('prepared', 'preparation.figuresRecorded', employerActor, 'preparation.figuresRecorded', {
    by: 'employer',
    recordedOn: '2026-05-14',
    enterprise: {
      lastYearAverageMonthlyWageFen: { value: 684_250, year: 2025, source: '2025年度财务决算报表' },
      lastYearPayrollFen: { value: 38_756_000_00, year: 2025, source: '2025年度财务决算报表' },
    },
    regional: {
      minimumWage: { value: 230_000, year: 2026, source: '广东省人民政府关于调整全省最低工资标准的通知' },
      wageGuideline: { value: { baselineBasisPoints: 650 }, year: 2026, source: '广州市2026年企业工资指导线' },
    },
  })
  add('prepared', 'agenda.drafted', unionActor, 'agenda.drafted', {
    draftedOn: '2026-05-14',
    draftedBy: 'joint',
    items: [
      { id: 'a1', title: '职工年度平均工资调整幅度' },
      { id: 'a2', title: '夜班津贴标准' },
    ],
  })
  add('prepared', 'meeting.scheduled', unionActor, 'meeting.scheduled', {
    scheduledOn: '2026-05-14',
    meetingOn: '2026-05-20',
    time: '上午9时30分',
    place: PLACE,
  })
  add('rounds', 'round.held:1', unionActor, 'round.held', {
    number: 1,
    heldOn: '2026-05-20',
    startTime: '09:30',
    endTime: '11:45',
    place: PLACE,
    presidingSide: 'worker',
    attendees,
    agenda: ['职工年度平均工资调整幅度', '夜班津贴标准', '工资支付时间'],
    proposals: [{ side: 'worker', text: '2026年度职工平均工资增长8.0%，夜班津贴每月45元。', response: '企业方建议平均工资增长5.0%。' }],
    agreedItems: ['工资支付时间维持每月10日。'],
    openItems: ['平均工资增长幅度', '夜班津贴标准'],
    outcome: 'continued',
    minutesSignedBy: signers,
    clauseProposals: [
      {
        side: 'worker',
        clauses: [
          { kind: 'averageWageIncrease', basisPoints: 800 },
          { kind: 'allowance', name: '夜班津贴', fenPerMonth: 4_500, eligible: '上夜班（22时至次日6时）的职工', appliesTo: { headcount: 120 } },
        ],
      },
      { side: 'employer', clauses: [{ kind: 'averageWageIncrease', basisPoints: 500 }] },
    ],
    agreedClauses: round1,
  })
  add('rounds', 'round.held:2', employerActor, 'round.held', {
    number: 2,
    heldOn: '2026-06-03',
    startTime: '14:00',
    endTime: '16:30',
    place: PLACE,
    presidingSide: 'employer',
    attendees,
    agenda: ['平均工资增长幅度', '夜班津贴标准'],
    proposals: [{ side: 'employer', text: '平均工资增长5.8%，夜班津贴每月40元。', response: '职工方要求不低于6.5%。' }],
    agreedItems: [],
    openItems: ['平均工资增长幅度', '夜班津贴标准'],
    outcome: opts.suspension ? 'suspended' : 'continued',
    minutesSignedBy: signers,
  })
  if (opts.suspension) {
    add('rounds', 'negotiation.suspended', employerActor, 'negotiation.suspended', {
      suspendedOn: '2026-06-03',
      periodDays: 7,
      nextMeeting: { on: '2026-06-10', place: PLACE, content: '平均工资增长幅度、夜班津贴标准' },
      reason: '企业方需结合二季度经营数据进一步测算人工成本',
      forceMajeure: false,
      workerConsent: true,
    })
    add('rounds', 'negotiation.resumed', employerActor, 'negotiation.resumed', { resumedOn: '2026-06-10' })
  }
  add('rounds', 'round.held:3', unionActor, 'round.held', {
    number: 3,
    heldOn: '2026-06-10',
    startTime: '09:00',
    endTime: '11:30',
    place: PLACE,
    presidingSide: 'worker',
    attendees,
    agenda: ['平均工资增长幅度', '审定合同草案'],
    proposals: [{ side: 'employer', text: '同意2026年度职工平均工资增长6.5%。', response: '同意。' }],
    agreedItems: ['形成合同草案。'],
    openItems: [],
    outcome: 'agreed',
    minutesSignedBy: signers,
    agreedClauses: final,
  })
  add('draft', 'draft.agreed', unionActor, 'draft.agreed', {
    agreedOn: '2026-06-10',
    title,
    text: '见结构化条款。',
    items: ['平均工资增长6.5%', '企业最低工资2,350元/月', '夜班津贴每月42元'],
    clauses: allClauses,
    termMonths: 12,
    termStartsOn: '2026-07-01',
    signedBy: { worker: 'w0', employer: 'e0' },
  })
  add('congress', 'congress.resultCertified', systemActor, 'congress.resultCertified', {
    heldOn: '2026-06-20',
    body: 'workersCongress',
    totalSeats: 60,
    present: 52,
    yes: 49,
    no: 2,
    abstain: 1,
    ballot: 'secret',
  })
  add('signed', 'agreement.signed', employerActor, 'agreement.signed', { signedOn: '2026-06-24', signedBy: { worker: 'w0', employer: 'e0' }, sealed: true })
  add('filed', 'agreement.filed', employerActor, 'agreement.filed', {
    filedOn: '2026-06-29',
    copies: 3,
    explanatoryNote: true,
    materials: ['合同文本', '情况说明', '职工代表大会决议', '协商代表名单', '协商会议纪要'],
  })
  add('registered', 'filing.registered', bureauActor, 'filing.registered', { receivedOn: '2026-06-30', registrationNumber: '穗埔人社集审〔2026〕31号' })

  if (opts.objection) {
    add('objected', 'review.objected', bureauActor, 'review.objected', {
      opinionDate: '2026-07-08',
      deliveredOn: '2026-07-09',
      opinion: '企业最低工资标准应当结合本市最低工资标准调整方案重新确定',
      items: ['企业最低工资'],
      sealed: true,
    })
    add('revised', 'round.held:4', employerActor, 'round.held', {
      number: 4,
      heldOn: '2026-07-15',
      startTime: '14:00',
      endTime: '16:00',
      place: PLACE,
      presidingSide: 'employer',
      attendees,
      agenda: ['根据审查意见重新协商企业最低工资'],
      proposals: [{ side: 'employer', text: '企业最低工资调整为每月2,400元。', response: '同意。' }],
      agreedItems: ['企业最低工资调整为每月2,400元。'],
      openItems: [],
      outcome: 'agreed',
      minutesSignedBy: signers,
      agreedClauses: [revisedClause, revisedTerm],
    })
    add('revised', 'draft.agreed:2', unionActor, 'draft.agreed', {
      agreedOn: '2026-07-15',
      title,
      text: '见结构化条款（根据审查意见修改）。',
      items: ['企业最低工资2,400元/月'],
      clauses: allClauses.map((c) => (c.kind === revisedClause.kind ? revisedClause : c.kind === 'term' ? revisedTerm : c)),
      termMonths: 12,
      termStartsOn: '2026-08-01',
      signedBy: { worker: 'w0', employer: 'e0' },
    })
    add('revised', 'congress.resultCertified:2', systemActor, 'congress.resultCertified', {
      heldOn: '2026-07-22',
      body: 'workersCongress',
      totalSeats: 60,
      present: 50,
      yes: 47,
      no: 2,
      abstain: 1,
      ballot: 'secret',
    })
    add('revised', 'agreement.signed:2', employerActor, 'agreement.signed', { signedOn: '2026-07-24', signedBy: { worker: 'w0', employer: 'e0' }, sealed: true })
    add('revised', 'agreement.filed:2', employerActor, 'agreement.filed', {
      filedOn: '2026-07-27',
      copies: 3,
      explanatoryNote: true,
      materials: ['合同文本', '情况说明', '职工代表大会决议'],
    })
    add('revised', 'filing.registered:2', bureauActor, 'filing.registered', { receivedOn: '2026-07-28', registrationNumber: '穗埔人社集审〔2026〕42号' })
  }
  const reviewedOn = opts.objection ? '2026-08-05' : '2026-07-10'
  add('reviewed', 'review.approved', bureauActor, 'review.approved', { opinionDate: reviewedOn, deliveredOn: reviewedOn, sealed: true })

  const last = WALK_STEPS.indexOf(opts.until ?? 'effective')
  return plan.filter((p) => WALK_STEPS.indexOf(p.step) <= last)
}

/** The local date an event happens on (its first date field), to move the clock to. */
export function eventDate(event: Record<string, unknown>): string | undefined {
  for (const k of ['sentOn', 'receivedOn', 'answeredOn', 'appointedOn', 'recordedOn', 'draftedOn', 'scheduledOn', 'heldOn', 'suspendedOn', 'resumedOn', 'agreedOn', 'signedOn', 'filedOn', 'deliveredOn', 'opinionDate']) {
    if (typeof event[k] === 'string') return event[k]
  }
  return undefined
}

// ------------------------------------------------------------------ through the engine

/** A region chain and an enterprise with a union and a valid credit code in the walk's region. */
export async function seedWalkEnterprise(db: TDatabase, overrides: Partial<Record<'name' | 'address' | 'legalRepresentative', string>> = {}): Promise<string> {
  const id = crypto.randomUUID()
  const now = '2026-01-01T00:00:00.000Z'
  await db.transaction(function* () {
    for (const r of [...WALK_REGIONS].reverse()) {
      yield* run(
        `INSERT INTO "Region" ("code", "name", "level", "parentCode", "createdAt") SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM "Region" WHERE "code" = ?)`,
        [r.code, r.name, r.level, r.parentCode, now, r.code],
      )
    }
    yield* run(
      `INSERT INTO "Enterprise" ("id", "creditCode", "name", "regionCode", "industryCode", "headcount", "hasUnion", "legalRepresentative",
         "address", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        walkCreditCode(id),
        overrides.name ?? WALK_ENTERPRISE.name,
        WALK_ENTERPRISE.regionCode,
        WALK_ENTERPRISE.industryCode,
        WALK_ENTERPRISE.headcount,
        true,
        overrides.legalRepresentative ?? WALK_ENTERPRISE.legalRepresentative,
        overrides.address ?? WALK_ENTERPRISE.address,
        now,
        now,
      ],
    )
  })
  return id
}

export type TWalked = {
  caseId: string
  enterpriseId: string
  /** The seq of each planned event by label (and case.opened = 1). */
  seqs: Record<string, number>
  plan: TPlannedEvent[]
}

/** Fires the pending `review` deadline of a case as the scheduler would (collective contracts: JHR 47). */
async function fireReviewDeadline(engine: TEngine, caseId: string, clock?: ManualClock): Promise<number> {
  const calendars = createCalendarStore(engine.db)
  const row = await engine.db.read(function* () {
    return yield* one<{ id: string; dueAt: string; event: string }>(
      `SELECT "id", "dueAt", "event" FROM "Deadline" WHERE "caseId" = ? AND "kind" = 'review' AND "status" = 'pending'`,
      [caseId],
    )
  })
  if (!row) throw new Error(`case ${caseId} has no pending review deadline`)
  clock?.set(new Date(Date.parse(row.dueAt) + 60_000))
  const now = (clock ?? engine.clock).now().toISOString()
  const applied = await engine.db.transaction(function* () {
    yield* run(`UPDATE "Deadline" SET "status" = 'fired', "firedAt" = ?, "claimedBy" = ? WHERE "id" = ?`, [now, 'case-walk', row.id])
    const { type: _t, ...event } = JSON.parse(row.event) as { type: string }
    return yield* applyEvent(caseId, { type: 'deadline.elapsed', ...event }, systemActor, {
      now,
      nodeId: 'case-walk',
      computeDeadline: calendars.calculator,
    })
  })
  return applied.seq
}

/**
 * Opens a case for `enterpriseId` (seeded with seedWalkEnterprise when absent) and sends the plan's events through
 * the engine, moving `clock` to each event's date when given. A collective contract becomes effective when the
 * review deadline is fired (JHR 47).
 */
export async function walkCase(engine: TEngine, opts: TWalkOptions & { enterpriseId?: string; clock?: ManualClock } = {}): Promise<TWalked> {
  const kind = opts.kind ?? 'wageAgreement'
  const enterpriseId = opts.enterpriseId ?? (await seedWalkEnterprise(engine.db))
  opts.clock?.set('2026-05-01T02:00:00.000Z')
  const opened = await engine.openCase({ enterpriseId, kind, jurisdiction: opts.jurisdiction ?? 'national' }, unionActor)
  const seqs: Record<string, number> = { 'case.opened': opened.seq }
  const plan = walkPlan(opts)
  for (const p of plan) {
    const date = eventDate(p.event)
    if (date && opts.clock) {
      const at = new Date(`${date}T02:00:00.000Z`)
      if (at.getTime() > opts.clock.now().getTime()) opts.clock.set(at)
      else opts.clock.advance(60_000)
    }
    const applied = await engine.sendEvent(opened.caseId, p.event, p.actor)
    seqs[p.label] = applied.seq
  }
  const until = WALK_STEPS.indexOf(opts.until ?? 'effective')
  if (kind !== 'wageAgreement' && until >= WALK_STEPS.indexOf('effective')) {
    seqs['deadline.elapsed:review'] = await fireReviewDeadline(engine, opened.caseId, opts.clock)
  }
  return { caseId: opened.caseId, enterpriseId, seqs, plan }
}

// ------------------------------------------------------------------ pure

export const walkEnterpriseRecord = (id = 'ent-walk'): TEnterpriseRecord => ({
  id,
  name: WALK_ENTERPRISE.name,
  creditCode: walkCreditCode(id),
  regionCode: WALK_ENTERPRISE.regionCode,
  industryCode: WALK_ENTERPRISE.industryCode,
  headcount: WALK_ENTERPRISE.headcount,
  legalRepresentative: WALK_ENTERPRISE.legalRepresentative,
  address: WALK_ENTERPRISE.address,
})

/**
 * The walk through the pure machine, as document sources (no database): the log as the engine would store it
 * (events parsed by the machine's schema and stamped with `at`), replayed context per event.
 */
export function walkSources(opts: TWalkOptions & { caseId?: string; enterprise?: Partial<TEnterpriseRecord> } = {}): TCaseSources & { seqs: Record<string, number> } {
  const kind = opts.kind ?? 'wageAgreement'
  const caseId = opts.caseId ?? 'case-walk'
  const enterprise = { ...walkEnterpriseRecord(), ...opts.enterprise }
  const openedAt = '2026-05-01T02:00:00.000Z'
  const log = [
    {
      seq: 1,
      type: 'case.opened',
      payload: { type: 'case.opened', caseId, enterpriseId: enterprise.id, kind, jurisdiction: opts.jurisdiction ?? 'national', workerSide: 'union', openedAt } as Record<string, unknown>,
    },
  ]
  const seqs: Record<string, number> = { 'case.opened': 1 }
  let t = Date.parse(openedAt)
  for (const p of walkPlan(opts)) {
    const date = eventDate(p.event)
    t = date ? Math.max(t + 60_000, Date.parse(`${date}T02:00:00.000Z`)) : t + 60_000
    const parsed = ZNegotiationEventSchema.parse({ ...p.event, at: new Date(t).toISOString() }) as Record<string, unknown>
    log.push({ seq: log.length + 1, type: p.event.type, payload: parsed })
    seqs[p.label] = log.length
  }
  const deadlines = log
    .filter((e) => e.type === 'filing.registered')
    .map((e) => ({ kind: 'review', lastDay: addDaysIso(e.payload['receivedOn'] as string, 15), createdSeq: e.seq, status: 'pending' }))
  const sources = caseSources(
    { machine: negotiationMachine },
    {
      caseId,
      caseKind: kind,
      jurisdiction: opts.jurisdiction ?? 'national',
      log,
      enterprise,
      regions: WALK_REGIONS,
      congressSessions: [],
      deadlines,
    },
  )
  return { ...sources, seqs }
}

function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
