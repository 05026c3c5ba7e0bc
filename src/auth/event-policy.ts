/**
 * Who may send which event: the machine's own table (workflows/negotiation/policy.ts: roles per event type and the
 * side constraints — own side, requesting/responding side, employer side, chief), applied to a signed-in user.
 *
 * A user may hold several roles on a case (e.g. admin and bureau reviewer); the event is sent under the first
 * role the policy allows. For the `chief` constraint the sender's negotiator id is their account id: a team
 * member who has an account is appointed (team.appointed / vacancy.filled) with the account's user id as `id`.
 */
import { explainPolicy, negotiationPolicy, sideOfRole, type TNegotiationRole } from '../../workflows/negotiation/policy.js'
import type { TNegotiationContext } from '../../workflows/negotiation/context.js'
import type { TNegotiationEvent } from '../../workflows/negotiation/events.js'
import type { TViolation } from '../../workflows/rules/violations.js'
import type { TUserRole } from './principal.js'

export type TPolicyDecision =
  | { ok: true; role: TUserRole }
  | { ok: false; reason: { zh: string; en: string }; violations: TViolation[] }

type TEventLike = { type: string; [k: string]: unknown }

const policyOf = (type: string) => (Object.hasOwn(negotiationPolicy, type) ? negotiationPolicy[type as TNegotiationEvent['type']] : undefined)

/** Picks the role under which `userId` (holding `roles` on the case) may send `event`, or says why not. */
export function decideEvent(event: TEventLike, roles: readonly TUserRole[], context: unknown, userId: string): TPolicyDecision {
  const entry = policyOf(event.type)
  if (!entry) {
    const message = {
      zh: `事件 ${event.type} 没有发送权限规则，不能通过接口发送`,
      en: `no access rule covers event ${event.type}; it cannot be sent through the API`,
    }
    return { ok: false, reason: message, violations: [] }
  }
  let first: TViolation[] | undefined
  for (const role of roles) {
    const violations = explainPolicy(
      { role: role as TNegotiationRole, negotiatorId: userId },
      context as TNegotiationContext,
      event as TNegotiationEvent,
    )
    if (violations.length === 0) return { ok: true, role }
    // Prefer explaining the refusal of a role the event is meant for (a side constraint) over "role not allowed".
    if (!first || (first[0]?.code === 'ROLE_NOT_ALLOWED' && violations[0]?.code !== 'ROLE_NOT_ALLOWED')) first = violations
  }
  const violations = first ?? []
  return {
    ok: false,
    reason: violations.length
      ? { zh: violations.map((v) => v.message.zh).join('；'), en: violations.map((v) => v.message.en).join('; ') }
      : { zh: `无权发出 ${event.type}（${entry.note.zh}）`, en: `you may not send ${event.type} (${entry.note.en})` },
    violations,
  }
}

/**
 * Could the caller send an event of this type now (for listing)? Constraints on the payload's side field are taken
 * as satisfied (the caller names their own side); case-dependent ones (responding side, chief) are checked.
 */
export function mayOfferEvent(type: string, roles: readonly TUserRole[], context: unknown, userId: string): boolean {
  const entry = policyOf(type)
  if (!entry) return false
  return roles.some((role) => {
    const side = sideOfRole(role as TNegotiationRole)
    const probe: TEventLike = { type }
    for (const c of entry.constraints) if (c.kind === 'ownSide' && side) probe[c.field] = side
    return decideEvent(probe, [role], context, userId).ok
  })
}
