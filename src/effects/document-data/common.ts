/**
 * Pieces every document mapper shares: the parties as printed, the jurisdiction and the bureau, names of the
 * negotiators, and the parsing of the free-text times the events carry.
 *
 * What the case does not record is never invented. Two kinds of gaps:
 *   - a name or a contact that is written in by hand on the printed form (a chief not yet appointed, a phone
 *     number the case does not keep) is printed as a blank line `FILL_IN`;
 *   - a fact the document states (a date, a time, the agreed clauses, the term) makes the mapper throw
 *     MissingCaseFactsError, so the outbox message is dead-lettered with the list.
 */
import type { TCommon, TBureau, TEnterprise, TWorkerParty, TAgreementType, TSide } from '../../documents/index.js'
import type { TNegotiationContext } from '../../../workflows/negotiation/context.js'
import type { TNegotiator } from '../../../workflows/negotiation/events.js'
import type { TCaseKind } from '../../../workflows/rules/jurisdictions/types.js'
import { MissingCaseFactsError, type TMissingFact } from '../errors.js'
import type { TCaseSources, TRegionRecord } from './sources.js'

/** A blank line to be filled in by hand on the printed document. */
export const FILL_IN = '________'

export const agreementTypeOf = (kind: TCaseKind): TAgreementType => (kind === 'wageAgreement' ? 'wage' : 'collective')
export const otherSide = (side: TSide): TSide => (side === 'worker' ? 'employer' : 'worker')

// ------------------------------------------------------------------ regions

/** Names that are not part of a printed address (the NBS statistical grouping levels). */
const SKIPPED_REGION_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])

/**
 * The printed name of a region from the province down: 广东省 + 广州市 + 黄埔区 → 广东省广州市黄埔区. A name that
 * already starts with its parent's name (广州市 → 广州市黄埔区) adds only the rest.
 */
export function printedRegionName(regions: readonly TRegionRecord[]): string {
  let out = ''
  let last = ''
  for (const r of [...regions].reverse()) {
    if (SKIPPED_REGION_NAMES.has(r.name)) continue
    out += last && r.name.startsWith(last) ? r.name.slice(last.length) : r.name
    last = r.name
  }
  return out
}

/** The jurisdiction as printed: the region down to the prefecture (or the province of a municipality's district). */
export function jurisdictionName(regions: readonly TRegionRecord[]): string {
  const i = regions.findIndex((r) => r.level === 'prefecture' || r.level === 'province')
  return printedRegionName(i < 0 ? regions : regions.slice(i))
}

/**
 * The labour bureau of the enterprise's region: 广州市黄埔区人力资源和社会保障局; a province has a 厅. The name only:
 * address and phone are not kept in the case (a bureau document may give them as facts).
 */
export function bureauOf(regions: readonly TRegionRecord[]): TBureau {
  const level = regions[0]?.level
  // From the prefecture down (广州市黄埔区), or from the province for a municipality's district (北京市朝阳区).
  const prefecture = regions.findIndex((r) => r.level === 'prefecture')
  const top = prefecture >= 0 ? prefecture : regions.findIndex((r) => r.level === 'province')
  const local = printedRegionName(top >= 0 ? regions.slice(0, top + 1) : regions)
  return { name: `${local}人力资源和社会保障${level === 'province' ? '厅' : '局'}` }
}

// ------------------------------------------------------------------ parties

export function enterpriseOf(s: TCaseSources): TEnterprise {
  const e = s.enterprise
  return {
    name: e.name,
    creditCode: e.creditCode,
    address: e.address?.trim() || FILL_IN,
    legalRepresentative: e.legalRepresentative?.trim() || FILL_IN,
    regionName: printedRegionName(s.regions) || e.regionCode,
    ...(/^\d{6}$/.test(e.regionCode) ? { regionCode: e.regionCode } : {}),
    industry: `${e.industryCode}（GB/T 4754）`,
    employeeCount: e.headcount,
  }
}

/** The worker side: the enterprise union, or (LCL 51) the elected representatives. */
export function workerPartyOf(s: TCaseSources, context: TNegotiationContext, opts: { address?: boolean } = {}): TWorkerParty {
  const chief = chiefOf(context, 'worker')
  const name = context.workerSide === 'union' ? `${s.enterprise.name}工会委员会` : `${s.enterprise.name}职工方协商代表`
  return {
    name,
    // JHR 45 wants both parties' addresses on a review opinion: an enterprise union sits at the enterprise.
    ...(opts.address ? { address: s.enterprise.address?.trim() || FILL_IN } : {}),
    ...(chief && chief.chiefBasis === 'unionChair' ? { chairman: chief.name } : {}),
  }
}

/** caseNumber, jurisdiction, enterprise, workerParty and the document date. */
export function commonOf(
  s: TCaseSources,
  context: TNegotiationContext,
  documentDate: string,
  opts: { workerAddress?: boolean; documentNumber?: string } = {},
): TCommon {
  return {
    caseNumber: s.caseId,
    jurisdiction: { id: s.jurisdiction, name: jurisdictionName(s.regions) || s.jurisdiction },
    enterprise: enterpriseOf(s),
    workerParty: workerPartyOf(s, context, { address: opts.workerAddress ?? false }),
    documentDate,
    ...(opts.documentNumber ? { documentNumber: opts.documentNumber } : {}),
  }
}

