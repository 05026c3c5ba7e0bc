/**
 * The mail outbox over HTTP, on both databases: voting credentials e-mailed by a real convening (sealed in the
 * outbox, turned into MailMessage rows by the notify handler, held by the sender without SMTP), listed and shown to
 * admins only and never with the credential; requeued; a rejected mail shown to the case's parties as not reached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSealedToken } from '../../src/congress/index.js'
import { all, one } from '../../src/db/sql.js'
import { runOutbox, type TEffectHandler } from '../../src/engine/outbox.js'
import { createMailSendHandler, MAIL_SEND_EFFECT } from '../../src/mail/sender.js'
import { SmtpSendError, type TMailTransport } from '../../src/mail/smtp.js'
import { createCredentialUnsealer } from '../../src/notify/credentials.js'
import { createNotifyHandler } from '../../src/notify/handler.js'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { walkCase } from '../support/case-walk.js'
import { createHttpWorld } from '../support/http.js'
import { CREDENTIAL_KEY, rosterOf } from '../congress/helpers.js'

const FROM = { name: '工资集体协商系统', address: 'noreply@example.cn' }
const PUBLIC_URL = 'http://127.0.0.1:3000'
const SEATS = 3

/** An SMTP server that refuses every recipient for good (550). */
const rejecting: TMailTransport = {
  send: async () => {
    throw new SmtpSendError('550 5.1.1 mailbox unavailable', true, 'EENVELOPE', 550, false)
  },
  describe: () => 'rejecting test transport',
}

