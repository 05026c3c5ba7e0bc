/**
 * Object-level access to enterprises and cases, and sending an event as a signed-in user. A caller with no role on
 * the object gets NOT_FOUND, exactly as if it did not exist.
 */
import { caseNotFound, concurrentChange, type TApplied } from '../engine/apply-transition.js'
import { caseScopeWithRowProgram, getCaseScope, type TCaseScope } from '../engine/case-scope.js'
import type { TEngine, TCommandOptions, TEventInput } from '../engine/engine.js'
import { getEnterprise, enterpriseNotFound } from '../engine/enterprises.js'
import { caseViewProgram, getCase, type TCaseView } from '../engine/queries.js'
import { AppError } from '../errors/app-error.js'
import { decideEvent, mayOfferEvent } from './event-policy.js'
import { isAdmin, rolesOn, type TPrincipal, type TUserRole } from './principal.js'
import { regionPath } from '../engine/regions.js'
import type { TNegotiationContext } from '../../workflows/negotiation/context.js'
import { receivesFiling } from '../../workflows/review/routing.js'

/** The caller's roles on a case; NOT_FOUND when they have none (or the case does not exist). */
export async function caseAccess(engine: TEngine, principal: TPrincipal, caseId: string): Promise<{ scope: TCaseScope; roles: TUserRole[] }> {
  const scope = await getCaseScope(engine.db, caseId)
  const roles = rolesOn(principal, scope)
  if (roles.length === 0) throw caseNotFound(caseId)
  return { scope, roles }
}

/**
 * The caller's roles on a case and the case itself, in one read (the scope and the Case row in one statement): a
 * caller with no role gets NOT_FOUND, the same answer as for a case that does not exist, and nothing else is read.
 */
export async function readCaseAs(
  engine: TEngine,
  principal: TPrincipal,
  caseId: string,
): Promise<{ scope: TCaseScope; roles: TUserRole[]; view: TCaseView }> {
  const provider = engine.db.provider
  return engine.db.pointRead(function* () {
    const { scope, row } = yield* caseScopeWithRowProgram(caseId, provider)
    const roles = rolesOn(principal, scope)
    if (roles.length === 0) throw caseNotFound(caseId)
    return { scope, roles, view: yield* caseViewProgram(caseId, provider, row) }
  })
}

export async function enterpriseAccess(engine: TEngine, principal: TPrincipal, enterpriseId: string) {
  const found = await getEnterprise(engine.db, enterpriseId)
  const roles = rolesOn(principal, { enterpriseId, regionPath: found.regionPath })
  if (roles.length === 0) throw enterpriseNotFound(enterpriseId)
  return { ...found, roles }
}

/** Requires one of `allowed` among the caller's roles on an object they can see. */
export function requireRoleOn(roles: readonly TUserRole[], allowed: readonly TUserRole[], what: { zh: string; en: string }) {
  if (!roles.some((r) => allowed.includes(r))) {
    throw new AppError('FORBIDDEN', { zh: `无权${what.zh}`, en: `not allowed to ${what.en}` }, { requiredRoles: allowed })
  }
}

/** Events the caller may send now: accepted by the machine and allowed to one of their roles. */
export function permittedEvents(view: TCaseView, roles: readonly TUserRole[], userId: string): string[] {
  return view.allowedEvents.filter((type) => mayOfferEvent(type, roles, view.context, userId))
}

/** The bureau's decisions on a filing (JHR 42-47): only the bureau the filing was routed to makes them (JHR 43). */
export const FILING_DECISIONS: readonly string[] = ['filing.registered', 'correction.requested', 'review.objected', 'review.approved']

/**
 * JHR 43: a bureau reviewer acts on (and lists) only the filings routed to their region or a region below it; an
 * admin acts on every filing. FORBIDDEN names the receiving region.
 */
export async function requireReceivingBureau(engine: TEngine, principal: TPrincipal, context: unknown): Promise<void> {
  if (isAdmin(principal)) return
  const routedTo = (context as TNegotiationContext | null)?.filing?.routedTo
  if (!routedTo) return
  const regions = principal.memberships.filter((m) => m.role === 'bureauReviewer' && m.regionCode).map((m) => m.regionCode!)
  if (receivesFiling(regions, await regionPath(engine.db, routedTo.regionCode))) return
  throw new AppError(
    'FORBIDDEN',
    {
      zh: `该备案依据${routedTo.article}由行政区划 ${routedTo.regionCode} 的劳动保障行政部门受理，不属于本部门。`,
      en: `Under ${routedTo.article} this filing is received by the bureau of region ${routedTo.regionCode}, not yours.`,
    },
    { routedTo },
  )
}

const MAX_ATTEMPTS = 8

/**
 * Sends an event as the caller. The access rule is decided on the case as read, and the event is applied at that
 * revision, so the decision and the write see the same state; when the case moved in between and the client gave
 * no expected revision, both are done again on the new state.
 */
export async function sendEventAs(
  engine: TEngine,
  principal: TPrincipal,
  caseId: string,
  event: TEventInput,
  expectedRevision: number | undefined,
  options: TCommandOptions = {},
): Promise<TApplied> {
  const first = await readCaseAs(engine, principal, caseId)
  const { roles } = first
  for (let attempt = 1; ; attempt++) {
    const view = attempt === 1 ? first.view : await getCase(engine.db, caseId)
    if (expectedRevision !== undefined && view.revision !== expectedRevision) throw concurrentChange(caseId, expectedRevision)
    const decision = decideEvent(event, roles, view.context, principal.user.id)
    if (!decision.ok) throw new AppError('FORBIDDEN', decision.reason, { event: event.type, violations: decision.violations })
    if (decision.role === 'bureauReviewer' && FILING_DECISIONS.includes(event.type)) await requireReceivingBureau(engine, principal, view.context)
    try {
      return await engine.sendEvent(caseId, event, { id: principal.user.id, role: decision.role }, view.revision, options)
    } catch (e) {
      const retry = e instanceof AppError && e.code === 'CONCURRENT_CHANGE' && expectedRevision === undefined && attempt < MAX_ATTEMPTS
      if (!retry) throw e
    }
  }
}
