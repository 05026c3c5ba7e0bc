/**
 * Intake of a filing (报送, JHR 42-43) inside the event's own transaction, before the machine sees it:
 *   - routing (JHR 43, workflows/review/routing.ts): the receiving bureau is computed from the enterprise's region
 *     path (and the establishments and central-enterprise flag the employer declares) and stamped on the event as
 *     `routedTo`, so it is part of the hash-chained log and a replay gives the same result;
 *   - duplicate detection: the same agreement filed twice — the same enterprise with a signed text of the same
 *     SHA-256, or the same enterprise and kind with an overlapping term already filed, registered, under review or
 *     in force — is refused with DUPLICATE_FILING (409) naming the other case; nothing is written.
 */
import { addDays, addMonths, compareDates } from '../../workflows/rules/calendar/dates.js'
import type { TNegotiationContext } from '../../workflows/negotiation/context.js'
import { resolveRulePack } from '../../workflows/rules/jurisdictions/index.js'
import type { TCaseKind, TRoutingRule } from '../../workflows/rules/jurisdictions/types.js'
import { routeFiling, type TRegionPath, type TRouting } from '../../workflows/review/routing.js'
import { all, one, type TSql } from '../db/sql.js'
import { AppError } from '../errors/app-error.js'
import { loadCase } from './apply-transition.js'
import { acceptedEventTypes, restoreSnapshot } from './case-machine.js'
import { invalidField } from './command.js'
import { regionPathProgram } from './scope.js'

type TEventInput = { type: string; [k: string]: unknown }

/** States in which a filing of the case is pending or decided: a second filing of the same agreement is a duplicate. */
export const FILED_STATES = ['awaitingRegistration', 'correctionRequested', 'underReview', 'inForce'] as const

/** A region and its ancestors with their levels, nearest first; empty for an unknown code. */
export function* regionPathWithLevels(code: string): TSql<{ code: string; level: string }[]> {
  const codes = yield* regionPathProgram(code)
  const out: { code: string; level: string }[] = []
  for (const c of codes) {
    const r = yield* one<{ level: string }>(`SELECT "level" FROM "Region" WHERE "code" = ?`, [c])
    out.push({ code: c, level: r?.level ?? 'county' })
  }
  return out
}

export type TTerm = { from: string; to: string }

/**
 * The term a case's agreement runs for: the contract in force when `inForce`, else the signed draft (its start, or
 * the signing date when the draft names none [D]); an amendment that keeps the term keeps the contract's.
 */
export function filedTermOf(context: TNegotiationContext, inForce: boolean): TTerm | undefined {
  const agreement = context.agreement ? { from: context.agreement.termStartsOn, to: context.agreement.expiresOn } : undefined
  if (inForce) return agreement
  // A filing registered from paper (workflows/review/paper-filing.ts) states its term.
  const paper = (context as { paper?: { termMonths: number; termStartsOn?: string; signedOn: string } }).paper
  if (paper) {
    const from = paper.termStartsOn ?? paper.signedOn
    return { from, to: addDays(addMonths(from, paper.termMonths), -1) }
  }
  const version = context.signature?.draftVersion ?? context.draft?.version
  const draft = context.drafts.find((d) => d.version === version) ?? context.draft
  const months = draft?.termMonths
  const from = draft?.termStartsOn ?? context.signature?.signedOn
  if (months === undefined || from === undefined) return agreement
  return { from, to: addDays(addMonths(from, months), -1) }
}

const overlaps = (a: TTerm, b: TTerm) => compareDates(a.from, b.to) <= 0 && compareDates(b.from, a.to) <= 0

const STATE_ZH: Record<string, string> = {
  awaitingRegistration: '已报送待登记',
  correctionRequested: '补正中',
  underReview: '审查中',
  inForce: '已生效',
}

function duplicate(reason: 'sameDocument' | 'overlappingTerm', other: { id: string; state: string; registrationNumber?: string; term?: TTerm }, sha?: string): AppError {
  const reg = other.registrationNumber ? `（登记编号${other.registrationNumber}）` : ''
  const regEn = other.registrationNumber ? ` (registration ${other.registrationNumber})` : ''
  const text =
    reason === 'sameDocument'
      ? {
          zh: `同一协议已经报送：案件 ${other.id}${reg}的签字文本与本次报送的文本相同（SHA-256 ${sha!.slice(0, 12)}…），状态为${STATE_ZH[other.state] ?? other.state}。`,
          en: `This agreement was already filed: case ${other.id}${regEn} has the same signed text (SHA-256 ${sha!.slice(0, 12)}…) and is ${other.state}.`,
        }
      : {
          zh: `同一企业同类合同的期限重叠：案件 ${other.id}${reg}（${other.term!.from}至${other.term!.to}）${STATE_ZH[other.state] ?? other.state}，不能重复报送。`,
          en: `The enterprise already has an agreement of this kind for an overlapping term: case ${other.id}${regEn} (${other.term!.from} to ${other.term!.to}) is ${other.state}; it cannot be filed twice.`,
        }
  return new AppError('DUPLICATE_FILING', text, { reason, otherCaseId: other.id, otherState: other.state, ...(sha ? { sha256: sha } : {}) })
}

const stateOf = (stateValue: string): string | undefined => FILED_STATES.find((s) => stateValue.includes(`"${s}"`))

/** Document kinds that hold the text of a filed agreement: the signed text, or the scan of a paper filing. */
const TEXT_KINDS = ['agreement', 'paperFiling'] as const

