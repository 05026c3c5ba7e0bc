import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { createHttpWorld, creditCode, emailOf, PASSWORD } from '../support/http.js'

const enterpriseBody = (code: string, regionCode = '440106') => ({
  creditCode: code,
  name: '广州市天河新材料有限公司',
  regionCode,
  industryCode: 'C2651',
  headcount: 180,
  hasUnion: false,
  legalRepresentative: '周建华',
})

describe.each(PROVIDERS_UNDER_TEST)('HTTP reference data on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>

  beforeAll(async () => {
    w = await createHttpWorld(provider)
  })
  afterAll(async () => {
    await w?.close()
  })

  describe('regions', () => {
    it('GET /regions: the GB/T 2260 tree; under= a subtree; 401 anonymous; 400 on a bad code', async () => {
      const all = await w.as('workerT').get('/api/v1/regions')
      expect(all.status).toBe(200)
      expect(all.body.items.map((r: { code: string }) => r.code)).toEqual(['330000', '440000'])
      const gd = all.body.items[1]
      expect(gd.children[0]).toMatchObject({ code: '440100', children: [{ code: '440105' }, { code: '440106' }] })
      const sub = await w.as('workerT').get('/api/v1/regions?under=440100')
      expect(sub.body.items).toEqual([expect.objectContaining({ code: '440100', children: expect.any(Array) })])
      expect((await w.anon.get('/api/v1/regions')).status).toBe(401)
      const bad = await w.as('workerT').get('/api/v1/regions?under=44')
      expect(bad.status).toBe(400)
      expect(bad.body.error.details.issues[0].path).toBe('query.under')
    })

    it('GET /regions/:code: ancestors and children; 404 unknown', async () => {
      const r = await w.as('unionT').get('/api/v1/regions/440106')
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({ code: '440106', name: '天河区', ancestors: [{ code: '440000' }, { code: '440100' }], children: [] })
      expect((await w.as('unionT').get('/api/v1/regions/440199')).status).toBe(404)
    })

    it('POST /regions: admins only; the parent must exist; duplicates 409', async () => {
      const body = { code: '440104', name: '越秀区', nameEn: 'Yuexiu District', level: 'county', parentCode: '440100' }
      expect((await w.as('bureauGuangzhou').post('/api/v1/regions').send(body)).status).toBe(403)
      const created = await w.as('admin').post('/api/v1/regions').send(body)
      expect(created.status).toBe(201)
      expect(await w.db.prisma.region.findUnique({ where: { code: '440104' } })).toMatchObject({ parentCode: '440100', name: '越秀区' })
      expect((await w.as('admin').post('/api/v1/regions').send(body)).status).toBe(409)
      const orphan = await w.as('admin').post('/api/v1/regions').send({ ...body, code: '450101', parentCode: '450100' })
      expect(orphan.status).toBe(400)
      expect(orphan.body.error.details.issues[0].path).toBe('body.parentCode')
      expect(await w.db.prisma.region.findUnique({ where: { code: '450101' } })).toBeNull()
    })
  })

  describe('enterprises', () => {
    it('POST /enterprises: GB 32100 check (400 with path and a bilingual reason), existing region, 201 and the row', async () => {
      const good = creditCode('440106', 1)
      const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0')
      const wrong = await w.as('admin').post('/api/v1/enterprises').send(enterpriseBody(bad))
      expect(wrong.status).toBe(400)
      expect(wrong.body.error.details.issues[0]).toMatchObject({ path: 'body.creditCode' })
      expect(wrong.body.error.message.zh).toMatch(/校验码错误/)
      const noRegion = await w.as('admin').post('/api/v1/enterprises').send(enterpriseBody(good, '440199'))
      expect(noRegion.status).toBe(400)
      expect(noRegion.body.error.details.issues[0].path).toBe('body.regionCode')
      const missing = await w.as('admin').post('/api/v1/enterprises').send({ creditCode: good })
      expect(missing.status).toBe(400)
      expect(missing.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(
        expect.arrayContaining(['body.name', 'body.regionCode', 'body.industryCode', 'body.headcount', 'body.hasUnion']),
      )
      const created = await w.as('admin').post('/api/v1/enterprises').send(enterpriseBody(good))
      expect(created.status).toBe(201)
      expect(created.body).toMatchObject({ creditCode: good, regionCode: '440106', hasUnion: false, address: null })
      const row = await w.db.prisma.enterprise.findUnique({ where: { id: created.body.id } })
      expect(row).toMatchObject({ creditCode: good, name: '广州市天河新材料有限公司', headcount: 180 })
      const dup = await w.as('admin').post('/api/v1/enterprises').send(enterpriseBody(good))
      expect(dup.status).toBe(409)
      expect(dup.body.error.code).toBe('ALREADY_EXISTS')
    })

    it('POST /enterprises: a bureau registers in its region and sub-regions only; negotiators may not; 401 anonymous', async () => {
      const before = await w.db.prisma.enterprise.count()
      expect((await w.as('bureauGuangzhou').post('/api/v1/enterprises').send(enterpriseBody(creditCode('440105', 2), '440105'))).status).toBe(201)
      const outside = await w.as('bureauTianhe').post('/api/v1/enterprises').send(enterpriseBody(creditCode('440105', 3), '440105'))
      expect(outside.status).toBe(403)
      expect((await w.as('unionT').post('/api/v1/enterprises').send(enterpriseBody(creditCode('440106', 4)))).status).toBe(403)
      expect((await w.anon.post('/api/v1/enterprises').send(enterpriseBody(creditCode('440106', 5)))).status).toBe(401)
      expect(await w.db.prisma.enterprise.count()).toBe(before + 1)
    })

    it('GET /enterprises: filtered by scope (own enterprise; bureau region incl. sub-regions; admin all) and by region/name', async () => {
      const ids = async (user: Parameters<typeof w.as>[0], query = '') =>
        ((await w.as(user).get(`/api/v1/enterprises${query}`)).body.items as { id: string }[]).map((e) => e.id)
      expect(await ids('unionT')).toEqual(['ent-tianhe'])
      expect(await ids('workerT')).toEqual(['ent-tianhe'])
      expect(await ids('unionX')).toEqual(['ent-xihu'])
      expect(await ids('nobody')).toEqual([])
      const gz = await ids('bureauGuangzhou')
      expect(gz).toEqual(expect.arrayContaining(['ent-tianhe', 'ent-haizhu']))
      expect(gz).not.toContain('ent-xihu')
      expect(await ids('bureauTianhe')).not.toContain('ent-haizhu')
      expect(await ids('bureauZhejiang')).toEqual(['ent-xihu'])
      const all = await w.as('admin').get('/api/v1/enterprises?limit=200')
      expect(all.body.total).toBe(await w.db.prisma.enterprise.count())
      expect(await ids('admin', '?regionCode=440100')).not.toContain('ent-xihu')
      expect(await ids('admin', '?regionCode=330000')).toEqual(['ent-xihu'])
      expect(await ids('admin', `?q=${encodeURIComponent('海珠')}`)).toEqual(['ent-haizhu'])
      // A filter cannot widen the scope.
      expect(await ids('bureauTianhe', '?regionCode=330000')).toEqual([])
      const bad = await w.as('admin').get('/api/v1/enterprises?limit=0&hasUnion=maybe')
      expect(bad.status).toBe(400)
      expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['query.hasUnion', 'query.limit'])
    })

    it('GET /enterprises/:id: 404 (not 403) for an enterprise outside the caller’s scope', async () => {
      expect((await w.as('unionT').get('/api/v1/enterprises/ent-tianhe')).status).toBe(200)
      expect((await w.as('bureauGuangzhou').get('/api/v1/enterprises/ent-tianhe')).status).toBe(200)
      for (const user of ['unionH', 'bureauZhejiang', 'nobody'] as const) {
        const res = await w.as(user).get('/api/v1/enterprises/ent-tianhe')
        expect(res.status).toBe(404)
        expect(JSON.stringify(res.body)).not.toContain('天河精工')
      }
      expect((await w.as('unionT').get('/api/v1/enterprises/no-such')).status).toBe(404)
    })

    it('PATCH /enterprises/:id: admin and the bureau of the region; not into another region; the row changes', async () => {
      const res = await w.as('bureauTianhe').patch('/api/v1/enterprises/ent-tianhe').send({ headcount: 450, address: '科韵路 18 号' })
      expect(res.status).toBe(200)
      expect(await w.db.prisma.enterprise.findUnique({ where: { id: 'ent-tianhe' } })).toMatchObject({ headcount: 450, address: '科韵路 18 号' })
      expect((await w.as('bureauTianhe').patch('/api/v1/enterprises/ent-tianhe').send({ regionCode: '440105' })).status).toBe(403)
      expect((await w.as('unionT').patch('/api/v1/enterprises/ent-tianhe').send({ headcount: 1 })).status).toBe(403)
      expect((await w.as('bureauZhejiang').patch('/api/v1/enterprises/ent-tianhe').send({ headcount: 1 })).status).toBe(404)
      const bad = await w.as('admin').patch('/api/v1/enterprises/ent-tianhe').send({ creditCode: 'X' })
      expect(bad.status).toBe(400)
      expect(bad.body.error.details.issues[0].code).toBe('unrecognized_keys')
      expect((await w.as('admin').patch('/api/v1/enterprises/ent-tianhe').send({})).status).toBe(400)
      expect((await w.db.prisma.enterprise.findUnique({ where: { id: 'ent-tianhe' } }))?.headcount).toBe(450)
    })
  })

  describe('users and memberships (admin)', () => {
    it('POST /users: admins only; validates memberships; the account can sign in', async () => {
      const body = {
        email: 'New.Negotiator@Test.example',
        displayName: '新协商代表',
        password: 'a long enough password',
        memberships: [{ role: 'unionNegotiator', enterpriseId: 'ent-haizhu' }],
      }
      expect((await w.as('bureauGuangzhou').post('/api/v1/users').send(body)).status).toBe(403)
      const bad = await w.as('admin').post('/api/v1/users').send({ ...body, memberships: [{ role: 'bureauReviewer' }, { role: 'unionNegotiator', regionCode: '440106' }] })
      expect(bad.status).toBe(400)
      expect(bad.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(
        expect.arrayContaining(['body.memberships.0.regionCode', 'body.memberships.1.enterpriseId', 'body.memberships.1.regionCode']),
      )
      const unknownEnterprise = await w.as('admin').post('/api/v1/users').send({ ...body, memberships: [{ role: 'unionNegotiator', enterpriseId: 'nope' }] })
      expect(unknownEnterprise.status).toBe(400)
      expect(unknownEnterprise.body.error.details.issues[0].path).toBe('body.memberships.0.enterpriseId')
      expect(await w.db.prisma.user.count({ where: { email: 'new.negotiator@test.example' } })).toBe(0)

      const created = await w.as('admin').post('/api/v1/users').send(body)
      expect(created.status).toBe(201)
      expect(created.body).toMatchObject({ email: 'new.negotiator@test.example', memberships: [{ role: 'unionNegotiator', enterpriseId: 'ent-haizhu' }] })
      expect(JSON.stringify(created.body)).not.toMatch(/password/i)
      const row = await w.db.prisma.user.findUnique({ where: { id: created.body.id } })
      expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
      expect((await w.as('admin').post('/api/v1/users').send(body)).status).toBe(409)
      const login = await w.anon.post('/api/v1/auth/login').set('X-Requested-With', 't').send({ email: body.email, password: body.password })
      expect(login.status).toBe(200)
    })

    it('GET /users (filter by role) and /users/:id; 403 for non-admins; 404 unknown', async () => {
      const list = await w.as('admin').get('/api/v1/users?role=bureauReviewer')
      expect(list.status).toBe(200)
      expect(list.body.items.map((u: { email: string }) => u.email).sort()).toEqual(
        [emailOf('bureauGuangzhou'), emailOf('bureauTianhe'), emailOf('bureauZhejiang')].sort(),
      )
      expect((await w.as('unionT').get('/api/v1/users')).status).toBe(403)
      expect((await w.as('admin').get(`/api/v1/users/${w.userIds.unionT}`)).body.email).toBe(emailOf('unionT'))
      expect((await w.as('admin').get('/api/v1/users/nope')).status).toBe(404)
    })

    it('memberships: grant (the new scope applies at once), duplicate 409, revoke', async () => {
      const grant = await w.as('admin').post(`/api/v1/users/${w.userIds.nobody}/memberships`).send({ role: 'bureauReviewer', regionCode: '330000' })
      expect(grant.status).toBe(201)
      expect((await w.as('nobody').get('/api/v1/enterprises/ent-xihu')).status).toBe(200)
      expect((await w.as('admin').post(`/api/v1/users/${w.userIds.nobody}/memberships`).send({ role: 'bureauReviewer', regionCode: '330000' })).status).toBe(409)
      expect((await w.as('admin').post(`/api/v1/users/nope/memberships`).send({ role: 'admin' })).status).toBe(404)
      const revoke = await w.as('admin').delete(`/api/v1/users/${w.userIds.nobody}/memberships/${grant.body.id}`)
      expect(revoke.status).toBe(204)
      expect(await w.db.prisma.roleMembership.count({ where: { userId: w.userIds.nobody } })).toBe(0)
      expect((await w.as('nobody').get('/api/v1/enterprises/ent-xihu')).status).toBe(404)
      expect((await w.as('admin').delete(`/api/v1/users/${w.userIds.nobody}/memberships/${grant.body.id}`)).status).toBe(404)
    })

    it('PATCH /users/:id resets a password (the old one stops working)', async () => {
      const user = await w.as('admin').post('/api/v1/users').send({ email: 'reset@test.example', displayName: 'r', password: PASSWORD })
      expect((await w.as('admin').patch(`/api/v1/users/${user.body.id}`).send({ password: 'another long password' })).status).toBe(200)
      const old = await w.anon.post('/api/v1/auth/login').set('X-Requested-With', 't').send({ email: 'reset@test.example', password: PASSWORD })
      expect(old.status).toBe(401)
    })
  })
})
