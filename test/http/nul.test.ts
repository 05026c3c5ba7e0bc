/**
 * U+0000 cannot be stored in PostgreSQL text (SQLite would take it): refused at the edge on both databases, with the
 * field named, and nothing written. Found by the fuzz test (PATCH /enterprises with legalRepresentative "\u0000").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROVIDERS_UNDER_TEST } from '../support/databases.js'
import { createHttpWorld, ENTERPRISES } from '../support/http.js'

describe.each(PROVIDERS_UNDER_TEST)('NUL characters on %s', (provider) => {
  let w: Awaited<ReturnType<typeof createHttpWorld>>

  beforeAll(async () => {
    w = await createHttpWorld(provider)
  })
  afterAll(async () => {
    await w?.close()
  })

  it('a NUL in a body field, a nested key or a path parameter is a 400 naming it; the row is unchanged', async () => {
    const url = `/api/v1/enterprises/${ENTERPRISES.tianhe.id}`
    const before = (await w.as('admin').get(url)).body
    const r = await w.as('admin').patch(url).send({ legalRepresentative: '\u0000' })
    expect(r.status).toBe(400)
    expect(r.body.error.details.issues).toEqual([expect.objectContaining({ path: 'body.legalRepresentative', code: 'nul_character' })])
    const nested = await w.as('admin').patch(url).send({ address: { ['a\u0000']: 'x' } })
    expect(nested.status).toBe(400)
    expect(nested.body.error.details.issues[0]).toMatchObject({ path: 'body.address', code: 'nul_character' })
    const param = await w.as('admin').get('/api/v1/enterprises/x%00y')
    expect(param.status).toBe(400)
    expect(param.body.error.details.issues[0]).toMatchObject({ path: 'params.enterpriseId', code: 'nul_character' })
    expect((await w.as('admin').get(url)).body).toEqual(before)
  })

  it('a NUL in a web form is refused before any page handler', async () => {
    const r = await w.anon.post('/login').type('form').send('email=a%00b&password=x')
    expect(r.status).toBe(400)
    expect(r.headers['content-type']).toMatch(/text\/html/)
  })
})
