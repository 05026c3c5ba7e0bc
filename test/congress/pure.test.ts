/** Pure parts of the congress module: credential spellings, sealing, the tally under each threshold, composition. */
import crypto from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compositionWarnings } from '../../src/congress/composition.js'
import {
  credentialHash,
  credentialHashOf,
  fromBase32,
  newCredential,
  newReceipt,
  openSealedToken,
  parseCredential,
  receiptHash,
  sealToken,
  toBase32,
} from '../../src/congress/credentials.js'
import { certifiedEvent, computeResult, type TTallyInput } from '../../src/congress/tally.js'
import { AppError } from '../../src/errors/app-error.js'

describe('credentials', () => {
  it('base32 round-trips any bytes, and both spellings of a credential give the same hash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (arr) => {
        const bytes = Buffer.from(arr)
        expect(fromBase32(toBase32(bytes), 16)).toEqual(bytes)
        const link = bytes.toString('base64url')
        const paper = toBase32(bytes).match(/.{1,4}/g)!.join('-')
        expect(parseCredential(link)).toEqual(bytes)
        expect(parseCredential(paper.toLowerCase())).toEqual(bytes)
        expect(credentialHashOf(` ${paper.replace(/-/g, ' ')} `)).toBe(credentialHash(bytes))
      }),
    )
  })

  it('has 128 random bits, reads look-alike characters on paper, and rejects malformed input', () => {
    const c = newCredential()
    expect(Buffer.from(c.token, 'base64url')).toHaveLength(16)
    expect(c.code).toHaveLength(26 + 6)
    const typed = c.code.replace(/1/g, 'l').replace(/0/g, 'O')
    expect(credentialHashOf(typed)).toBe(c.hash)
    expect(parseCredential('not a credential')).toBeUndefined()
    expect(parseCredential(c.code.slice(0, -1))).toBeUndefined()
    expect(parseCredential(c.code.slice(0, -1) + 'U')).toBeUndefined() // U is not in the alphabet
    // The last character carries 3 bits and 2 zero padding bits: a set padding bit is refused.
    const bits = toBase32(Buffer.alloc(16))
    expect(fromBase32(bits.slice(0, -1) + '1', 16)).toBeUndefined()
  })

  it('seals a credential for the mail worker, bound to its credential id', () => {
    const key = crypto.randomBytes(32)
    const c = newCredential()
    const sealed = sealToken(key, c.token, 'cred-1')
    expect(sealed).not.toContain(c.token)
    expect(openSealedToken(key, sealed, 'cred-1')).toEqual({ token: c.token, code: c.code })
    expect(() => openSealedToken(key, sealed, 'cred-2')).toThrow()
    expect(() => openSealedToken(crypto.randomBytes(32), sealed, 'cred-1')).toThrow()
  })

  it('receipt codes are 80 bits, hashed whatever their case', () => {
    const r = newReceipt()
    expect(r.code).toMatch(/^([0-9A-Z]{4}-){3}[0-9A-Z]{4}$/)
    expect(receiptHash(r.code.toLowerCase())).toBe(r.hash)
    expect(receiptHash('ABC')).toBeUndefined()
  })
})

const tally = (over: Partial<TTallyInput> & { agree: number; disagree?: number; abstain?: number }): TTallyInput => {
  const { agree, disagree = 0, abstain = 0, ...rest } = over
  const ballots = agree + disagree + abstain
  return {
    jurisdiction: 'national',
    kind: 'wageAgreement',
    body: 'workersCongress',
    totalSeats: 60,
    present: ballots,
    items: [{ id: 'draft', title: '草案' }],
    online: [
      { itemId: 'draft', choice: 'agree', count: agree },
      { itemId: 'draft', choice: 'disagree', count: disagree },
      { itemId: 'draft', choice: 'abstain', count: abstain },
    ],
    paper: null,
    ballotsOnline: ballots,
    ballotsPaper: 0,
    receiptHashes: Array.from({ length: ballots }, (_, i) => `h${String(i).padStart(3, '0')}`),
    now: '2026-04-01T10:00:00.000Z',
    ...rest,
  }
}

