/**
 * Who receives a notification: the enterprise's negotiators and worker representatives (RoleMembership rows
 * scoped to the enterprise) and the bureau reviewers of its region and every parent region, or an explicit list
 * in the effect data (e.g. one personal voting link per representative). Nobody is silently dropped: a role
 * nobody holds, an inactive user or an unusable address comes back as a recipient with a problem, and is recorded.
 */
import { all, one, type TSql } from '../db/sql.js'
import { isDeliverableAddress, normalizeAddress } from '../mail/address.js'
import type { TAudience } from './catalog.js'

export type TRecipientProblem = { code: 'NO_ADDRESS' | 'INVALID_ADDRESS'; reason: string }

export type TRecipient = {
  address: string | null
  name: string
  role?: string
  userId?: string
  link?: string
  problem?: TRecipientProblem
}

const ROLES_OF: Record<TAudience, string[]> = {
  parties: ['unionNegotiator', 'employerNegotiator'],
  workerSide: ['unionNegotiator'],
  employerSide: ['employerNegotiator'],
  representatives: ['workerRepresentative'],
  bureau: ['bureauReviewer'],
}

type TMemberRow = { role: string; userId: string; email: string | null; displayName: string | null; active: boolean | number | null }

/** The region and its parents (county → prefecture → province), nearest first. */
export function* regionChain(regionCode: string | null): TSql<string[]> {
  const chain: string[] = []
  let code = regionCode
  while (code && !chain.includes(code) && chain.length < 8) {
    chain.push(code)
    const row = yield* one<{ parentCode: string | null }>(`SELECT "parentCode" FROM "Region" WHERE "code" = ?`, [code])
    code = row?.parentCode ?? null
  }
  return chain
}

function fromUser(role: string, row: Pick<TMemberRow, 'userId' | 'email' | 'displayName' | 'active'> | undefined, userId: string, link?: string): TRecipient {
  const base = { role, userId, ...(link ? { link } : {}) }
  if (!row) return { ...base, address: null, name: userId, problem: { code: 'NO_ADDRESS', reason: `用户不存在 / user ${userId} not found` } }
  const name = row.displayName ?? row.email ?? userId
  if (row.active === false || row.active === 0)
    return { ...base, address: null, name, problem: { code: 'NO_ADDRESS', reason: `用户已停用 / user ${name} is inactive` } }
  if (!row.email) return { ...base, address: null, name, problem: { code: 'NO_ADDRESS', reason: `用户没有电子邮件地址 / user ${name} has no e-mail address` } }
  if (!isDeliverableAddress(row.email))
    return { ...base, address: row.email, name, problem: { code: 'INVALID_ADDRESS', reason: `电子邮件地址无效 / invalid e-mail address: ${row.email}` } }
  return { ...base, address: row.email.trim(), name }
}

export type TResolveInput = {
  enterpriseId: string | null
  regionCode: string | null
  audience: TAudience[]
  /** data.recipients of the effect: [{ userId?, email?, name?, role?, link? }] replaces the audience. */
  explicit?: unknown
}

export function* resolveRecipients(input: TResolveInput): TSql<TRecipient[]> {
  const found: TRecipient[] = []
  if (Array.isArray(input.explicit)) {
    for (const item of input.explicit as Record<string, unknown>[]) {
      const role = typeof item.role === 'string' ? item.role : 'recipient'
      const link = typeof item.link === 'string' ? item.link : undefined
      const name = typeof item.name === 'string' ? item.name : undefined
      if (typeof item.email === 'string') {
        found.push(
          isDeliverableAddress(item.email)
            ? { address: item.email.trim(), name: name ?? item.email, role, ...(link ? { link } : {}) }
            : { address: item.email, name: name ?? item.email, role, problem: { code: 'INVALID_ADDRESS', reason: `电子邮件地址无效 / invalid e-mail address: ${item.email}` } },
        )
      } else if (typeof item.userId === 'string') {
        const row = yield* one<TMemberRow>(`SELECT "id" AS "userId", "email", "displayName", "active" FROM "User" WHERE "id" = ?`, [item.userId])
        found.push(fromUser(role, row, item.userId, link))
      } else {
        found.push({ address: null, name: name ?? '?', role, problem: { code: 'NO_ADDRESS', reason: '收件人没有地址 / recipient without address or user' } })
      }
    }
    return dedupe(found)
  }

  const roles = [...new Set(input.audience.flatMap((a) => ROLES_OF[a]))]
  const enterpriseRoles = roles.filter((r) => r !== 'bureauReviewer')
  if (enterpriseRoles.length && input.enterpriseId) {
    const rows = yield* all<TMemberRow>(
      `SELECT m."role", m."userId", u."email", u."displayName", u."active" FROM "RoleMembership" m LEFT JOIN "User" u ON u."id" = m."userId"
       WHERE m."enterpriseId" = ? AND m."role" IN (${enterpriseRoles.map(() => '?').join(', ')}) ORDER BY m."role", u."displayName", m."userId"`,
      [input.enterpriseId, ...enterpriseRoles],
    )
    for (const role of enterpriseRoles) {
      const holders = rows.filter((r) => r.role === role)
      if (!holders.length) found.push(nobody(role, '本企业没有该角色的用户 / nobody holds this role for the enterprise'))
      for (const r of holders) found.push(fromUser(role, r.email === null && r.displayName === null ? undefined : r, r.userId))
    }
  }
  if (roles.includes('bureauReviewer')) {
    const chain = yield* regionChain(input.regionCode)
    const rows = chain.length
      ? yield* all<TMemberRow>(
          `SELECT m."role", m."userId", u."email", u."displayName", u."active" FROM "RoleMembership" m LEFT JOIN "User" u ON u."id" = m."userId"
           WHERE m."role" = 'bureauReviewer' AND m."regionCode" IN (${chain.map(() => '?').join(', ')}) ORDER BY u."displayName", m."userId"`,
          chain,
        )
      : []
    if (!rows.length) found.push(nobody('bureauReviewer', `辖区（${chain.join(' → ') || '无'}）没有审查人员 / no bureau reviewer for the region or its parents`))
    for (const r of rows) found.push(fromUser('bureauReviewer', r.email === null && r.displayName === null ? undefined : r, r.userId))
  }
  return dedupe(found)
}

const nobody = (role: string, reason: string): TRecipient => ({ address: null, name: role, role, problem: { code: 'NO_ADDRESS', reason } })

/** One mail per address (a user with two roles gets one); problems are kept one per role/user. */
function dedupe(list: TRecipient[]): TRecipient[] {
  const seen = new Set<string>()
  return list.filter((r) => {
    const key = r.address && !r.problem ? `a:${normalizeAddress(r.address)}` : `p:${r.role}:${r.userId ?? ''}:${r.address ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
