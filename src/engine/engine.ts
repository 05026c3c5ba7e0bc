/**
 * The engine: the only way a case changes. Each command is one transaction (see apply-transition.ts); side effects
 * run after commit from the outbox; deadlines fire through the same path (scheduler.ts).
 */
import crypto from 'node:crypto'
import { ZCaseKinds } from '../../workflows/negotiation/machine.js'
import { getRulePack } from '../../workflows/rules/jurisdictions/index.js'
import type { TDatabase } from '../db/database.js'
import { one, type TSql } from '../db/sql.js'
import { AppError } from '../errors/app-error.js'
import type { TActor } from './actor.js'
import {
  applyEvent,
  openCaseProgram,
  type TApplied,
  type TDeadlineCalculator,
} from './apply-transition.js'
import type { TClock } from './clock.js'

export type TEngineDeps = {
  db: TDatabase
  clock: TClock
  nodeId: string
  computeDeadline: TDeadlineCalculator
}

export type TEventInput = { type: string; [k: string]: unknown }

/**
 * Extra writes committed in the same transaction as the event, given its result (e.g. the HTTP layer's
 * idempotency record, so a stored response exists exactly when the effect does).
 */
export type TCommandOptions = { alsoInTransaction?: (applied: TApplied) => TSql<void> }

/** On PostgreSQL a concurrent writer can move the revision between read and write; without an expected revision
 * the command is simply decided again on the new state. */
const MAX_RETRIES = 8

export function createEngine(deps: TEngineDeps) {
  const { db, clock, nodeId, computeDeadline } = deps
  const ctx = () => ({ now: clock.now().toISOString(), nodeId, computeDeadline })

  async function withRetry<T>(expectedRevision: number | undefined, program: () => TSql<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await db.transaction(program)
      } catch (e) {
        const retriable = e instanceof AppError && e.code === 'CONCURRENT_CHANGE' && expectedRevision === undefined
        if (!retriable || attempt >= MAX_RETRIES) throw e
      }
    }
  }

  return {
    db,
    clock,
    nodeId,

    /** Opens a case for an enterprise. The worker side follows the enterprise's union (LCL 51). */
    async openCase(
      input: { enterpriseId: string; kind: string; jurisdiction: string; id?: string },
      actor: TActor,
      options: TCommandOptions = {},
    ): Promise<TApplied> {
      if (!(ZCaseKinds as readonly string[]).includes(input.kind)) {
        throw new AppError(
          'INVALID_INPUT',
          { zh: `合同类型无效：${input.kind}`, en: `unknown contract kind: ${input.kind}` },
          { issues: [{ path: 'kind', message: `expected one of ${ZCaseKinds.join(', ')}` }] },
        )
      }
      if (!getRulePack(input.jurisdiction)) {
        throw new AppError(
          'INVALID_INPUT',
          { zh: `适用地区规则无效：${input.jurisdiction}`, en: `unknown jurisdiction: ${input.jurisdiction}` },
          { issues: [{ path: 'jurisdiction', message: 'unknown jurisdiction' }] },
        )
      }
      const caseId = input.id ?? crypto.randomUUID()
      return db.transaction(function* () {
        const enterprise = yield* one<{ id: string; hasUnion: number | boolean }>(
          `SELECT "id", "hasUnion" FROM "Enterprise" WHERE "id" = ?`,
          [input.enterpriseId],
        )
        if (!enterprise) {
          throw new AppError(
            'NOT_FOUND',
            { zh: `企业不存在：${input.enterpriseId}`, en: `enterprise not found: ${input.enterpriseId}` },
            { enterpriseId: input.enterpriseId },
          )
        }
        const workerSide = enterprise.hasUnion === true || enterprise.hasUnion === 1 ? 'union' : 'electedRepresentatives'
        const applied = yield* openCaseProgram(
          caseId,
          'negotiation',
          { enterpriseId: input.enterpriseId, kind: input.kind, jurisdiction: input.jurisdiction, workerSide },
          actor,
          ctx(),
        )
        if (options.alsoInTransaction) yield* options.alsoInTransaction(applied)
        return applied
      })
    },

    /**
     * Applies one event. With `expectedRevision`, a case that moved on is refused (CONCURRENT_CHANGE, nothing
     * written); without it, a concurrent change is retried on the new state.
     */
    async sendEvent(
      caseId: string,
      event: TEventInput,
      actor: TActor,
      expectedRevision?: number,
      options: TCommandOptions = {},
    ): Promise<TApplied> {
      if (event.type === 'deadline.elapsed' && actor.role !== 'system') {
        throw new AppError('FORBIDDEN', {
          zh: '期限届满事件只能由系统发出',
          en: 'only the system sends deadline.elapsed',
        })
      }
      return withRetry(expectedRevision, function* () {
        const applied = yield* applyEvent(caseId, event, actor, ctx(), expectedRevision)
        if (options.alsoInTransaction) yield* options.alsoInTransaction(applied)
        return applied
      })
    },
  }
}

export type TEngine = ReturnType<typeof createEngine>
