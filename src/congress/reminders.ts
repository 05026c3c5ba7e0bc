/**
 * Reminders to representatives who have not voted: one `notify.voteReminder` outbox row each (email or phone),
 * carrying who and when — never a choice, a count or a credential (only its hash is stored; the reminder points
 * to the credential they already received, or a teller reissues one).
 */
import type { TActor } from '../engine/actor.js'
import { all, run, type TSql } from '../db/sql.js'
import type { TCongressContext } from './context.js'
import { enqueue, loadSession, votingClosedError } from './store.js'

export function* remindProgram(
  ctx: TCongressContext,
  sessionId: string,
  now: string,
  scheduled: boolean,
): TSql<number> {
  // FOR UPDATE (PostgreSQL): this writes the session row, so two reminders must not both hold a share lock on it.
  const row = yield* loadSession(ctx.provider, sessionId, 'update')
  if (row.status !== 'open' || now >= row.closesAt) {
    if (scheduled) return 0
    throw votingClosedError(row)
  }
  // The scheduled reminder is sent once: whoever sets remindedAt first sends it.
  const claimed = yield* run(
    `UPDATE "CongressSession" SET "remindedAt" = ?, "updatedAt" = ? WHERE "id" = ?${scheduled ? ` AND "remindedAt" IS NULL` : ''}`,
    [now, now, sessionId],
  )
  if (claimed !== 1) return 0
  const pending = yield* all<{ representativeId: string; name: string; email: string | null; phone: string | null }>(
    `SELECT r."id" AS "representativeId", r."name", r."email", r."phone"
     FROM "CongressCredential" c JOIN "CongressRepresentative" r ON r."id" = c."representativeId"
     WHERE c."sessionId" = ? AND c."usedVia" IS NULL ORDER BY r."position", r."id"`,
    [sessionId],
  )
  let n = 0
  for (const p of pending) {
    if (!p.email && !p.phone) continue
    yield* enqueue(
      row.caseId,
      null,
      'notify.voteReminder',
      {
        sessionId,
        caseId: row.caseId,
        sessionName: row.name,
        closesAt: row.closesAt,
        representativeId: p.representativeId,
        name: p.name,
        email: p.email,
        phone: p.phone,
      },
      now,
    )
    n++
  }
  return n
}

/** Reminds everyone who has not voted yet, now (e.g. a button for the union officer). */
export async function remindNonVoters(
  ctx: TCongressContext,
  sessionId: string,
  _actor: TActor,
): Promise<{ reminded: number }> {
  const now = ctx.now()
  const reminded = await ctx.db.transaction(() => remindProgram(ctx, sessionId, now, false))
  return { reminded }
}
