/**
 * Clause versions across rounds: who proposed which version of each clause at which round, what changed between
 * two rounds, what is agreed so far, and the agreement assembled from the agreed clauses.
 *
 * Positions carry forward: at round n a side's position on a clause is the version it last proposed at or before
 * round n, until it withdraws it (`clauseProposals[].withdrawn`); the agreed version of a clause is the one last
 * recorded in a chiefs' summary (`agreedClauses`), until the sides drop it (`withdrawnAgreedKeys`).
 *
 * Pure functions of the case context (only `rounds`, `kind`, `procedure`, `draft` and the enterprise groups are
 * read), for the case view, the minutes (the diff of a round), the draft check and the agreement renderer.
 */
import type { TNegotiationContext, TRoundRecord } from '../negotiation/context.js'
import {
  chapterOf,
  clauseKey,
  clauseLabel,
  clauseText,
  clauseValue,
  contractChapterInfo,
  contractChapters,
  itemOf,
  sameClause,
  wageAgreementItems,
  wageItemInfo,
  type TBilingual,
  type TClause,
  type TClauseKind,
  type TContractChapter,
  type TWageItem,
} from './clauses.js'

export type TSide = 'worker' | 'employer'
/** Who holds a version: one side's proposal, or the chiefs' agreed summary. */
export type TParty = TSide | 'agreed'
export const parties: readonly TParty[] = ['worker', 'employer', 'agreed']

type TRoundsOf = Pick<TNegotiationContext, 'rounds'>
type TGroupsOf = { preparation?: Pick<TNegotiationContext['preparation'], 'figures'> }

/** Group id → name from the enterprise figures, for labels of group increases. */
export function groupNamesOf(context: TGroupsOf): Record<string, string> {
  const groups = context.preparation?.figures.enterprise.groups?.value ?? []
  return Object.fromEntries(groups.map((g) => [g.id, g.name]))
}

// ---------------------------------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------------------------------

/** One statement about a clause at a round: a version put forward (or restated), or a withdrawal. */
export type TClauseStatement = {
  round: number
  heldOn: string
  party: TParty
  /** Absent for a withdrawal. */
  clause?: TClause
  /** 1, 2, … : the distinct values of this clause in order of first appearance (any party); null for a withdrawal. */
  version: number | null
  /** Relative to the same party's previous position. */
  change: 'new' | 'changed' | 'unchanged' | 'withdrawn'
}

export type TClauseHistory = {
  key: string
  kind: TClauseKind
  item?: TWageItem
  chapter?: TContractChapter
  label: TBilingual
  statements: TClauseStatement[]
  /** Every distinct value, in order: `versions[n - 1]` is version n. */
  versions: TClause[]
}

/** The statements of one round, in the order: worker, employer, agreed. */
function statementsOf(round: TRoundRecord): { party: TParty; clauses: TClause[]; withdrawn: string[] }[] {
  const out: { party: TParty; clauses: TClause[]; withdrawn: string[] }[] = []
  for (const side of ['worker', 'employer'] as const) {
    const p = round.clauseProposals?.find((x) => x.side === side)
    if (p) out.push({ party: side, clauses: p.clauses, withdrawn: p.withdrawn ?? [] })
  }
  if (round.agreedClauses || round.withdrawnAgreedKeys) {
    out.push({ party: 'agreed', clauses: round.agreedClauses ?? [], withdrawn: round.withdrawnAgreedKeys ?? [] })
  }
  return out
}