// ------------------------------------------------------------------ negotiators

export function membersOf(context: TNegotiationContext, side: TSide): TNegotiator[] {
  return context.teams[side]?.members ?? []
}

export function chiefOf(context: TNegotiationContext, side: TSide): TNegotiator | undefined {
  return membersOf(context, side).find((m) => m.isChief)
}

/**
 * The chief's name as printed: the appointed chief; before the teams are appointed, the employer's legal
 * representative (JHR 21: the employer's chief by default) or a blank line.
 */
export function chiefName(s: TCaseSources, context: TNegotiationContext, side: TSide): string {
  const chief = chiefOf(context, side)
  if (chief) return chief.name
  if (side === 'employer' && s.enterprise.legalRepresentative?.trim()) return s.enterprise.legalRepresentative.trim()
  return FILL_IN
}

/** The name of a member id (either team, or the recorder); the id itself when unknown. */
export function nameOfMember(context: TNegotiationContext, id: string): string {
  for (const side of ['worker', 'employer'] as const) {
    const m = membersOf(context, side).find((x) => x.id === id)
    if (m) return m.name
  }
  return context.teams.recorder?.id === id ? context.teams.recorder.name : id
}

/** Names of a side's members other than the chief. */
export function negotiatorNames(context: TNegotiationContext, side: TSide): string[] {
  return membersOf(context, side)
    .filter((m) => !m.isChief)
    .map((m) => m.name)
}

const chiefBasisPost: Readonly<Record<NonNullable<TNegotiator['chiefBasis']>, string>> = {
  unionChair: '工会主席',
  unionPrincipalOfficer: '工会主要负责人',
  delegatedByUnionChair: '受工会主席委托',
  electedByRepresentatives: '职工代表推选',
  legalRepresentative: '法定代表人',
  authorisedManager: '受法定代表人委托',
}

/** The post printed beside a negotiator: the given position, else the basis of a chief's role, else a blank. */
export function postOf(m: TNegotiator): string {
  return m.position?.trim() || (m.chiefBasis ? chiefBasisPost[m.chiefBasis] : FILL_IN)
}

// ------------------------------------------------------------------ dates and times

/** Throws MissingCaseFactsError when any fact is missing. */
export function requireFacts(kind: string, missingFacts: readonly (TMissingFact | false | undefined)[]): void {
  const list = missingFacts.filter((m): m is TMissingFact => Boolean(m))
  if (list.length) throw new MissingCaseFactsError(kind, list)
}

const pad = (n: number) => String(n).padStart(2, '0')

function validDate(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : undefined
}

/**
 * A date and a time of day in free text such as 2026年6月15日上午9时30分, 6月15日下午2时, 2026-06-15 09:30 or 上午9点半.
 * A date without a year takes the year of `reference` (the next year when that would fall before it).
 */
export function parseDateTime(text: string, reference?: string): { date?: string; time?: string } {
  const out: { date?: string; time?: string } = {}
  let rest = text
  const iso = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(rest)
  const zh = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/.exec(rest)
  if (iso) {
    out.date = validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    rest = rest.replace(iso[0], ' ')
  } else if (zh) {
    const refYear = reference ? Number(reference.slice(0, 4)) : undefined
    let year = zh[1] ? Number(zh[1]) : refYear
    if (year !== undefined) {
      let date = validDate(year, Number(zh[2]), Number(zh[3]))
      if (!zh[1] && date && reference && date < reference) {
        year += 1
        date = validDate(year, Number(zh[2]), Number(zh[3]))
      }
      out.date = date
    }
    rest = rest.replace(zh[0], ' ')
  }
  const clock = /(\d{1,2})[:：](\d{2})/.exec(rest)
  const zhTime = /(凌晨|早上|上午|中午|下午|晚上)?\s*(\d{1,2})\s*[时点](?:\s*(半|(\d{1,2})\s*分?))?/.exec(rest)
  let h: number | undefined
  let min = 0
  let period: string | undefined
  if (clock) {
    h = Number(clock[1])
    min = Number(clock[2])
    period = /(下午|晚上)\s*$/.exec(rest.slice(0, clock.index))?.[1]
  } else if (zhTime) {
    period = zhTime[1]
    h = Number(zhTime[2])
    min = zhTime[3] === '半' ? 30 : zhTime[4] ? Number(zhTime[4]) : 0
  }
  if (h !== undefined) {
    if ((period === '下午' || period === '晚上') && h < 12) h += 12
    if (period === '中午' && h < 11) h += 12
    if (h <= 23 && min <= 59) out.time = `${pad(h)}:${pad(min)}`
  }
  return out
}

/** An HH:MM time from free text, or undefined. */
export function parseTime(text: string | undefined): string | undefined {
  return text ? parseDateTime(text).time : undefined
}

/** The latest of some YYYY-MM-DD dates. */
export const latestDate = (dates: readonly (string | undefined)[]): string | undefined =>
  dates.filter((d): d is string => Boolean(d)).sort().at(-1)
