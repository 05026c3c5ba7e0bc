/**
 * The crash scenario (test/reliability/crash.test.ts, and longer in `npm run soak`): the real app (src/main.ts)
 * as a child process on a fresh database, with its workers and a loopback SMTP server; concurrent clients send
 * case events, congress ballots and filings over HTTP while the app is killed with SIGKILL at random moments
 * (seeded) and started again. Every request is retried after a failure with the same Idempotency-Key (ballots
 * carry none, by design: a retried ballot answers "already used" when the first one was recorded).
 *
 * At the end, with the app drained and stopped:
 *   - every acknowledged (2xx) request is stored (the event at its seq, the opened case, the ballot's receipt);
 *   - nothing was applied twice: each case's log holds exactly the events its client sent, once, in order;
 *   - every case verifies (hash chain, no gaps, snapshot = replay of the log), and so does every ballot box;
 *   - every outbox message is done and every mail was delivered exactly once (counted at the SMTP server by
 *     Message-ID); a second delivery flagged possibleDuplicate (the one window SMTP leaves open: killed after the
 *     final "." and before the 250 was recorded) is counted apart, not hidden;
 *   - every due deadline fired exactly once (one deadline.elapsed per fired row, none left pending);
 *   - the ballots counted equal the ballots acknowledged (plus those recorded just before a crash that a retry
 *     found already used).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import net from 'node:net'
import path from 'node:path'
import { hashPassword } from '../../src/auth/password.js'
import { createCongress } from '../../src/congress/index.js'
import { verifyBallotCounts } from '../../src/congress/verify-ballots.js'
import { openDatabase, type TDatabase } from '../../src/db/database.js'
import type { TProvider } from '../../src/db/schema-files.js'
import { all } from '../../src/db/sql.js'
import { systemClock } from '../../src/engine/clock.js'
import { createUser } from '../../src/engine/users.js'
import { verifyCase } from '../../src/engine/verify.js'
import { rosterOf } from '../congress/helpers.js'
import { walkCase, walkPlan, type TPlannedEvent } from '../support/case-walk.js'
import { createTestDatabase, type TTestDatabase } from '../support/databases.js'
import { testEngine } from '../support/factories.js'
import { emailOf, ENTERPRISES, PASSWORD, requestSentBody, seedReference, USERS, type TUserKey } from '../support/http.js'
import { startTestSmtp, type TTestSmtp } from '../support/smtp.js'

const ROOT = path.resolve(import.meta.dirname, '..', '..')
const CREDENTIAL_KEY = crypto.createHash('sha256').update('crash scenario key').digest()
const API = '/api/v1'

export type TScenarioOptions = {
  provider: TProvider
  seed: number
  /** Crashes to inject (more while `minDurationMs` has not passed). */
  crashes: number
  /**
   * When to kill: after the app has acknowledged a random number of requests in this range since it (re)started,
   * plus a random delay of up to `jitterMs` (so the kill lands in the middle of requests, workers and mail).
   */
  crashAfterAcks: [number, number]
  jitterMs: number
  /** Case chains (open → request.sent → request.received) to drive. */
  chains: number
  /** Cases walked to "signed" beforehand whose filing and registration are sent over HTTP. */
  filings: number
  /** Congress sessions and voters per session whose ballots are cast over HTTP. */
  sessions: number
  voters: number
  clients: number
  /** Keep injecting crashes and adding chains until this much time has passed (soak); default: until the work is done. */
  minDurationMs?: number
  log?: (line: string) => void
}

export type TScenarioReport = {
  provider: TProvider
  seed: number
  /** Logical requests (each retried until it got an answer) and the HTTP attempts they took. */
  requestsSent: number
  attempts: number
  acknowledged: number
  retried: number
  crashes: number
  casesChecked: number
  eventsChecked: number
  votesChecked: number
  messagesChecked: number
  deadlinesChecked: number
  lost: number
  doubled: number
  /** Mails delivered twice in SMTP's own window, flagged possibleDuplicate with the same Message-ID. */
  flaggedSmtpDuplicates: number
  durationMs: number
  problems: string[]
}

