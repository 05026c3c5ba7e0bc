/**
 * The heart of the engine: one event applied to one case as a SQL program, run in ONE transaction:
 * revision check + new snapshot, the hash-chained CaseEvent, Deadline rows created/cancelled, OutboxMessage rows.
 * Programs are shared by sendEvent, openCase and the deadline scheduler.
 */
import crypto from 'node:crypto'
import { initialTransition, type AnyMachineSnapshot } from 'xstate'
import { getMachineEntry, type TMachineEntry } from '../../workflows/registry.js'
import type { TCancelDeadlineParams, TEmitEffectParams, TScheduleDeadlineParams } from '../../workflows/effects.js'
import type { TDeadline } from '../../workflows/rules/deadlines.js'
import { getRulePack } from '../../workflows/rules/jurisdictions/index.js'
import { AppError } from '../errors/app-error.js'
import { one, run, write, writeExpecting, type TSql } from '../db/sql.js'
import { acceptedEventTypes, pureTransition, restoreSnapshot, stateValueJson } from './case-machine.js'
import { eventHash, GENESIS_HASH } from './hash-chain.js'
import type { TActor } from './actor.js'

/** Turns a machine's scheduleDeadline into a due date with the legal calendar (injected: it needs calendar data). */
export type TDeadlineCalculator = (
  params: Pick<TScheduleDeadlineParams, 'from' | 'period' | 'endOfDay' | 'before'>,
  timeZone: string,
) => TDeadline

export type TApplyContext = {
  now: string
  nodeId: string
  computeDeadline: TDeadlineCalculator
}

export type TCaseRow = {
  id: string
  enterpriseId: string
  kind: string
  jurisdiction: string
  machineId: string
  machineVersion: number
  snapshot: string
  stateValue: string
  status: string
  revision: number
  lastHash: string
}

export type TApplied = {
  caseId: string
  seq: number
  revision: number
  state: unknown
  status: string
  allowedEvents: string[]
}

export const CASE_COLUMNS = `"id", "enterpriseId", "kind", "jurisdiction", "machineId", "machineVersion", "snapshot", "stateValue",
  "status", "revision", "lastHash"`

export function* loadCase(caseId: string): TSql<TCaseRow> {
  const row = yield* one<TCaseRow>(`SELECT ${CASE_COLUMNS} FROM "Case" WHERE "id" = ?`, [caseId])
  if (!row) throw caseNotFound(caseId)
  return row
}

export const caseNotFound = (caseId: string) =>
  new AppError('NOT_FOUND', { zh: `案件不存在：${caseId}`, en: `case not found: ${caseId}` }, { caseId })

type TEventInput = { type: string; [k: string]: unknown }

/**
 * Validates and stamps an event, checks the machine accepts it, and computes the transition. Throws before any
 * write: INVALID_INPUT (payload), TRANSITION_NOT_ALLOWED (wrong state), STATUTORY_RULE_VIOLATED (a guard's rule).
 */
export function decide(row: TCaseRow, input: TEventInput, now: string) {
  const { entry, snapshot } = restoreSnapshot(row)
  const parsed = entry.eventSchema.safeParse({ ...input, at: now })
  if (!parsed.success) {
    throw new AppError(
      'INVALID_INPUT',
      { zh: '事件内容无效', en: 'invalid event payload' },
      {
        issues: parsed.error.issues.map((i) => ({
          path: i.path.map(String).join('.'),
          message: i.message,
        })),
      },
    )
  }
  const event = parsed.data
  if (!snapshot.can(event)) {
    const allowed = acceptedEventTypes(snapshot)
    const accepted = event.type === 'deadline.elapsed' || allowed.includes(event.type)
    const violations = accepted ? (entry.explainRefusal?.(snapshot.context, event) ?? []) : []
    if (violations.length > 0) {
      throw new AppError(
        'STATUTORY_RULE_VIOLATED',
        { zh: violations.map((v) => v.message.zh).join('；'), en: violations.map((v) => v.message.en).join('; ') },
        { violations, state: snapshot.value },
      )
    }
    throw new AppError(
      'TRANSITION_NOT_ALLOWED',
      {
        zh: `当前状态不接受事件 ${event.type}`,
        en: `event ${event.type} is not allowed in the current state`,
      },
      { event: event.type, state: snapshot.value, allowedEvents: allowed },
    )
  }
  const [next, actions] = pureTransition(entry.machine, snapshot, event)
  return { entry, event, next, actions: actions as TAction[] }
}