describe.each(PROVIDERS_UNDER_TEST)('HTTP mail admin on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>
  let caseId: string
  let mailIds: string[]

  const run = (handlers: Record<string, TEffectHandler>) => runOutbox({ db: w.db, clock: w.clock, nodeId: 'mail-admin-test', handlers })
  const sender = (transport: TMailTransport | null) => ({
    [MAIL_SEND_EFFECT]: createMailSendHandler({
      db: w.db,
      clock: w.clock,
      transport,
      maxAttempts: 3,
      from: FROM,
      unseal: createCredentialUnsealer(CREDENTIAL_KEY, PUBLIC_URL),
    }),
  })

  beforeAll(async () => {
    w = await createHttpWorld(provider, { congressCredentialKey: CREDENTIAL_KEY })
    caseId = (await walkCase(w.engine, { enterpriseId: 'ent-tianhe', clock: w.clock, until: 'draft' })).caseId
    expect((await w.as('unionT').post(`/api/v1/cases/${caseId}/congress/roster`).send(rosterOf(SEATS))).status).toBe(200)
    const now = w.clock.now().getTime()
    const convened = await w
      .as('unionT')
      .post(`/api/v1/cases/${caseId}/congress/sessions`)
      .send({
        name: '职工代表大会',
        heldOn: w.clock.now().toISOString().slice(0, 10),
        place: '礼堂',
        online: true,
        opensAt: new Date(now - 3_600_000).toISOString(),
        closesAt: new Date(now + 3_600_000).toISOString(),
        documentSha256: 'cd'.repeat(32),
        items: [{ id: 'draft', title: '草案' }],
        scrutineers: [{ name: '监票人', userId: w.userIds.workerT }],
        tellers: [{ name: '计票人', userId: w.userIds.nobody }],
        delivery: 'email',
      })
    expect(convened.status, JSON.stringify(convened.body)).toBe(201)
    expect(convened.body).toMatchObject({ emailed: SEATS, credentials: [] })
    // The notify handler writes one MailMessage per credential (sealed); without SMTP the sender holds them.
    await run({ 'notify.voteCredential': createNotifyHandler({ db: w.db, clock: w.clock, from: FROM, messageIdDomain: 'test.example', publicUrl: PUBLIC_URL }) })
    await run(sender(null))
    mailIds = (
      await w.db.read(function* () {
        return yield* all<{ id: string }>(`SELECT "id" FROM "MailMessage" WHERE "effect" = 'notify.voteCredential' ORDER BY "id"`)
      })
    ).map((r) => r.id)
    expect(mailIds).toHaveLength(SEATS)
  })
  afterAll(async () => {
    await w?.close()
  })

  it('lists the outbox for admins only, filtered by status and case, with counts by status', async () => {
    const res = await w.as('admin').get(`/api/v1/mail?status=held&caseId=${caseId}`)
    expect(res.status).toBe(200)
    expect(res.body.items.map((m: { id: string }) => m.id).sort()).toEqual(mailIds)
    expect(res.body.items[0]).toMatchObject({ status: 'held', effect: 'notify.voteCredential', caseId, toAddress: expect.stringMatching(/@example\.cn$/) })
    expect(res.body.counts.held).toBe(SEATS)
    expect((await w.as('admin').get('/api/v1/mail?status=sent')).body.items).toEqual([])
    expect((await w.as('admin').get('/api/v1/mail?limit=1')).body.items).toHaveLength(1)
    const bad = await w.as('admin').get('/api/v1/mail?status=lost')
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.issues[0].path).toBe('query.status')
    for (const user of ['unionT', 'bureauTianhe', 'workerT', 'nobody'] as const) {
      expect((await w.as(user).get('/api/v1/mail')).status, user).toBe(403)
      expect((await w.as(user).get(`/api/v1/mail/${mailIds[0]}`)).status, user).toBe(403)
    }
    expect((await w.anon.get('/api/v1/mail')).status).toBe(401)
  })

  it('shows one mail with its text, never the voting credential it carries (only placeholders)', async () => {
    const res = await w.as('admin').get(`/api/v1/mail/${mailIds[0]}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: mailIds[0], status: 'held', text: expect.stringContaining('{{credential.') })
    expect(res.body).not.toHaveProperty('sealed')
    const row = await w.db.read(function* () {
      return yield* one<{ sealed: string }>(`SELECT "sealed" FROM "MailMessage" WHERE "id" = ?`, [mailIds[0]!])
    })
    const sealed = JSON.parse(row!.sealed) as { sealedToken: string; credentialId: string }
    const { token, code } = openSealedToken(CREDENTIAL_KEY, sealed.sealedToken, sealed.credentialId)
    const text = JSON.stringify(res.body)
    for (const secret of [token, code, sealed.sealedToken]) expect(text).not.toContain(secret)
    expect((await w.as('admin').get('/api/v1/mail/no-such-mail')).status).toBe(404)
    expect((await w.as('admin').get('/api/v1/mail/bad%20id')).body.error.details.issues[0].path).toBe('params.mailId')
  })

  it('requeues held mail (admins): queued again with a new send row; twice is 409; others 403; unknown 404', async () => {
    const id = mailIds[0]!
    expect((await w.as('unionT').post(`/api/v1/mail/${id}/requeue`).send({})).status).toBe(403)
    expect((await w.anon.post(`/api/v1/mail/${id}/requeue`).send({})).status).toBe(401)
    expect((await w.as('admin').post('/api/v1/mail/no-such-mail/requeue').send({})).status).toBe(404)
    const bad = await w.as('admin').post(`/api/v1/mail/${id}/requeue`).send({ refreshAddress: 'yes' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.issues[0].path).toBe('body.refreshAddress')
    const before = await w.as('admin').get(`/api/v1/mail/${id}`)
    const res = await w.as('admin').post(`/api/v1/mail/${id}/requeue`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ id, status: 'queued', messageId: before.body.messageId })
    expect(res.body.sendOutboxId).not.toBe(before.body.sendOutboxId)
    const outbox = await w.db.read(function* () {
      return yield* one<{ effect: string; status: string }>(`SELECT "effect", "status" FROM "OutboxMessage" WHERE "id" = ?`, [res.body.sendOutboxId])
    })
    expect(outbox).toEqual({ effect: 'mail.send', status: 'pending' })
    const again = await w.as('admin').post(`/api/v1/mail/${id}/requeue`)
    expect(again.status).toBe(409)
    expect(again.body.error.details).toMatchObject({ status: 'queued' })
  })

  it('a rejected mail shows as not reached to the case’s parties and bureau; requeued by an admin', async () => {
    // The requeued mail goes to an SMTP server that refuses the address for good.
    await run(sender(rejecting))
    const failed = await w.as('admin').get(`/api/v1/mail/${mailIds[0]}`)
    expect(failed.body).toMatchObject({ status: 'failed', errorCode: 'REJECTED' })
    for (const user of ['unionT', 'employerT', 'bureauTianhe', 'admin'] as const) {
      const res = await w.as(user).get(`/api/v1/cases/${caseId}/unreached`)
      expect(res.status, user).toBe(200)
      expect(res.body.items).toEqual([
        expect.objectContaining({ mailId: mailIds[0], status: 'failed', errorCode: 'REJECTED', reason: expect.stringContaining('550') }),
      ])
    }
    expect((await w.as('workerT').get(`/api/v1/cases/${caseId}/unreached`)).status).toBe(403)
    for (const user of ['unionH', 'bureauZhejiang', 'nobody'] as const) {
      const res = await w.as(user).get(`/api/v1/cases/${caseId}/unreached`)
      expect(res.status, user).toBe(404)
      expect(JSON.stringify(res.body)).not.toContain('@example.cn')
    }
    expect((await w.anon.get(`/api/v1/cases/${caseId}/unreached`)).status).toBe(401)
    const requeued = await w.as('admin').post(`/api/v1/mail/${mailIds[0]}/requeue`).send({ refreshAddress: true })
    expect(requeued.status).toBe(200)
    expect(requeued.body.status).toBe('queued')
    expect((await w.as('unionT').get(`/api/v1/cases/${caseId}/unreached`)).body.items).toEqual([])
  })
})
