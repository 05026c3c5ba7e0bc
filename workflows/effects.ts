/**
 * The contract between the pure statutory machines and the engine that runs them.
 *
 * Machines never perform I/O and never read a clock. They name what must happen as XState actions whose
 * implementations here are empty: `transition()` returns them as action objects with resolved `params`, and the
 * engine (src/engine) turns each into rows in the same database transaction as the new snapshot:
 *   - `scheduleDeadline` → a Deadline row (due time computed by the legal calendar, see rules/deadlines.ts),
 *   - `cancelDeadline`   → the pending Deadline row of that kind is cancelled,
 *   - `emitEffect`       → an OutboxMessage row, run after commit (PDF, mail, …).
 * No XState `after` is used for statutory periods: delayed events are not restored from snapshots
 * (statelyai/xstate#5331).
 */
import { z } from 'zod'

/** How a statutory period is counted. `workingDays` skips weekends and public holidays and counts 调休 days. */
export const ZPeriodUnitSchema = z.enum(['calendarDays', 'workingDays', 'months'])
export type TPeriodUnit = z.infer<typeof ZPeriodUnitSchema>

/** A statutory period with the article that sets it, e.g. 20 calendar days, JHR 32. */
export const ZPeriodRuleSchema = z.object({
  length: z.number().int().positive(),
  unit: ZPeriodUnitSchema,
  /** The article that sets the period, e.g. "JHR 32; GZ 17". */
  article: z.string().min(1),
})
export type TPeriodRule = z.infer<typeof ZPeriodRuleSchema>

/** Kinds of statutory deadline a case can have open. One pending deadline per kind per case. */
export const ZDeadlineKindSchema = z.enum([
  'requestReply', // JHR 32, GZ 17: written reply to the request
  'vacancyFill', // JHR 31: fill a negotiator vacancy
  'suspensionEnd', // JHR 35 + local caps: agreed suspension period ends
  'negotiationLimit', // local overall limits (e.g. Shandong 28: 60 days to sign)
  'coordination', // JHR 52: bureau finishes coordination
  'congressSubmission', // local: draft to congress within N working days (Zhejiang 24)
  'filing', // JHR 42 / GZ 21: employer files the signed agreement
  'review', // JHR 44-47 / GZ 22: bureau review from receipt
  'publication', // JHR 48 / GZ 23: publication to all workers
  'renewalWindow', // JHR 38 / GZ 24: renewal window opens before expiry
  'expiry', // JHR 38: the agreement's term ends
  'informationSupply', // GZ 18 + local (Zhejiang 16, Chongqing 20 …): information due N days before the meeting
  'coordinationAcceptance', // Henan 38: the bureau acts on a coordination application within 5 working days
  'coordinationApplication', // Henan 37: after the negotiation limit, 15 days to apply for coordination
])
export type TDeadlineKind = z.infer<typeof ZDeadlineKindSchema>

export type TScheduleDeadlineParams = {
  kind: TDeadlineKind
  /**
   * The local calendar date (YYYY-MM-DD, jurisdiction time zone) from which the period runs. The start day is
   * not counted (CC 201).
   */
  from: string
  period: TPeriodRule
  /** What the deadline is about, for people: Chinese first, English second. */
  label: { zh: string; en: string }
  /**
   * true (default): the deadline falls on the last day of the period and the event is sent at the end of that
   * day (CC 203 moves a last day that is a holiday). false: the event is sent at the start of the computed day
   * (used for windows that *open* on a day, e.g. the renewal window).
   */
  endOfDay?: boolean
  /** Count backwards from `from` (e.g. the renewal window opens N days before expiry). */
  before?: boolean
}

export type TCancelDeadlineParams = { kind: TDeadlineKind }

/** A side effect to run after commit, by name; src/engine supplies the implementations. */
export type TEmitEffectParams = {
  effect: string
  data: Record<string, unknown>
}

/** The event the engine sends when a deadline falls due. */
export const ZDeadlineElapsedEventSchema = z.object({
  type: z.literal('deadline.elapsed'),
  kind: ZDeadlineKindSchema,
  /** The instant (ISO UTC) the deadline fell due. */
  dueAt: z.string(),
})
export type TDeadlineElapsedEvent = z.infer<typeof ZDeadlineElapsedEventSchema>

/** Empty implementations: the engine interprets these actions from `transition()`'s result; they never run. */
export const effectActions = {
  scheduleDeadline: (_: unknown, _params: TScheduleDeadlineParams) => {},
  cancelDeadline: (_: unknown, _params: TCancelDeadlineParams) => {},
  emitEffect: (_: unknown, _params: TEmitEffectParams) => {},
}