type TAction = { type: string; params?: unknown }

/**
 * Writes the rows of one applied event: case snapshot (revision check), CaseEvent, deadlines, outbox. `lockedRow`:
 * the caller holds the Case row locked since it read it (the scheduler's batches), so the revision check cannot
 * fail and is pipelined with the other writes (a mismatch would still fail the transaction).
 */
export function* record(
  row: Pick<TCaseRow, 'id' | 'jurisdiction' | 'revision' | 'lastHash'>,
  entry: TMachineEntry,
  next: AnyMachineSnapshot,
  actions: readonly TAction[],
  event: { type: string },
  actor: TActor,
  ctx: TApplyContext,
  isNew: boolean,
  lockedRow = false,
): TSql<TApplied> {
  const seq = row.revision + 1
  const payload = JSON.stringify(event)
  const hash = eventHash(row.lastHash, {
    caseId: row.id,
    seq,
    type: event.type,
    payload,
    actorId: actor.id,
    actorRole: actor.role,
    occurredAt: ctx.now,
  })
  const snapshotJson = JSON.stringify(entry.machine.getPersistedSnapshot(next))
  if (!isNew && lockedRow) {
    yield* writeExpecting(
      `UPDATE "Case" SET "snapshot" = ?, "stateValue" = ?, "status" = ?, "revision" = ?, "lastHash" = ?, "updatedAt" = ?
       WHERE "id" = ? AND "revision" = ?`,
      [snapshotJson, stateValueJson(next), next.status, seq, hash, ctx.now, row.id, row.revision],
      1,
      () => concurrentChange(row.id, row.revision),
    )
  } else if (!isNew) {
    // Optimistic concurrency: the row must still be at the revision the decision was made on.
    const changed = yield* run(
      `UPDATE "Case" SET "snapshot" = ?, "stateValue" = ?, "status" = ?, "revision" = ?, "lastHash" = ?, "updatedAt" = ?
       WHERE "id" = ? AND "revision" = ?`,
      [snapshotJson, stateValueJson(next), next.status, seq, hash, ctx.now, row.id, row.revision],
    )
    if (changed !== 1) throw concurrentChange(row.id, row.revision)
  } else {
    yield* write(
      `UPDATE "Case" SET "snapshot" = ?, "stateValue" = ?, "status" = ?, "revision" = ?, "lastHash" = ?, "updatedAt" = ?
       WHERE "id" = ?`,
      [snapshotJson, stateValueJson(next), next.status, seq, hash, ctx.now, row.id],
    )
  }
  yield* write(
    `INSERT INTO "CaseEvent" ("caseId", "seq", "type", "payload", "actorId", "actorRole", "occurredAt", "prevHash", "hash")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [row.id, seq, event.type, payload, actor.id, actor.role, ctx.now, row.lastHash, hash],
  )
  yield* applyEffects(row, seq, actions, ctx)
  return {
    caseId: row.id,
    seq,
    revision: seq,
    state: next.value,
    status: next.status,
    allowedEvents: acceptedEventTypes(next),
  }
}

export const concurrentChange = (caseId: string, revision: number) =>
  new AppError(
    'CONCURRENT_CHANGE',
    {
      zh: '案件已被他人修改，请刷新后重试',
      en: 'the case was changed concurrently; reload and try again',
    },
    { caseId, expectedRevision: revision },
  )

/** A case has at most one pending deadline per kind; leaving its state or re-arming it cancels the pending one. */
function* cancelPendingDeadline(caseId: string, kind: string, now: string): TSql<void> {
  yield* write(
    `UPDATE "Deadline" SET "status" = 'cancelled', "cancelledAt" = ? WHERE "caseId" = ? AND "kind" = ? AND "status" = 'pending'`,
    [now, caseId, kind],
  )
}

function* applyEffects(
  row: Pick<TCaseRow, 'id' | 'jurisdiction'>,
  seq: number,
  actions: readonly TAction[],
  ctx: TApplyContext,
): TSql<void> {
  for (const action of actions) {
    switch (action.type) {
      case 'cancelDeadline': {
        const p = action.params as TCancelDeadlineParams
        yield* cancelPendingDeadline(row.id, p.kind, ctx.now)
        break
      }
      case 'scheduleDeadline': {
        const p = action.params as TScheduleDeadlineParams
        const timeZone = getRulePack(row.jurisdiction)?.timeZone ?? 'Asia/Shanghai'
        const computed = ctx.computeDeadline(p, timeZone)
        // One pending deadline per kind: re-arming replaces the earlier one.
        yield* cancelPendingDeadline(row.id, p.kind, ctx.now)
        yield* write(
          `INSERT INTO "Deadline" ("id", "caseId", "kind", "lastDay", "dueAt", "event", "explanation", "provisional", "status",
             "createdSeq", "attempts", "createdAt")
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, 0, ?)`,
          [
            crypto.randomUUID(),
            row.id,
            p.kind,
            computed.lastDay,
            computed.dueAt,
            JSON.stringify({ type: 'deadline.elapsed', kind: p.kind, dueAt: computed.dueAt }),
            JSON.stringify(deadlineExplanation(p, timeZone, computed)),
            computed.provisional,
            seq,
            ctx.now,
          ],
        )
        break
      }
      case 'emitEffect': {
        const p = action.params as TEmitEffectParams
        yield* write(
          `INSERT INTO "OutboxMessage" ("id", "caseId", "caseSeq", "effect", "payload", "status", "attempts", "availableAt", "createdAt")
           VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
          [crypto.randomUUID(), row.id, seq, p.effect, JSON.stringify(p.data), ctx.now, ctx.now],
        )
        break
      }
      default:
        // assign and other built-in actions were already applied by transition(); nothing else may slip by.
        if (!action.type.startsWith('xstate.')) {
          throw new Error(`unknown machine action ${action.type}: the engine does not know how to record it`)
        }
    }
  }
}

