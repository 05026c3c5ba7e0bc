/**
 * Test helpers for the negotiation machine: events stamped with `at` and validated by the real schema, a driver
 * that applies them with the pure `transition()` API (as the engine does) and collects the actions, and fixtures.
 */
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate'
import type { z } from 'zod'
import type { TCancelDeadlineParams, TEmitEffectParams, TScheduleDeadlineParams } from '../../../workflows/effects.js'
import type { TNegotiationContext, TNegotiationInput } from '../../../workflows/negotiation/context.js'
import {
  ZNegotiationEventSchema,
  type TNegotiationEvent,
  type TNegotiationEventType,
} from '../../../workflows/negotiation/events.js'
import { negotiationMachine } from '../../../workflows/negotiation/machine.js'
import { explainRefusal } from '../../../workflows/negotiation/rules.js'
import type { TViolation } from '../../../workflows/rules/violations.js'
import type { TClause } from '../../../workflows/proposals/clauses.js'

type TEventInput = z.input<typeof ZNegotiationEventSchema>
type TPayload<T extends TNegotiationEventType> = Omit<Extract<TEventInput, { type: T }>, 'type' | 'at'>

let clock = Date.parse('2026-01-01T00:00:00.000Z')

/** An event of `type`, stamped with a strictly increasing `at` and parsed by the machine's schema (so it can fail). */
export function ev<T extends TNegotiationEventType>(type: T, payload: TPayload<T>): Extract<TNegotiationEvent, { type: T }> {
  clock += 60_000
  return ZNegotiationEventSchema.parse({ type, ...payload, at: new Date(clock).toISOString() }) as Extract<
    TNegotiationEvent,
    { type: T }
  >
}

/**
 * Like `ev` but without schema validation, for the model-based traversal that builds hundreds of thousands of events;
 * its payloads are the same fixtures `ev` validates elsewhere.
 */
export function stamp<T extends TNegotiationEventType>(type: T, payload: TPayload<T>): Extract<TNegotiationEvent, { type: T }> {
  clock += 60_000
  return { type, ...payload, at: new Date(clock).toISOString() } as unknown as Extract<TNegotiationEvent, { type: T }>
}

export type TAction = { type: string; params?: unknown }

export function input(jurisdiction: string, kind: TNegotiationInput['kind'] = 'wageAgreement', extra: Partial<TNegotiationInput> = {}): TNegotiationInput {
  return {
    caseId: `case-${jurisdiction}-${kind}`,
    enterpriseId: 'ent-1',
    kind,
    jurisdiction,
    workerSide: 'union',
    openedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  }
}

/** Drives one case through the pure API and records every action, like the engine. */
export class CaseDriver {
  snapshot: AnyMachineSnapshot
  actions: TAction[] = []
  /** Actions of the last `send`. */
  last: TAction[] = []

  constructor(caseInput: TNegotiationInput) {
    const [snapshot, actions] = initialTransition(negotiationMachine, caseInput)
    this.snapshot = snapshot as AnyMachineSnapshot
    this.last = actions as TAction[]
    this.actions.push(...this.last)
  }

  get context(): TNegotiationContext {
    return this.snapshot.context as TNegotiationContext
  }

  get state(): unknown {
    return this.snapshot.value
  }

  /** True if the current state accepts the event and no rule blocks it. */
  can(event: TNegotiationEvent): boolean {
    return this.snapshot.can(event)
  }

  /** Applies an event that must be accepted; throws with the violations otherwise. */
  send(event: TNegotiationEvent): this {
    if (!this.snapshot.can(event)) {
      const violations = explainRefusal(this.context, event)
      throw new Error(
        `${event.type} refused in ${JSON.stringify(this.snapshot.value)}: ${JSON.stringify(violations.map((v) => `${v.code} (${v.article}) ${v.field ?? ''}`))}`,
      )
    }
    const [next, actions] = transition(negotiationMachine, this.snapshot as never, event)
    this.snapshot = next as AnyMachineSnapshot
    this.last = actions as TAction[]
    this.actions.push(...this.last)
    return this
  }