/** Every clause's history across the rounds of the current procedure, in order of first appearance. */
export function clauseHistory(context: TRoundsOf & TGroupsOf): TClauseHistory[] {
  const names = groupNamesOf(context)
  const byKey = new Map<string, TClauseHistory>()
  const position = new Map<string, TClause>() // `${party}|${key}` → clause
  for (const round of context.rounds) {
    for (const s of statementsOf(round)) {
      for (const clause of s.clauses) {
        const key = clauseKey(clause)
        let h = byKey.get(key)
        if (!h) {
          const item = itemOf(clause)
          const chapter = chapterOf(clause)
          h = {
            key,
            kind: clause.kind,
            ...(item ? { item } : {}),
            ...(chapter ? { chapter } : {}),
            label: clauseLabel(clause, names),
            statements: [],
            versions: [],
          }
          byKey.set(key, h)
        }
        let index = h.versions.findIndex((v) => sameClause(v, clause))
        if (index < 0) index = h.versions.push(clause) - 1
        const previous = position.get(`${s.party}|${key}`)
        h.statements.push({
          round: round.number,
          heldOn: round.heldOn,
          party: s.party,
          clause,
          version: index + 1,
          change: !previous ? 'new' : sameClause(previous, clause) ? 'unchanged' : 'changed',
        })
        position.set(`${s.party}|${key}`, clause)
      }
      for (const key of s.withdrawn) {
        const h = byKey.get(key)
        if (!h || !position.has(`${s.party}|${key}`)) continue
        h.statements.push({ round: round.number, heldOn: round.heldOn, party: s.party, version: null, change: 'withdrawn' })
        position.delete(`${s.party}|${key}`)
      }
    }
  }
  return [...byKey.values()]
}

/** Each party's position after round `roundNumber` (0: before the first round): key → clause, in first-seen order. */
export function positionsAfter(context: TRoundsOf, roundNumber: number): Record<TParty, Map<string, TClause>> {
  const out: Record<TParty, Map<string, TClause>> = { worker: new Map(), employer: new Map(), agreed: new Map() }
  for (const round of context.rounds) {
    if (round.number > roundNumber) break
    for (const s of statementsOf(round)) {
      for (const clause of s.clauses) out[s.party].set(clauseKey(clause), clause)
      for (const key of s.withdrawn) out[s.party].delete(key)
    }
  }
  return out
}

const lastRound = (context: TRoundsOf) => context.rounds.at(-1)?.number ?? 0

/** The clauses agreed so far (the latest agreed version of each key), in the order they were first agreed. */
export function agreedClausesOf(context: TRoundsOf): TClause[] {
  return [...positionsAfter(context, lastRound(context)).agreed.values()]
}

/** One side's current proposal (after round `roundNumber`, default the last): every clause it holds. */
export function proposalOf(context: TRoundsOf, side: TSide, roundNumber = lastRound(context)): TClause[] {
  return [...positionsAfter(context, roundNumber)[side].values()]
}

/** The agreed clause keys whose version in `clauses` differs, the keys missing, and the keys never agreed. */
export function compareWithAgreed(
  context: TRoundsOf,
  clauses: readonly TClause[],
): { notAgreed: TClause[]; differs: { clause: TClause; agreed: TClause }[]; missing: TClause[] } {
  const agreed = positionsAfter(context, lastRound(context)).agreed
  const given = new Set(clauses.map(clauseKey))
  const notAgreed: TClause[] = []
  const differs: { clause: TClause; agreed: TClause }[] = []
  for (const clause of clauses) {
    const a = agreed.get(clauseKey(clause))
    if (!a) notAgreed.push(clause)
    else if (!sameClause(a, clause)) differs.push({ clause, agreed: a })
  }
  const missing = [...agreed.entries()].filter(([k]) => !given.has(k)).map(([, c]) => c)
  return { notAgreed, differs, missing }
}

// ---------------------------------------------------------------------------------------------------------------
// Diff between rounds
// ---------------------------------------------------------------------------------------------------------------

export type TChangeStatus = 'added' | 'removed' | 'changed' | 'unchanged'

export type TPartyChange = {
  party: TParty
  status: TChangeStatus
  from?: TClause
  to?: TClause
  /** The round at which the party last stated the `to` version (or withdrew it). */
  round?: number
  /** For the agreed version: the sides whose proposal held exactly this value at or before that round. */
  proposedBy?: TSide[]
}

export type TClauseDiff = {
  key: string
  kind: TClauseKind
  item?: TWageItem
  chapter?: TContractChapter
  label: TBilingual
  /** Overall: added (no party held it before), removed (no party holds it now), changed, unchanged. */
  status: TChangeStatus
  parties: TPartyChange[]
}

