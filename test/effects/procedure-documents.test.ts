/**
 * The documents of the procedure's side branches and of the contract in force, mapped from the walked case through
 * the pure machine (no database) and rendered: the request to intervene (JHR 56), the application for coordination
 * (JHR 49), the publication notice (JHR 48), the renewal request (JHR 38) and the requests to amend or rescind
 * (JHR 39-41). Read back with pdftotext; what the case does not record is reported, not invented.
 */
import { describe, expect, it } from 'vitest'
import { renderDocument, type TDocumentInputs } from '../../src/documents/index.js'
import { planDocument, rendererOfKind } from '../../src/effects/document-data/index.js'
import { caseSources, type TCaseSources } from '../../src/effects/document-data/sources.js'
import { MissingCaseFactsError } from '../../src/effects/errors.js'
import { negotiationDocumentKinds } from '../../workflows/negotiation/effects.js'
import { negotiationMachine } from '../../workflows/negotiation/machine.js'
import { ZNegotiationEventSchema } from '../../workflows/negotiation/events.js'
import { walkSources, type TWalkOptions } from '../support/case-walk.js'
import { pdfPages, qpdfCheck, squash, writePdf } from '../documents/pdf-tools.js'

type TExtra = { type: string; [k: string]: unknown }

/** The walk up to `until`, then `extra` events (parsed by the machine's schema), as document sources. */
function walkThen(opts: TWalkOptions, extra: readonly TExtra[]): TCaseSources & { last: number } {
  const { seqs: _seqs, contextAt: _c, ...base } = walkSources(opts)
  const log = [...base.log]
  let t = Date.parse(String(log.at(-1)!.payload['at']))
  for (const e of extra) {
    t += 60_000
    log.push({ seq: log.length + 1, type: e.type, payload: ZNegotiationEventSchema.parse({ ...e, at: new Date(t).toISOString() }) as Record<string, unknown> })
  }
  const sources = caseSources({ machine: negotiationMachine }, { ...base, log })
  return { ...sources, last: log.length }
}

async function textOf(name: string, plan: ReturnType<typeof planDocument>): Promise<string> {
  const bytes = await renderDocument(plan.renderer, plan.input as never)
  const file = writePdf(name, bytes)
  expect(qpdfCheck(file).status).toBe(0)
  return squash(pdfPages(file).join('\n'))
}

const requested: TExtra = { type: 'intervention.requested', requestedOn: '2026-06-02', reason: '企业方无正当理由拒绝协商，请求劳动保障行政部门依法处理。' }
const meeting = { proposedTime: '2026年11月2日下午2时30分', proposedPlace: '公司行政楼三楼第一会议室' }
const published = (side: 'worker' | 'employer', on: string): TExtra => ({ type: 'agreement.published', side, publishedOn: on, channel: '厂务公开栏' })

describe('machine kinds without a template', () => {
  it('every document kind the machine emits now has a renderer', () => {
    expect(negotiationDocumentKinds.filter((k) => !rendererOfKind[k])).toEqual([])
  })
})

