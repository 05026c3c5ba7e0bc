/**
 * Read models of the pages, composed from the engine's queries (never the database directly): a user's cases with
 * their next deadline, the bureau's inbox, the public register of agreements in force.
 */
import { scopeOf, type TPrincipal } from '../auth/principal.js'
import type { TEngine } from '../engine/engine.js'
import { listCases, type TCaseFilter, type TCaseListItem } from '../engine/list-cases.js'
import { getCase, type TCaseView, type TDeadlineView } from '../engine/queries.js'
import type { TScope } from '../engine/scope.js'
import type { TNegotiationContext } from '../../workflows/negotiation/context.js'
import { diffDays } from '../../workflows/rules/calendar/dates.js'
import { localToday } from './format.js'

export type TDeadlineInfo = TDeadlineView & {
  label: { zh: string; en: string } | null
  text: { zh: string; en: string } | null
  daysLeft: number
  /** The statutory period (e.g. 15 calendar days) and the date it counts from. */
  period: { length: number; unit: string; from: string } | null
}

export function deadlineInfo(d: TDeadlineView, now: Date): TDeadlineInfo {
  const x = (d.explanation ?? {}) as { label?: { zh: string; en: string }; text?: { zh: string; en: string }; length?: number; unit?: string; from?: string }
  return {
    ...d,
    label: x.label ?? null,
    text: x.text ?? null,
    daysLeft: diffDays(localToday(now), d.lastDay),
    period: typeof x.length === 'number' && typeof x.unit === 'string' && typeof x.from === 'string' ? { length: x.length, unit: x.unit, from: x.from } : null,
  }
}

/** "Day n of N" of a period counted in calendar days from its start (the start day not counted, CC 201). */
export function periodDay(d: TDeadlineInfo, now: Date): { day: number; of: number; extendedTo?: string } | null {
  if (!d.period || d.period.unit !== 'calendarDays') return null
  const day = diffDays(d.period.from, localToday(now))
  const plainLast = diffDays(d.period.from, d.lastDay)
  return { day, of: d.period.length, ...(plainLast > d.period.length ? { extendedTo: d.lastDay } : {}) }
}

export type TCaseSummary = { item: TCaseListItem; view: TCaseView; next: TDeadlineInfo | null }

const filterDefaults = { limit: 200, offset: 0 }

/** Cases within a scope, each with its view and next pending deadline (newest first). */
export async function caseSummaries(
  engine: TEngine,
  scope: TScope,
  filter: Partial<TCaseFilter> = {},
): Promise<TCaseSummary[]> {
  const now = engine.clock.now()
  const page = await listCases(engine.db, scope, { ...filterDefaults, ...filter }, now.toISOString())
  return Promise.all(
    page.items.map(async (item) => {
      const view = await getCase(engine.db, item.id)
      const first = view.deadlines[0]
      return { item, view, next: first ? deadlineInfo(first, now) : null }
    }),
  )
}

export const myCases = (engine: TEngine, p: TPrincipal, filter: Partial<TCaseFilter> = {}) => caseSummaries(engine, scopeOf(p), filter)

export const contextOf = (v: TCaseView) => v.context as TNegotiationContext
