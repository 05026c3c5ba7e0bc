/**
 * The review workbench of one filing: the automatic legality and completeness checks (workflows/review/checks.ts)
 * computed from the case's record, the generated filing package's manifest and the minimum wage in force in the
 * enterprise's region, with the review clock (day N of 15, the last day and the instant it passes) and the routing.
 */
import type { TNegotiationContext } from '../../workflows/negotiation/context.js'
import type { TRoutedTo } from '../../workflows/negotiation/events.js'
import type { TPaperFilingContext } from '../../workflows/review/paper-filing.js'
import { shippedCalendars, type TCalendarYear } from '../../workflows/rules/calendar/index.js'
import { diffDays, toLocalDate } from '../../workflows/rules/calendar/dates.js'
import { resolveRulePack } from '../../workflows/rules/jurisdictions/index.js'
import type { TCaseKind } from '../../workflows/rules/jurisdictions/types.js'
import {
  factsFromContext,
  factsFromPaper,
  minimumWageDate,
  reviewChecks,
  type TMinimumWageFacts,
  type TReviewCheckReport,
} from '../../workflows/review/checks.js'
import type { TDatabase } from '../db/database.js'
import { all, one } from '../db/sql.js'
import { AppError } from '../errors/app-error.js'
import { applicableMinimumWage } from '../regions/wage-standards.js'
import { getCaseScope } from './case-scope.js'
import { getCase, type TDeadlineView } from './queries.js'

export type TReviewClock = {
  receivedOn: string
  /** Calendar days since receipt (the receipt day not counted, CC 201), e.g. 13 of 15. */
  day: number
  of: number
  lastDay: string
  dueAt: string
  provisional: boolean
  /** From day 13 the inbox flags the filing. */
  flagged: boolean
}

export type TReviewWorkbench = TReviewCheckReport & {
  caseId: string
  state: unknown
  routedTo: TRoutedTo | null
  review: TReviewClock | null
}

export const REVIEW_FLAG_DAY = 13

function reviewClock(context: TNegotiationContext, deadlines: readonly TDeadlineView[], now: Date, timeZone: string): TReviewClock | null {
  const d = deadlines.find((x) => x.kind === 'review' && x.status === 'pending')
  const receivedOn = context.review?.receivedOn
  if (!d || !receivedOn) return null
  const x = (d.explanation ?? {}) as { length?: number }
  const day = diffDays(receivedOn, toLocalDate(now.toISOString(), timeZone))
  return {
    receivedOn,
    day,
    of: typeof x.length === 'number' ? x.length : diffDays(receivedOn, d.lastDay),
    lastDay: d.lastDay,
    dueAt: d.dueAt,
    provisional: d.provisional,
    flagged: day >= REVIEW_FLAG_DAY,
  }
}

/** The checks of a case's filing (NOT_FOUND for an unknown case; the caller checks access first). */
export async function getReviewWorkbench(db: TDatabase, caseId: string, now: Date): Promise<TReviewWorkbench> {
  const view = await getCase(db, caseId)
  const scope = await getCaseScope(db, caseId)
  const context = view.context as TNegotiationContext
  const pack = resolveRulePack(view.jurisdiction, view.kind as TCaseKind)
  if (!pack) {
    throw new AppError('INTEGRITY_VIOLATION', { zh: `案件的适用规则不存在：${view.jurisdiction}`, en: `unknown jurisdiction of the case: ${view.jurisdiction}` })
  }
  if (!context.filing?.filedOn) {
    throw new AppError(
      'TRANSITION_NOT_ALLOWED',
      { zh: '该案件尚未报送备案，没有可审查的材料。', en: 'The case has not been filed: there is nothing to review yet.' },
      { caseId, state: view.state },
    )
  }
  // A paper filing's facts are what the bureau typed in; a case's are its record and its generated package.
  const paper = (context as Partial<TPaperFilingContext>).paper
  const factsOf = (parts: readonly string[]) => (paper ? factsFromPaper({ ...context, paper }) : factsFromContext(context, parts))
  const { manifest, minimum, loadedYears } = await db.read(function* () {
    // The calendars as the database has them (shipped years, replaced by the years an admin loaded).
    const years = yield* all<{ data: string }>(`SELECT "data" FROM "CalendarYear" ORDER BY "year"`)
    const pkg = yield* one<{ manifest: string | null }>(
      `SELECT "manifest" FROM "Document" WHERE "caseId" = ? AND "kind" = 'filingPackage' ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`,
      [caseId],
    )
    const facts = factsOf([])
    const onDate = minimumWageDate(facts)
    const found = onDate ? yield* applicableMinimumWage(scope.regionCode, onDate) : undefined
    return { manifest: pkg?.manifest ?? null, minimum: onDate ? { onDate, found } : null, loadedYears: years.map((y) => JSON.parse(y.data) as TCalendarYear) }
  })
  const calendars = [...shippedCalendars.filter((c) => !loadedYears.some((l) => l.year === c.year)), ...loadedYears]
  const parts = manifest ? (JSON.parse(manifest) as { kind: string }[]).map((p) => p.kind) : []
  const facts = factsOf(parts)
  let minimumWage: TMinimumWageFacts | null = null
  if (minimum) {
    const f = minimum.found
    const sourceOf = (s: { title: string; number: string | null; issuer: string }) => `${s.issuer}《${s.title}》${s.number ? s.number : ''}`
    minimumWage = !f
      ? { status: 'none', onDate: minimum.onDate, regionCode: scope.regionCode }
      : f.status === 'found'
        ? { status: 'found', onDate: minimum.onDate, regionCode: f.regionCode, fenPerMonth: f.figure.value, source: sourceOf(f.figure.source) }
        : {
            status: 'tierUnknown',
            onDate: minimum.onDate,
            regionCode: f.regionCode,
            tiers: f.tiers.map((t) => ({ tier: t.tier, fenPerMonth: t.value })),
            source: sourceOf(f.tiers[0]!.source),
          }
  }
  const report = reviewChecks({ facts, pack, minimumWage, calendars })
  return {
    caseId,
    state: view.state,
    routedTo: context.filing.routedTo ?? null,
    review: reviewClock(context, view.deadlines, now, pack.timeZone),
    ...report,
  }
}
