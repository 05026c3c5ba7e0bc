import crypto from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { TDatabase } from '../../src/db/database.js'
import { run } from '../../src/db/sql.js'
import { ManualClock } from '../../src/engine/clock.js'
import { createCalendarStore } from '../../src/engine/calendars.js'
import { fireDueDeadlines } from '../../src/engine/scheduler.js'
import { failedRecipients, getMail, listMail, mailCounts } from '../../src/engine/list-mail.js'
import { requeueMail } from '../../src/engine/requeue-mail.js'
import { createSmtpTransport } from '../../src/mail/smtp.js'
import { createMailSendHandler, MAIL_SEND_EFFECT } from '../../src/mail/sender.js'
import { runOutbox } from '../../src/engine/outbox.js'
import { newCredential, sealToken } from '../../src/congress/credentials.js'
import { createCredentialUnsealer } from '../../src/notify/credentials.js'
import { connect, createTestDatabase, PROVIDERS_UNDER_TEST, type TTestDatabase } from '../support/databases.js'
import { caseAwaitingReply, seedEnterprise, testEngine } from '../support/factories.js'
import { freePort, startTestSmtp, type TTestSmtp } from '../support/smtp.js'
import {
  addDocument,
  addNotify,
  addUser,
  DOMAIN,
  FROM,
  mailsOf,
  outboxRow,
  pdfBytes,
  regionTree,
  runMail,
  runNotify,
  settleOutbox,
  sha256,
  smtpTransport,
} from './fixtures.js'