  /** The violations of an event that must be refused (the state accepts its type, a rule blocks it). */
  refuse(event: TNegotiationEvent): TViolation[] {
    if (this.snapshot.can(event)) throw new Error(`${event.type} was expected to be refused but is allowed`)
    return explainRefusal(this.context, event)
  }

  schedules(actions: readonly TAction[] = this.actions): TScheduleDeadlineParams[] {
    return actions.filter((a) => a.type === 'scheduleDeadline').map((a) => a.params as TScheduleDeadlineParams)
  }

  cancels(actions: readonly TAction[] = this.actions): TCancelDeadlineParams[] {
    return actions.filter((a) => a.type === 'cancelDeadline').map((a) => a.params as TCancelDeadlineParams)
  }

  effects(actions: readonly TAction[] = this.actions): TEmitEffectParams[] {
    return actions.filter((a) => a.type === 'emitEffect').map((a) => a.params as TEmitEffectParams)
  }

  /** The `deadline.elapsed` event for a scheduled kind, with the given due instant. */
  elapse(kind: TScheduleDeadlineParams['kind'], dueAt: string): this {
    return this.send(ev('deadline.elapsed', { kind, dueAt }))
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------------------------

type TMemberInput = TPayload<'team.appointed'>['members'][number]

export function workerTeam(size = 3, overrides: (m: TMemberInput, i: number) => Partial<TMemberInput> = () => ({})): TMemberInput[] {
  return Array.from({ length: size }, (_, i) => {
    const base: TMemberInput =
      i === 0
        ? { id: 'w0', name: '王主席', isChief: true, chiefBasis: 'unionChair', isExternal: false, isFrontLine: true, gender: 'female' }
        : { id: `w${i}`, name: `职工代表${i}`, isChief: false, isExternal: false, isFrontLine: true, gender: i % 2 ? 'male' : 'female' }
    return { ...base, ...overrides(base, i) }
  })
}

export function employerTeam(size = 3, overrides: (m: TMemberInput, i: number) => Partial<TMemberInput> = () => ({})): TMemberInput[] {
  return Array.from({ length: size }, (_, i) => {
    const base: TMemberInput =
      i === 0
        ? { id: 'e0', name: '李总', isChief: true, chiefBasis: 'legalRepresentative', isExternal: false }
        : { id: `e${i}`, name: `企业代表${i}`, isChief: false, isExternal: false }
    return { ...base, ...overrides(base, i) }
  })
}

export const recorder = { id: 'r0', name: '记录员' }

export const requestPayload = (by: 'worker' | 'employer', sentOn: string) => ({
  by,
  sentOn,
  proposedTime: '上午9时',
  proposedPlace: '公司会议室',
  content: '就2026年度工资调整进行集体协商',
})

/** A round with sensible defaults: both chiefs present and signing. */
export function round(
  number: number,
  heldOn: string,
  presidingSide: 'worker' | 'employer',
  outcome: 'continued' | 'agreed' | 'suspended' | 'deadlocked',
  extra: Partial<TPayload<'round.held'>> = {},
) {
  return ev('round.held', {
    number,
    heldOn,
    place: '公司会议室',
    presidingSide,
    attendees: { worker: ['w0', 'w1', 'w2'], employer: ['e0', 'e1', 'e2'] },
    agenda: ['工资水平'],
    proposals: [{ side: 'worker', text: '年度平均工资增长8%', response: '企业方建议5%' }],
    agreedItems: outcome === 'agreed' ? ['年度平均工资增长6%'] : [],
    openItems: outcome === 'agreed' ? [] : ['增长幅度'],
    outcome,
    minutesSignedBy: ['w0', 'e0', 'w1', 'w2', 'e1', 'e2'],
    ...extra,
  })
}

/** `termMonths: null` leaves the term out (a rescission, or an amendment that keeps the term). */
export const draft = (agreedOn: string, termMonths: number | null = 12) =>
  ev('draft.agreed', {
    agreedOn,
    title: '2026年度工资专项集体合同',
    text: '……',
    items: ['年度平均工资增长6%'],
    ...(termMonths !== null ? { termMonths } : {}),
    signedBy: { worker: 'w0', employer: 'e0' },
  })

export const vote = (heldOn: string, counts: { totalSeats: number; present: number; yes: number; no?: number; abstain?: number }, ballot: 'secret' | 'open' = 'secret') =>
  ev('congress.resultCertified', {
    heldOn,
    body: 'workersCongress',
    totalSeats: counts.totalSeats,
    present: counts.present,
    yes: counts.yes,
    no: counts.no ?? 0,
    abstain: counts.abstain ?? 0,
    ballot,
  })

export const sign = (signedOn: string, extra: Partial<TPayload<'agreement.signed'>> = {}) =>
  ev('agreement.signed', { signedOn, signedBy: { worker: 'w0', employer: 'e0' }, sealed: true, ...extra })

export const file = (filedOn: string, copies = 5) =>
  ev('agreement.filed', { filedOn, copies, explanatoryNote: true, materials: ['合同文本', '说明'] })

/** From a new case to the first round: request, receipt, reply, teams, recorder, agenda, meeting. */
export function toNegotiating(
  d: CaseDriver,
  dates: { sent: string; received: string; answered: string; appointed: string; meeting: string },
  teamSize = 3,
): CaseDriver {
  d.send(ev('request.sent', requestPayload('worker', dates.sent)))
  d.send(ev('request.received', { receivedOn: dates.received, proof: '签收单' }))
  d.send(ev('request.answered', { answeredOn: dates.answered, text: '同意协商' }))
  d.send(ev('team.appointed', { side: 'worker', appointedOn: dates.appointed, members: workerTeam(teamSize) }))
  d.send(ev('team.appointed', { side: 'employer', appointedOn: dates.appointed, members: employerTeam(teamSize) }))
  d.send(ev('recorder.appointed', { appointedOn: dates.appointed, recorder }))
  d.send(ev('agenda.drafted', { draftedOn: dates.appointed, draftedBy: 'joint', items: [{ id: 'a1', title: '工资水平' }] }))
  d.send(ev('meeting.scheduled', { scheduledOn: dates.appointed, meetingOn: dates.meeting, place: '公司会议室' }))
  return d
}

/** Clauses covering the nine GZ 7 items (the `text` clause names both its GZ 7 item and its JHR 8 chapter). */
export function nineItemClauses(averageIncreaseBasisPoints: number, minimumFen = 260_000): TClause[] {
  return [
    { kind: 'term', months: 12 },
    { kind: 'enterpriseMinimumWage', fenPerMonth: minimumFen },
    { kind: 'averageWageIncrease', basisPoints: averageIncreaseBasisPoints },
    { kind: 'allowance', name: '夜班津贴', fenPerMonth: 30_000, eligible: '夜班岗位职工', appliesTo: { groups: ['production'] } },
    { kind: 'payDay', dayOfMonth: 15 },
    { kind: 'changeProcedure', text: '经双方协商一致，可以变更或解除本协议。' },
    { kind: 'termination', text: '协议期满或双方约定的终止条件出现，本协议即行终止。' },
    { kind: 'liability', text: '一方违反本协议的，应当承担相应责任。' },
    { kind: 'text', id: 'other', item: 'other', chapter: 'other', text: '本协议未尽事宜，按国家有关规定执行。' },
  ]
}

/** Enterprise and regional figures for `preparation.figuresRecorded` (two groups; a 2,500 yuan minimum wage). */
export function figuresPayload() {
  return {
    enterprise: {
      groups: {
        value: [
          { id: 'production', name: '一线生产职工', headcount: 80, averageMonthlyWageFen: 480_000 },
          { id: 'office', name: '管理职工', headcount: 20, averageMonthlyWageFen: 700_000 },
        ],
        year: 2025,
        source: '2025年度工资台账',
      },
    },
    regional: {
      minimumWage: { value: 250_000, year: 2025, source: '当地最低工资标准通知' },
      urbanCpi: { value: 20, year: 2025, source: '统计公报' },
      wageGuideline: { value: { baselineBasisPoints: 500, upperBasisPoints: 800, lowerBasisPoints: 200 }, year: 2025, source: '工资指导线' },
    },
  }
}