describe('interventionRequest (JHR 56)', () => {
  it('after a written refusal: states the refusal and its reason, cites JHR 56 and TUL 54', async () => {
    const s = walkThen({ until: 'requested' }, [{ type: 'request.refused', answeredOn: '2026-05-20', reason: '本年度经营困难，暂不协商。' }, requested])
    const plan = planDocument(s, 'interventionRequest', s.last)
    expect(plan).toMatchObject({ renderer: 'interventionRequest', title: '请求劳动保障行政部门处理的申请书' })
    const input = plan.input as TDocumentInputs['interventionRequest']
    expect(input).toMatchObject({
      requestingSide: 'worker',
      answer: { kind: 'refused', date: '2026-05-20', reason: '本年度经营困难，暂不协商。' },
      request: { sentDate: '2026-05-06', receivedDate: '2026-05-07', topics: ['劳动报酬'] },
      applicationDate: '2026-06-02',
      documentDate: '2026-06-02',
    })
    expect(input.bureau.name).toMatch(/人力资源和社会保障局$/)
    const text = await textOf('intervention-refused', plan)
    for (const s of [
      '关于请求处理拒绝工资集体协商问题的申请书',
      '于2026年5月20日书面答复拒绝协商，所述理由为：“本年度经营困难，暂不协商。”',
      '《集体合同规定》第五十六条、《中华人民共和国工会法》第五十四条',
      '企业方无正当理由拒绝协商',
      '2026年6月2日',
    ])
      expect(text).toContain(squash(s))
  })

  it('after no reply within the period: states the jurisdiction’s reply period', async () => {
    const s = walkThen({ until: 'requested' }, [{ type: 'deadline.elapsed', kind: 'requestReply', dueAt: '2026-05-27T15:59:59.000Z' }, requested])
    const plan = planDocument(s, 'interventionRequest', s.last)
    expect((plan.input as TDocumentInputs['interventionRequest']).answer).toEqual({ kind: 'noReply' })
    const text = await textOf('intervention-no-reply', plan)
    expect(text).toContain(squash('自收到要约书之日起20日内未以书面形式予以回应'))
    expect(text).not.toContain('拒绝协商，所述理由为')
  })

  it('a refusal by the worker side is measured against JHR 32 only (JHR 56 concerns the employer)', async () => {
    const s = walkThen({ until: 'requested' }, [{ type: 'request.refused', answeredOn: '2026-05-20', reason: '理由' }, requested])
    const input = planDocument(s, 'interventionRequest', s.last).input as TDocumentInputs['interventionRequest']
    const text = squash(pdfPages(writePdf('intervention-employer', await renderDocument('interventionRequest', { ...input, requestingSide: 'employer' }))).join('\n'))
    expect(text).toContain('申请人（企业方）')
    expect(text).not.toContain('工会法')
  })
})

describe('coordinationApplication (JHR 49)', () => {
  it('lists the rounds held, the disputed items and the reason; the applicant signs', async () => {
    const roundsCase = walkSources({ until: 'rounds' })
    const roundSeq = Object.entries(roundsCase.seqs).find(([k]) => k.startsWith('round.held'))![1]
    const base = walkThen({ until: 'rounds' }, [])
    // The application after the first round (the walk agrees at its last round; stop after round 1).
    const { contextAt: _c, ...rest } = base
    const cut = caseSources({ machine: negotiationMachine }, { ...rest, log: base.log.filter((e) => e.seq <= roundSeq) })
    const log = [...cut.log, { seq: roundSeq + 1, type: 'coordination.requested', payload: ZNegotiationEventSchema.parse({ type: 'coordination.requested', requestedOn: '2026-06-01', by: 'worker', reason: '双方对工资增长幅度分歧较大，协商陷入僵局。', disputedItems: ['平均工资增长幅度'], at: '2026-06-01T02:00:00.000Z' }) as Record<string, unknown> }]
    const applied = caseSources({ machine: negotiationMachine }, { ...rest, log })
    const plan = planDocument(applied, 'coordinationApplication', roundSeq + 1)
    const input = plan.input as TDocumentInputs['coordinationApplication']
    expect(input).toMatchObject({ applicant: 'worker', disputedItems: ['平均工资增长幅度'], reasons: ['双方对工资增长幅度分歧较大，协商陷入僵局。'], applicationDate: '2026-06-01' })
    expect(input.rounds).toHaveLength(1)
    const text = await textOf('coordination-application', plan)
    for (const x of ['工资集体协商争议协调处理申请书', '申请人（职工方）', '共举行一次协商会议', '（一）平均工资增长幅度', '《集体合同规定》第四十九条', '2026年6月1日']) expect(text).toContain(squash(x))
  })
})

