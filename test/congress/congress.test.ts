import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { all, run } from '../../src/db/sql.js'
import { getCase, getCaseEvents } from '../../src/engine/queries.js'
import { createCongress, openSealedToken } from '../../src/congress/index.js'
import { connect, PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { testEngine } from '../support/factories.js'
import {
  AFTER,
  ballot,
  caseAwaitingCongress,
  CLOSES_AT,
  conveneInput,
  convened,
  count,
  CREDENTIAL_KEY,
  DURING,
  errorOf,
  officer,
  openWorld,
  rosterOf,
  scrutineer,
  teller,
  teller2,
  type TWorld,
} from './helpers.js'

type TOutboxRow = { effect: string; payload: string; caseSeq: number | null }
const outbox = (w: TWorld, caseId: string, effect: string) =>
  w.db.read(function* () {
    return yield* all<TOutboxRow>(`SELECT "effect", "payload", "caseSeq" FROM "OutboxMessage" WHERE "caseId" = ? AND "effect" = ?`, [
      caseId,
      effect,
    ])
  })

const certifiedEvents = async (w: TWorld, caseId: string) =>
  (await getCaseEvents(w.db, caseId)).filter((e) => e.type === 'congress.resultCertified')

describe.each(PROVIDERS_UNDER_TEST)('congress vote on %s', (provider) => {
  let w: TWorld

  beforeAll(async () => {
    w = await openWorld(provider)
  })
  afterAll(async () => {
    await w?.close()
  })
  beforeEach(() => w.clock.set(DURING))

  // ---- roster and convening -------------------------------------------------------------------------------------

  it('keeps a roster with composition warnings citing their articles (Shanghai 职代会条例 16, 21)', async () => {
    const { caseId } = await w.engine.openCase({ enterpriseId: w.enterpriseId, kind: 'collectiveContract', jurisdiction: 'shanghai' }, officer)
    const roster = rosterOf(10, { totalSeats: 12, staffCount: 420 })
    roster.representatives[1]!.isManager = true
    roster.representatives[2]!.isManager = true // 0, 1, 2 → 3 of 10 managers > 20%
    const view = await w.congress.setRoster(caseId, roster, officer)
    expect(view.composition).toMatchObject({ active: 10, vacantSeats: 2, managers: 3 })
    const codes = Object.fromEntries(view.warnings.map((x) => [x.code, x.article]))
    expect(codes).toMatchObject({
      VACANT_SEATS: 'JHR 36',
      TOO_MANY_MANAGERS: 'Shanghai 职代会条例 16',
      TOO_FEW_SEATS: 'Shanghai 职代会条例 21', // 420 staff → 30 + 5×3 = 45 seats
    })
    // Replacing the roster keeps ids given back and deactivates those left out.
    const keep = view.representatives.slice(0, 3).map((r) => ({ id: r.id, name: r.name, unit: r.unit }))
    const again = await w.congress.setRoster(caseId, { body: 'workersCongress', totalSeats: 3, representatives: keep }, officer)
    expect(again.representatives.map((r) => r.id)).toEqual(keep.map((r) => r.id))
    expect(again.warnings).toEqual([])
  })

  it('refuses a roster larger than its seats or naming an unknown representative, naming the field', async () => {
    const { caseId } = await w.engine.openCase({ enterpriseId: w.enterpriseId, kind: 'wageAgreement', jurisdiction: 'national' }, officer)
    const big = await errorOf(w.congress.setRoster(caseId, rosterOf(5, { totalSeats: 4 }), officer))
    expect(big.code).toBe('INVALID_INPUT')
    expect(big.details.issues).toEqual([expect.objectContaining({ path: 'totalSeats' })])
    expect(big.text.zh).toContain('totalSeats')
    const unknown = rosterOf(2)
    unknown.representatives[1]!.id = 'nobody'
    const e = await errorOf(w.congress.setRoster(caseId, unknown, officer))
    expect(e.details.issues).toEqual([expect.objectContaining({ path: 'representatives.1.id' })])
    const bad = await errorOf(w.congress.setRoster(caseId, { body: 'workersCongress', totalSeats: 0, representatives: [] }, officer))
    expect((bad.details.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(['representatives', 'totalSeats'])
  })

  it('convenes a session: one credential per representative, the ballot box as zeroed counts, one session at a time', async () => {
    const { caseId, sessionId, credentials, convened: c } = await convened(w, 5, {
      session: { items: [{ id: 'i1', title: '工资调整幅度' }, { id: 'i2', title: '合同期限' }] },
    })
    expect(credentials).toHaveLength(5)
    expect(new Set(credentials.map((x) => x.token)).size).toBe(5)
    expect(credentials[0]!.code).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{2}$/)
    expect(c.session).toMatchObject({ status: 'open', totalSeats: 5, body: 'workersCongress', result: null, draftVersion: 1 })
    expect(c.session.turnout).toEqual({ credentials: 5, present: 0, votedOnline: 0, votedPaper: 0, notVoted: 5 })
    expect(c.warnings.map((x) => x.code)).not.toContain('CASE_NOT_AWAITING_VOTE')
    expect(await count(w.db, `"CongressBallotCount" WHERE "sessionId" = ?`, [sessionId])).toBe(6)
    const again = await errorOf(w.congress.convene(caseId, conveneInput(), officer))
    expect(again).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', details: { reason: 'SESSION_IN_PROGRESS' } })
  })

  it('refuses a session with a bad window or officers who check themselves, naming the field', async () => {
    const caseId = await caseAwaitingCongress(w.engine, w.enterpriseId)
    await w.congress.setRoster(caseId, rosterOf(3), officer)
    const window = await errorOf(w.congress.convene(caseId, conveneInput({ closesAt: '2026-03-31T00:00:00Z' }), officer))
    expect(window.details.issues).toEqual([expect.objectContaining({ path: 'closesAt' })])
    const both = await errorOf(
      w.congress.convene(caseId, conveneInput({ scrutineers: [{ name: '计票人乙', userId: teller.id! }] }), officer),
    )
    expect(both.details.issues).toEqual([expect.objectContaining({ path: 'scrutineers.0.userId' })])
    const reps = (await w.congress.getRoster(caseId)).representatives
    const candidate = await errorOf(
      w.congress.convene(
        caseId,
        conveneInput({
          items: [{ id: 'e', title: '增补代表选举', candidates: [reps[0]!.id] }],
          tellers: [{ name: reps[0]!.name, userId: teller.id!, representativeId: reps[0]!.id }],
        }),
        officer,
      ),
    )
    expect(candidate.details.issues).toEqual([expect.objectContaining({ path: 'tellers.0.representativeId' })])
    expect(candidate.text.en).toContain('candidate')
  })

  it('checks the sitting against the draft: not before it was agreed, and on a text stored on the case', async () => {
    const caseId = await caseAwaitingCongress(w.engine, w.enterpriseId)
    await w.congress.setRoster(caseId, rosterOf(3), officer)
    const early = await errorOf(w.congress.convene(caseId, conveneInput({ heldOn: '2026-03-24' }), officer))
    expect(early.details.issues).toEqual([expect.objectContaining({ path: 'heldOn' })])
    await w.db.transaction(function* () {
      yield* run(
        `INSERT INTO "Document" ("id", "caseId", "kind", "title", "mediaType", "sha256", "sizeBytes", "createdAt") VALUES (?, ?, 'draft', '草案', 'application/pdf', ?, 1, ?)`,
        [`doc-${caseId}`, caseId, 'cd'.repeat(32), DURING],
      )
    })
    const other = await w.congress.convene(caseId, conveneInput(), officer)
    expect(other.warnings.map((x) => [x.code, x.field])).toContainEqual(['DOCUMENT_NOT_ON_CASE', 'documentSha256'])
    await w.congress.cancelSession(other.session.id, '文本不符', officer)
    const same = await w.congress.convene(caseId, conveneInput({ documentSha256: 'CD'.repeat(32) }), officer)
    expect(same.warnings.map((x) => x.code)).not.toContain('DOCUMENT_NOT_ON_CASE')
    expect(same.session.documentSha256).toBe('cd'.repeat(32))
  })

  it('emails sealed credentials through the outbox without storing them in clear', async () => {
    const caseId = await caseAwaitingCongress(w.engine, w.enterpriseId)
    const roster = rosterOf(3)
    delete roster.representatives[2]!.email
    await w.congress.setRoster(caseId, roster, officer)
    const c = await w.congress.convene(caseId, conveneInput({ delivery: 'email' }), officer)
    expect(c.emailed).toBe(2)
    expect(c.credentials.map((x) => x.name)).toEqual([roster.representatives[2]!.name]) // no email: returned for print
    const mails = await outbox(w, caseId, 'notify.voteCredential')
    expect(mails).toHaveLength(2)
    const payload = JSON.parse(mails[0]!.payload) as { credentialId: string; sealedToken: string; email: string }
    const opened = openSealedToken(CREDENTIAL_KEY, payload.sealedToken, payload.credentialId)
    expect(mails[0]!.payload).not.toContain(opened.token)
    expect(mails[0]!.payload).not.toContain(opened.code)
    // The opened credential works, in its printed spelling too.
    expect((await w.congress.getBallotPage(opened.code.toLowerCase())).representative.name).toBe(roster.representatives[0]!.name)
  })

  // ---- thresholds (JHR 36), certified to the case --------------------------------------------------------------------

  it('60 seats, 40 present, 30 agree: quorate and passed under 半数以上 (national); the case moves to signing', async () => {
    const { caseId, sessionId, credentials } = await convened(w, 60)
    for (const [i, c] of credentials.slice(0, 40).entries()) {
      await w.congress.castBallot(ballot(c.token, i < 30 ? 'agree' : 'disagree'))
    }
    const view = await w.congress.closeSession(sessionId, officer)
    expect(view.result).toMatchObject({ totalSeats: 60, present: 40, quorate: true, passed: true, thresholdRule: 'atLeastHalf' })
    expect(view.result!.quorum).toMatchObject({ ok: true, required: 40, actual: 40, article: 'JHR 36' })
    expect(view.result!.items[0]).toMatchObject({ agree: 30, disagree: 10, abstain: 0, notCounted: 20, passed: true })
    expect(view.result!.items[0]!.threshold).toMatchObject({ ok: true, required: 30, article: 'JHR 36; CC 1259' })
    expect(view.status).toBe('certified')
    const events = await certifiedEvents(w, caseId)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      actorRole: 'system',
      payload: { heldOn: '2026-04-01', body: 'workersCongress', totalSeats: 60, present: 40, yes: 30, no: 10, abstain: 0, ballot: 'secret' },
    })
    expect(view.certification).toMatchObject({ status: 'certified', caseSeq: events[0]!.seq })
    expect((await getCase(w.db, caseId)).state).toEqual({ bargaining: 'signing' })
    const renders = await outbox(w, caseId, 'document.render')
    const resolution = renders.filter((r) => JSON.parse(r.payload).document === 'congressResolution')
    expect(resolution).toHaveLength(1)
    expect(resolution[0]!.caseSeq).toBe(events[0]!.seq)
    expect(JSON.parse(resolution[0]!.payload)).toMatchObject({
      sessionId,
      eventType: 'congress.resultCertified',
      resolution: { seats: 60, present: 40, threshold: '半数以上', items: [{ yes: 30, no: 10, abstain: 0 }], tellers: ['计票人乙', '计票人丙'] },
    })
  })

  it('60 seats, 40 present, 30 agree fails under 过半数 (Zhejiang 24); the case returns to negotiation', async () => {
    const { caseId, sessionId, credentials } = await convened(w, 60, { jurisdiction: 'zhejiang' })
    for (const [i, c] of credentials.slice(0, 40).entries()) {
      await w.congress.castBallot(ballot(c.token, i < 30 ? 'agree' : 'abstain'))
    }
    const view = await w.congress.closeSession(sessionId, officer)
    expect(view.result).toMatchObject({ present: 40, quorate: true, passed: false, thresholdRule: 'moreThanHalf' })
    expect(view.result!.items[0]!.threshold).toMatchObject({ ok: false, required: 31, actual: 30, article: 'Zhejiang 24' })
    expect(view.status).toBe('certified')
    expect((await getCase(w.db, caseId)).state).toEqual({ bargaining: 'negotiating' })
  })

  it('60 seats, 39 present: not quorate, so not passed even with 35 agree', async () => {
    const { caseId, sessionId, credentials } = await convened(w, 60)
    for (const [i, c] of credentials.slice(0, 39).entries()) await w.congress.castBallot(ballot(c.token, i < 35 ? 'agree' : 'disagree'))
    const view = await w.congress.closeSession(sessionId, officer)
    expect(view.result).toMatchObject({ present: 39, quorate: false, passed: false })
    expect(view.result!.quorum).toMatchObject({ ok: false, required: 40, actual: 39 })
    expect((await getCase(w.db, caseId)).state).toEqual({ bargaining: 'negotiating' })
  })

  it('counts attendance (sign-in or a teller) towards the quorum without a ballot', async () => {
    const { sessionId, credentials } = await convened(w, 6)
    const page = await w.congress.signIn(credentials[0]!.token)
    expect(page).toMatchObject({ window: 'open', present: true, usedVia: null, representative: { name: credentials[0]!.name } })
    const reps = credentials.map((c) => c.representativeId)
    await w.congress.markAttendance(sessionId, reps[1]!, true, teller)
    await w.congress.markAttendance(sessionId, reps[2]!, true, teller2)
    const notTeller = await errorOf(w.congress.markAttendance(sessionId, reps[3]!, true, scrutineer))
    expect(notTeller).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'NOT_A_TELLER' } })
    await w.congress.castBallot(ballot(credentials[3]!.token, 'agree'))
    const view = await w.congress.closeSession(sessionId, officer)
    expect(view.result).toMatchObject({ present: 4, quorate: true, passed: false }) // 4×3 ≥ 6×2; 1 agree < 3
  })

  it('votes item by item (QMG 20): the draft passes only if every item passes; the event carries each item', async () => {
    const items = [
      { id: 'wage', title: '年度平均工资增长6%' },
      { id: 'term', title: '合同期限一年' },
    ]
    const { caseId, sessionId, credentials } = await convened(w, 5, { session: { items } })
    const choices = [
      { wage: 'agree', term: 'agree' },
      { wage: 'agree', term: 'disagree' },
      { wage: 'agree', term: 'abstain' },
      { wage: 'disagree', term: 'agree' },
    ] as const
    for (const [i, ch] of choices.entries()) await w.congress.castBallot(ballot(credentials[i]!.token, { ...ch }, ['wage', 'term']))
    const missing = await errorOf(w.congress.castBallot(ballot(credentials[4]!.token, 'agree', ['wage'])))
    expect(missing).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [expect.objectContaining({ path: 'choices' })] } })
    const view = await w.congress.closeSession(sessionId, officer)
    expect(view.result!.items.map((i) => [i.itemId, i.agree, i.disagree, i.abstain, i.passed])).toEqual([
      ['wage', 3, 1, 0, true],
      ['term', 2, 1, 1, false],
    ])
    expect(view.result).toMatchObject({ passed: false, decisiveItemId: 'term' })
    const [event] = await certifiedEvents(w, caseId)
    expect(event!.payload).toMatchObject({
      yes: 2,
      no: 1,
      abstain: 1,
      items: [
        { itemId: 'wage', yes: 3, no: 1, abstain: 0 },
        { itemId: 'term', yes: 2, no: 1, abstain: 1 },
      ],
    })
  })

  // ---- one credential, one ballot ----------------------------------------------------------------------------------

  it('rejects a second ballot on the same credential with a clear error', async () => {
    const { sessionId, credentials } = await convened(w, 3)
    const first = await w.congress.castBallot(ballot(credentials[0]!.token, 'agree'))
    expect(first.receipt).toMatch(/^([0-9A-Z]{4}-){3}[0-9A-Z]{4}$/)
    const second = await errorOf(w.congress.castBallot(ballot(credentials[0]!.code, 'disagree')))
    expect(second).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', details: { reason: 'CREDENTIAL_ALREADY_USED', usedVia: 'online' } })
    expect(second.text.zh).toContain('已使用')
    expect(second.text.en).toContain('already been used')
    const bogus = await errorOf(w.congress.castBallot(ballot('AAAA-BBBB', 'agree')))
    expect(bogus).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'CREDENTIAL_INVALID' } })
    w.clock.set(AFTER)
    const view = await w.congress.closeSession(sessionId, officer)
    expect(view.result!.items[0]).toMatchObject({ agree: 1, disagree: 0, abstain: 0 })
  })

  it('100 simultaneous submissions of one credential, from two connections: exactly one is counted', async () => {
    const { sessionId, credentials } = await convened(w, 3)
    const db2 = await connect(w.t)
    try {
      const other = createCongress({ engine: testEngine(db2, w.clock) })
      const token = credentials[1]!.token
      const results = await Promise.allSettled(
        Array.from({ length: 100 }, (_, i) =>
          (i % 2 ? other : w.congress).castBallot(ballot(i % 3 ? token : credentials[1]!.code, i % 2 ? 'agree' : 'disagree')),
        ),
      )
      const ok = results.filter((r) => r.status === 'fulfilled')
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      expect(ok).toHaveLength(1)
      expect(refused).toHaveLength(99)
      for (const r of refused) expect(r.reason).toMatchObject({ details: { reason: 'CREDENTIAL_ALREADY_USED' } })
    } finally {
      await db2.close()
    }
    expect(await count(w.db, `"CongressReceipt" WHERE "sessionId" = ?`, [sessionId])).toBe(1)
    const view = await w.congress.closeSession(sessionId, officer)
    const item = view.result!.items[0]!
    expect(item.agree + item.disagree + item.abstain).toBe(1)
    expect(view.turnout).toMatchObject({ votedOnline: 1, notVoted: 2 })
  })

  it('records ballots arriving together in one batch, refusing the bad ones one by one', async () => {
    const { sessionId, credentials } = await convened(w, 8)
    const submissions = [
      ballot(credentials[0]!.token, 'agree'),
      ballot(credentials[1]!.token, 'disagree'),
      ballot(credentials[0]!.code, 'disagree'), // same credential, other spelling, same batch
      ballot('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZ', 'agree'), // well-formed, unknown
      { credential: credentials[2]!.token, choices: [{ itemId: 'nope', choice: 'agree' }] },
      ballot(credentials[3]!.token, 'abstain'),
      ballot(credentials[4]!.token, 'agree'),
    ]
    const results = await Promise.allSettled(submissions.map((b) => w.congress.castBallot(b)))
    const reasons = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { details: { reason: string } }).details.reason))
    expect(reasons).toEqual(['ok', 'ok', 'CREDENTIAL_ALREADY_USED', 'CREDENTIAL_INVALID', 'INVALID_INPUT', 'ok', 'ok'])
    const view = await w.congress.closeSession(sessionId, officer)
    expect(view.result!.items[0]).toMatchObject({ agree: 2, disagree: 1, abstain: 1 })
    expect(view.turnout).toMatchObject({ votedOnline: 4, present: 4 })
  })

  it('a batch that fails in the database is retried ballot by ballot: nothing half-written, the others counted', async () => {
    const { sessionId, credentials } = await convened(w, 4)
    // Every receipt the same: the second INSERT of a batch violates the receipts' primary key.
    const { secureRandom } = await import('../../src/congress/credentials.js')
    const colliding = createCongress({ engine: w.engine, random: (n) => (n === 10 ? Buffer.alloc(10, 7) : secureRandom(n)) })
    const results = await Promise.allSettled(credentials.slice(0, 3).map((c) => colliding.castBallot(ballot(c.token, 'agree'))))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(await count(w.db, `"CongressCredential" WHERE "sessionId" = ? AND "usedVia" IS NOT NULL`, [sessionId])).toBe(1)
    await w.congress.castBallot(ballot(credentials[3]!.token, 'disagree'))
    const view = await w.congress.closeSession(sessionId, officer)
    expect(view.result!.items[0]).toMatchObject({ agree: 1, disagree: 1 })
    expect(view.result!.receiptHashes).toHaveLength(2)
  })

  // ---- paper ballots -------------------------------------------------------------------------------------------------

  it('paper and online exclude each other; a teller enters the paper tally and another person, a scrutineer, confirms it', async () => {
    const { caseId, sessionId, credentials } = await convened(w, 6)
    const rep = credentials.map((c) => c.representativeId)
    await w.congress.issuePaperBallot(sessionId, rep[0]!, teller)
    await w.congress.issuePaperBallot(sessionId, rep[1]!, teller2)
    await w.congress.issuePaperBallot(sessionId, rep[2]!, teller)
    const online = await errorOf(w.congress.castBallot(ballot(credentials[0]!.token, 'agree')))
    expect(online).toMatchObject({ details: { reason: 'CREDENTIAL_ALREADY_USED', usedVia: 'paper' } })
    expect(online.text.zh).toContain('纸质选票')
    await w.congress.castBallot(ballot(credentials[3]!.token, 'agree'))
    const paper = await errorOf(w.congress.issuePaperBallot(sessionId, rep[3]!, teller))
    expect(paper).toMatchObject({ details: { reason: 'CREDENTIAL_ALREADY_USED', usedVia: 'online' } })
    expect(await errorOf(w.congress.issuePaperBallot(sessionId, rep[4]!, scrutineer))).toMatchObject({ code: 'FORBIDDEN' })
    const tally = { ballotsCollected: 3, items: [{ itemId: 'draft', agree: 2, disagree: 0, abstain: 1 }] }
    expect(await errorOf(w.congress.enterPaperTally(sessionId, tally, teller))).toMatchObject({ details: { reason: 'VOTING_STILL_OPEN' } })

    w.clock.set(AFTER) // the window is over: entering the tally closes the voting first
    const tooMany = await errorOf(w.congress.enterPaperTally(sessionId, { ...tally, ballotsCollected: 4 }, teller))
    expect(tooMany.details.issues).toEqual([expect.objectContaining({ path: 'ballotsCollected' })])
    const overCount = { ballotsCollected: 3, items: [{ itemId: 'draft', agree: 3, disagree: 1, abstain: 0 }] }
    expect((await errorOf(w.congress.enterPaperTally(sessionId, overCount, teller))).details.issues).toEqual([
      expect.objectContaining({ path: 'items.0' }),
    ])
    const entered = await w.congress.enterPaperTally(sessionId, tally, teller)
    expect(entered).toMatchObject({ status: 'closed', awaitingPaperTally: true, result: null, closeReason: 'window' })
    // Closing does not certify while paper ballots are uncounted.
    expect((await w.congress.closeSession(sessionId, officer)).status).toBe('closed')
    expect(await certifiedEvents(w, caseId)).toHaveLength(0)
    expect(await errorOf(w.congress.confirmPaperTally(sessionId, teller))).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'NOT_A_SCRUTINEER' } })
    const sameDb = (await w.congress.getSession(sessionId)).scrutineers
    expect(sameDb).toEqual([{ name: '监票人甲', userId: scrutineer.id! }])
    const view = await w.congress.confirmPaperTally(sessionId, scrutineer)
    expect(view.status).toBe('certified')
    expect(view.paperTally).toMatchObject({ enteredBy: teller.id, confirmedBy: scrutineer.id })
    expect(view.result).toMatchObject({ present: 4, ballotsOnline: 1, ballotsPaper: 3, quorate: true, passed: true })
    expect(view.result!.items[0]).toMatchObject({ agree: 3, abstain: 1, online: { agree: 1 }, paper: { agree: 2, abstain: 1 } })
    expect(await errorOf(w.congress.enterPaperTally(sessionId, tally, teller))).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' })
  })

  it('the paper tally is confirmed by a scrutineer, never by the teller who entered it', async () => {
    const { sessionId, credentials } = await convened(w, 3, {
      session: { scrutineers: [{ name: '监票人甲', userId: scrutineer.id! }, { name: '监票人丁', userId: 'user-scrutineer-2' }] },
    })
    await w.congress.issuePaperBallot(sessionId, credentials[0]!.representativeId, teller)
    await w.congress.closeSession(sessionId, officer)
    await w.congress.enterPaperTally(sessionId, { ballotsCollected: 1, items: [{ itemId: 'draft', agree: 1, disagree: 0, abstain: 0 }] }, teller)
    // Tellers and scrutineers are different users (checked at convening), so the one who entered cannot confirm.
    const self = await errorOf(w.congress.confirmPaperTally(sessionId, { id: teller.id, role: 'workerRepresentative' }))
    expect(self.details.reason).toBe('NOT_A_SCRUTINEER')
    const view = await w.congress.confirmPaperTally(sessionId, { id: 'user-scrutineer-2', role: 'workerRepresentative' })
    expect(view.paperTally!.confirmedBy).toBe('user-scrutineer-2')
  })

  // ---- window, close, timers ---------------------------------------------------------------------------------------

  it('refuses ballots before the window opens and after it closes, with a clear error', async () => {
    const { sessionId, credentials } = await convened(w, 3)
    w.clock.set('2026-03-31T23:59:59.999Z')
    const early = await errorOf(w.congress.castBallot(ballot(credentials[0]!.token, 'agree')))
    expect(early).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', details: { reason: 'VOTING_NOT_OPEN_YET' } })
    w.clock.set(CLOSES_AT) // the window is [opensAt, closesAt)
    const late = await errorOf(w.congress.castBallot(ballot(credentials[0]!.token, 'agree')))
    expect(late).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', details: { reason: 'VOTING_CLOSED' } })
    expect(late.text.zh).toContain('表决已结束')
    expect(late.text.en).toContain('voting has closed')
    await w.congress.closeSession(sessionId, officer)
    w.clock.set(DURING) // even a clock set back cannot reopen a closed session
    expect((await errorOf(w.congress.castBallot(ballot(credentials[1]!.token, 'agree')))).details.reason).toBe('VOTING_CLOSED')
    expect((await errorOf(w.congress.signIn(credentials[1]!.token))).details.reason).toBe('VOTING_CLOSED')
  })

  it('closing twice, or concurrently with the timer, counts once and certifies once', async () => {
    const { caseId, sessionId, credentials } = await convened(w, 4)
    for (const c of credentials.slice(0, 3)) await w.congress.castBallot(ballot(c.token, 'agree'))
    const first = await w.congress.closeSession(sessionId, officer)
    const second = await w.congress.closeSession(sessionId, officer)
    w.clock.set(AFTER)
    const more = await Promise.all([
      w.congress.closeSession(sessionId, officer),
      w.congress.runTimers(),
      w.congress.closeSession(sessionId, officer),
    ])
    expect(second.result).toEqual(first.result)
    expect((more[0] as { result: unknown }).result).toEqual(first.result)
    expect(first.result!.items[0]).toMatchObject({ agree: 3 })
    expect(await certifiedEvents(w, caseId)).toHaveLength(1)
    const renders = (await outbox(w, caseId, 'document.render')).filter((r) => JSON.parse(r.payload).document === 'congressResolution')
    expect(renders).toHaveLength(1)
  })

  it('the timer closes a session at the end of its window (durable: state in the database) and certifies it', async () => {
    const { caseId, sessionId, credentials } = await convened(w, 3)
    await w.congress.castBallot(ballot(credentials[0]!.token, 'agree'))
    await w.congress.castBallot(ballot(credentials[1]!.token, 'agree'))
    expect(await w.congress.runTimers()).toMatchObject({ closed: 0 })
    w.clock.set(AFTER)
    const counts = await w.congress.runTimers()
    expect(counts.closed).toBeGreaterThanOrEqual(1)
    const view = await w.congress.getSession(sessionId)
    expect(view).toMatchObject({ status: 'certified', closeReason: 'window', closedAt: AFTER })
    expect(view.result).toMatchObject({ present: 2, passed: true })
    expect(await certifiedEvents(w, caseId)).toHaveLength(1)
  })

  it('closes and certifies as soon as every credential is used', async () => {
    const { sessionId, credentials } = await convened(w, 3)
    await w.congress.issuePaperBallot(sessionId, credentials[0]!.representativeId, teller)
    await w.congress.castBallot(ballot(credentials[1]!.token, 'agree'))
    expect((await w.congress.getSession(sessionId)).status).toBe('open')
    await w.congress.castBallot(ballot(credentials[2]!.token, 'disagree'))
    const closed = await w.congress.getSession(sessionId)
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'allVoted', awaitingPaperTally: true })
    await w.congress.enterPaperTally(sessionId, { ballotsCollected: 1, items: [{ itemId: 'draft', agree: 1, disagree: 0, abstain: 0 }] }, teller)
    const view = await w.congress.confirmPaperTally(sessionId, scrutineer)
    expect(view).toMatchObject({ status: 'certified', result: { present: 3, passed: true } })
  })

  it('records a refusal by the case, keeps the result, and does not retry it on its own', async () => {
    const { caseId } = await w.engine.openCase({ enterpriseId: w.enterpriseId, kind: 'wageAgreement', jurisdiction: 'national' }, officer)
    await w.congress.setRoster(caseId, rosterOf(3), officer)
    const c = await w.congress.convene(caseId, conveneInput(), officer)
    expect(c.warnings.map((x) => x.code)).toContain('CASE_NOT_AWAITING_VOTE')
    for (const cred of c.credentials) await w.congress.castBallot(ballot(cred.token, 'agree'))
    const view = await w.congress.getSession(c.session.id)
    expect(view).toMatchObject({ status: 'closed', certification: { status: 'refused', error: { code: 'TRANSITION_NOT_ALLOWED' } } })
    expect(view.result).toMatchObject({ passed: true, present: 3 })
    w.clock.set(AFTER)
    expect(await w.congress.runTimers()).toMatchObject({ certified: 0 })
    expect((await w.congress.certifySession(c.session.id)).certification.status).toBe('refused')
    expect(await certifiedEvents(w, caseId)).toHaveLength(0)
  })

  // ---- receipts, reminders, credentials -----------------------------------------------------------------------------

  it('gives each online voter a receipt whose hash is published with the result', async () => {
    const { sessionId, credentials } = await convened(w, 4)
    const receipts = []
    for (const c of credentials.slice(0, 3)) receipts.push(await w.congress.castBallot(ballot(c.token, 'abstain')))
    expect(await w.congress.verifyReceipt(sessionId, receipts[0]!.receipt)).toMatchObject({ counted: true, published: false })
    const view = await w.congress.closeSession(sessionId, officer)
    const published = view.result!.receiptHashes
    expect(published).toHaveLength(3)
    expect(published).toEqual([...published].sort())
    expect(new Set(published)).toEqual(new Set(receipts.map((r) => r.receiptHash)))
    expect(await w.congress.verifyReceipt(sessionId, receipts[1]!.receipt.toLowerCase())).toMatchObject({ counted: true, published: true })
    expect(await w.congress.verifyReceipt(sessionId, 'ZZZZ-ZZZZ-ZZZZ-ZZZZ')).toMatchObject({ counted: false, published: false })
  })

  it('reminds only those who have not voted, without any choice data; the scheduled reminder is sent once', async () => {
    const { caseId, sessionId, credentials } = await convened(w, 4, { session: { reminderAt: '2026-04-01T08:00:00Z' } })
    await w.congress.castBallot(ballot(credentials[0]!.token, 'agree'))
    await w.congress.issuePaperBallot(sessionId, credentials[1]!.representativeId, teller)
    expect(await w.congress.remindNonVoters(sessionId, officer)).toEqual({ reminded: 2 })
    const rows = await outbox(w, caseId, 'notify.voteReminder')
    expect(rows.map((r) => JSON.parse(r.payload).representativeId).sort()).toEqual(
      [credentials[2]!.representativeId, credentials[3]!.representativeId].sort(),
    )
    expect(Object.keys(JSON.parse(rows[0]!.payload)).sort()).toEqual(
      ['caseId', 'closesAt', 'email', 'name', 'phone', 'representativeId', 'sessionId', 'sessionName'].sort(),
    )
    w.clock.set('2026-04-01T08:00:00.000Z')
    expect(await w.congress.runTimers()).toMatchObject({ reminded: 0 }) // remindedAt is set: the manual one counted
    w.clock.set(AFTER)
    expect((await errorOf(w.congress.remindNonVoters(sessionId, officer))).details.reason).toBe('VOTING_CLOSED')
  })

  it('sends the scheduled reminder once when the timer reaches it', async () => {
    const { caseId } = await convened(w, 2, { session: { reminderAt: '2026-04-01T08:00:00Z' } })
    w.clock.set('2026-04-01T08:00:00.000Z')
    const [a, b] = await Promise.all([w.congress.runTimers(), w.congress.runTimers()])
    expect(a.reminded + b.reminded).toBe(2)
    expect(await w.congress.runTimers()).toMatchObject({ reminded: 0 })
    expect(await outbox(w, caseId, 'notify.voteReminder')).toHaveLength(2)
  })

  it('reissues a lost credential: the old one stops working, the new one votes', async () => {
    const { sessionId, credentials } = await convened(w, 2)
    const { credential } = await w.congress.reissueCredential(sessionId, credentials[0]!.representativeId, officer)
    expect(credential!.token).not.toBe(credentials[0]!.token)
    expect((await errorOf(w.congress.castBallot(ballot(credentials[0]!.token, 'agree')))).code).toBe('UNAUTHENTICATED')
    await w.congress.castBallot(ballot(credential!.token, 'agree'))
    const used = await errorOf(w.congress.reissueCredential(sessionId, credentials[0]!.representativeId, officer))
    expect(used.details.reason).toBe('CREDENTIAL_ALREADY_USED')
  })

  it('cancels a session that is not certified; a new one may then be convened', async () => {
    const { caseId, sessionId } = await convened(w, 2)
    const cancelled = await w.congress.cancelSession(sessionId, '草案文本有误，重新召开', officer)
    expect(cancelled.status).toBe('cancelled')
    expect((await errorOf(w.congress.closeSession(sessionId, officer))).details.reason).toBe('SESSION_CANCELLED')
    const next = await w.congress.convene(caseId, conveneInput(), officer)
    expect(next.session.status).toBe('open')
    expect((await w.congress.listSessions(caseId)).map((s) => s.status).sort()).toEqual(['cancelled', 'open'])
  })
})