describe.each(PROVIDERS_UNDER_TEST)('mail through the outbox on %s', (provider) => {
  let t: TTestDatabase
  let db: TDatabase
  let clock: ManualClock
  const servers: TTestSmtp[] = []

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    db = await connect(t)
    clock = new ManualClock('2026-06-04T02:00:00.000Z')
    await seedEnterprise(db) // creates the region
    await regionTree(db)
  })
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()))
  })
  afterAll(async () => {
    await db?.close()
    await t?.drop()
  })

  const smtp = async (o: Parameters<typeof startTestSmtp>[0] = {}) => {
    const s = await startTestSmtp(o)
    servers.push(s)
    return s
  }

  /** A case awaiting reply, with a union and an employer negotiator (and optionally more people). */
  async function caseWithPeople() {
    clock.set('2026-06-04T02:00:00.000Z')
    const enterpriseId = await seedEnterprise(db)
    const tag = enterpriseId.slice(0, 8)
    const union = await addUser(db, { email: `lina.${tag}@example.test`, name: '李娜', role: 'unionNegotiator', enterpriseId })
    const employer = await addUser(db, { email: `wangqiang.${tag}@example.test`, name: '王强', role: 'employerNegotiator', enterpriseId })
    const applied = await caseAwaitingReply(testEngine(db, clock), enterpriseId, '2026-06-04')
    await settleOutbox(db)
    return { enterpriseId, tag, caseId: applied.caseId, seq: applied.seq, union, employer }
  }

  it('sends one mail per recipient through a real SMTP server: subject, recipients, Chinese body, PDF with the stored hash', async () => {
    const c = await caseWithPeople()
    const broken = await addUser(db, { email: `not-an-address-${c.tag}`, name: '赵六', role: 'employerNegotiator', enterpriseId: c.enterpriseId })
    const pdf = pdfBytes()
    const doc = await addDocument(db, { caseId: c.caseId, caseSeq: c.seq, kind: 'minutes', title: '第1次协商会议纪要', bytes: pdf })
    await db.transaction(function* () {
      // What the machine records for a round: the mail reads it from the snapshot's context.
      yield* run(`UPDATE "Case" SET "snapshot" = ? WHERE "id" = ?`, [
        JSON.stringify({ status: 'active', value: 'negotiating', context: { rounds: [{ number: 1, heldOn: '2026-06-24', place: '公司三楼第一会议室', outcome: 'continued', openItems: ['年度工资增长幅度'] }] } }),
        c.caseId,
      ])
    })
    const source = await addNotify(db, clock, { caseId: c.caseId, caseSeq: c.seq, effect: 'notify.roundHeld' })

    expect((await runNotify(db, clock)).done).toBeGreaterThanOrEqual(1)
    const mails = await mailsOf(db, source)
    expect(mails.map((m) => m.status).sort()).toEqual(['failed', 'queued', 'queued'])
    const invalid = mails.find((m) => m.status === 'failed')!
    expect(invalid).toMatchObject({ errorCode: 'INVALID_ADDRESS', toAddress: broken.email, sendOutboxId: null })

    const server = await smtp()
    expect(await runMail(db, clock, smtpTransport(server.port))).toMatchObject({ done: 2, retried: 0, dead: 0 })
    expect(server.deliveries).toHaveLength(2)
    const byTo = new Map(server.deliveries.map((d) => [d.envelope.to[0], d]))
    expect([...byTo.keys()].sort()).toEqual([c.union.email, c.employer.email].sort())

    const d = byTo.get(c.union.email)!
    expect(d.mail.subject).toBe('【广州市天河精工制造有限公司】协商会议纪要（第1次） / Minutes of the negotiation meeting (round 1)')
    expect(d.mail.to && !Array.isArray(d.mail.to) ? d.mail.to.value[0] : undefined).toMatchObject({ address: c.union.email, name: '李娜' })
    expect(d.mail.from?.value[0]).toMatchObject({ address: 'noreply@wagepact.test', name: '工资集体协商系统' })
    expect(d.envelope.from).toBe('noreply@wagepact.test')
    expect(d.mail.text).toContain('李娜，您好（职工方协商代表）：')
    expect(d.mail.text).toContain('2026年6月24日第1次协商会议的会议纪要见附件')
    expect(d.mail.text).toContain('年度工资增长幅度')
    // Chinese first, English below.
    expect(d.mail.text!.indexOf('会议纪要')).toBeLessThan(d.mail.text!.indexOf('———— English ————'))
    expect(d.mail.text).toContain('The minutes of the round 1 negotiation meeting of 24 June 2026 are attached.')
    expect(d.mail.html).toContain('<div lang="zh-CN">')
    expect(d.mail.headers.get('auto-submitted')).toBe('auto-generated')
    expect(d.mail.headers.get('x-wagepact-case')).toBe(c.caseId)

    expect(d.mail.attachments).toHaveLength(1)
    const att = d.mail.attachments[0]!
    expect(att.filename).toBe('第1次协商会议纪要.pdf')
    expect(att.contentType).toBe('application/pdf')
    expect(sha256(att.content)).toBe(doc.sha256)
    expect(Buffer.compare(att.content, pdf)).toBe(0)

    // The stable Message-ID: <source outbox id>.<recipient key>@domain, as stored.
    const sent = await mailsOf(db, source)
    const lina = sent.find((m) => m.toAddress === c.union.email)!
    expect(d.messageId).toBe(lina.messageId)
    expect(lina.messageId).toMatch(new RegExp(`^<${source}\\.[0-9a-f]{16}@${DOMAIN.replace('.', '\\.')}>$`))
    expect(lina).toMatchObject({ status: 'sent', attempts: 1, sendPhase: null })
    expect(lina.smtpResponse).toMatch(/^250 /)

    // Who was not reached, per case; the admin listing and one message in full.
    expect(await failedRecipients(db, c.caseId)).toEqual([
      expect.objectContaining({ recipientName: '赵六', toAddress: broken.email, status: 'failed', errorCode: 'INVALID_ADDRESS' }),
    ])
    const listed = (await listMail(db, { caseId: c.caseId })).filter((m) => m.effect === 'notify.roundHeld')
    expect(listed.map((m) => m.status).sort()).toEqual(['failed', 'sent', 'sent'])
    const view = await getMail(db, lina.id)
    expect(view?.attachments).toEqual([{ filename: '第1次协商会议纪要.pdf', mediaType: 'application/pdf', documentId: doc.id, sha256: doc.sha256 }])
  })

  it('turns the machine’s own notify.replyOverdue (a real deadline) into mail; a notification is written once', async () => {
    const c = await caseWithPeople()
    clock.advanceDays(40)
    const calendars = createCalendarStore(db)
    await fireDueDeadlines({ db, context: () => ({ now: clock.now().toISOString(), nodeId: 'n', computeDeadline: calendars.calculator }) })
    await runNotify(db, clock)
    const list = (await listMail(db, { caseId: c.caseId })).filter((m) => m.effect === 'notify.replyOverdue')
    expect(list.map((m) => m.toAddress).sort()).toEqual([c.union.email, c.employer.email].sort())
    expect(list[0]!.subject).toContain('协商要约答复已逾期')
    // Running the handler again for the same outbox row (a worker that died after committing) writes nothing.
    const sourceId = (await getMail(db, list[0]!.id))!.sourceOutboxId
    await db.transaction(function* () {
      yield* run(`UPDATE "OutboxMessage" SET "status" = 'pending' WHERE "id" = ?`, [sourceId])
    })
    await runNotify(db, clock)
    expect((await listMail(db, { caseId: c.caseId })).filter((m) => m.effect === 'notify.replyOverdue')).toHaveLength(2)
    const server = await smtp()
    await runMail(db, clock, smtpTransport(server.port))
    const overdue = server.deliveries.filter((d) => list.some((m) => m.messageId === d.messageId))
    expect(overdue).toHaveLength(2)
    expect(overdue[0]!.mail.text).toContain('要约方可以提请劳动保障行政部门处理')
    expect(overdue[0]!.mail.text).toContain('要约送达日期：2026年6月4日')
  })

  it('reaches bureau reviewers of the region and its parent regions, and records a role nobody holds', async () => {
    const c = await caseWithPeople()
    const reviewer = await addUser(db, { email: `reviewer.${c.tag}@hrss.example.test`, name: '陈审查', role: 'bureauReviewer', regionCode: '440000' })
    await addUser(db, { email: `inactive.${c.tag}@hrss.example.test`, name: '停用者', role: 'bureauReviewer', regionCode: '440100', active: false })
    const receipt = await addDocument(db, { caseId: c.caseId, caseSeq: c.seq, kind: 'filingReceipt', title: '收文回执', bytes: pdfBytes() })
    const filed = await addNotify(db, clock, { caseId: c.caseId, caseSeq: c.seq, effect: 'notify.filingRegistered' })
    const passed = await addNotify(db, clock, { caseId: c.caseId, caseSeq: c.seq, effect: 'notify.congressPassed' })
    await runNotify(db, clock)
    const filedMails = await mailsOf(db, filed)
    expect(filedMails.filter((m) => m.status === 'queued').map((m) => m.toAddress).sort()).toEqual(
      [c.union.email, c.employer.email, reviewer.email].sort(),
    )
    expect(filedMails.find((m) => m.status === 'failed')).toMatchObject({ errorCode: 'NO_ADDRESS', recipientRole: 'bureauReviewer' })
    const passedMails = await mailsOf(db, passed)
    expect(passedMails.find((m) => m.recipientRole === 'workerRepresentative')).toMatchObject({ status: 'failed', errorCode: 'NO_ADDRESS' })

    const server = await smtp()
    await runMail(db, clock, smtpTransport(server.port))
    const toReviewer = server.deliveries.find((d) => d.envelope.to[0] === reviewer.email)!
    expect(toReviewer.mail.subject).toContain('劳动保障行政部门已收到报送材料')
    expect(sha256(toReviewer.mail.attachments[0]!.content)).toBe(receipt.sha256)
    const unreached = await failedRecipients(db, c.caseId)
    expect(unreached.map((u) => u.recipientRole).sort()).toEqual(['bureauReviewer', 'workerRepresentative'])
    expect(unreached.find((u) => u.recipientRole === 'bureauReviewer')!.reason).toContain('inactive')
  })

  it('holds mail when no SMTP server is configured (not dead-lettered), lists it for admins and sends it when released', async () => {
    const c = await caseWithPeople()
    const source = await addNotify(db, clock, { caseId: c.caseId, caseSeq: c.seq, effect: 'notify.requestReceived' })
    await runNotify(db, clock)
    expect(await runMail(db, clock, null)).toMatchObject({ done: 2, dead: 0 })
    const held = await mailsOf(db, source)
    expect(held.map((m) => m.status)).toEqual(['held', 'held'])
    expect((await outboxRow(db, held[0]!.sendOutboxId!))?.status).toBe('done')
    expect((await listMail(db, { status: 'held' })).map((m) => m.id)).toEqual(expect.arrayContaining(held.map((m) => m.id)))
    expect((await mailCounts(db)).held).toBeGreaterThanOrEqual(2)
    const view = await getMail(db, held[0]!.id)
    expect(view?.text).toContain('应在2026年6月')

    const server = await smtp()
    const { requeued } = await requeueMail(db, clock, { ids: held.map((m) => m.id) })
    expect(requeued.sort()).toEqual(held.map((m) => m.id).sort())
    await runMail(db, clock, smtpTransport(server.port))
    expect(server.deliveries.map((d) => d.messageId).sort()).toEqual(held.map((m) => m.messageId).sort())
    expect((await mailsOf(db, source)).map((m) => m.status)).toEqual(['sent', 'sent'])
  })

  it('waits with exponential backoff while the SMTP server is down and sends when it is back; dead-letters after N failures', async () => {
    const c = await caseWithPeople()
    const port = await freePort()
    const source = await addNotify(db, clock, { caseId: c.caseId, caseSeq: c.seq, effect: 'notify.requestSent' })
    await runNotify(db, clock)
    const transport = smtpTransport(port)
    const opts = { maxAttempts: 4, baseBackoffMs: 1_000 }

    expect(await runMail(db, clock, transport, opts)).toMatchObject({ retried: 2 })
    let mails = await mailsOf(db, source)
    expect(mails.every((m) => m.status === 'queued' && m.attempts === 1 && m.errorCode === 'TEMPORARY')).toBe(true)
    expect(mails[0]!.lastError).toMatch(/ECONNECTION|ECONNREFUSED/)
    const first = await outboxRow(db, mails[0]!.sendOutboxId!)
    expect(first).toMatchObject({ status: 'pending', attempts: 1 })
    expect(Date.parse(first!.availableAt) - clock.now().getTime()).toBe(1_000)
    // Not retried before its time.
    expect(await runMail(db, clock, transport, opts)).toMatchObject({ retried: 0, done: 0 })
    clock.advance(1_000)
    expect(await runMail(db, clock, transport, opts)).toMatchObject({ retried: 2 })
    expect(Date.parse((await outboxRow(db, mails[0]!.sendOutboxId!))!.availableAt) - clock.now().getTime()).toBe(2_000)

    // The server comes back on its port: the next due attempt delivers.
    const server = await smtp({ port })
    clock.advance(2_000)
    expect(await runMail(db, clock, transport, opts)).toMatchObject({ done: 2 })
    expect(server.deliveries).toHaveLength(2)
    mails = await mailsOf(db, source)
    expect(mails.every((m) => m.status === 'sent' && m.attempts === 3)).toBe(true)

    // Down for good: after maxAttempts the mail is dead, in the outbox and in the case's list of unreached.
    await server.close()
    const other = await addNotify(db, clock, { caseId: c.caseId, caseSeq: c.seq, effect: 'notify.replyOverdue' })
    await runNotify(db, clock)
    for (let i = 0; i < 4; i++) {
      await runMail(db, clock, transport, opts)
      clock.advance(60_000)
    }
    const dead = await mailsOf(db, other)
    expect(dead.map((m) => [m.status, m.errorCode, m.attempts])).toEqual([
      ['dead', 'RETRIES_EXHAUSTED', 4],
      ['dead', 'RETRIES_EXHAUSTED', 4],
    ])
    expect((await outboxRow(db, dead[0]!.sendOutboxId!))?.status).toBe('dead')
    expect((await failedRecipients(db, c.caseId)).filter((u) => u.status === 'dead')).toHaveLength(2)
  })

  it('marks a recipient refused with 550 failed at once with the reason; a 450 is retried', async () => {
    const c = await caseWithPeople()
    const server = await smtp({
      refuseRecipient: (a) =>
        a === c.employer.email
          ? { code: 550, message: '5.1.1 <' + a + '>: mailbox unavailable' }
          : undefined,
    })
    const source = await addNotify(db, clock, { caseId: c.caseId, caseSeq: c.seq, effect: 'notify.requestAnswered' })
    await runNotify(db, clock)
    expect(await runMail(db, clock, smtpTransport(server.port))).toMatchObject({ done: 1, dead: 1, retried: 0 })
    const mails = await mailsOf(db, source)
    const refused = mails.find((m) => m.toAddress === c.employer.email)!
    expect(refused).toMatchObject({ status: 'failed', errorCode: 'REJECTED', attempts: 1 })
    expect(refused.lastError).toContain('550')
    expect(refused.lastError).toContain('mailbox unavailable')
    expect((await failedRecipients(db, c.caseId))[0]).toMatchObject({ recipientName: '王强', errorCode: 'REJECTED' })
    expect(server.deliveries.map((d) => d.envelope.to[0])).toEqual([c.union.email])

    const busy = await smtp({ refuseRecipient: () => ({ code: 450, message: '4.2.1 mailbox busy, try later' }) })
    const again = await addNotify(db, clock, { caseId: c.caseId, caseSeq: c.seq, effect: 'notify.requestRefused' })
    await runNotify(db, clock)
    expect(await runMail(db, clock, smtpTransport(busy.port))).toMatchObject({ retried: 2, dead: 0 })
    expect((await mailsOf(db, again)).every((m) => m.status === 'queued' && m.lastError!.includes('450'))).toBe(true)
  })

  it('refuses to send an attachment whose bytes no longer match the stored SHA-256', async () => {
    const c = await caseWithPeople()
    const doc = await addDocument(db, { caseId: c.caseId, caseSeq: c.seq, kind: 'reviewOpinion', title: '审查意见书', bytes: pdfBytes() })
    const source = await addNotify(db, clock, { caseId: c.caseId, caseSeq: c.seq, effect: 'notify.reviewObjected' })
    await runNotify(db, clock)
    await db.transaction(function* () {
      yield* run(`UPDATE "Document" SET "bytes" = ? WHERE "id" = ?`, [pdfBytes('tampered'), doc.id])
    })
    const server = await smtp()
    const queued = (await mailsOf(db, source)).filter((m) => m.status === 'queued')
    expect(queued.length).toBeGreaterThanOrEqual(2)
    expect(await runMail(db, clock, smtpTransport(server.port))).toMatchObject({ done: 0, dead: queued.length })
    expect(server.deliveries).toHaveLength(0)
    const after = await mailsOf(db, source)
    expect(after.filter((m) => m.sendOutboxId).every((m) => m.status === 'failed' && m.errorCode === 'ATTACHMENT_MISMATCH')).toBe(true)
  })

  it('attaches an .ics invitation to a scheduled meeting, and personal links for an explicit recipient list', async () => {
    const c = await caseWithPeople()
    await addNotify(db, clock, {
      caseId: c.caseId,
      caseSeq: c.seq,
      effect: 'notify.meetingScheduled',
      data: { meeting: { meetingOn: '2026-06-15', time: '09:00', place: '公司三楼第一会议室' } },
    })
    await addNotify(db, clock, {
      caseId: c.caseId,
      caseSeq: c.seq,
      effect: 'notify.congressConvened',
      data: {
        heldOn: '2026-07-10',
        recipients: [
          { email: `rep1.${c.tag}@example.test`, name: '职工代表甲', role: 'workerRepresentative', link: 'https://wagepact.test/vote/AAA' },
          { email: `rep2.${c.tag}@example.test`, name: '职工代表乙', role: 'workerRepresentative', link: 'https://wagepact.test/vote/BBB' },
        ],
      },
    })
    await runNotify(db, clock)
    const server = await smtp()
    await runMail(db, clock, smtpTransport(server.port))
    const invite = server.deliveries.find((d) => d.envelope.to[0] === c.union.email && d.mail.subject?.includes('协商会议已安排'))!
    expect(invite.mail.subject).toContain('2026年6月15日')
    const ics = invite.mail.attachments.find((a) => a.filename === 'meeting.ics')!
    expect(ics.contentType).toBe('text/calendar')
    const text = ics.content.toString('utf8')
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20260615T090000')
    expect(text).toContain('LOCATION:公司三楼第一会议室')
    expect(text).toContain(`UID:${c.caseId}-meeting-2026-06-15@${DOMAIN}`)

    const rep1 = server.deliveries.find((d) => d.envelope.to[0] === `rep1.${c.tag}@example.test`)!
    expect(rep1.mail.text).toContain('https://wagepact.test/vote/AAA')
    expect(rep1.mail.text).not.toContain('BBB')
    expect(rep1.mail.subject).toContain('职工代表大会审议协商草案')
  })

  it('authenticates to the SMTP server; a wrong password is a configuration problem and is retried, not a bounce', async () => {
    const c = await caseWithPeople()
    const server = await smtp({ auth: { user: 'wagepact', pass: 's3cret' } })
    const source = await addNotify(db, clock, { caseId: c.caseId, caseSeq: c.seq, effect: 'notify.caseClosed' })
    await runNotify(db, clock)
    const wrong = createSmtpTransport({ host: '127.0.0.1', port: server.port, secure: false, starttls: 'off', auth: { user: 'wagepact', pass: 'nope' }, timeoutMs: 5_000 })
    expect(await runMail(db, clock, wrong)).toMatchObject({ retried: 2, dead: 0 })
    expect((await mailsOf(db, source))[0]!.lastError).toContain('EAUTH')
    clock.advance(1_000)
    const right = createSmtpTransport({ host: '127.0.0.1', port: server.port, secure: false, starttls: 'off', auth: { user: 'wagepact', pass: 's3cret' }, timeoutMs: 5_000 })
    expect(await runMail(db, clock, right)).toMatchObject({ done: 2 })
    expect(server.deliveries).toHaveLength(2)
    expect(server.deliveries[0]!.mail.subject).toContain('案件已结束')
  })

  it('mails a sealed voting credential: opened only by the sender, never stored in clear; a reminder to each non-voter', async () => {
    const c = await caseWithPeople()
    const key = crypto.randomBytes(32)
    const credential = newCredential()
    const credentialId = crypto.randomUUID()
    const sessionId = crypto.randomUUID()
    const base = { sessionId, caseId: c.caseId, sessionName: '2026年度工资专项集体合同草案表决', closesAt: '2026-07-10T09:00:00.000Z' }
    const source = await addNotify(db, clock, {
      caseId: c.caseId,
      caseSeq: null,
      effect: 'notify.voteCredential',
      data: {
        ...base,
        credentialId,
        representativeId: 'rep-1',
        name: '职工代表甲',
        email: `rep1.${c.tag}@example.test`,
        heldOn: '2026-07-10',
        place: '公司大礼堂',
        opensAt: '2026-07-10T01:00:00.000Z',
        sealedToken: sealToken(key, credential.token, credentialId),
      },
    })
    const phoneOnly = await addNotify(db, clock, {
      caseId: c.caseId,
      caseSeq: null,
      effect: 'notify.voteReminder',
      data: { ...base, representativeId: 'rep-2', name: '职工代表乙', email: null, phone: '13800000000' },
    })
    const reminder = await addNotify(db, clock, {
      caseId: c.caseId,
      caseSeq: null,
      effect: 'notify.voteReminder',
      data: { ...base, representativeId: 'rep-3', name: '职工代表丙', email: `rep3.${c.tag}@example.test`, phone: null },
    })
    await runNotify(db, clock)
    const [stored] = await mailsOf(db, source)
    const view = (await getMail(db, stored!.id))!
    expect(view.text).toContain('{{credential.link}}')
    expect(JSON.stringify(view)).not.toContain(credential.token)
    expect((await mailsOf(db, phoneOnly))[0]).toMatchObject({ status: 'failed', errorCode: 'NO_ADDRESS' })

    const server = await smtp()
    const transport = smtpTransport(server.port)
    // Without the key the credential cannot go out: failed with the reason, to be requeued once it is configured.
    await runMail(db, clock, transport)
    expect((await mailsOf(db, source))[0]).toMatchObject({ status: 'failed', errorCode: 'SEALED_SECRET' })
    await requeueMail(db, clock, { ids: [stored!.id], statuses: ['failed'] })
    await runOutbox({
      db,
      clock,
      nodeId: 'mail-worker',
      handlers: {
        [MAIL_SEND_EFFECT]: createMailSendHandler({ db, clock, transport, maxAttempts: 3, from: FROM, unseal: createCredentialUnsealer(key, 'https://wagepact.test') }),
      },
    })
    const toRep1 = server.deliveries.find((d) => d.envelope.to[0] === `rep1.${c.tag}@example.test`)!
    expect(toRep1.mail.text).toContain(`https://wagepact.test/vote/${sessionId}#${credential.token}`)
    expect(toRep1.mail.text).toContain(`表决凭证码（纸面输入用）：${credential.code}`)
    expect(toRep1.mail.text).toContain('表决截止：2026年7月10日 17:00')
    expect(toRep1.mail.html).toContain(`href="https://wagepact.test/vote/${sessionId}#${credential.token}"`)
    expect(toRep1.messageId).toBe(stored!.messageId)
    const toRep3 = server.deliveries.find((d) => d.envelope.to[0] === `rep3.${c.tag}@example.test`)!
    expect(toRep3.mail.subject).toContain('表决提醒')
    expect(toRep3.mail.text).toContain('将于2026年7月10日截止')
    expect((await mailsOf(db, reminder))[0]!.status).toBe('sent')
  })
})