describe('the contract in force', () => {
  const effective = walkThen({}, [published('worker', '2026-07-12')])

  it('publicationNotice: how and when the contract took effect, its term and its main points (JHR 48, GZ 23)', async () => {
    const plan = planDocument(effective, 'publicationNotice', effective.last)
    const input = plan.input as TDocumentInputs['publicationNotice']
    const a = effective.contextAt(effective.last).agreement!
    expect(input).toMatchObject({
      publishingSide: 'worker',
      channel: '厂务公开栏',
      publishedDate: '2026-07-12',
      effectiveBy: 'noObjectionOpinion',
      contract: { title: a.title, effectiveDate: a.effectiveOn, term: { start: a.termStartsOn, end: a.expiresOn } },
    })
    expect(input.highlights?.length).toBeGreaterThan(0)
    const text = await textOf('publication-notice', plan)
    expect(text).toContain(squash('关于公布工资专项集体合同的通知'))
    expect(text).toContain(squash(`本合同自${a.effectiveOn.slice(0, 4)}年${Number(a.effectiveOn.slice(5, 7))}月${Number(a.effectiveOn.slice(8))}日起生效（《工资集体协商试行办法》第二十二条）`))
    expect(text).toContain(squash('厂务公开栏'))
    expect(text).toContain(squash('工会委员会（盖章）'))
  })

  it('publicationNotice of a collective contract in force by deemed approval cites JHR 47', async () => {
    const input = planDocument(effective, 'publicationNotice', effective.last).input as TDocumentInputs['publicationNotice']
    const bytes = await renderDocument('publicationNotice', { ...input, agreementType: 'collective', effectiveBy: 'deemedApproval' })
    const text = squash(pdfPages(writePdf('publication-collective', bytes)).join('\n'))
    expect(text).toContain(squash('15日内未提出异议，本合同自'))
    expect(text).toContain(squash('起即行生效（《集体合同规定》第四十七条）'))
    expect(text).not.toContain('第二十三条')
  })

  it('renewalRequest: within the renewal window, naming the contract and its expiry (JHR 38, GZ 24)', async () => {
    const a = effective.contextAt(effective.last).agreement!
    const s = walkThen({}, [
      published('worker', '2026-07-12'),
      { type: 'deadline.elapsed', kind: 'renewalWindow', dueAt: '2027-05-01T16:00:00.000Z' },
      { type: 'renewal.requested', by: 'worker', sentOn: '2027-05-10', content: '就2027年度工资调整事项续订工资专项集体合同。' },
    ])
    const plan = planDocument(s, 'renewalRequest', s.last)
    expect(plan.input).toMatchObject({ requestingSide: 'worker', content: ['就2027年度工资调整事项续订工资专项集体合同。'], sentDate: '2027-05-10' })
    const text = await textOf('renewal-request', plan)
    expect(text).toContain(squash('续订工资专项集体合同要求书'))
    expect(text).toContain(squash(`将于${Number(a.expiresOn.slice(0, 4))}年${Number(a.expiresOn.slice(5, 7))}月${Number(a.expiresOn.slice(8))}日期满`))
    expect(text).toContain(squash('《集体合同规定》第三十八条、《工资集体协商试行办法》第二十四条'))
  })

  it('amendmentRequest and terminationRequest: the ground (JHR 40), the proposed meeting and the contract in force', async () => {
    for (const [type, kind, ground, groundText] of [
      ['amendment.requested', 'amendmentRequest', 'lawChanged', '合同所依据的法律、法规、规章发生变化（《集体合同规定》第四十条第四项）'],
      ['termination.requested', 'terminationRequest', 'mergerDissolutionBankruptcy', '企业因被兼并、解散、破产等原因，致使合同无法履行（《集体合同规定》第四十条第一项）'],
    ] as const) {
      const s = walkThen({}, [published('worker', '2026-07-12'), { type, by: 'employer', sentOn: '2026-10-20', ...meeting, content: '要求调整企业最低工资标准。', ground }])
      const plan = planDocument(s, kind, s.last)
      expect(plan.renderer).toBe(kind)
      expect(plan.input).toMatchObject({ requestingSide: 'employer', ground, proposedDate: '2026-11-02', proposedTime: '14:30', sentDate: '2026-10-20' })
      const text = await textOf(kind, plan)
      expect(text).toContain(squash(groundText))
      expect(text).toContain(squash('协商时间：2026年11月2日14时30分'))
      expect(text).toContain(squash('（《集体合同规定》第四十一条）'))
    }
  })

  it('reports a missing proposed date instead of inventing one', () => {
    const s = walkThen({}, [published('worker', '2026-07-12'), { type: 'amendment.requested', by: 'employer', sentOn: '2026-10-20', proposedTime: '另行商定', proposedPlace: '会议室', content: '变更。', ground: 'mutualAgreement' }])
    expect(() => planDocument(s, 'amendmentRequest', s.last)).toThrow(MissingCaseFactsError)
  })
})

