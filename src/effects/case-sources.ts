/**
 * Loads what the document mappers read (document-data/sources.ts) for one case: its event log replayed through
 * the machine, the enterprise with its region names up the GB/T 2260 hierarchy, the congress sessions that
 * certified votes and the deadlines the events scheduled. Read-only.
 */
import type { TDatabase } from '../db/database.js'
import { all, one, type TSql } from '../db/sql.js'
import { caseNotFound } from '../engine/apply-transition.js'
import { machineEntryOf } from '../engine/case-machine.js'
import type { TCaseKind } from '../../workflows/rules/jurisdictions/types.js'
import {
  caseSources,
  type TCaseSources,
  type TCongressSessionRecord,
  type TDeadlineRecord,
  type TEnterpriseRecord,
  type TLogEntry,
  type TRegionRecord,
} from './document-data/sources.js'

type TCaseRow = { id: string; enterpriseId: string; kind: string; jurisdiction: string; machineId: string; machineVersion: number }
type TSessionRow = Omit<TCongressSessionRecord, 'scrutineers' | 'tellers'> & { scrutineers: string; tellers: string }

const officerNames = (json: string): string[] => {
  try {
    const list = JSON.parse(json) as unknown
    return Array.isArray(list)
      ? list.map((o) => (typeof o === 'string' ? o : typeof o === 'object' && o && 'name' in o ? String(o.name) : '')).filter(Boolean)
      : []
  } catch {
    return []
  }
}

/** The region and its parents, nearest first (at most 5 levels; a cycle stops the walk). */
export function* regionChain(code: string): TSql<TRegionRecord[]> {
  const out: TRegionRecord[] = []
  let next: string | null = code
  while (next && out.length < 5 && !out.some((r) => r.code === next)) {
    const r: TRegionRecord | undefined = yield* one<TRegionRecord>(
      `SELECT "code", "name", "level", "parentCode" FROM "Region" WHERE "code" = ?`,
      [next],
    )
    if (!r) break
    out.push(r)
    next = r.parentCode
  }
  return out
}

/** The sources of a case, with its whole log (the mappers look at the events up to and just after their own). */
export async function loadCaseSources(db: TDatabase, caseId: string): Promise<TCaseSources> {
  const loaded = await db.read(function* () {
    const row = yield* one<TCaseRow>(
      `SELECT "id", "enterpriseId", "kind", "jurisdiction", "machineId", "machineVersion" FROM "Case" WHERE "id" = ?`,
      [caseId],
    )
    if (!row) throw caseNotFound(caseId)
    const events = yield* all<{ seq: number; type: string; payload: string }>(
      `SELECT "seq", "type", "payload" FROM "CaseEvent" WHERE "caseId" = ? ORDER BY "seq"`,
      [caseId],
    )
    const enterprise = yield* one<TEnterpriseRecord & { headcount: number | string }>(
      `SELECT "id", "name", "creditCode", "regionCode", "industryCode", "headcount", "legalRepresentative", "address"
       FROM "Enterprise" WHERE "id" = ?`,
      [row.enterpriseId],
    )
    if (!enterprise) throw new Error(`enterprise ${row.enterpriseId} of case ${caseId} not found`)
    const regions = yield* regionChain(enterprise.regionCode)
    const sessions = yield* all<TSessionRow>(
      `SELECT "id", "name", "heldOn", "place", "presiding", "scrutineers", "tellers", "documentSha256", "draftVersion", "certifiedSeq"
       FROM "CongressSession" WHERE "caseId" = ? AND "status" = 'certified' ORDER BY "certifiedSeq"`,
      [caseId],
    )
    const deadlines = yield* all<TDeadlineRecord>(
      `SELECT "kind", "lastDay", "createdSeq", "status" FROM "Deadline" WHERE "caseId" = ? ORDER BY "createdSeq"`,
      [caseId],
    )
    return { row, events, enterprise, regions, sessions, deadlines }
  })
  const { row, events, enterprise, regions, sessions, deadlines } = loaded
  const log: TLogEntry[] = events.map((e) => ({ seq: Number(e.seq), type: e.type, payload: JSON.parse(e.payload) as Record<string, unknown> }))
  return caseSources(machineEntryOf(row.machineId, Number(row.machineVersion)), {
    caseId,
    caseKind: row.kind as TCaseKind,
    jurisdiction: row.jurisdiction,
    log,
    enterprise: { ...enterprise, headcount: Number(enterprise.headcount) },
    regions,
    congressSessions: sessions.map((x) => ({
      ...x,
      scrutineers: officerNames(x.scrutineers),
      tellers: officerNames(x.tellers),
      draftVersion: x.draftVersion === null ? null : Number(x.draftVersion),
      certifiedSeq: x.certifiedSeq === null ? null : Number(x.certifiedSeq),
    })),
    deadlines: deadlines.map((d) => ({ ...d, createdSeq: Number(d.createdSeq) })),
  })
}