function lastStatementRound(context: TRoundsOf, party: TParty, key: string, upTo: number): number | undefined {
  let found: number | undefined
  for (const round of context.rounds) {
    if (round.number > upTo) break
    for (const s of statementsOf(round)) {
      if (s.party !== party) continue
      if (s.clauses.some((c) => clauseKey(c) === key) || s.withdrawn.includes(key)) found = round.number
    }
  }
  return found
}

function proposersOf(context: TRoundsOf, clause: TClause, upTo: number): TSide[] {
  const key = clauseKey(clause)
  const out = new Set<TSide>()
  for (const round of context.rounds) {
    if (round.number > upTo) break
    for (const p of round.clauseProposals ?? []) {
      if (p.clauses.some((c) => clauseKey(c) === key && sameClause(c, clause))) out.add(p.side)
    }
  }
  return (['worker', 'employer'] as const).filter((s) => out.has(s))
}

function orderOf(kind: TNegotiationContext['kind'] | undefined, d: Pick<TClauseDiff, 'item' | 'chapter'>): number {
  if (kind === 'wageAgreement' || kind === undefined) {
    const i = d.item ? wageAgreementItems.indexOf(d.item) : -1
    return i < 0 ? wageAgreementItems.length : i
  }
  const i = d.chapter ? contractChapters.indexOf(d.chapter) : -1
  return i < 0 ? contractChapters.length : i
}

/**
 * What changed between the positions after round `fromRound` and after round `toRound` (0 = before the first
 * round), per clause key, ordered by GZ 7 item (JHR 8 chapter for a collective contract) then first appearance.
 */
export function diffRounds(
  context: TRoundsOf & TGroupsOf & { kind?: TNegotiationContext['kind'] },
  fromRound: number,
  toRound: number,
): TClauseDiff[] {
  const last = lastRound(context)
  if (!Number.isInteger(fromRound) || !Number.isInteger(toRound) || fromRound < 0 || toRound < fromRound || toRound > last) {
    throw new RangeError(`diffRounds: expected 0 ≤ fromRound ≤ toRound ≤ ${last}, got ${fromRound} and ${toRound}`)
  }
  const names = groupNamesOf(context)
  const before = positionsAfter(context, fromRound)
  const after = positionsAfter(context, toRound)
  const keys: string[] = []
  for (const p of parties) for (const m of [before[p], after[p]]) for (const k of m.keys()) if (!keys.includes(k)) keys.push(k)
  const diffs = keys.map((key): TClauseDiff => {
    const changes: TPartyChange[] = []
    for (const party of parties) {
      const from = before[party].get(key)
      const to = after[party].get(key)
      if (!from && !to) continue
      const status: TChangeStatus = !from ? 'added' : !to ? 'removed' : sameClause(from, to) ? 'unchanged' : 'changed'
      const round = status === 'unchanged' ? undefined : lastStatementRound(context, party, key, toRound)
      const proposedBy = party === 'agreed' && to ? proposersOf(context, to, toRound) : undefined
      changes.push({
        party,
        status,
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(round !== undefined ? { round } : {}),
        ...(proposedBy ? { proposedBy } : {}),
      })
    }
    const anyBefore = changes.some((c) => c.from)
    const anyAfter = changes.some((c) => c.to)
    const sample = changes.find((c) => c.to)?.to ?? changes.find((c) => c.from)!.from!
    const item = itemOf(sample)
    const chapter = chapterOf(sample)
    return {
      key,
      kind: sample.kind,
      ...(item ? { item } : {}),
      ...(chapter ? { chapter } : {}),
      label: clauseLabel(sample, names),
      status: !anyBefore ? 'added' : !anyAfter ? 'removed' : changes.every((c) => c.status === 'unchanged') ? 'unchanged' : 'changed',
      parties: changes,
    }
  })
  return diffs
    .map((d, i) => ({ d, i }))
    .sort((a, b) => orderOf(context.kind, a.d) - orderOf(context.kind, b.d) || a.i - b.i)
    .map(({ d }) => d)
}

