/**
 * Who is calling, and what their roles reach. Every object check goes through `rolesOn`: the roles of the caller
 * that apply to one enterprise (and its cases), given the path of the enterprise's region. A user who has no role
 * on an object gets 404 for it (existence does not leak); lists are filtered by `scopeOf`.
 */
import type { TRole } from '../engine/actor.js'
import type { TScope } from '../engine/scope.js'
import type { TMembership } from '../engine/users.js'

export type TPrincipal = {
  user: { id: string; email: string; displayName: string }
  memberships: TMembership[]
  via: 'session' | 'token'
  sessionId?: string
  tokenId?: string
}

export type TUserRole = Exclude<TRole, 'system'>

export const isAdmin = (p: TPrincipal) => p.memberships.some((m) => m.role === 'admin')

export const holdsAnyRole = (p: TPrincipal, roles: readonly TUserRole[]) => p.memberships.some((m) => roles.includes(m.role))

/** The enterprises a principal's roles reach, as data for list queries. */
export function scopeOf(p: TPrincipal): TScope {
  if (isAdmin(p)) return { all: true }
  const enterpriseIds = new Set<string>()
  const regionCodes = new Set<string>()
  for (const m of p.memberships) {
    if (m.role === 'bureauReviewer' && m.regionCode) regionCodes.add(m.regionCode)
    else if (m.enterpriseId) enterpriseIds.add(m.enterpriseId)
  }
  return { all: false, enterpriseIds: [...enterpriseIds], regionCodes: [...regionCodes] }
}

/** The caller's roles that apply to an enterprise (and its cases); empty: the object is invisible to them. */
export function rolesOn(p: TPrincipal, target: { enterpriseId: string; regionPath: readonly string[] }): TUserRole[] {
  const roles = new Set<TUserRole>()
  for (const m of p.memberships) {
    if (m.role === 'admin') roles.add('admin')
    else if (m.role === 'bureauReviewer') {
      if (m.regionCode && target.regionPath.includes(m.regionCode)) roles.add('bureauReviewer')
    } else if (m.enterpriseId === target.enterpriseId) roles.add(m.role)
  }
  return [...roles]
}

/** Does one of the caller's bureau memberships cover a region (given its path)? */
export const bureauCovers = (p: TPrincipal, regionPath: readonly string[]) =>
  p.memberships.some((m) => m.role === 'bureauReviewer' && m.regionCode !== null && regionPath.includes(m.regionCode))
