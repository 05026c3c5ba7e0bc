import { Writable } from 'node:stream'
import { pino } from 'pino'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../src/db/sql.js'
import type { TEngine } from '../../src/engine/engine.js'
import { createApp } from '../../src/http/app.js'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { caseAwaitingReply, createHttpWorld, emailOf, PASSWORD } from '../support/http.js'

const calendar2027 = {
  year: 2027,
  source: {
    issuer: '国务院办公厅',
    title: '国务院办公厅关于2027年部分节假日安排的通知',
    documentNo: '国办发明电〔2026〕9号',
    issuedOn: '2026-11-05',
  },
  holidays: [{ date: '2027-01-01', name: { zh: '元旦', en: "New Year's Day" } }],
  adjustedWorkingDays: [],
}

describe.each(PROVIDERS_UNDER_TEST)('HTTP operations on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>
  const logLines: string[] = []

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, cb) {
        logLines.push(String(chunk))
        cb()
      },
    })
    w = await createHttpWorld(provider, { logger: pino({ level: 'info' }, sink) })
  })
  afterAll(async () => {
    await w?.close()
  })

  it('calendars: everyone signed in lists the years; only admins load one (400 with path on bad data)', async () => {
    const list = await w.as('workerT').get('/api/v1/calendars')
    expect(list.status).toBe(200)
    expect(list.body.items.map((y: { year: number }) => y.year)).toEqual(expect.arrayContaining([2025, 2026]))
    expect(list.body.items.every((y: { origin: string }) => y.origin === 'shipped')).toBe(true)
    expect((await w.as('bureauTianhe').post('/api/v1/calendars').send(calendar2027)).status).toBe(403)
    const bad = await w.as('admin').post('/api/v1/calendars').send({ ...calendar2027, holidays: [{ date: '2027-02-30', name: { zh: 'x', en: 'x' } }] })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.issues[0].path).toBe('body.holidays.0.date')
    expect(await w.db.prisma.calendarYear.count()).toBe(0)
    const loaded = await w.as('admin').post('/api/v1/calendars').send(calendar2027)
    expect(loaded.status).toBe(201)
    expect(loaded.body).toEqual({ year: 2027, recomputed: 0 })
    expect(await w.db.prisma.calendarYear.findUnique({ where: { year: 2027 } })).toMatchObject({ loadedBy: w.userIds.admin })
    const after = await w.as('unionT').get('/api/v1/calendars')
    expect(after.body.items).toContainEqual(expect.objectContaining({ year: 2027, origin: 'loaded', holidays: 1, loadedBy: w.userIds.admin }))
    expect((await w.anon.get('/api/v1/calendars')).status).toBe(401)
  })

  it('outbox: admins list messages by status, dead letters included; others 403', async () => {
    const caseId = await caseAwaitingReply(w, 'unionT', 'ent-tianhe')
    const messages = await w.db.prisma.outboxMessage.findMany({ where: { caseId } })
    expect(messages.length).toBeGreaterThan(0)
    await w.db.transaction(function* () {
      yield* run(`UPDATE "OutboxMessage" SET "status" = 'dead', "lastError" = 'smtp said no' WHERE "id" = ?`, [messages[0]!.id])
    })
    const dead = await w.as('admin').get('/api/v1/outbox?status=dead')
    expect(dead.status).toBe(200)
    expect(dead.body.items).toEqual([expect.objectContaining({ id: messages[0]!.id, status: 'dead', lastError: 'smtp said no', caseId })])
    const all = await w.as('admin').get('/api/v1/outbox')
    expect(all.body.items.length).toBe(await w.db.prisma.outboxMessage.count())
    expect((await w.as('bureauGuangzhou').get('/api/v1/outbox')).status).toBe(403)
    expect((await w.as('admin').get('/api/v1/outbox?status=lost')).status).toBe(400)
  })

  it('health and readiness: public, with the database and the migration', async () => {
    for (const path of ['/api/v1/health', '/healthz', '/readyz']) {
      const res = await w.anon.get(path)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ status: 'ok', database: provider, migration: { upToDate: true } })
    }
  })

  it('security headers (helmet), no-store on the API, no X-Powered-By; unknown routes are 404 JSON', async () => {
    const res = await w.as('unionT').get('/api/v1/auth/me')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/)
    expect(res.headers['strict-transport-security']).toBeDefined()
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers['x-powered-by']).toBeUndefined()
    const missing = await w.anon.get('/api/v1/nothing-here')
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('NOT_FOUND')
  })

  it('CORS is off by default: no Access-Control header, preflights are not granted', async () => {
    const res = await w.as('unionT').get('/api/v1/auth/me').set('Origin', 'https://partner.example')
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
    const pre = await request(w.app).options('/api/v1/cases').set('Origin', 'https://partner.example').set('Access-Control-Request-Method', 'POST')
    expect(pre.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('CORS for configured origins: bearer requests only, never with credentials', async () => {
    const app = createApp({ logger: pino({ level: 'silent' }), health: async () => ({}) as never, isReady: () => true, engine: w.engine, calendars: w.calendars, corsOrigins: ['https://partner.example'] })
    const pre = await request(app).options('/api/v1/cases').set('Origin', 'https://partner.example').set('Access-Control-Request-Method', 'POST')
    expect(pre.status).toBe(204)
    expect(pre.headers['access-control-allow-origin']).toBe('https://partner.example')
    expect(pre.headers['access-control-allow-headers']).toMatch(/Authorization/)
    expect(pre.headers['access-control-allow-credentials']).toBeUndefined()
    const other = await request(app).options('/api/v1/cases').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST')
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('an unexpected error is 500 without internals', async () => {
    const broken = {
      ...w.engine,
      db: { ...w.engine.db, read: async () => { throw new Error('connection to 10.0.0.7 refused: password for wagepact_admin') } },
    } as unknown as TEngine
    const app = createApp({ logger: pino({ level: 'silent' }), health: async () => ({}) as never, isReady: () => true, engine: broken, calendars: w.calendars })
    // Authentication still works (Prisma); the list query (the engine's read) fails.
    const created = await w.as('admin').post('/api/v1/auth/tokens').send({ name: 'broken-app' })
    const res = await request(app).get('/api/v1/cases').set('Authorization', `Bearer ${created.body.token}`)
    expect(res.status).toBe(500)
    expect(res.body).toEqual({ error: { code: 'INTERNAL', message: { zh: '服务器内部错误', en: 'internal server error' } } })
    expect(JSON.stringify(res.body)).not.toMatch(/10\.0\.0\.7|password|stack/)
  })

  it('request logs carry method, path and status, never bodies, passwords, cookies, tokens or query strings', async () => {
    const login = await w.anon.post('/api/v1/auth/login?next=secret-query').set('X-Requested-With', 't').send({ email: emailOf('unionT'), password: PASSWORD })
    expect(login.status).toBe(200)
    const cookie = String((login.headers['set-cookie'] as unknown as string[])[0]).split(';')[0]!
    const token = (await w.as('unionT').post('/api/v1/auth/tokens').send({ name: 'log-test' })).body.token as string
    await request(w.app).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`)
    const text = logLines.join('')
    expect(text).toContain('"url":"/api/v1/auth/login"')
    expect(text).toContain('"statusCode":200')
    for (const secret of [PASSWORD, cookie.split('=')[1]!, token, 'secret-query']) expect(text).not.toContain(secret)
  })
})