/** Applies one event to a case inside the caller's transaction. */
export function* applyEvent(
  caseId: string,
  input: TEventInput,
  actor: TActor,
  ctx: TApplyContext,
  expectedRevision?: number,
): TSql<TApplied> {
  const row = yield* loadCase(caseId)
  if (expectedRevision !== undefined && expectedRevision !== row.revision) {
    throw concurrentChange(caseId, expectedRevision)
  }
  const { entry, event, next, actions } = decide(row, input, ctx.now)
  return yield* record(row, entry, next, actions as TAction[], event, actor, ctx, false)
}

export type TOpenCaseInput = {
  enterpriseId: string
  kind: string
  jurisdiction: string
  workerSide: 'union' | 'electedRepresentatives'
  /** The typed-in facts of a filing registered from paper (machine `paperFiling`). */
  paper?: unknown
}

/** Creates a case: its machine's initial state, recorded as event seq 1 `case.opened` carrying the input. */
export function* openCaseProgram(
  caseId: string,
  machineId: string,
  input: TOpenCaseInput,
  actor: TActor,
  ctx: TApplyContext,
): TSql<TApplied> {
  const entry = getMachineEntry(machineId)
  if (!entry) throw new Error(`unknown machine ${machineId}`)
  const machineInput = { caseId, ...input, openedAt: ctx.now }
  const [initial, actions] = initialTransition(entry.machine, machineInput)
  yield* run(
    `INSERT INTO "Case" ("id", "enterpriseId", "kind", "jurisdiction", "machineId", "machineVersion", "snapshot",
       "stateValue", "status", "revision", "lastHash", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, '{}', '""', 'active', 0, ?, ?, ?)`,
    [caseId, input.enterpriseId, input.kind, input.jurisdiction, machineId, entry.version, GENESIS_HASH, ctx.now, ctx.now],
  )
  const row = { id: caseId, jurisdiction: input.jurisdiction, revision: 0, lastHash: GENESIS_HASH }
  return yield* record(
    row,
    entry,
    initial as AnyMachineSnapshot,
    actions as TAction[],
    { type: 'case.opened', ...machineInput },
    actor,
    ctx,
    true,
  )
}

/** What a Deadline row records of its computation: enough to show it to people and to recompute it later. */
export function deadlineExplanation(
  p: Pick<TScheduleDeadlineParams, 'from' | 'period' | 'label' | 'endOfDay' | 'before'>,
  timeZone: string,
  computed: TDeadline,
) {
  return {
    ...computed.explanation,
    label: p.label,
    period: p.period,
    from: p.from,
    endOfDay: p.endOfDay ?? true,
    before: p.before ?? false,
    timeZone,
    provisionalYears: computed.provisionalYears,
  }
}