const partyWords: { readonly [P in TParty]: TBilingual } = {
  worker: { zh: '职工方', en: 'worker side' },
  employer: { zh: '企业方', en: 'employer side' },
  agreed: { zh: '双方商定', en: 'agreed' },
}

/** One line per party change: "平均工资增幅：职工方由 8.0% 调整为 7.0%" / "Average wage increase: worker side from 8.0% to 7.0%". */
export function describeClauseDiff(diff: TClauseDiff, options: { includeUnchanged?: boolean } = {}): TBilingual[] {
  const { label } = diff
  const out: TBilingual[] = []
  for (const c of diff.parties) {
    if (c.status === 'unchanged' && !options.includeUnchanged) continue
    const who = partyWords[c.party]
    const from = c.from ? clauseValue(c.from) : undefined
    const to = c.to ? clauseValue(c.to) : undefined
    const agreed = c.party === 'agreed'
    switch (c.status) {
      case 'added':
        out.push(
          agreed
            ? { zh: `${label.zh}：双方商定 ${to!.zh}`, en: `${label.en}: agreed at ${to!.en}` }
            : { zh: `${label.zh}：${who.zh}提出 ${to!.zh}`, en: `${label.en}: ${who.en} proposes ${to!.en}` },
        )
        break
      case 'changed':
        out.push({
          zh: `${label.zh}：${who.zh}由 ${from!.zh} 调整为 ${to!.zh}`,
          en: `${label.en}: ${agreed ? 'agreed value' : who.en} from ${from!.en} to ${to!.en}`,
        })
        break
      case 'removed':
        out.push(
          agreed
            ? { zh: `${label.zh}：双方取消原商定的 ${from!.zh}`, en: `${label.en}: the agreement on ${from!.en} is dropped` }
            : { zh: `${label.zh}：${who.zh}撤回（原为 ${from!.zh}）`, en: `${label.en}: ${who.en} withdraws (was ${from!.en})` },
        )
        break
      case 'unchanged':
        out.push(
          agreed
            ? { zh: `${label.zh}：维持双方商定的 ${to!.zh}`, en: `${label.en}: agreed at ${to!.en}, unchanged` }
            : { zh: `${label.zh}：${who.zh}维持 ${to!.zh}`, en: `${label.en}: ${who.en} keeps ${to!.en}` },
        )
        break
    }
  }
  return out
}

/** The lines of every change between two rounds (unchanged clauses left out unless asked). */
export function describeDiff(diffs: readonly TClauseDiff[], options: { includeUnchanged?: boolean } = {}): TBilingual[] {
  return diffs.flatMap((d) => describeClauseDiff(d, options))
}

/** What round `roundNumber` changed compared with the round before: the lines for its minutes. */
export function roundChanges(
  context: TRoundsOf & TGroupsOf & { kind?: TNegotiationContext['kind'] },
  roundNumber: number,
): TBilingual[] {
  const index = context.rounds.findIndex((r) => r.number === roundNumber)
  if (index < 0) throw new RangeError(`roundChanges: no round ${roundNumber}`)
  const previous = index === 0 ? 0 : context.rounds[index - 1]!.number
  return describeDiff(diffRounds(context, previous, roundNumber))
}

// ---------------------------------------------------------------------------------------------------------------
// The agreement assembled from the agreed clauses
// ---------------------------------------------------------------------------------------------------------------

export type TAssembledClause = { key: string; clause: TClause; text: TBilingual }

export type TAgreementSection = {
  /** The GZ 7 item (wage agreement) or the JHR 8 chapter (collective contract). */
  id: TWageItem | TContractChapter
  /** GZ 7 (1)-(9) or JHR 8 (1)-(15); null for the 总则 chapter. */
  number: number | null
  article: string
  title: TBilingual
  clauses: TAssembledClause[]
}