export function summaryLine(r: TScenarioReport): string {
  return (
    `crash scenario ${r.provider} seed ${r.seed}: requests sent ${r.requestsSent} (${r.attempts} attempts), acknowledged ${r.acknowledged}, ` +
    `retried ${r.retried}, crashes injected ${r.crashes}; checked ${r.casesChecked} cases, ${r.eventsChecked} events, ` +
    `${r.votesChecked} votes, ${r.messagesChecked} messages, ${r.deadlinesChecked} deadlines; lost ${r.lost}, doubled ${r.doubled}` +
    `${r.flaggedSmtpDuplicates ? ` (${r.flaggedSmtpDuplicates} flagged SMTP-window duplicates)` : ''}; ${Math.round(r.durationMs / 1000)} s`
  )
}

/** mulberry32: a small seeded generator, so a failing run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function freeTcpPort(): Promise<number> {
  const s = net.createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const port = (s.address() as net.AddressInfo).port
  await new Promise<void>((r) => s.close(() => r()))
  return port
}

/** The app as a child process: start, SIGKILL, start again, on the same port and database. */
class AppProcess {
  child: ChildProcess | undefined
  starts = 0
  private stderr = ''
  constructor(private env: Record<string, string>) {}

  async start(): Promise<void> {
    this.starts++
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, NODE_ID: `crash-${this.starts}` },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    this.child = child
    // Never leave the app running when the test process ends early (a timeout, an interrupt).
    const reap = () => child.kill('SIGKILL')
    process.once('exit', reap)
    child.once('exit', () => process.removeListener('exit', reap))
    child.stderr!.on('data', (c: Buffer) => (this.stderr = (this.stderr + c.toString()).slice(-4000)))
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the app did not start in 60 s: ${this.stderr}`)), 60_000)
      child.on('message', (m: { listening?: number }) => {
        if (m.listening) {
          clearTimeout(timer)
          resolve()
        }
      })
      child.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`the app exited with ${code} while starting: ${this.stderr}`))
      })
    })
  }

  async kill(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((r) => child.once('exit', () => r()))
    child.kill(signal)
    await exited
  }
}

/** The enterprises whose signed agreements are filed over HTTP, with the accounts that act for each role. */
const FILERS = [
  { enterpriseId: ENTERPRISES.tianhe.id, users: { unionNegotiator: 'unionT', employerNegotiator: 'employerT', bureauReviewer: 'bureauTianhe' } },
  { enterpriseId: ENTERPRISES.haizhu.id, users: { unionNegotiator: 'unionH', employerNegotiator: 'employerH', bureauReviewer: 'bureauGuangzhou' } },
  { enterpriseId: ENTERPRISES.xihu.id, users: { unionNegotiator: 'unionX', employerNegotiator: 'employerX', bureauReviewer: 'bureauZhejiang' } },
] as const satisfies readonly { enterpriseId: string; users: Record<string, TUserKey> }[]

type TResponse = { status: number; body: Record<string, unknown> }

type TSession = { cookie: string }

export async function runCrashScenario(o: TScenarioOptions): Promise<TScenarioReport> {
  const started = Date.now()
  const log = o.log ?? (() => {})
  const rnd = seededRandom(o.seed)
  const problems: string[] = []
  let t: TTestDatabase | undefined
  let db: TDatabase | undefined
  let smtp: TTestSmtp | undefined
  let app: AppProcess | undefined
  try {
    t = await createTestDatabase(o.provider)
    db = await openDatabase(t.url)
    const now = systemClock.now().toISOString()
    await seedReference(db, now)
    const passwordHash = await hashPassword(PASSWORD)
    // One filing per enterprise at most: a second agreement of the same kind and term is refused (DUPLICATE_FILING).
    if (o.filings > FILERS.length) throw new RangeError(`at most ${FILERS.length} filings`)
    const users: TUserKey[] = ['unionT', 'employerT', 'bureauTianhe', 'workerT']
    for (const f of FILERS.slice(0, o.filings)) for (const u of Object.values(f.users)) if (!users.includes(u)) users.push(u)
    for (const key of users) await createUser(db, { email: emailOf(key), displayName: key, passwordHash, memberships: [...USERS[key]] }, now)

    // Prepared beforehand through the engine (as earlier work of the same app would have): cases signed and
    // waiting to be filed, and congress sessions open now with their credentials.
    const engine = testEngine(db, systemClock, 'crash-setup')
    const enterpriseId = ENTERPRISES.tianhe.id
    const filingCases: { caseId: string; plan: TPlannedEvent[]; users: Record<string, TUserKey> }[] = []
    for (const f of FILERS.slice(0, o.filings)) {
      const w = await walkCase(engine, { enterpriseId: f.enterpriseId, until: 'signed' })
      filingCases.push({ caseId: w.caseId, plan: walkPlan().filter((p) => p.step === 'filed' || p.step === 'registered'), users: f.users })
    }
    const congress = createCongress({ engine, credentialKey: CREDENTIAL_KEY })
    const ballots: { sessionId: string; token: string; items: string[] }[] = []
    const opensAt = new Date(Date.now() - 600_000).toISOString()
    const closesAt = new Date(Date.now() + 6 * 3_600_000).toISOString()
    const heldOn = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    for (let i = 0; i < o.sessions; i++) {
      // The walk's data is complete, so every document of the case renders (no dead letter for missing facts).
      const { caseId } = await walkCase(engine, { enterpriseId, until: 'draft' })
      await congress.setRoster(caseId, rosterOf(o.voters), { id: 'crash-setup', role: 'unionNegotiator' })
      const items = [
        { id: 'wage', title: '工资调整幅度' },
        { id: 'term', title: '合同期限' },
      ]
      const c = await congress.convene(
        caseId,
        {
          name: `第三届职工代表大会第${i + 1}次会议`,
          heldOn,
          place: '公司大礼堂',
          online: true,
          opensAt,
          closesAt,
          documentSha256: 'ab'.repeat(32),
          items,
          scrutineers: [{ name: '监票人甲' }],
          tellers: [{ name: '计票人乙' }, { name: '计票人丙' }],
          presiding: '王主席',
        },
        { id: 'crash-setup', role: 'unionNegotiator' },
      )
      for (const cred of c.credentials) ballots.push({ sessionId: c.session.id, token: cred.token, items: items.map((x) => x.id) })
    }
    const preparedCases = new Set(
      (
        await db.read(function* () {
          return yield* all<{ id: string }>(`SELECT "id" FROM "Case"`)
        })
      ).map((r) => r.id),
    )

    const elapsed_ = () => `${((Date.now() - started) / 1000).toFixed(1)} s`
    log(`  [${elapsed_()}] prepared ${preparedCases.size} cases and ${ballots.length} credentials`)
    smtp = await startTestSmtp()
    const port = await freeTcpPort()
    const base = `http://127.0.0.1:${port}`
    app = new AppProcess({
      DATABASE_URL: t.url,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'silent',
      WORKERS: 'true',
      MIGRATE_ON_START: 'true',
      SCHEDULER_INTERVAL_MS: '200',
      OUTBOX_INTERVAL_MS: '100',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_STARTTLS: 'off',
      SMTP_TIMEOUT_MS: '3000',
      // A send or render cut off by a kill is taken over after its lease: short leases keep the test short.
      MAIL_LEASE_MS: '12000',
      OUTBOX_LEASE_MS: '5000',
      MAIL_FROM: '工资集体协商平台 <noreply@wagepact.test>',
      MAIL_BACKOFF_MS: '200',
      MAIL_MAX_ATTEMPTS: '50',
      IDEMPOTENCY_LEASE_MS: '1500',
      CONGRESS_CREDENTIAL_KEY: CREDENTIAL_KEY.toString('hex'),
    })
    await app.start()
    log(`  [${elapsed_()}] app started`)

