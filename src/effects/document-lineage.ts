/**
 * The lineage of the agreement text (issue 5): for each version of the draft, the SHA-256 of
 *   (a) the draft the congress voted on (the document rendered at draft.agreed; the congress session records the
 *       hash of the PDF it put to the vote, which is checked against it),
 *   (b) the agreement rendered at signing,
 *   (c) the agreement part inside the filing package (from the package's manifest),
 * and whether they are the same bytes; where they are not, the differences between the renderer inputs stored with
 * each document (which GZ 7 item or JHR 8 chapter, which field). Successive draft versions (a revision after a
 * bureau objection) are compared the same way.
 */
import type { TDatabase } from '../db/database.js'
import { all } from '../db/sql.js'
import { CONTRACT_TOPIC_TITLES, WAGE_AGREEMENT_ITEMS, type TFilingManifestEntry } from '../documents/index.js'

export type TDocumentRef = { documentId: string; sha256: string; caseSeq: number }

export type TDifference = {
  /** Which two versions are compared. */
  between: readonly [string, string]
  /** Path in the renderer input, e.g. items.wageLevel, enterprise.address. */
  path: string
  /** What the path is, in Chinese: 第三条 职工年度平均工资水平及其调整幅度. */
  label: string
  from: unknown
  to: unknown
  /** For lists of clauses: the clauses only in `to` and only in `from`. */
  added?: string[]
  removed?: string[]
}

export type TLineageVersion = {
  draftVersion: number
  draft?: TDocumentRef
  /** Congress sittings on this draft version and whether the PDF they put to the vote is the draft document. */
  voted: { sessionId: string; documentSha256: string; matchesDraft: boolean }[]
  signed?: TDocumentRef
  filed?: TDocumentRef & { packageId: string; packageSha256: string }
  /** True when every present stage has the same SHA-256 (null with fewer than two stages). */
  sameBytes: boolean | null
  differences: TDifference[]
}

export type TLineage = {
  caseId: string
  versions: TLineageVersion[]
  /** The latest version (the one in force or on its way). */
  current?: TLineageVersion
  /** Differences between successive draft versions. */
  revisions: { from: number; to: number; differences: TDifference[] }[]
}

type TDocRow = {
  id: string
  kind: string
  sha256: string
  caseSeq: number | null
  createdAt: string
  renderer: string | null
  renderInput: string | null
  manifest: string | null
}

const AGREEMENT_RENDERERS = ['wageAgreement', 'collectiveContract']

// ------------------------------------------------------------------ differences

const labels: Readonly<Record<string, string>> = {
  documentDate: '文书日期',
  title: '合同名称',
  employerChief: '企业方首席代表',
  workerChief: '职工方首席代表',
  'term.start': '合同期限起始日期',
  'term.end': '合同期限终止日期',
  'term.months': '合同期限（月数）',
  caseNumber: '案号',
  annexTo: '所附集体合同',
}

function labelOf(path: string, input: unknown): string {
  if (labels[path]) return labels[path]
  const item = /^items\.(\w+)/.exec(path)
  if (item) {
    const i = WAGE_AGREEMENT_ITEMS.findIndex(([k]) => k === item[1])
    if (i >= 0) return `第${'一二三四五六七八九'[i]}条 ${WAGE_AGREEMENT_ITEMS[i]![1]}`
  }
  const chapter = /^chapters\[(\d+)\]/.exec(path)
  if (chapter) {
    const ch = (input as { chapters?: { topic?: string; title?: string }[] } | undefined)?.chapters?.[Number(chapter[1])]
    const title = ch?.title ?? (ch?.topic ? CONTRACT_TOPIC_TITLES[ch.topic as keyof typeof CONTRACT_TOPIC_TITLES] : undefined)
    return title ? `章节：${title}` : '章节'
  }
  if (path.startsWith('enterprise.')) return `企业信息（${path.slice('enterprise.'.length)}）`
  if (path.startsWith('workerParty.')) return `职工方信息（${path.slice('workerParty.'.length)}）`
  if (path.startsWith('jurisdiction.')) return '适用地区'
  return path
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const clauseText = (c: unknown): string =>
  typeof c === 'string' ? c : isObject(c) ? `${String(c['text'] ?? '')}${Array.isArray(c['items']) ? c['items'].join('') : ''}` : JSON.stringify(c)

/** The paths where two renderer inputs differ: lists of clauses as one difference with added/removed clauses. */
export function diffInputs(a: unknown, b: unknown, between: readonly [string, string], path = '', root: unknown = b): TDifference[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return []
  const here = (extra: Partial<TDifference> = {}): TDifference => ({ between, path: path || '(root)', label: labelOf(path, root), from: a, to: b, ...extra })
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
    return keys.flatMap((k) => diffInputs(a[k], b[k], between, path ? `${path}.${k}` : k, root))
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const isClauseList = /^items\.\w+$/.test(path) || /\.clauses$/.test(path)
    if (isClauseList) {
      const at = a.map(clauseText)
      const bt = b.map(clauseText)
      return [here({ added: bt.filter((t) => !at.includes(t)), removed: at.filter((t) => !bt.includes(t)) })]
    }
    if (/^chapters$/.test(path) || a.length === b.length) {
      const n = Math.max(a.length, b.length)
      return Array.from({ length: n }, (_, i) => diffInputs(a[i], b[i], between, `${path}[${i}]`, root)).flat()
    }
  }
  return [here()]
}

