/**
 * What the document mappers read: the case's event log with the machine context after each event, the enterprise
 * and its region names, and a few rows other modules keep (the congress session that certified a vote, the
 * review deadline). Plain data: the mappers are pure functions of it, so they are tested without a database and
 * the same log always gives the same renderer input (and the same bytes).
 */
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate'
import type { TMachineEntry } from '../../../workflows/registry.js'
import type { TNegotiationContext } from '../../../workflows/negotiation/context.js'
import type { TCaseKind } from '../../../workflows/rules/jurisdictions/types.js'

/** One CaseEvent row: seq 1 is `case.opened` with the machine input. */
export type TLogEntry = { seq: number; type: string; payload: Record<string, unknown> }

export type TEnterpriseRecord = {
  id: string
  name: string
  creditCode: string
  regionCode: string
  industryCode: string
  headcount: number
  legalRepresentative: string | null
  address: string | null
}

export type TRegionRecord = { code: string; name: string; level: string; parentCode: string | null }

/** The congress sitting that certified a vote (src/congress), when the vote came through it. */
export type TCongressSessionRecord = {
  id: string
  name: string
  heldOn: string
  place: string
  presiding: string | null
  scrutineers: string[]
  tellers: string[]
  documentSha256: string
  draftVersion: number | null
  certifiedSeq: number | null
}

export type TDeadlineRecord = { kind: string; lastDay: string; createdSeq: number; status: string }

export type TCaseSources = {
  caseId: string
  caseKind: TCaseKind
  /** Rule-pack id, e.g. national. */
  jurisdiction: string
  /** Every event of the case in order (seq 1 = case.opened). */
  log: readonly TLogEntry[]
  /** The machine context right after event `seq`. */
  contextAt: (seq: number) => TNegotiationContext
  enterprise: TEnterpriseRecord
  /** The enterprise's region first, then its parents up to the province. */
  regions: readonly TRegionRecord[]
  congressSessions: readonly TCongressSessionRecord[]
  deadlines: readonly TDeadlineRecord[]
}

/**
 * Replays a log through the machine (pure XState `transition`, as verify.ts does) and keeps the context after
 * every event, so a document is built from the case as it was when its event happened, however late it runs.
 */
export function replayContexts(entry: Pick<TMachineEntry, 'machine'>, log: readonly TLogEntry[]): Map<number, TNegotiationContext> {
  const [first, ...rest] = log
  if (!first || first.type !== 'case.opened') throw new Error('the event log does not start with case.opened')
  const { type: _t, ...input } = first.payload
  let [snapshot] = initialTransition(entry.machine, input) as [AnyMachineSnapshot, unknown]
  const out = new Map<number, TNegotiationContext>([[first.seq, snapshot.context as TNegotiationContext]])
  for (const e of rest) {
    ;[snapshot] = transition(entry.machine, snapshot, { ...e.payload, type: e.type }) as [AnyMachineSnapshot, unknown]
    out.set(e.seq, snapshot.context as TNegotiationContext)
  }
  return out
}

/** Sources over a replayed log. */
export function caseSources(
  entry: Pick<TMachineEntry, 'machine'>,
  base: Omit<TCaseSources, 'contextAt'>,
): TCaseSources {
  const contexts = replayContexts(entry, base.log)
  return {
    ...base,
    contextAt: (seq) => {
      const c = contexts.get(seq)
      if (!c) throw new Error(`the case has no event ${seq}`)
      return c
    },
  }
}

/** The log entry at `seq`. */
export function eventAt(s: TCaseSources, seq: number): TLogEntry {
  const e = s.log.find((x) => x.seq === seq)
  if (!e) throw new Error(`the case has no event ${seq}`)
  return e
}

/** The last event of one of `types` at or before `seq`. */
export function lastEventBefore(s: TCaseSources, seq: number, types: readonly string[]): TLogEntry | undefined {
  let found: TLogEntry | undefined
  for (const e of s.log) {
    if (e.seq > seq) break
    if (types.includes(e.type)) found = e
  }
  return found
}
