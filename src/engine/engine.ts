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
import { intakeFiling } from './intake.js'
import { registerPaperFilingProgram, type TPaperFilingCommand } from './paper-filing.js'
import { createGroupCommit, type TGroupCommitOptions } from './group-commit.js'

export type TEngineDeps = {
  db: TDatabase
  clock: TClock
  nodeId: string
  computeDeadline: TDeadlineCalculator
  /** Commands waiting for the database share one transaction (one durable commit); see group-commit.ts. */
  groupCommit?: TGroupCommitOptions
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
  const commits = createGroupCommit(db, deps.groupCommit)

  async function withRetry<T>(caseId: string, expectedRevision: number | undefined, program: () => TSql<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await commits.submit(caseId, program)
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
      return commits.submit(caseId, function* () {
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

    /** Registers a filing that arrived on paper, with its scan, as a `paperFiling` case (paper-filing.ts). */
    async registerPaperFiling(command: TPaperFilingCommand, options: TCommandOptions = {}): Promise<TApplied> {
      const caseId = crypto.randomUUID()
      return db.transaction(function* () {
        const applied = yield* registerPaperFilingProgram(caseId, command, ctx())
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
      return withRetry(caseId, expectedRevision, function* () {
        // JHR 42-43: a filing is routed to its receiving bureau and refused when it duplicates another (intake.ts).
        const input = yield* intakeFiling(caseId, event)
        const applied = yield* applyEvent(caseId, input, actor, ctx(), expectedRevision)
        if (options.alsoInTransaction) yield* options.alsoInTransaction(applied)
        return applied
      })
    },
  }
}

export type TEngine = ReturnType<typeof createEngine>