describe('tally (JHR 36: against ALL seats)', () => {
  it('60 seats: 40 present is quorate, 39 is not', () => {
    expect(computeResult(tally({ agree: 30, disagree: 10 })).quorum).toMatchObject({ ok: true, required: 40, actual: 40 })
    expect(computeResult(tally({ agree: 30, disagree: 9 })).quorum).toMatchObject({ ok: false, actual: 39 })
    expect(computeResult(tally({ agree: 35, disagree: 4 })).passed).toBe(false)
  })

  it('60 seats: 30 agree passes under 半数以上 (national) and fails under 过半数 (Zhejiang); 31 passes both', () => {
    const national = computeResult(tally({ agree: 30, disagree: 10 }))
    expect(national).toMatchObject({ passed: true, thresholdRule: 'atLeastHalf', thresholdArticle: 'JHR 36; CC 1259' })
    const zhejiang = computeResult(tally({ agree: 30, disagree: 10, jurisdiction: 'zhejiang' }))
    expect(zhejiang).toMatchObject({ passed: false, thresholdRule: 'moreThanHalf', thresholdArticle: 'Zhejiang 24' })
    expect(zhejiang.items[0]!.threshold).toMatchObject({ required: 31, actual: 30 })
    expect(computeResult(tally({ agree: 31, disagree: 9, jurisdiction: 'zhejiang' })).passed).toBe(true)
  })

  it('passes exactly when quorate and every item has enough agree votes, for any counts (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('national', 'zhejiang', 'shanghai'),
        (seats, raw, jurisdiction) => {
          const ballots = Math.min(seats, raw[0]![0] % (seats + 1))
          const split = raw.map(([a, b]) => {
            const agree = a % (ballots + 1)
            const disagree = b % (ballots - agree + 1)
            return { agree, disagree, abstain: ballots - agree - disagree }
          })
          const items = split.map((_, i) => ({ id: `i${i}`, title: `事项${i}` }))
          const r = computeResult({
            ...tally({ agree: 0, jurisdiction }),
            totalSeats: seats,
            present: ballots,
            items,
            online: split.flatMap((s, i) => (['agree', 'disagree', 'abstain'] as const).map((choice) => ({ itemId: `i${i}`, choice, count: s[choice] }))),
            ballotsOnline: ballots,
            receiptHashes: Array.from({ length: ballots }, (_, i) => `h${i}`),
          })
          const strict = jurisdiction === 'zhejiang'
          const quorate = ballots * 3 >= seats * 2
          const passes = (agree: number) => (strict ? agree * 2 > seats : agree * 2 >= seats)
          expect(r.quorate).toBe(quorate)
          expect(r.passed).toBe(quorate && split.every((s) => passes(s.agree)))
          const decisive = r.items.find((i) => i.itemId === r.decisiveItemId)!
          expect(decisive.agree).toBe(Math.min(...split.map((s) => s.agree)))
          // The event's top-level counts decide the same way as the items (what the machine reads).
          const event = certifiedEvent({ id: 's', heldOn: '2026-04-01', body: 'workersCongress', totalSeats: seats }, r)
          expect(quorate && passes(event.yes)).toBe(r.passed)
        },
      ),
    )
  })

  it('refuses to certify a box whose counts do not match its ballots (lost or double counted)', () => {
    const broken = tally({ agree: 30, disagree: 10 })
    broken.online[0]!.count = 31
    expect(() => computeResult(broken)).toThrow(AppError)
    const missingReceipt = tally({ agree: 30, disagree: 10 })
    missingReceipt.receiptHashes.pop()
    expect(() => computeResult(missingReceipt)).toThrow(/receipts/)
  })
})

describe('composition warnings', () => {
  const reps = (n: number, managers: number, women = 0) =>
    Array.from({ length: n }, (_, i) => ({ isManager: i < managers, isWoman: i < women, isFrontLine: true }))

  it('managers above 20% in Shanghai and Zhejiang (also Hangzhou, Ningbo), not nationally', () => {
    for (const j of ['shanghai', 'zhejiang', 'hangzhou', 'ningbo']) {
      expect(compositionWarnings({ jurisdiction: j, body: 'workersCongress', totalSeats: 30, active: reps(30, 7) }).map((w) => w.code)).toEqual([
        'TOO_MANY_MANAGERS',
      ])
      expect(compositionWarnings({ jurisdiction: j, body: 'workersCongress', totalSeats: 30, active: reps(30, 6) })).toEqual([])
    }
    expect(compositionWarnings({ jurisdiction: 'national', body: 'workersCongress', totalSeats: 30, active: reps(30, 20) })).toEqual([])
  })

  it('congress size by workforce (Zhejiang 10) and the all-staff assembly below 100 staff (Zhejiang 7)', () => {
    const size = (staffCount: number, totalSeats: number) =>
      compositionWarnings({ jurisdiction: 'zhejiang', body: 'workersCongress', totalSeats, staffCount, active: reps(totalSeats, 0) }).map((w) => w.code)
    expect(size(99, 29)).toEqual(['TOO_FEW_SEATS'])
    expect(size(99, 30)).toEqual([])
    expect(size(450, 61)).toEqual([]) // 40 + 7 × floor(350 / 100)
    expect(size(450, 60)).toEqual(['TOO_FEW_SEATS'])
    expect(size(2_500, 120)).toEqual([]) // 100 + 20 × floor(1500 / 1000)
    expect(size(2_500, 119)).toEqual(['TOO_FEW_SEATS'])
    expect(size(6_000, 199)).toEqual(['TOO_FEW_SEATS'])
    const assembly = compositionWarnings({ jurisdiction: 'zhejiang', body: 'allStaffAssembly', totalSeats: 120, staffCount: 120, active: reps(120, 0) })
    expect(assembly.map((w) => [w.code, w.article])).toEqual([['ASSEMBLY_NOT_ALLOWED_FOR_SIZE', 'Zhejiang 企业民主管理条例 7']])
  })

  it('women below their staff share: guidance flagged unverified', () => {
    const w = compositionWarnings({
      jurisdiction: 'national',
      body: 'workersCongress',
      totalSeats: 30,
      staffCount: 300,
      womenStaffCount: 150,
      active: reps(30, 0, 10),
    })
    expect(w).toEqual([expect.objectContaining({ code: 'WOMEN_UNDERREPRESENTED', unverified: true })])
  })
})
