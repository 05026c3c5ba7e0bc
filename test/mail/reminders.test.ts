import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TDatabase } from '../../src/db/database.js'
import { all, one, run } from '../../src/db/sql.js'
import { ManualClock } from '../../src/engine/clock.js'
import { addDays, reminderAt, runDeadlineReminders, zonedInstant } from '../../src/engine/deadline-reminders.js'
import { connect, createTestDatabase, PROVIDERS_UNDER_TEST, type TTestDatabase } from '../support/databases.js'
import { caseAwaitingReply, seedEnterprise, testEngine } from '../support/factories.js'
import { addUser, mailsOf, runNotify, settleOutbox } from './fixtures.js'

describe('reminder times', () => {
  it('09:00 in China on the day `lead` days before the last day', () => {
    expect(zonedInstant('2026-06-19', '09:00', 'Asia/Shanghai')).toBe('2026-06-19T01:00:00.000Z')
    expect(reminderAt('2026-06-24', 5)).toBe('2026-06-19T01:00:00.000Z')
    expect(reminderAt('2026-03-01', 1)).toBe('2026-02-28T01:00:00.000Z')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
  })
})

describe.each(PROVIDERS_UNDER_TEST)('deadline reminders on %s', (provider) => {
  let t: TTestDatabase
  let db: TDatabase
  const clock = new ManualClock('2026-06-04T02:00:00.000Z')
  const leadDays = [5, 1]

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = await connect(t)
  })
  afterAll(async () => {
    await db?.close()
    await t?.drop()
  })

  async function replyDeadline(receivedOn: string) {
    clock.set(`${receivedOn}T02:00:00.000Z`)
    const enterpriseId = await seedEnterprise(db)
    await addUser(db, { email: `lina.${enterpriseId.slice(0, 8)}@example.test`, name: '李娜', role: 'unionNegotiator', enterpriseId })
    await addUser(db, { email: `wang.${enterpriseId.slice(0, 8)}@example.test`, name: '王强', role: 'employerNegotiator', enterpriseId })
    const { caseId } = await caseAwaitingReply(testEngine(db, clock), enterpriseId, receivedOn)
    await settleOutbox(db)
    const d = await db.read(function* () {
      return yield* one<{ id: string; lastDay: string; dueAt: string }>(
        `SELECT "id", "lastDay", "dueAt" FROM "Deadline" WHERE "caseId" = ? AND "kind" = 'requestReply' AND "status" = 'pending'`,
        [caseId],
      )
    })
    return { caseId, ...d! }
  }

  const remindersOf = (deadlineId: string) =>
    db.read(function* () {
      return yield* all<{ leadDays: number; status: string; outboxId: string | null; remindAt: string }>(
        `SELECT "leadDays", "status", "outboxId", "remindAt" FROM "DeadlineReminder" WHERE "deadlineId" = ? ORDER BY "leadDays" DESC`,
        [deadlineId],
      )
    })

  it('writes each reminder once at its lead time, also with two processes racing, and the mail names the days left', async () => {
    const d = await replyDeadline('2026-06-04')
    clock.set(new Date(Date.parse(reminderAt(d.lastDay, 5)) - 1).toISOString())
    await runDeadlineReminders({ db, clock, leadDays })
    expect(await remindersOf(d.id)).toEqual([])

    clock.set(reminderAt(d.lastDay, 5))
    await runDeadlineReminders({ db, clock, leadDays })
    await runDeadlineReminders({ db, clock, leadDays })
    const five = await remindersOf(d.id)
    expect(five).toEqual([expect.objectContaining({ leadDays: 5, status: 'queued' })])
    const outbox = await db.read(function* () {
      return yield* one<{ effect: string; payload: string; caseId: string }>(`SELECT "effect", "payload", "caseId" FROM "OutboxMessage" WHERE "id" = ?`, [five[0]!.outboxId!])
    })
    expect(outbox).toMatchObject({ effect: 'notify.deadlineReminder', caseId: d.caseId })
    expect(JSON.parse(outbox!.payload)).toMatchObject({ deadlineId: d.id, kind: 'requestReply', leadDays: 5, lastDay: d.lastDay })

    await runNotify(db, clock)
    const mails = await mailsOf(db, five[0]!.outboxId!)
    expect(mails).toHaveLength(2)
    expect(mails[0]!.subject).toContain('协商要约答复期限将至（距期限届满还有5天）')

    clock.set(reminderAt(d.lastDay, 1))
    const other = await connect(t)
    try {
      await Promise.all([runDeadlineReminders({ db, clock, leadDays }), runDeadlineReminders({ db: other, clock, leadDays })])
    } finally {
      await other.close()
    }
    expect((await remindersOf(d.id)).map((r) => [r.leadDays, r.status])).toEqual([
      [5, 'queued'],
      [1, 'queued'],
    ])
    const written = await db.read(function* () {
      return yield* all<{ id: string }>(`SELECT "id" FROM "OutboxMessage" WHERE "effect" = 'notify.deadlineReminder' AND "caseId" = ?`, [d.caseId])
    })
    expect(written).toHaveLength(2)
  })

  it('sends only the nearest reminder when several are due at once, none after the deadline, none for a cancelled one', async () => {
    const late = await replyDeadline('2026-08-03')
    clock.set(reminderAt(late.lastDay, 1)) // the job was not running on the 5-day morning
    await runDeadlineReminders({ db, clock, leadDays })
    expect((await remindersOf(late.id)).map((r) => [r.leadDays, r.status])).toEqual([
      [5, 'skipped'],
      [1, 'queued'],
    ])

    const past = await replyDeadline('2026-10-08')
    clock.set(new Date(Date.parse(past.dueAt) + 1).toISOString())
    await runDeadlineReminders({ db, clock, leadDays })
    expect(await remindersOf(past.id)).toEqual([])

    // A reminder whose deadline was cancelled before the notification ran sends nothing.
    const gone = await replyDeadline('2026-12-01')
    clock.set(reminderAt(gone.lastDay, 5))
    await runDeadlineReminders({ db, clock, leadDays })
    const [r] = await remindersOf(gone.id)
    await db.transaction(function* () {
      yield* run(`UPDATE "Deadline" SET "status" = 'cancelled' WHERE "id" = ?`, [gone.id])
    })
    await runNotify(db, clock)
    expect(await mailsOf(db, r!.outboxId!)).toEqual([])
  })
})