describe('an agreement whose term has no start date yet (JHR 38; GZ 7(1))', () => {
  /** The walk with the term agreed as a length only: no termStartsOn on the draft, no startsOn in the term clause. */
  function withoutStart(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutStart)
    if (value === null || typeof value !== 'object') return value
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      if (k === 'termStartsOn' || (k === 'startsOn' && (value as { kind?: unknown }).kind === 'term')) continue
      out[k] = withoutStart(v)
    }
    return out
  }
  const { seqs, contextAt: _c, ...base } = walkSources({})
  const s = caseSources({ machine: negotiationMachine }, { ...base, log: base.log.map((e) => ({ ...e, payload: withoutStart(e.payload) as Record<string, unknown> })) })

  it('prints the term as N months counted from the day the contract takes effect, in the draft, the signed text and the filing package', async () => {
    expect(s.contextAt(seqs['draft.agreed']!).draft).toMatchObject({ termMonths: 12 })
    expect(s.contextAt(seqs['draft.agreed']!).draft!.termStartsOn).toBeUndefined()
    const draft = planDocument(s, 'draft', seqs['draft.agreed']!)
    expect((draft.input as TDocumentInputs['wageAgreement']).term).toEqual({ months: 12 })
    const signed = planDocument(s, 'agreement', seqs['agreement.signed']!)
    const draftBytes = await renderDocument(draft.renderer, draft.input as never)
    const signedBytes = await renderDocument(signed.renderer, signed.input as never)
    expect(signedBytes.equals(draftBytes)).toBe(true)
    const text = squash(pdfPages(writePdf('draft-without-start', draftBytes)).join('\n'))
    expect(text).toContain(squash('第一条协议期限'))
    expect(text).toContain(squash('本合同期限为12个月，自生效之日起计算。'))
    expect(text).not.toContain('本合同期限自')
    const filing = await textOf('filing-without-start', planDocument(s, 'filingPackage', seqs['agreement.filed']!))
    expect(filing).toContain(squash('12个月（自生效之日起计算）'))
  })

  it('shows the concrete dates once known: the contract in force runs from the day it took effect', async () => {
    const effectiveSeq = seqs['review.approved']!
    const a = s.contextAt(effectiveSeq).agreement!
    expect(a.termStartsOn).toBe(a.effectiveOn)
    const log = [...s.log, { seq: s.log.length + 1, type: 'agreement.published', payload: ZNegotiationEventSchema.parse({ ...published('worker', '2026-07-12'), at: '2026-07-12T02:00:00.000Z' }) as Record<string, unknown> }]
    const { contextAt: _x, ...rest } = s
    const after = caseSources({ machine: negotiationMachine }, { ...rest, log })
    const plan = planDocument(after, 'publicationNotice', log.length)
    expect((plan.input as TDocumentInputs['publicationNotice']).contract.term).toEqual({ start: a.effectiveOn, end: a.expiresOn })
    const text = await textOf('publication-without-start', plan)
    const zh = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`
    expect(text).toContain(squash(`本合同期限自${zh(a.effectiveOn)}起至${zh(a.expiresOn)}止`))
  })

  it('a collective contract prints the same sentence in its term chapter', async () => {
    const data = { ...(await import('../../src/documents/samples.js')).collectiveContract, term: { months: 36 } }
    const text = squash(pdfPages(writePdf('contract-without-start', await renderDocument('collectiveContract', data))).join('\n'))
    expect(text).toContain(squash('本合同期限为36个月，自生效之日起计算。'))
  })
})