export type TAssembledAgreement = {
  /** `wage` for a wage agreement (GZ 7 items), `collective` for every collective contract (JHR 8 chapters). */
  type: 'wage' | 'collective'
  /** The draft's clauses when the current draft has them, else the clauses agreed so far at the rounds. */
  basis: 'draft' | 'agreedRounds'
  draftVersion?: number
  /** Wage agreement: all nine items in order (empty where nothing is agreed); collective: the non-empty chapters. */
  sections: TAgreementSection[]
  /** Wage agreement: the GZ 7 items no clause covers. */
  missingItems: TWageItem[]
  /** The agreed term clause, if any (the renderers print the term from their own `term` field). */
  term?: { months: number; startsOn?: string }
}

type TAssembleContext = TRoundsOf & TGroupsOf & Pick<TNegotiationContext, 'kind'> & { draft?: TNegotiationContext['draft'] }

/** The agreed clauses grouped by GZ 7 item (wage agreement) or JHR 8 chapter (collective contract), in order. */
export function assembleAgreement(context: TAssembleContext): TAssembledAgreement {
  const names = groupNamesOf(context)
  const fromDraft = context.draft?.clauses
  const clauses = fromDraft ?? agreedClausesOf(context)
  const assembled = (c: TClause): TAssembledClause => ({ key: clauseKey(c), clause: c, text: clauseText(c, names) })
  const termClause = clauses.find((c) => c.kind === 'term')
  const term = termClause?.kind === 'term' ? { months: termClause.months, ...(termClause.startsOn ? { startsOn: termClause.startsOn } : {}) } : undefined
  const basis = fromDraft ? ('draft' as const) : ('agreedRounds' as const)
  const draftVersion = fromDraft ? context.draft!.version : undefined
  const common = { basis, ...(draftVersion !== undefined ? { draftVersion } : {}), ...(term ? { term } : {}) }
  if (context.kind === 'wageAgreement') {
    const sections = wageAgreementItems.map((item): TAgreementSection => {
      const info = wageItemInfo[item]
      return {
        id: item,
        number: info.number,
        article: info.article,
        title: { zh: info.zh, en: info.en },
        clauses: clauses.filter((c) => (itemOf(c) ?? 'other') === item).map(assembled),
      }
    })
    return { type: 'wage', ...common, sections, missingItems: sections.filter((s) => s.clauses.length === 0).map((s) => s.id as TWageItem) }
  }
  const sections = contractChapters
    .map((chapter): TAgreementSection => {
      const info = contractChapterInfo[chapter]
      return {
        id: chapter,
        number: info.number,
        article: info.article,
        title: { zh: info.zh, en: info.en },
        clauses: clauses.filter((c) => (chapterOf(c) ?? 'other') === chapter).map(assembled),
      }
    })
    .filter((s) => s.clauses.length > 0)
  return { type: 'collective', ...common, sections, missingItems: [] }
}

/**
 * The assembled wage agreement as the renderer's `items` (src/documents ZWageAgreementSchema: GZ 7 item → Chinese
 * clause texts). The `term` clause is left out: the renderer prints the term from its `term` field.
 */
export function toWageAgreementItems(agreement: TAssembledAgreement): Record<TWageItem, string[]> {
  const out = Object.fromEntries(wageAgreementItems.map((i) => [i, [] as string[]])) as Record<TWageItem, string[]>
  for (const s of agreement.sections) {
    const item = (wageAgreementItems as readonly string[]).includes(s.id) ? (s.id as TWageItem) : 'other'
    out[item].push(...s.clauses.filter((c) => c.clause.kind !== 'term').map((c) => c.text.zh))
  }
  return out
}

/** The assembled collective contract as the renderer's `chapters` (src/documents ZCollectiveContractSchema). */
export function toContractChapters(agreement: TAssembledAgreement): { topic: TContractChapter; title: string; clauses: string[] }[] {
  return agreement.sections
    .map((s) => ({
      topic: s.id as TContractChapter,
      title: s.title.zh,
      clauses: s.clauses.filter((c) => c.clause.kind !== 'term').map((c) => c.text.zh),
    }))
    .filter((s) => s.clauses.length > 0)
}
