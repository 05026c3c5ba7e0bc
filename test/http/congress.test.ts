/**
 * The congress vote over HTTP, on both databases: roster, convening, session reads, the ballot holder's routes
 * (credential in `Authorization: Ballot …`), attendance and paper ballots by the session's officers, close, tally,
 * certification, receipts — with the access rules (401 / 403 / 404 never the data) and what the ballot route must
 * never keep: no idempotency record, nothing of the request in the log.
 */
import { Writable } from 'node:stream'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { all, one } from '../../src/db/sql.js'
import { getCase } from '../../src/engine/queries.js'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { createHttpWorld, type THttpWorld } from '../support/http.js'
import { walkCase } from '../support/case-walk.js'
import { CREDENTIAL_KEY, rosterOf } from '../congress/helpers.js'

const HOUR = 3_600_000
const SEATS = 8

type TCredential = { representativeId: string; name: string; token: string; code: string }

const ballotOf = (choice: 'agree' | 'disagree' | 'abstain') => ({ choices: [{ itemId: 'draft', choice }] })

describe.each(PROVIDERS_UNDER_TEST)('HTTP congress on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>
  const logLines: string[] = []
  let caseId: string
  let sessionId: string
  let credentials: TCredential[]
  let closesAt: string

  /** The convene body: voting open from an hour ago for eight hours; `nobody` counts, `workerT` scrutinises. */
  const conveneBody = (world: THttpWorld, extra: Record<string, unknown> = {}) => {
    const now = world.clock.now().getTime()
    return {
      name: '第三届职工代表大会第二次会议',
      heldOn: world.clock.now().toISOString().slice(0, 10),
      place: '公司大礼堂',
      online: true,
      opensAt: new Date(now - HOUR).toISOString(),
      closesAt: new Date(now + 8 * HOUR).toISOString(),
      documentSha256: 'ab'.repeat(32),
      items: [{ id: 'draft', title: '2026年度工资专项集体合同（草案）' }],
      scrutineers: [{ name: '监票人甲', userId: world.userIds.workerT }],
      tellers: [{ name: '计票人乙', userId: world.userIds.nobody }],
      presiding: '王主席',
      ...extra,
    }
  }

  const ballotClient = (credential: string) => ({
    page: () => w.anon.get('/api/v1/ballots/page').set('Authorization', `Ballot ${credential}`),
    signIn: () => w.anon.post('/api/v1/ballots/sign-in').set('Authorization', `Ballot ${credential}`),
    cast: (body: unknown) => w.anon.post('/api/v1/ballots').set('Authorization', `Ballot ${credential}`).send(body as object),
  })

  const countRows = (table: string, where = '', params: string[] = []) =>
    w.db.read(function* () {
      return Number((yield* one<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "${table}" ${where}`, params))!.n)
    })

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString('utf8'))
        done()
      },
    })
    w = await createHttpWorld(provider, { logger: pino({ level: 'info' }, stream), congressCredentialKey: CREDENTIAL_KEY })
    // A real case brought to the congress vote (awaitingCongress) by the shared walk of the statutory path.
    caseId = (await walkCase(w.engine, { enterpriseId: 'ent-tianhe', clock: w.clock, until: 'draft' })).caseId
  })
  afterAll(async () => {
    await w?.close()
  })

  describe('roster', () => {
    it('a union negotiator sets it (200); the parties, the bureau and admins read it; 400 names the field', async () => {
      const set = await w.as('unionT').post(`/api/v1/cases/${caseId}/congress/roster`).send(rosterOf(SEATS))
      expect(set.status, JSON.stringify(set.body)).toBe(200)
      expect(set.body).toMatchObject({ caseId, body: 'workersCongress', totalSeats: SEATS, composition: { active: SEATS, vacantSeats: 0 } })
      expect(set.body.representatives).toHaveLength(SEATS)
      for (const user of ['unionT', 'employerT', 'bureauTianhe', 'bureauGuangzhou', 'admin'] as const) {
        const res = await w.as(user).get(`/api/v1/cases/${caseId}/congress/roster`)
        expect(res.status, user).toBe(200)
        expect(res.body.representatives.map((r: { name: string }) => r.name)).toEqual(set.body.representatives.map((r: { name: string }) => r.name))
      }
      // Zod's own refusal (route validation) and the congress's (more representatives than seats): both name body fields.
      const bad = await w.as('unionT').post(`/api/v1/cases/${caseId}/congress/roster`).send({ ...rosterOf(2), totalSeats: 'x', extra: 1 })
      expect(bad.status).toBe(400)
      expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body', 'body.totalSeats'])
      const tooMany = await w.as('unionT').post(`/api/v1/cases/${caseId}/congress/roster`).send(rosterOf(3, { totalSeats: 2 }))
      expect(tooMany.status).toBe(400)
      expect(tooMany.body.error.details.issues).toEqual([expect.objectContaining({ path: 'body.totalSeats' })])
    })

    it('401 anonymous; 403 for roles that may not set or read it; 404 for another enterprise, never the data', async () => {
      expect((await w.anon.get(`/api/v1/cases/${caseId}/congress/roster`)).status).toBe(401)
      expect((await w.anon.post(`/api/v1/cases/${caseId}/congress/roster`).send(rosterOf(2))).status).toBe(401)
      expect((await w.as('workerT').get(`/api/v1/cases/${caseId}/congress/roster`)).status).toBe(403)
      expect((await w.as('employerT').post(`/api/v1/cases/${caseId}/congress/roster`).send(rosterOf(2))).status).toBe(403)
      expect((await w.as('bureauTianhe').post(`/api/v1/cases/${caseId}/congress/roster`).send(rosterOf(2))).status).toBe(403)
      for (const user of ['unionH', 'employerX', 'bureauZhejiang'] as const) {
        const read = await w.as(user).get(`/api/v1/cases/${caseId}/congress/roster`)
        expect(read.status, user).toBe(404)
        expect(JSON.stringify(read.body)).not.toMatch(/职工代表|rep\d@/)
      }
      expect((await w.as('unionH').post(`/api/v1/cases/${caseId}/congress/roster`).send(rosterOf(2))).status).toBe(404)
      // Nothing changed.
      const roster = await w.as('unionT').get(`/api/v1/cases/${caseId}/congress/roster`)
      expect(roster.body.representatives).toHaveLength(SEATS)
    })
  })

  describe('convening', () => {
    it('refusals first: 400 with field paths, 403 for other roles, 404 for another enterprise', async () => {
      const backwards = conveneBody(w, { closesAt: new Date(w.clock.now().getTime() - 2 * HOUR).toISOString() })
      const bad = await w.as('unionT').post(`/api/v1/cases/${caseId}/congress/sessions`).send(backwards)
      expect(bad.status).toBe(400)
      expect(bad.body.error.details.issues).toEqual([expect.objectContaining({ path: 'body.closesAt' })])
      const noItems = await w.as('unionT').post(`/api/v1/cases/${caseId}/congress/sessions`).send(conveneBody(w, { items: [] }))
      expect(noItems.status).toBe(400)
      expect(noItems.body.error.details.issues[0].path).toBe('body.items')
      for (const user of ['employerT', 'admin', 'bureauTianhe', 'workerT'] as const) {
        expect((await w.as(user).post(`/api/v1/cases/${caseId}/congress/sessions`).send(conveneBody(w))).status, user).toBe(403)
      }
      expect((await w.as('unionH').post(`/api/v1/cases/${caseId}/congress/sessions`).send(conveneBody(w))).status).toBe(404)
      expect(await countRows('CongressSession')).toBe(0)
    })

    it('a union negotiator convenes: 201 with every credential once, no idempotency record; a second session is 409', async () => {
      const keysBefore = await countRows('IdempotencyKey')
      const res = await w
        .as('unionT')
        .post(`/api/v1/cases/${caseId}/congress/sessions`)
        .set('Idempotency-Key', 'convene-1')
        .send(conveneBody(w))
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      sessionId = res.body.session.id
      credentials = res.body.credentials
      closesAt = res.body.session.closesAt
      expect(res.headers.location).toBe(`/api/v1/congress/sessions/${sessionId}`)
      expect(res.headers['cache-control']).toBe('no-store')
      expect(credentials).toHaveLength(SEATS)
      expect(res.body.session).toMatchObject({ status: 'open', turnout: { credentials: SEATS, present: 0, votedOnline: 0 }, result: null })
      // The response holds credentials: it is never stored for a replay.
      expect(await countRows('IdempotencyKey')).toBe(keysBefore)
      const again = await w.as('unionT').post(`/api/v1/cases/${caseId}/congress/sessions`).set('Idempotency-Key', 'convene-1').send(conveneBody(w))
      expect(again.status).toBe(409)
      expect(again.body.error.details.reason).toBe('SESSION_IN_PROGRESS')
      // Only hashes are stored.
      const stored = await w.db.read(function* () {
        return yield* all<Record<string, unknown>>(`SELECT * FROM "CongressCredential" WHERE "sessionId" = ?`, [sessionId])
      })
      expect(JSON.stringify(stored)).not.toContain(credentials[0]!.token)
    })
  })

  describe('reading sessions', () => {
    it('anyone with a role on the case and the session’s officers read it; others get exactly the 404 of a missing session', async () => {
      for (const user of ['unionT', 'employerT', 'workerT', 'bureauTianhe', 'admin', 'nobody'] as const) {
        const res = await w.as(user).get(`/api/v1/congress/sessions/${sessionId}`)
        expect(res.status, user).toBe(200)
        expect(res.body).toMatchObject({ id: sessionId, caseId, status: 'open' })
      }
      const list = await w.as('employerT').get(`/api/v1/cases/${caseId}/congress/sessions`)
      expect(list.status).toBe(200)
      expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([sessionId])
      const missing = await w.as('unionH').get('/api/v1/congress/sessions/no-such-session')
      expect(missing.status).toBe(404)
      for (const user of ['unionH', 'employerX', 'bureauZhejiang'] as const) {
        for (const path of ['', '/result']) {
          const res = await w.as(user).get(`/api/v1/congress/sessions/${sessionId}${path}`)
          expect(res.status, `${user} ${path}`).toBe(404)
          expect(JSON.stringify(res.body).replaceAll(sessionId, 'ID')).toBe(JSON.stringify(missing.body).replaceAll('no-such-session', 'ID'))
        }
        expect((await w.as(user).get(`/api/v1/cases/${caseId}/congress/sessions`)).status).toBe(404)
      }
      expect((await w.anon.get(`/api/v1/congress/sessions/${sessionId}`)).status).toBe(401)
      expect((await w.as('admin').get('/api/v1/congress/sessions/bad%20id')).body.error.details.issues[0].path).toBe('params.sessionId')
    })
  })

  describe('the ballot holder', () => {
    it('reads the ballot page and signs in with the credential in Authorization: Ballot; never with an account', async () => {
      const rep = credentials[0]!
      const page = await ballotClient(rep.token).page()
      expect(page.status).toBe(200)
      expect(page.body).toMatchObject({ representative: { name: rep.name }, window: 'open', present: false, usedVia: null })
      expect(page.body.session.items).toEqual([{ id: 'draft', title: '2026年度工资专项集体合同（草案）' }])
      // The printed code is the same credential.
      expect((await ballotClient(rep.code).page()).body.representative.name).toBe(rep.name)
      const signedIn = await ballotClient(rep.code.toLowerCase()).signIn()
      expect(signedIn.status).toBe(200)
      expect(signedIn.body.present).toBe(true)
      const missing = await w.anon.get('/api/v1/ballots/page')
      expect(missing.status).toBe(401)
      expect(missing.body.error.details.reason).toBe('CREDENTIAL_MISSING')
      // A session cookie is not a voting credential.
      expect((await w.as('workerT').get('/api/v1/ballots/page')).status).toBe(401)
      const wrong = await ballotClient('AAAAAAAAAAAAAAAAAAAAAA').page()
      expect(wrong.status).toBe(401)
      expect(wrong.body.error.details.reason).toBe('CREDENTIAL_INVALID')
    })

    it('casts a ballot: 201 with a receipt; the same credential again is 409 CREDENTIAL_ALREADY_USED; bad choices are 400', async () => {
      const rep = credentials[1]!
      const noItem = await ballotClient(rep.token).cast({ choices: [{ itemId: 'other', choice: 'agree' }] })
      expect(noItem.status).toBe(400)
      expect(noItem.body.error.details.issues[0].path).toBe('body.choices.0.itemId')
      const badChoice = await ballotClient(rep.token).cast({ choices: [{ itemId: 'draft', choice: 'yes' }] })
      expect(badChoice.status).toBe(400)
      expect(badChoice.body.error.details.issues[0].path).toBe('body.choices.0.choice')
      // The credential is never taken from the body.
      const inBody = await w.anon.post('/api/v1/ballots').send({ credential: rep.token, ...ballotOf('agree') })
      expect(inBody.status).toBe(400)
      expect(inBody.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(['body'])
      expect((await w.anon.post('/api/v1/ballots').send(ballotOf('agree'))).status).toBe(401)

      const first = await ballotClient(rep.token).cast(ballotOf('agree'))
      expect(first.status, JSON.stringify(first.body)).toBe(201)
      expect(first.body).toEqual({ sessionId, receipt: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/), receiptHash: expect.stringMatching(/^[0-9a-f]{64}$/) })
      const second = await ballotClient(rep.code).cast(ballotOf('disagree'))
      expect(second.status).toBe(409)
      expect(second.body.error).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', details: { reason: 'CREDENTIAL_ALREADY_USED', usedVia: 'online' } })
      expect((await ballotClient(rep.token).page()).body.usedVia).toBe('online')
      const view = await w.as('unionT').get(`/api/v1/congress/sessions/${sessionId}`)
      expect(view.body.turnout).toMatchObject({ votedOnline: 1, present: 2 })
      // Counts are not shown before the close.
      expect(view.body.result).toBeNull()
    })

    it('two (and twenty) simultaneous submissions of one credential: exactly one 2xx, counted once', async () => {
      const before = (await w.as('unionT').get(`/api/v1/congress/sessions/${sessionId}`)).body.turnout.votedOnline
      const pair = await Promise.all([credentials[2]!, credentials[2]!].map((c, i) => ballotClient(i ? c.code : c.token).cast(ballotOf('disagree'))))
      expect(pair.map((r) => r.status).sort()).toEqual([201, 409])
      const many = await Promise.all(Array.from({ length: 20 }, () => ballotClient(credentials[3]!.token).cast(ballotOf('abstain'))))
      expect(many.filter((r) => r.status === 201)).toHaveLength(1)
      expect(many.filter((r) => r.status === 409 && r.body.error.details.reason === 'CREDENTIAL_ALREADY_USED')).toHaveLength(19)
      const after = (await w.as('unionT').get(`/api/v1/congress/sessions/${sessionId}`)).body.turnout.votedOnline
      expect(after - before).toBe(2)
      const box = await w.db.read(function* () {
        return yield* one<{ n: number }>(`SELECT CAST(SUM("count") AS INTEGER) AS "n" FROM "CongressBallotCount" WHERE "sessionId" = ?`, [sessionId])
      })
      expect(Number(box!.n)).toBe(after)
      expect(await countRows('CongressReceipt', 'WHERE "sessionId" = ?', [sessionId])).toBe(after)
    })

    it('keeps nothing of a ballot request: no idempotency record even with a cookie and a key, no body or credential in the log', async () => {
      const rep = credentials[4]!
      const keysBefore = await countRows('IdempotencyKey')
      const res = await w
        .as('workerT')
        .post('/api/v1/ballots')
        .set('Authorization', `Ballot ${rep.token}`)
        .set('Idempotency-Key', 'ballot-1')
        .send(ballotOf('agree'))
      expect(res.status).toBe(201)
      expect(await countRows('IdempotencyKey')).toBe(keysBefore)
      const log = logLines.join('')
      const ballotLines = logLines.filter((l) => l.includes('/api/v1/ballots'))
      expect(ballotLines.length).toBeGreaterThan(3)
      for (const line of ballotLines) {
        const entry = JSON.parse(line) as { req?: Record<string, unknown>; res?: Record<string, unknown> }
        expect(Object.keys(entry.req ?? {}).sort()).toEqual(['id', 'method', 'url'])
        expect(Object.keys(entry.res ?? {})).toEqual(['statusCode'])
      }
      for (const c of credentials) {
        expect(log).not.toContain(c.token)
        expect(log).not.toContain(c.code)
      }
      expect(log).not.toContain(res.body.receipt)
      expect(log).not.toMatch(/"choices"|disagree|abstain|Ballot /)
    })
  })

  describe('officers', () => {
    it('a teller marks attendance and hands out paper ballots; other users of the case 403, outsiders 404', async () => {
      const rep = credentials[5]!
      const mark = await w.as('nobody').post(`/api/v1/congress/sessions/${sessionId}/attendance`).send({ representativeId: rep.representativeId, present: true })
      expect(mark.status, JSON.stringify(mark.body)).toBe(200)
      expect(mark.body.turnout.present).toBeGreaterThanOrEqual(4)
      const notTeller = await w.as('employerT').post(`/api/v1/congress/sessions/${sessionId}/attendance`).send({ representativeId: rep.representativeId, present: false })
      expect(notTeller.status).toBe(403)
      expect(notTeller.body.error.details.reason).toBe('NOT_A_TELLER')
      expect((await w.as('unionH').post(`/api/v1/congress/sessions/${sessionId}/attendance`).send({ representativeId: rep.representativeId, present: false })).status).toBe(404)
      const bad = await w.as('nobody').post(`/api/v1/congress/sessions/${sessionId}/attendance`).send({ representativeId: rep.representativeId })
      expect(bad.status).toBe(400)
      expect(bad.body.error.details.issues[0].path).toBe('body.present')
      const unknownRep = await w.as('nobody').post(`/api/v1/congress/sessions/${sessionId}/attendance`).send({ representativeId: 'nobody-here', present: true })
      expect(unknownRep.status).toBe(404)

      const paper = await w.as('nobody').post(`/api/v1/congress/sessions/${sessionId}/paper-ballots`).send({ representativeId: rep.representativeId })
      expect(paper.status).toBe(201)
      expect(paper.body.turnout.votedPaper).toBe(1)
      // Paper and online exclude each other.
      const online = await ballotClient(rep.token).cast(ballotOf('agree'))
      expect(online.status).toBe(409)
      expect(online.body.error.details).toMatchObject({ reason: 'CREDENTIAL_ALREADY_USED', usedVia: 'paper' })
      const twice = await w.as('nobody').post(`/api/v1/congress/sessions/${sessionId}/paper-ballots`).send({ representativeId: credentials[1]!.representativeId })
      expect(twice.status).toBe(409)
      expect((await w.as('workerT').post(`/api/v1/congress/sessions/${sessionId}/paper-ballots`).send({ representativeId: credentials[6]!.representativeId })).status).toBe(403)
    })

    it('reminds non-voters (managers only) and reissues a lost credential: the old one stops working', async () => {
      const outboxBefore = await countRows('OutboxMessage', `WHERE "effect" = 'notify.voteReminder'`)
      expect((await w.as('employerT').post(`/api/v1/congress/sessions/${sessionId}/reminders`)).status).toBe(403)
      const reminded = await w.as('unionT').post(`/api/v1/congress/sessions/${sessionId}/reminders`)
      expect(reminded.status).toBe(200)
      expect(reminded.body.reminded).toBe(SEATS - 5)
      expect(await countRows('OutboxMessage', `WHERE "effect" = 'notify.voteReminder'`)).toBe(outboxBefore + SEATS - 5)

      const lost = credentials[6]!
      expect((await w.as('admin').post(`/api/v1/congress/sessions/${sessionId}/credentials`).send({ representativeId: lost.representativeId })).status).toBe(403)
      const re = await w.as('unionT').post(`/api/v1/congress/sessions/${sessionId}/credentials`).send({ representativeId: lost.representativeId })
      expect(re.status).toBe(201)
      expect(re.body.credential).toMatchObject({ representativeId: lost.representativeId, name: lost.name })
      expect((await ballotClient(lost.token).page()).status).toBe(401)
      credentials[6] = re.body.credential
      expect((await ballotClient(credentials[6]!.token).cast(ballotOf('agree'))).status).toBe(201)
    })

    it('after the window: ballots refused (409 VOTING_CLOSED); close, paper tally by the teller, confirmation by the scrutineer; certified', async () => {
      w.clock.set(new Date(Date.parse(closesAt) + 1))
      const late = await ballotClient(credentials[7]!.token).cast(ballotOf('agree'))
      expect(late.status).toBe(409)
      expect(late.body.error.details.reason).toBe('VOTING_CLOSED')
      expect((await ballotClient(credentials[7]!.token).signIn()).status).toBe(409)

      expect((await w.as('employerT').post(`/api/v1/congress/sessions/${sessionId}/close`)).status).toBe(403)
      expect((await w.as('unionH').post(`/api/v1/congress/sessions/${sessionId}/close`)).status).toBe(404)
      const closed = await w.as('unionT').post(`/api/v1/congress/sessions/${sessionId}/close`)
      expect(closed.status).toBe(200)
      expect(closed.body).toMatchObject({ status: 'closed', awaitingPaperTally: true, result: null })
      const again = await w.as('admin').post(`/api/v1/congress/sessions/${sessionId}/close`)
      expect(again.status).toBe(200)

      const tally = { ballotsCollected: 1, items: [{ itemId: 'draft', agree: 1, disagree: 0, abstain: 0 }] }
      const tooMany = await w.as('nobody').post(`/api/v1/congress/sessions/${sessionId}/paper-tally`).send({ ...tally, ballotsCollected: 5 })
      expect(tooMany.status).toBe(400)
      expect(tooMany.body.error.details.issues[0].path).toBe('body.ballotsCollected')
      expect((await w.as('workerT').post(`/api/v1/congress/sessions/${sessionId}/paper-tally`).send(tally)).status).toBe(403)
      const entered = await w.as('nobody').post(`/api/v1/congress/sessions/${sessionId}/paper-tally`).send(tally)
      expect(entered.status).toBe(200)
      expect(entered.body.paperTally).toMatchObject({ ballotsCollected: 1, confirmedBy: null })
      // The teller is no scrutineer: another person confirms.
      const self = await w.as('nobody').post(`/api/v1/congress/sessions/${sessionId}/paper-tally/confirmation`)
      expect(self.status).toBe(403)
      expect(self.body.error.details.reason).toBe('NOT_A_SCRUTINEER')
      const confirmed = await w.as('workerT').post(`/api/v1/congress/sessions/${sessionId}/paper-tally/confirmation`)
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200)
      expect(confirmed.body.status).toBe('certified')
      // 8 seats, 7 present, online: agree ×3 (reps 1, 4, 6), disagree ×1 (rep 2), abstain ×1 (rep 3); paper: agree ×1.
      const result = await w.as('employerT').get(`/api/v1/congress/sessions/${sessionId}/result`)
      expect(result.status).toBe(200)
      expect(result.body).toMatchObject({ sessionId, status: 'certified', certification: { status: 'certified' } })
      expect(result.body.result).toMatchObject({ totalSeats: SEATS, quorate: true, passed: true, ballotsOnline: 5, ballotsPaper: 1 })
      expect(result.body.result.items[0]).toMatchObject({ agree: 4, disagree: 1, abstain: 1 })
      expect(result.body.result.receiptHashes).toHaveLength(5)
      // The case received the result.
      const view = await getCase(w.db, caseId)
      expect(JSON.stringify(view.state)).not.toContain('awaitingCongress')
      const certify = await w.as('unionT').post(`/api/v1/congress/sessions/${sessionId}/certification`)
      expect(certify.status).toBe(200)
      expect(certify.body.status).toBe('certified')
    })

    it('verifies a receipt publicly: counted and published, never a choice; a wrong code is not counted', async () => {
      // The server keeps only receipt hashes (a counted receipt is checked in the next test, on a new session).
      const published = (await w.as('unionT').get(`/api/v1/congress/sessions/${sessionId}/result`)).body.result.receiptHashes as string[]
      const unknown = await w.anon.post('/api/v1/ballots/receipts/verification').send({ sessionId, receipt: '0000-0000-0000-0000' })
      expect(unknown.status).toBe(200)
      expect(unknown.body).toEqual({ receiptHash: expect.any(String), counted: false, published: false })
      expect(published).not.toContain(unknown.body.receiptHash)
      const malformed = await w.anon.post('/api/v1/ballots/receipts/verification').send({ sessionId, receipt: 'not a receipt' })
      expect(malformed.status).toBe(400)
      expect(malformed.body.error.details.issues[0].path).toBe('body.receipt')
      expect((await w.anon.post('/api/v1/ballots/receipts/verification').send({ sessionId: 'no-such', receipt: '0000-0000-0000-0000' })).status).toBe(404)
    })

    it('a new session after certification: its receipt verifies; cancelling it makes its credentials vote nowhere', async () => {
      const res = await w.as('unionT').post(`/api/v1/cases/${caseId}/congress/sessions`).send(conveneBody(w))
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      const second = res.body.session.id as string
      const creds = res.body.credentials as TCredential[]
      const cast = await ballotClient(creds[0]!.token).cast(ballotOf('agree'))
      expect(cast.status).toBe(201)
      const check = await w.anon.post('/api/v1/ballots/receipts/verification').send({ sessionId: second, receipt: cast.body.receipt.toLowerCase() })
      expect(check.body).toEqual({ receiptHash: cast.body.receiptHash, counted: true, published: false })
      expect(JSON.stringify(check.body)).not.toMatch(/agree/)

      expect((await w.as('unionT').post(`/api/v1/congress/sessions/${second}/cancellation`).send({})).body.error.details.issues[0].path).toBe('body.reason')
      const cancelled = await w.as('unionT').post(`/api/v1/congress/sessions/${second}/cancellation`).send({ reason: '召开有误' })
      expect(cancelled.status).toBe(200)
      expect(cancelled.body.status).toBe('cancelled')
      const late = await ballotClient(creds[1]!.token).cast(ballotOf('agree'))
      expect(late.status).toBe(409)
      expect(late.body.error.details.reason).toBe('VOTING_CLOSED')
      expect((await w.as('unionT').post(`/api/v1/congress/sessions/${second}/cancellation`).send({ reason: '再次' })).status).toBe(409)
    })
  })
})