    // --- clients ---------------------------------------------------------------------------------------------
    let requestsSent = 0
    let attempts = 0
    let acknowledged = 0
    let retried = 0
    let appUp = true
    const sessions = new Map<TUserKey, TSession>()

    /** One logical request, retried until it gets a definitive answer (2xx or a 4xx that is not "in progress"). */
    async function call(method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<TResponse> {
      requestsSent++
      for (let attempt = 0; ; attempt++) {
        if (attempt > 0) {
          retried++
          await sleep(appUp ? 100 : 300)
        }
        if (attempt > 1000) throw new Error(`no answer for ${method} ${url} after ${attempt} attempts`)
        attempts++
        let res: Response
        try {
          res = await fetch(base + url, {
            method,
            headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
            signal: AbortSignal.timeout(30_000),
          })
        } catch {
          continue // connection refused or reset: the app is down or was killed mid-request
        }
        const text = await res.text().catch(() => null)
        if (text === null) continue
        let parsed: Record<string, unknown> = {}
        try {
          parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {}
        } catch {
          parsed = { raw: text }
        }
        const code = (parsed.error as { code?: string } | undefined)?.code
        if (res.status === 409 && code?.startsWith('IDEMPOTENCY_IN_PROGRESS')) continue
        if (res.status === 503) continue
        if (res.status >= 500) {
          problems.push(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`)
          continue
        }
        if (res.status < 300) acknowledged++
        return { status: res.status, body: parsed }
      }
    }

    const as = (user: TUserKey) => {
      const headers = () => ({ Cookie: sessions.get(user)!.cookie, 'X-Requested-With': 'crash-test' })
      return {
        post: (url: string, body: unknown, key = crypto.randomUUID()) => call('POST', url, { ...headers(), 'Idempotency-Key': key }, body),
      }
    }
    for (const user of users) {
      const res = await fetch(`${base}${API}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'crash-test' },
        body: JSON.stringify({ email: emailOf(user), password: PASSWORD }),
      })
      if (res.status !== 200) throw new Error(`login of ${user}: ${res.status}`)
      sessions.set(user, { cookie: String(res.headers.getSetCookie()[0]).split(';')[0]! })
    }

    // What the clients sent and what came back, per case, in order.
    const expectedLog = new Map<string, { type: string; seq: number | null }[]>()
    const opened: string[] = []
    const acceptedBallots: { sessionId: string; receiptHash: string }[] = []
    const recordedBeforeCrash = new Map<string, number>()
    let refused = 0

    const sendEvent = async (user: TUserKey, caseId: string, event: { type: string; [k: string]: unknown }) => {
      const r = await as(user).post(`${API}/cases/${caseId}/events`, event)
      if (r.status !== 201) {
        refused++
        problems.push(`${event.type} on ${caseId} refused: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`)
        return
      }
      expectedLog.get(caseId)!.push({ type: event.type, seq: Number(r.body.seq) })
    }

    const chain = async () => {
      const r = await as('unionT').post(`${API}/cases`, { enterpriseId, kind: 'wageAgreement', jurisdiction: 'national' })
      if (r.status !== 201) {
        refused++
        problems.push(`open case refused: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`)
        return
      }
      const caseId = String(r.body.caseId)
      opened.push(caseId)
      expectedLog.set(caseId, [{ type: 'case.opened', seq: 1 }])
      await sendEvent('unionT', caseId, requestSentBody('worker', '2026-06-04'))
      await sendEvent('unionT', caseId, { type: 'request.received', receivedOn: '2026-06-04', proof: '企业行政部签收回执' })
    }
    const filing = (f: (typeof filingCases)[number]) => async () => {
      expectedLog.set(f.caseId, [])
      for (const p of f.plan) await sendEvent(f.users[p.actor.role]!, f.caseId, p.event)
    }
    const ballot = (b: (typeof ballots)[number]) => async () => {
      const choices = b.items.map((itemId) => ({ itemId, choice: (['agree', 'disagree', 'abstain'] as const)[Math.floor(rnd() * 3)]! }))
      const r = await call('POST', `${API}/ballots`, { Authorization: `Ballot ${b.token}` }, { choices })
      const reason = (r.body.error as { details?: { reason?: string } } | undefined)?.details?.reason
      if (r.status === 201) acceptedBallots.push({ sessionId: b.sessionId, receiptHash: String(r.body.receiptHash) })
      else if (r.status === 409 && reason === 'CREDENTIAL_ALREADY_USED')
        recordedBeforeCrash.set(b.sessionId, (recordedBeforeCrash.get(b.sessionId) ?? 0) + 1)
      else {
        refused++
        problems.push(`ballot refused: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`)
      }
    }

    const work: (() => Promise<void>)[] = []
    for (let i = 0; i < o.chains; i++) work.push(chain)
    for (const f of filingCases) work.push(filing(f))
    for (const b of ballots) work.push(ballot(b))
    // Interleave the kinds of work (seeded shuffle).
    for (let i = work.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1))
      ;[work[i], work[j]] = [work[j]!, work[i]!]
    }
    const until = started + (o.minDurationMs ?? 0)
    let workDone = false
    const clients = Array.from({ length: o.clients }, async () => {
      for (;;) {
        const next = work.shift() ?? (Date.now() < until ? chain : undefined)
        if (!next) return
        await next()
      }
    })
    const allClients = Promise.all(clients).then(() => {
      workDone = true
    })

    // --- crashes -----------------------------------------------------------------------------------------------
    let crashes = 0
    // `crashes` kills, spread over the work (a kill after the work is done hits the workers: renders, mail, deadlines).
    while (crashes < o.crashes || (Date.now() < until && !workDone)) {
      const target = acknowledged + o.crashAfterAcks[0] + Math.floor(rnd() * (o.crashAfterAcks[1] - o.crashAfterAcks[0] + 1))
      const jitter = Math.floor(rnd() * o.jitterMs)
      // While requests run, the kill follows the target acknowledgement at once (a fast app answers the whole
      // workload within a few hundred milliseconds, so a delay here let every kill miss the requests); after the
      // work, the random delay spreads the kills over the workers.
      while (acknowledged < target && !workDone) await sleep(2)
      if (workDone) await sleep(jitter)
      appUp = false
      await app.kill('SIGKILL')
      crashes++
      log(`  [${elapsed_()}] SIGKILL #${crashes} (${acknowledged} acknowledged, ${attempts} attempts so far)`)
      await app.start()
      appUp = true
      log(`  [${elapsed_()}] restarted`)
    }
    await allClients

    // --- drain: outbox, mail and due deadlines settle (the app keeps running its workers) -----------------------
    const pendingWork = () =>
      db!.read(function* () {
        const nowIso = new Date().toISOString()
        const [o1] = yield* all<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "OutboxMessage" WHERE "status" NOT IN ('done', 'dead')`)
        const [d1] = yield* all<{ n: number }>(
          `SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "Deadline" WHERE "status" = 'pending' AND "dueAt" <= ?`,
          [nowIso],
        )
        const [m1] = yield* all<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "MailMessage" WHERE "status" = 'queued'`)
        return Number(o1!.n) + Number(d1!.n) + Number(m1!.n)
      })
    // Until nothing is left, or nothing moved for a minute (mail goes out one message at a time: a long run has a queue).
    let pending = await pendingWork()
    let lastProgress = Date.now()
    while (pending > 0 && Date.now() - lastProgress < 60_000) {
      await sleep(250)
      const now_ = await pendingWork()
      if (now_ < pending) lastProgress = Date.now()
      pending = now_
    }
    await app.kill('SIGTERM')
    log(`  [${elapsed_()}] work done and drained`)

    // --- checks --------------------------------------------------------------------------------------------------
    let lost = 0
    let doubled = 0
    const lose = (n: number, problem: string) => {
      lost += n
      problems.push(problem)
    }
    const double = (n: number, problem: string) => {
      doubled += n
      problems.push(problem)
    }
    const checkNow = new Date().toISOString()
    const cases = (
      await db.read(function* () {
        return yield* all<{ id: string }>(`SELECT "id" FROM "Case" ORDER BY "id"`)
      })
    ).map((r) => r.id)
    let eventsChecked = 0
    for (const id of cases) {
      for (const p of await verifyCase(db, id)) problems.push(`verify ${p.table} ${p.key}: ${p.problem}`)
    }
    const newCases = cases.filter((id) => !preparedCases.has(id))
    // Every case the run opened was acknowledged once (its client got the id back), none twice.
    const unacknowledged = newCases.filter((id) => !expectedLog.has(id))
    if (unacknowledged.length) {
      doubled += unacknowledged.length
      problems.push(`cases opened but never acknowledged (a retry opened another?): ${unacknowledged.join(', ')}`)
    }
    for (const id of opened) if (!cases.includes(id)) lose(1, `acknowledged case ${id} is missing`)
    for (const [caseId, expected] of expectedLog) {
      const events = await db.read(function* () {
        return yield* all<{ seq: number; type: string }>(`SELECT "seq", "type" FROM "CaseEvent" WHERE "caseId" = ? ORDER BY "seq"`, [caseId])
      })
      eventsChecked += events.length
      const bySeq = new Map(events.map((e) => [Number(e.seq), e.type]))
      for (const e of expected) {
        if (e.seq !== null && bySeq.get(e.seq) !== e.type) {
          lost++
          problems.push(`acknowledged ${e.type} at ${caseId}#${e.seq} is not stored (found ${bySeq.get(e.seq) ?? 'nothing'})`)
        }
      }
      // The client's events (not the scheduler's) appear exactly once each, in the order sent.
      const startSeq = preparedCases.has(caseId) ? Math.min(...expected.map((e) => e.seq ?? Infinity)) : 1
      const sent = events.filter((e) => Number(e.seq) >= startSeq && e.type !== 'deadline.elapsed').map((e) => e.type)
      const want = expected.map((e) => e.type)
      if (sent.length > want.length) {
        doubled += sent.length - want.length
        problems.push(`${caseId}: log has ${JSON.stringify(sent)}, the client sent ${JSON.stringify(want)}`)
      } else if (JSON.stringify(sent) !== JSON.stringify(want)) {
        lost += want.length - sent.length
        problems.push(`${caseId}: log has ${JSON.stringify(sent)}, the client sent ${JSON.stringify(want)}`)
      }
    }

    // Deadlines: every due one fired (or was refused by the case's state) exactly once.
    const deadlines = await db.read(function* () {
      return yield* all<{ id: string; caseId: string; kind: string; dueAt: string; status: string }>(
        `SELECT "id", "caseId", "kind", "dueAt", "status" FROM "Deadline" WHERE "dueAt" <= ?`,
        [checkNow],
      )
    })
    const elapsed = await db.read(function* () {
      return yield* all<{ caseId: string; payload: string }>(`SELECT "caseId", "payload" FROM "CaseEvent" WHERE "type" = 'deadline.elapsed'`)
    })
    const elapsedCount = new Map<string, number>()
    for (const e of elapsed) {
      const p = JSON.parse(e.payload) as { kind: string; dueAt: string }
      const k = `${e.caseId}|${p.kind}|${p.dueAt}`
      elapsedCount.set(k, (elapsedCount.get(k) ?? 0) + 1)
    }
    for (const d of deadlines) {
      const n = elapsedCount.get(`${d.caseId}|${d.kind}|${d.dueAt}`) ?? 0
      if (d.status === 'pending') lose(1, `deadline ${d.id} (${d.kind}) is due but did not fire`)
      if (d.status === 'fired' && n !== 1) {
        if (n === 0) lost++
        else doubled += n - 1
        problems.push(`deadline ${d.id} (${d.kind}) fired with ${n} deadline.elapsed events`)
      }
    }
    const firedKeys = new Set(deadlines.filter((d) => d.status === 'fired').map((d) => `${d.caseId}|${d.kind}|${d.dueAt}`))
    for (const [k, n] of elapsedCount) {
      if (!firedKeys.has(k)) double(n, `deadline.elapsed ${k} has no fired deadline`)
    }

    // Outbox and mail: every message done; every mail delivered exactly once by Message-ID.
    const outbox = await db.read(function* () {
      return yield* all<{ id: string; effect: string; status: string; lastError: string | null }>(
        `SELECT "id", "effect", "status", "lastError" FROM "OutboxMessage" WHERE "status" <> 'done'`,
      )
    })
    for (const m of outbox) lose(1, `outbox ${m.id} ${m.effect} is ${m.status}: ${m.lastError ?? ''}`)
    const mails = await db.read(function* () {
      return yield* all<{ messageId: string; status: string; possibleDuplicate: boolean | number; errorCode: string | null }>(
        `SELECT "messageId", "status", "possibleDuplicate", "errorCode" FROM "MailMessage"`,
      )
    })
    // A recipient nobody could address (a role nobody holds in that enterprise) is recorded as failed NO_ADDRESS by
    // design, never sent: not a lost mail. Every other mail must have gone out.
    let unaddressable = 0
    const bare = (id: string) => id.replace(/^<|>$/g, '')
    const delivered = new Map<string, number>()
    for (const [id, n] of smtp.countsByMessageId()) delivered.set(bare(id), (delivered.get(bare(id)) ?? 0) + n)
    let flaggedSmtpDuplicates = 0
    for (const m of mails) {
      const n = delivered.get(bare(m.messageId)) ?? 0
      if (m.status === 'failed' && m.errorCode === 'NO_ADDRESS' && n === 0) unaddressable++
      else if (m.status !== 'sent' || n === 0) lose(1, `mail ${m.messageId} is ${m.status}, delivered ${n} times`)
      else if (n > 1) {
        if ((m.possibleDuplicate === true || m.possibleDuplicate === 1) && n === 2) flaggedSmtpDuplicates++
        else double(n - 1, `mail ${m.messageId} delivered ${n} times`)
      }
    }
    const known = new Set(mails.map((m) => bare(m.messageId)))
    for (const [id] of delivered) if (!known.has(id)) problems.push(`delivered mail ${id} has no MailMessage row`)

    // Ballots: counts = acknowledged + recorded-before-a-crash; every acknowledged receipt is in the box.
    const boxes = await verifyBallotCounts(db, CREDENTIAL_KEY)
    for (const p of boxes.problems) problems.push(`ballot box ${p.table} ${p.key}: ${p.problem}`)
    const sessionIds = [...new Set(ballots.map((b) => b.sessionId))]
    let votesChecked = 0
    for (const sessionId of sessionIds) {
      const [sums, receipts] = await db.read(function* () {
        const sums = yield* all<{ itemId: string; n: number }>(
          `SELECT "itemId", CAST(SUM("count") AS INTEGER) AS "n" FROM "CongressBallotCount" WHERE "sessionId" = ? GROUP BY "itemId"`,
          [sessionId],
        )
        const receipts = yield* all<{ receiptHash: string }>(`SELECT "receiptHash" FROM "CongressReceipt" WHERE "sessionId" = ?`, [sessionId])
        return [sums, receipts] as const
      })
      const acked = acceptedBallots.filter((b) => b.sessionId === sessionId)
      const expectedVotes = acked.length + (recordedBeforeCrash.get(sessionId) ?? 0)
      for (const s of sums) {
        votesChecked += Number(s.n)
        if (Number(s.n) < expectedVotes) lose(expectedVotes - Number(s.n), `session ${sessionId} item ${s.itemId}: ${s.n} counted, ${expectedVotes} cast`)
        if (Number(s.n) > expectedVotes) double(Number(s.n) - expectedVotes, `session ${sessionId} item ${s.itemId}: ${s.n} counted, ${expectedVotes} cast`)
      }
      const stored = new Set(receipts.map((r) => r.receiptHash))
      for (const a of acked) if (!stored.has(a.receiptHash)) lose(1, `receipt ${a.receiptHash} of an acknowledged ballot is missing`)
    }
    if (refused) problems.push(`${refused} requests refused (the scenario only sends valid requests)`)

    return {
      provider: o.provider,
      seed: o.seed,
      requestsSent,
      attempts,
      acknowledged,
      retried,
      crashes,
      casesChecked: cases.length,
      eventsChecked,
      votesChecked,
      messagesChecked: mails.length - unaddressable,
      deadlinesChecked: deadlines.length,
      lost,
      doubled,
      flaggedSmtpDuplicates,
      durationMs: Date.now() - started,
      problems,
    }
  } finally {
    await app?.kill('SIGKILL')
    await smtp?.close()
    await db?.close()
    await t?.drop()
  }
}