/**
 * The duplicate a new filing would be, if any: another case of the enterprise whose filing is pending or decided,
 * with a filed text of the same SHA-256 (any kind), or of the same kind with an overlapping term.
 */
export function* findDuplicateFiling(f: { enterpriseId: string; excludeCaseId?: string; kind: string; term?: TTerm; sha256?: string }): TSql<AppError | null> {
  const others = yield* all<{ id: string; kind: string; stateValue: string; snapshot: string; machineId: string; machineVersion: number }>(
    `SELECT "id", "kind", "stateValue", "snapshot", "machineId", "machineVersion" FROM "Case"
     WHERE "enterpriseId" = ? AND "id" <> ? AND (${FILED_STATES.map(() => `"stateValue" LIKE ?`).join(' OR ')})
     ORDER BY "createdAt", "id"`,
    [f.enterpriseId, f.excludeCaseId ?? '', ...FILED_STATES.map((s) => `%"${s}"%`)],
  )
  const contextOf = (o: (typeof others)[number]) =>
    restoreSnapshot({ machineId: o.machineId, machineVersion: o.machineVersion, snapshot: o.snapshot }).snapshot.context as TNegotiationContext
  if (f.sha256) {
    for (const o of others) {
      const same = yield* one<{ id: string }>(
        `SELECT "id" FROM "Document" WHERE "caseId" = ? AND "kind" IN (${TEXT_KINDS.map(() => '?').join(', ')}) AND "sha256" = ? LIMIT 1`,
        [o.id, ...TEXT_KINDS, f.sha256],
      )
      if (same) {
        const registrationNumber = contextOf(o).filing?.registrationNumber
        return duplicate('sameDocument', { id: o.id, state: stateOf(o.stateValue) ?? '', ...(registrationNumber ? { registrationNumber } : {}) }, f.sha256)
      }
    }
  }
  if (!f.term) return null
  for (const o of others) {
    if (o.kind !== f.kind) continue
    const oc = contextOf(o)
    const otherTerm = filedTermOf(oc, stateOf(o.stateValue) === 'inForce')
    if (otherTerm && overlaps(f.term, otherTerm)) {
      const registrationNumber = oc.filing?.registrationNumber ?? oc.agreement?.registrationNumber
      return duplicate('overlappingTerm', { id: o.id, state: stateOf(o.stateValue) ?? '', term: otherTerm, ...(registrationNumber ? { registrationNumber } : {}) })
    }
  }
  return null
}

/** The receiving bureau of an enterprise's filing (JHR 43); `field` names the establishments in a refusal. */
export function* routeOf(
  regionCode: string,
  declared: unknown,
  centralEnterprise: boolean,
  rule: TRoutingRule,
  field: string,
): TSql<{ regionCode: string; level: 'county' | 'prefecture' | 'province'; reason: TRouting['reason']; article: string } | undefined> {
  const seat = yield* regionPathWithLevels(regionCode)
  const establishments: TRegionPath[] = []
  for (const [i, code] of (Array.isArray(declared) ? (declared as unknown[]) : []).entries()) {
    if (typeof code !== 'string') continue // the event schema names the field
    const path = yield* regionPathWithLevels(code)
    if (path.length === 0) throw invalidField(`${field}.${i}`, { zh: `行政区划不存在：${code}`, en: `region not found: ${code}` })
    establishments.push(path)
  }
  if (seat.length === 0) return undefined
  const r = routeFiling({ seat, establishments, centralEnterprise, rule })
  return { regionCode: r.regionCode, level: r.level, reason: r.reason, article: r.article }
}

/**
 * Runs inside the transaction of an `agreement.filed` event: refuses a duplicate and returns the event stamped with
 * its routing. Events of other types, and filings the case does not accept now, pass through unchanged (the machine
 * answers those).
 */
export function* intakeFiling(caseId: string, event: TEventInput): TSql<TEventInput> {
  if (event.type !== 'agreement.filed') return event
  const row = yield* loadCase(caseId)
  const { snapshot } = restoreSnapshot(row)
  if (!acceptedEventTypes(snapshot).includes('agreement.filed')) return event
  const context = snapshot.context as TNegotiationContext
  const enterprise = yield* one<{ regionCode: string }>(`SELECT "regionCode" FROM "Enterprise" WHERE "id" = ?`, [row.enterpriseId])
  const pack = resolveRulePack(row.jurisdiction, row.kind as TCaseKind)
  if (!enterprise || !pack) return event

  // ---- routing (JHR 43)
  const stamped: TEventInput = { ...event }
  delete stamped.routedTo
  const routedTo = yield* routeOf(enterprise.regionCode, event.establishmentRegionCodes, event.centralEnterprise === true, pack.routing, 'establishmentRegionCodes')
  if (routedTo) stamped.routedTo = routedTo
  if (context.procedure === 'termination') return stamped

  const term = filedTermOf(context, false)
  const mine = yield* one<{ sha256: string }>(
    `SELECT "sha256" FROM "Document" WHERE "caseId" = ? AND "kind" = 'agreement' ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`,
    [caseId],
  )
  const dup = yield* findDuplicateFiling({ enterpriseId: row.enterpriseId, excludeCaseId: caseId, kind: row.kind, ...(term ? { term } : {}), ...(mine ? { sha256: mine.sha256 } : {}) })
  if (dup) throw dup
  return stamped
}
