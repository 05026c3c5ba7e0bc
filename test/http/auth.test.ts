import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { secretHash } from '../../src/auth/secrets.js'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { createHttpWorld, emailOf, PASSWORD, type THttpWorld } from '../support/http.js'

const login = (w: THttpWorld, email: string, password: string, headers: Record<string, string> = { 'X-Requested-With': 'test' }) => {
  let t = request(w.app).post('/api/v1/auth/login')
  for (const [k, v] of Object.entries(headers)) t = t.set(k, v)
  return t.send({ email, password })
}

const cookieOf = (res: request.Response) => String((res.headers['set-cookie'] as unknown as string[])[0])

describe.each(PROVIDERS_UNDER_TEST)('HTTP auth on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>

  beforeAll(async () => {
    w = await createHttpWorld(provider, { auth: { loginMaxFailuresPerAccount: 3, loginMaxFailuresPerIp: 1000, loginWindowMs: 15 * 60_000 } })
  })
  afterAll(async () => {
    await w?.close()
  })

  it('login sets an HTTP-only, SameSite=Lax session cookie; only its SHA-256 is stored', async () => {
    const res = await login(w, emailOf('unionT').toUpperCase(), PASSWORD)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ user: { email: emailOf('unionT') }, via: 'session', memberships: [{ role: 'unionNegotiator', enterpriseId: 'ent-tianhe' }] })
    const cookie = cookieOf(res)
    expect(cookie).toMatch(/^wp_session=[A-Za-z0-9_-]{43};/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/) // plain HTTP in the test; Secure over HTTPS (COOKIE_SECURE=auto)
    const secret = cookie.split(';')[0]!.split('=')[1]!
    const row = await w.db.prisma.session.findUnique({ where: { id: secretHash(secret) } })
    expect(row).toMatchObject({ userId: w.userIds.unionT })
    expect(await w.db.prisma.session.findUnique({ where: { id: secret } })).toBeNull()
  })

  it('the session cookie is Secure when the request came over HTTPS through a trusted proxy', async () => {
    const res = await login(w, emailOf('unionT'), PASSWORD, { 'X-Requested-With': 'test', 'X-Forwarded-Proto': 'https' })
    expect(res.status).toBe(200)
    expect(cookieOf(res)).toMatch(/; Secure/)
  })

  it('wrong password, unknown account and deactivated account get the same 401, and no session', async () => {
    const before = await w.db.prisma.session.count()
    const wrong = await login(w, emailOf('employerH'), 'not the password')
    const unknown = await login(w, 'nobody-at-all@test.example', PASSWORD)
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.body).toEqual(unknown.body)
    expect(wrong.body.error.code).toBe('UNAUTHENTICATED')
    expect(wrong.headers['set-cookie']).toBeUndefined()
    expect(await w.db.prisma.session.count()).toBe(before)
  })

  it('login: invalid input is 400 with the field path; without X-Requested-With it is refused (CSRF)', async () => {
    const bad = await request(w.app).post('/api/v1/auth/login').set('X-Requested-With', 'test').send({ email: 'x' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['body.email', 'body.password']))
    expect(bad.body.error.details.issues[0].message).toEqual({ zh: expect.any(String), en: expect.any(String) })
    const noHeader = await login(w, emailOf('unionT'), PASSWORD, {})
    expect(noHeader.status).toBe(403)
    expect(noHeader.body.error.code).toBe('CSRF_REJECTED')
    const foreign = await login(w, emailOf('unionT'), PASSWORD, { 'X-Requested-With': 'x', Origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
  })

  it('login is rate-limited per account+IP: 429 with Retry-After, even with the right password, until the window passes', async () => {
    const email = emailOf('employerX')
    for (let i = 0; i < 3; i++) expect((await login(w, email, 'wrong password!')).status).toBe(401)
    const limited = await login(w, email, PASSWORD)
    expect(limited.status).toBe(429)
    expect(limited.body.error.code).toBe('RATE_LIMITED')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(15 * 60)
    // Another account from the same IP is not affected.
    expect((await login(w, emailOf('unionX'), PASSWORD)).status).toBe(200)
    w.clock.advance(15 * 60_000 + 1_000)
    expect((await login(w, email, PASSWORD)).status).toBe(200)
    // A success clears the account's failures.
    expect(await w.db.prisma.rateLimitHit.count({ where: { bucket: { startsWith: `login:${email}` } } })).toBe(0)
  })

  it('GET /auth/me: 401 anonymous, the account with its roles when signed in', async () => {
    const anon = await w.anon.get('/api/v1/auth/me')
    expect(anon.status).toBe(401)
    expect(anon.headers['www-authenticate']).toMatch(/Bearer/)
    const me = await w.as('bureauTianhe').get('/api/v1/auth/me')
    expect(me.status).toBe(200)
    expect(me.body.memberships).toEqual([expect.objectContaining({ role: 'bureauReviewer', regionCode: '440106' })])
    // An unknown cookie is anonymous (and cleared).
    const stale = await request(w.app).get('/api/v1/auth/me').set('Cookie', 'wp_session=bogus')
    expect(stale.status).toBe(401)
    expect(String(stale.headers['set-cookie'])).toMatch(/wp_session=;/)
  })

  it('a cookie-authenticated POST without X-Requested-With or from a foreign origin is refused and writes nothing', async () => {
    const before = await w.counts()
    const body = { enterpriseId: 'ent-tianhe', kind: 'wageAgreement', jurisdiction: 'national' }
    const res = await w.asWithoutCsrf('unionT').post('/api/v1/cases').send(body)
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('CSRF_REJECTED')
    const cross = await w.as('unionT').post('/api/v1/cases').set('Origin', 'https://evil.example').send(body)
    expect(cross.status).toBe(403)
    const site = await w.as('unionT').post('/api/v1/cases').set('Sec-Fetch-Site', 'cross-site').send(body)
    expect(site.status).toBe(403)
    expect(await w.counts()).toEqual(before)
    // Same origin is fine; GET needs no header.
    const own = await w.as('unionT').post('/api/v1/cases').set('Origin', 'http://' + 'localhost').set('Host', 'localhost').send(body)
    expect(own.status).toBe(201)
    expect((await w.asWithoutCsrf('unionT').get('/api/v1/cases')).status).toBe(200)
  })

  it('logout deletes the session row; the cookie no longer works', async () => {
    const res = await login(w, emailOf('workerT'), PASSWORD)
    const cookie = cookieOf(res).split(';')[0]!
    const secret = cookie.split('=')[1]!
    const out = await request(w.app).post('/api/v1/auth/logout').set('Cookie', cookie).set('X-Requested-With', 't')
    expect(out.status).toBe(204)
    expect(await w.db.prisma.session.findUnique({ where: { id: secretHash(secret) } })).toBeNull()
    expect((await request(w.app).get('/api/v1/auth/me').set('Cookie', cookie)).status).toBe(401)
    expect((await w.anon.post('/api/v1/auth/logout')).status).toBe(401)
  })

  it('a session expires after its lifetime', async () => {
    const res = await login(w, emailOf('workerT'), PASSWORD)
    const cookie = cookieOf(res).split(';')[0]!
    expect((await request(w.app).get('/api/v1/auth/me').set('Cookie', cookie)).status).toBe(200)
    const t0 = w.clock.now()
    w.clock.advance(12 * 3_600_000 + 1)
    expect((await request(w.app).get('/api/v1/auth/me').set('Cookie', cookie)).status).toBe(401)
    w.clock.set(t0) // the other sessions of this file stay valid
  })

  it('password change: checks the current password (400 with path), ends the other sessions, keeps this one', async () => {
    const a = cookieOf(await login(w, emailOf('unionH'), PASSWORD)).split(';')[0]!
    const b = cookieOf(await login(w, emailOf('unionH'), PASSWORD)).split(';')[0]!
    const change = (cookie: string, body: unknown) =>
      request(w.app).post('/api/v1/auth/password').set('Cookie', cookie).set('X-Requested-With', 't').send(body as object)
    const wrong = await change(a, { currentPassword: 'not it at all', newPassword: 'a brand new passphrase' })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error.details.issues[0].path).toBe('body.currentPassword')
    const short = await change(a, { currentPassword: PASSWORD, newPassword: 'short' })
    expect(short.status).toBe(400)
    expect(short.body.error.details.issues[0].path).toBe('body.newPassword')
    expect((await change(a, { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' })).status).toBe(204)
    expect((await request(w.app).get('/api/v1/auth/me').set('Cookie', a)).status).toBe(200)
    expect((await request(w.app).get('/api/v1/auth/me').set('Cookie', b)).status).toBe(401)
    expect((await login(w, emailOf('unionH'), PASSWORD)).status).toBe(401)
    expect((await login(w, emailOf('unionH'), 'a brand new passphrase')).status).toBe(200)
    // Restore for the other tests of this file.
    expect((await change(a, { currentPassword: 'a brand new passphrase', newPassword: PASSWORD })).status).toBe(204)
  })

  it('API tokens: created once (only the hash stored), used as Bearer, listed and revoked by their owner only', async () => {
    const created = await w.as('employerT').post('/api/v1/auth/tokens').send({ name: '人社系统对接', expiresInDays: 30 })
    expect(created.status).toBe(201)
    const token = created.body.token as string
    expect(token).toMatch(/^wp_[A-Za-z0-9_-]{43}$/)
    const row = await w.db.prisma.apiToken.findUnique({ where: { id: created.body.id } })
    expect(row?.tokenHash).toBe(secretHash(token))
    expect(JSON.stringify(row)).not.toContain(token)

    const me = await request(w.app).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`)
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({ via: 'token', user: { id: w.userIds.employerT } })
    // A bearer request needs no anti-CSRF header.
    const opened = await request(w.app)
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${token}`)
      .send({ enterpriseId: 'ent-tianhe', kind: 'wageAgreement', jurisdiction: 'national' })
    expect(opened.status).toBe(201)
    // A token cannot mint tokens or change the password.
    const mint = await request(w.app).post('/api/v1/auth/tokens').set('Authorization', `Bearer ${token}`).send({ name: 'x' })
    expect(mint.status).toBe(403)

    const list = await w.as('employerT').get('/api/v1/auth/tokens')
    expect(list.status).toBe(200)
    expect(list.body.items).toEqual([expect.objectContaining({ id: created.body.id, name: '人社系统对接', prefix: token.slice(0, 9) })])
    expect(JSON.stringify(list.body)).not.toContain(token)
    expect((await w.as('unionT').get('/api/v1/auth/tokens')).body.items).toEqual([])

    // Another user cannot revoke it (404); its owner can.
    expect((await w.as('unionT').delete(`/api/v1/auth/tokens/${created.body.id}`)).status).toBe(404)
    expect((await w.as('employerT').delete(`/api/v1/auth/tokens/${created.body.id}`)).status).toBe(204)
    expect((await w.db.prisma.apiToken.findUnique({ where: { id: created.body.id } }))?.revokedAt).not.toBeNull()
    const after = await request(w.app).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`)
    expect(after.status).toBe(401)
    expect((await request(w.app).get('/api/v1/auth/me').set('Authorization', 'Bearer wp_nonsense')).status).toBe(401)
    expect((await request(w.app).get('/api/v1/auth/me').set('Authorization', 'Basic abc')).status).toBe(401)
  })

  it('a token expires', async () => {
    const created = await w.as('employerT').post('/api/v1/auth/tokens').send({ name: 'short', expiresInDays: 1 })
    const token = created.body.token as string
    expect((await request(w.app).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(200)
    const t0 = w.clock.now()
    w.clock.advanceDays(1)
    expect((await request(w.app).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401)
    w.clock.set(t0)
  })

  it('an admin deactivating an account ends its sessions and stops its tokens', async () => {
    const token = (await w.as('employerH').post('/api/v1/auth/tokens').send({ name: 't' })).body.token as string
    const res = await w.as('admin').patch(`/api/v1/users/${w.userIds.employerH}`).send({ active: false })
    expect(res.status).toBe(200)
    expect(res.body.active).toBe(false)
    expect(await w.db.prisma.session.count({ where: { userId: w.userIds.employerH } })).toBe(0)
    expect((await w.as('employerH').get('/api/v1/auth/me')).status).toBe(401)
    expect((await request(w.app).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401)
    expect((await login(w, emailOf('employerH'), PASSWORD)).status).toBe(401)
  })
})