// ------------------------------------------------------------------ the query

const parse = <T>(json: string | null): T | undefined => (json ? (JSON.parse(json) as T) : undefined)

/** The lineage of the agreement text of a case, from its stored documents. */
export async function documentLineage(db: TDatabase, caseId: string): Promise<TLineage> {
  const { docs, drafts, sessions } = await db.read(function* () {
    const docs = yield* all<TDocRow>(
      `SELECT "id", "kind", "sha256", "caseSeq", "createdAt", "renderer", "renderInput", "manifest" FROM "Document"
       WHERE "caseId" = ? AND "kind" IN ('draft', 'agreement', 'filingPackage') ORDER BY "caseSeq", "createdAt", "id"`,
      [caseId],
    )
    const drafts = yield* all<{ seq: number }>(
      `SELECT "seq" FROM "CaseEvent" WHERE "caseId" = ? AND "type" = 'draft.agreed' ORDER BY "seq"`,
      [caseId],
    )
    const sessions = yield* all<{ id: string; documentSha256: string; draftVersion: number | null; status: string }>(
      `SELECT "id", "documentSha256", "draftVersion", "status" FROM "CongressSession" WHERE "caseId" = ? ORDER BY "createdAt", "id"`,
      [caseId],
    )
    return { docs, drafts, sessions }
  })
  const draftSeqs = drafts.map((d) => Number(d.seq))
  const versionAt = (seq: number) => draftSeqs.filter((s) => s <= seq).length

  type TStage = { ref: TDocumentRef; input: unknown }
  const byVersion = new Map<number, { draft?: TStage; signed?: TStage; filed?: TStage & { packageId: string; packageSha256: string } }>()
  for (const d of docs) {
    if (d.caseSeq === null) continue
    const seq = Number(d.caseSeq)
    const version = versionAt(seq)
    if (version === 0) continue
    const entry = byVersion.get(version) ?? {}
    const ref = { documentId: d.id, sha256: d.sha256, caseSeq: seq }
    if (d.kind === 'draft') entry.draft = { ref, input: parse(d.renderInput) }
    else if (d.kind === 'agreement') entry.signed = { ref, input: parse(d.renderInput) }
    else {
      const manifest = parse<TFilingManifestEntry[]>(d.manifest) ?? []
      const index = manifest.findIndex((m) => AGREEMENT_RENDERERS.includes(m.kind))
      if (index < 0) continue
      const parts = parse<{ parts?: { kind: string; data: unknown }[] }>(d.renderInput)?.parts ?? []
      const part = parts[index]
      entry.filed = {
        ref: { documentId: `${d.id}#part${manifest[index]!.index}`, sha256: manifest[index]!.sha256, caseSeq: seq },
        input: part?.data,
        packageId: d.id,
        packageSha256: d.sha256,
      }
    }
    byVersion.set(version, entry)
  }

  const versions: TLineageVersion[] = [...byVersion.entries()]
    .sort(([a], [b]) => a - b)
    .map(([draftVersion, e]) => {
      const stages: (readonly [string, TStage])[] = []
      if (e.draft) stages.push(['draft', e.draft])
      if (e.signed) stages.push(['signed', e.signed])
      if (e.filed) stages.push(['filed', e.filed])
      const sameBytes = stages.length < 2 ? null : stages.every(([, s]) => s.ref.sha256 === stages[0]![1].ref.sha256)
      const differences: TDifference[] = []
      for (let i = 1; i < stages.length; i++) {
        const [na, sa] = stages[i - 1]!
        const [nb, sb] = stages[i]!
        if (sa.ref.sha256 !== sb.ref.sha256) differences.push(...diffInputs(sa.input, sb.input, [na, nb]))
      }
      const voted = sessions
        .filter((x) => x.draftVersion !== null && Number(x.draftVersion) === draftVersion && x.status !== 'cancelled')
        .map((x) => ({ sessionId: x.id, documentSha256: x.documentSha256, matchesDraft: x.documentSha256 === e.draft?.ref.sha256 }))
      return {
        draftVersion,
        ...(e.draft ? { draft: e.draft.ref } : {}),
        voted,
        ...(e.signed ? { signed: e.signed.ref } : {}),
        ...(e.filed ? { filed: { ...e.filed.ref, packageId: e.filed.packageId, packageSha256: e.filed.packageSha256 } } : {}),
        sameBytes,
        differences,
      }
    })

  const revisions: TLineage['revisions'] = []
  const textOf = (v: number) => {
    const e = byVersion.get(v)
    return (e?.draft ?? e?.signed ?? e?.filed)?.input
  }
  const numbers = [...byVersion.keys()].sort((a, b) => a - b)
  for (let i = 1; i < numbers.length; i++) {
    const from = numbers[i - 1]!
    const to = numbers[i]!
    revisions.push({ from, to, differences: diffInputs(textOf(from), textOf(to), [`draft v${from}`, `draft v${to}`]) })
  }
  return { caseId, versions, ...(versions.length ? { current: versions.at(-1)! } : {}), revisions }
}
