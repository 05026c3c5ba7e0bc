/**
 * The document mappers without a database: the walked case through the pure machine (test/support/case-walk.ts
 * `walkSources`), each machine kind mapped to its renderer's input, the gaps reported, not invented.
 */
import { describe, expect, it } from 'vitest'
import { documentRegistry, renderDocument, sha256 } from '../../src/documents/index.js'
import { planDocument, kindsWithoutTemplate, rendererOfKind } from '../../src/effects/document-data/index.js'
import { bureauOf, FILL_IN, jurisdictionName, parseDateTime, printedRegionName } from '../../src/effects/document-data/common.js'
import { agreementData } from '../../src/effects/document-data/agreement.js'
import { minutesData } from '../../src/effects/document-data/minutes.js'
import { filingPackageData } from '../../src/effects/document-data/filing-package.js'
import { correctionNoticeData, filingReceiptData, wageReviewOpinionData } from '../../src/effects/document-data/bureau.js'
import { caseSources } from '../../src/effects/document-data/sources.js'
import { diffInputs } from '../../src/effects/document-lineage.js'
import { AwaitingEventError, MissingCaseFactsError, NoTemplateError } from '../../src/effects/errors.js'
import { renderCaseDocument } from '../../src/effects/render-document.js'
import { negotiationDocumentKinds } from '../../workflows/negotiation/effects.js'
import { negotiationMachine } from '../../workflows/negotiation/machine.js'
import { ZNegotiationEventSchema } from '../../workflows/negotiation/events.js'
import { WALK_REGIONS, walkSources } from '../support/case-walk.js'

const wage = walkSources({ suspension: true })
const seq = (label: string, s: { seqs: Record<string, number> } = wage) => {
  const n = s.seqs[label]
  if (n === undefined) throw new Error(`no event ${label} in the walk`)
  return n
}

describe('regions, bureau and free-text times', () => {
  it('prints the region from the province down and names the local bureau', () => {
    expect(printedRegionName(WALK_REGIONS)).toBe('广东省广州市黄埔区')
    expect(jurisdictionName(WALK_REGIONS)).toBe('广东省广州市')
    expect(bureauOf(WALK_REGIONS).name).toBe('广州市黄埔区人力资源和社会保障局')
    // A child name that already carries its parent's name, and the NBS grouping level 市辖区, are not repeated.
    expect(
      printedRegionName([
        { code: '110105', name: '朝阳区', level: 'county', parentCode: '110100' },
        { code: '110100', name: '市辖区', level: 'prefecture', parentCode: '110000' },
        { code: '110000', name: '北京市', level: 'province', parentCode: null },
      ]),
    ).toBe('北京市朝阳区')
    expect(printedRegionName([{ code: '440106', name: '广州市天河区', level: 'county', parentCode: '440100' }, { code: '440100', name: '广州市', level: 'prefecture', parentCode: null }])).toBe('广州市天河区')
    expect(bureauOf([{ code: '440000', name: '广东省', level: 'province', parentCode: null }]).name).toBe('广东省人力资源和社会保障厅')
  })

  it('reads dates and times in the ways people write them', () => {
    expect(parseDateTime('2026年6月15日上午9时30分')).toEqual({ date: '2026-06-15', time: '09:30' })
    expect(parseDateTime('6月15日下午2时', '2026-05-06')).toEqual({ date: '2026-06-15', time: '14:00' })
    expect(parseDateTime('1月5日上午9点半', '2026-12-20')).toEqual({ date: '2027-01-05', time: '09:30' })
    expect(parseDateTime('2026-06-15 09:30')).toEqual({ date: '2026-06-15', time: '09:30' })
    expect(parseDateTime('上午9时')).toEqual({ time: '09:00' })
    expect(parseDateTime('下午14:30')).toEqual({ time: '14:30' })
    expect(parseDateTime('2026年2月30日')).toEqual({})
  })
})

describe('machine kinds → renderers', () => {
  it('every kind the machine can emit either has a renderer or is listed as missing a template', () => {
    for (const kind of negotiationDocumentKinds) {
      expect(Boolean(rendererOfKind[kind]) !== Boolean(kindsWithoutTemplate[kind]), kind).toBe(true)
    }
    for (const kind of Object.keys(kindsWithoutTemplate)) {
      const error = (() => {
        try {
          planDocument(wage, kind, 1)
        } catch (e) {
          return e
        }
      })()
      expect(error).toBeInstanceOf(NoTemplateError)
      expect((error as Error).message).toContain(kindsWithoutTemplate[kind]!.zh)
    }
    expect(() => planDocument(wage, 'somethingElse', 1)).toThrow(NoTemplateError)
  })

  it('maps the request and the reply, with blank lines for what the case does not know yet', () => {
    const letter = planDocument(wage, 'requestLetter', seq('request.sent'))
    expect(letter.renderer).toBe('requestLetter')
    expect(letter.title).toBe(documentRegistry.requestLetter.names.zh)
    expect(letter.input).toMatchObject({
      documentDate: '2026-05-06',
      sentDate: '2026-05-06',
      proposedDate: '2026-05-20',
      proposedTime: '09:30',
      requestingSide: 'worker',
      topics: ['劳动报酬'],
      // The worker chief is appointed later: a line to fill in, not an invented name.
      chief: FILL_IN,
      contact: { name: FILL_IN, phone: FILL_IN },
      enterprise: { name: '广州市黄埔精工制造有限公司', regionName: '广东省广州市黄埔区', regionCode: '440112' },
      workerParty: { name: '广州市黄埔精工制造有限公司工会委员会' },
    })
    const reply = planDocument(wage, 'replyLetter', seq('request.answered'))
    expect(reply.renderer).toBe('requestResponse')
    expect(reply.input).toMatchObject({
      decision: 'accept',
      respondingSide: 'employer',
      requestDate: '2026-05-06',
      receivedDate: '2026-05-07',
      replyDate: '2026-05-12',
      meeting: { date: '2026-05-20', time: '09:30' },
      // JHR 21: before the teams are appointed, the employer's chief is its legal representative.
      chief: '刘建华',
    })
  })

  it('refuses a request letter whose proposed time has no date (GZ 17: the request states the time)', () => {
    const s = walkSources({ until: 'requested' })
    const log = s.log.map((e) => (e.type === 'request.sent' ? { ...e, payload: { ...e.payload, proposedTime: '上午9时' } } : e))
    const changed = caseSources({ machine: negotiationMachine }, { ...s, log })
    expect(() => planDocument(changed, 'requestLetter', 2)).toThrow(MissingCaseFactsError)
    expect(() => planDocument(changed, 'requestLetter', 2)).toThrow(/request\.proposedTime/)
  })

  it('issues the team list at each appointment: the side not yet appointed as blank lines', () => {
    const first = planDocument(wage, 'teamList', seq('team.appointed:worker'))
    if (first.renderer !== 'teamList') throw new Error('expected a team list')
    expect(first.input.workerTeam.map((m) => m.name)).toEqual(['李秀英', '张伟', '林小红'])
    expect(first.input.employerTeam).toEqual([expect.objectContaining({ name: FILL_IN, isChief: true })])
    const second = planDocument(wage, 'teamList', seq('team.appointed:employer'))
    if (second.renderer !== 'teamList') throw new Error('expected a team list')
    expect(second.input.employerTeam[0]).toMatchObject({ name: '陈志强', post: '副总经理', isChief: true, gender: '男', delegation: '法定代表人书面授权（2026年5月10日）' })
    expect(second.input.listDate).toBe('2026-05-13')
  })

  it('maps the minutes of each round with its recorded start and end time', () => {
    const m = minutesData(wage, seq('round.held:1'))
    expect(m).toMatchObject({
      roundNumber: 1,
      date: '2026-05-20',
      startTime: '09:30',
      presiding: { name: '李秀英', side: 'worker' },
      recorder: { name: '王芳' },
      outcome: { kind: 'continue' },
    })
    expect(m.attendees.employer.map((a) => a.name)).toEqual(['陈志强', '黄丽萍', '周文斌'])
    // The structured clauses appear as proposals and agreed items.
    expect(m.exchanges.map((e) => e.text).join('')).toContain('职工年度平均工资在上年度基础上增长8.0%')
    expect((m.agreedItems ?? []).join('')).toContain('企业于每月10日前支付职工上月工资')
    expect(minutesData(wage, seq('round.held:2'))).toMatchObject({ roundNumber: 2, date: '2026-06-03', startTime: '14:00', endTime: '16:30' })
  })

  it('takes a start time from round.held when the machine records one, and the suspension that followed', () => {
    const withTime = (s: typeof wage, upTo?: number) =>
      caseSources(
        { machine: negotiationMachine },
        {
          ...s,
          log: s.log
            .filter((e) => upTo === undefined || e.seq <= upTo)
            .map((e) => (e.type === 'round.held' ? { ...e, payload: { ...e.payload, startTime: '14:00', endTime: '17:10' } } : e)),
        },
      )
    const m = minutesData(withTime(wage), seq('round.held:2'))
    expect(m).toMatchObject({ startTime: '14:00', endTime: '17:10', outcome: { kind: 'suspended', until: '2026-06-10', nextDate: '2026-06-10' } })
    // Before the suspension is recorded, the minutes of a suspended round wait for it (retried, not dead).
    expect(() => minutesData(withTime(wage, seq('round.held:2')), seq('round.held:2'))).toThrow(AwaitingEventError)
  })

  it('builds the draft and the signed agreement from the same draft record: the same input, the same bytes', async () => {
    const draft = agreementData(wage, seq('draft.agreed'), 'draft')
    const signed = agreementData(wage, seq('agreement.signed'), 'signed')
    expect(signed).toEqual(draft)
    if (draft.renderer !== 'wageAgreement') throw new Error('expected a wage agreement')
    expect(draft.data).toMatchObject({
      title: '广州市黄埔精工制造有限公司2026年度工资专项集体合同',
      documentDate: '2026-06-10',
      employerChief: '陈志强',
      workerChief: '李秀英',
      term: { start: '2026-07-01', end: '2027-06-30' },
    })
    expect(draft.data.items.wageLevel).toEqual(['职工年度平均工资在上年度基础上增长6.5%。'])
    expect(draft.data.items.payment).toHaveLength(2)
    expect(draft.data.items.other).toEqual(['本合同未尽事宜，按照国家和广东省、广州市的有关规定执行。'])
    const a = await renderCaseDocument(wage, 'draft', seq('draft.agreed'))
    const b = await renderCaseDocument(wage, 'agreement', seq('agreement.signed'))
    expect(a.title).toBe('工资专项集体合同（草案）')
    expect(b.title).toBe('工资专项集体合同')
    expect(b.sha256).toBe(a.sha256)
    expect(sha256(await renderDocument('wageAgreement', draft.data))).toBe(a.sha256)
  })

  it('maps a collective contract to JHR 8 chapters', () => {
    const s = walkSources({ kind: 'collectiveContract' })
    const a = agreementData(s, seq('agreement.signed', s), 'signed')
    if (a.renderer !== 'collectiveContract') throw new Error('expected a collective contract')
    expect(a.data.chapters.map((c) => c.topic)).toEqual(['pay', 'term', 'changeProcedure', 'liability', 'other'])
    expect(a.data.chapters.find((c) => c.topic === 'pay')!.clauses.join('')).toContain('增长6.5%')
  })

  it('lists the GZ 7 items a draft lacks; a term without a start counts from the day it takes effect', () => {
    const s = walkSources({ until: 'draft' })
    const at = seq('draft.agreed', s)
    const edit = (f: (e: (typeof s.log)[number]) => (typeof s.log)[number]) => caseSources({ machine: negotiationMachine }, { ...s, log: s.log.map(f) })
    // The term's start comes from the term clause when the event does not repeat it.
    const fromClause = edit((e) => (e.type === 'draft.agreed' ? { ...e, payload: { ...e.payload, termStartsOn: undefined } } : e))
    expect(agreementData(fromClause, at, 'draft').data.term).toEqual({ start: '2026-07-01', end: '2027-06-30' })
    const noStart = edit((e) => (e.type === 'draft.agreed' ? { ...e, payload: { ...e.payload, termStartsOn: undefined, clauses: undefined } } : e))
    expect(agreementData(noStart, at, 'draft').data.term).toEqual({ months: 12 })
    // Without draft clauses the rounds' agreed clauses are the text; here round 3 agreed only the wage level.
    const partial = edit((e) =>
      e.type === 'draft.agreed'
        ? { ...e, payload: { ...e.payload, clauses: undefined } }
        : e.type === 'round.held' && e.payload['number'] === 3
          ? { ...e, payload: { ...e.payload, agreedClauses: [{ kind: 'averageWageIncrease', basisPoints: 650 }] } }
          : e,
    )
    const error = (() => {
      try {
        agreementData(partial, at, 'draft')
      } catch (e) {
        return e
      }
    })() as MissingCaseFactsError
    expect(error).toBeInstanceOf(MissingCaseFactsError)
    expect(error.missing.map((m) => m.field)).toEqual([
      'draft.clauses(paySystem)',
      'draft.clauses(bonuses)',
      'draft.clauses(changeProcedure)',
      'draft.clauses(termination)',
      'draft.clauses(liability)',
    ])
  })
})

/** The walk up to `until`, then more events through the pure machine (each parsed by the machine's schema). */
function extend(base: ReturnType<typeof walkSources>, events: Record<string, unknown>[], extra: Partial<Parameters<typeof caseSources>[1]> = {}) {
  let t = Date.parse('2026-12-01T00:00:00.000Z')
  const log = [...base.log]
  for (const e of events) {
    t += 60_000
    log.push({ seq: log.length + 1, type: String(e['type']), payload: ZNegotiationEventSchema.parse({ ...e, at: new Date(t).toISOString() }) as Record<string, unknown> })
  }
  return caseSources({ machine: negotiationMachine }, { ...base, log, ...extra })
}

describe('refusal, coordination and the congress sitting', () => {
  it('maps a refusal to the written reply with its reason', () => {
    const base = walkSources({ until: 'requested' })
    const s = extend(base, [{ type: 'request.refused', answeredOn: '2026-05-15', reason: '企业正在进行破产重整，暂不具备协商条件' }])
    const plan = planDocument(s, 'refusalLetter', s.log.length)
    expect(plan.title).toBe('书面答复（拒绝协商）')
    expect(plan.input).toMatchObject({ decision: 'refuse', refusalReasons: ['企业正在进行破产重整，暂不具备协商条件'], replyDate: '2026-05-15' })
    expect(plan.input).not.toHaveProperty('meeting')
  })

  it('maps the coordination agreement, and the minutes of a deadlocked round name the coordination', () => {
    const walked = walkSources({ until: 'rounds' })
    const round2 = seq('round.held:2', walked)
    // Round 2 deadlocks (with a start time, as a later round.held may record it).
    const base = {
      ...walked,
      log: walked.log
        .filter((e) => e.seq <= round2)
        .map((e) => (e.seq === round2 ? { ...e, payload: { ...e.payload, outcome: 'deadlocked', startTime: '14:00' } } : e)),
    }
    const s = extend(base, [
      { type: 'coordination.requested', requestedOn: '2026-06-12', by: 'worker', reason: '双方对平均工资增长幅度分歧较大', disputedItems: ['平均工资增长幅度'] },
      { type: 'coordination.accepted', acceptedOn: '2026-06-15', onOwnInitiative: false },
      {
        type: 'coordination.agreed',
        agreedOn: '2026-07-01',
        resolvedItems: ['2026年度职工平均工资增长6.0%'],
        openItems: ['夜班津贴标准'],
        signedBy: { worker: 'w0', employer: 'e0' },
        coordinators: ['赵明（广州市黄埔区人力资源和社会保障局）', '孙国庆（黄埔区总工会）', '钱卫东'],
        sealed: true,
      },
    ])
    const plan = planDocument(s, 'coordinationAgreement', s.log.length)
    expect(plan.input).toMatchObject({
      bureau: { name: '广州市黄埔区人力资源和社会保障局' },
      application: { applicant: 'worker', date: '2026-06-12', acceptedDate: '2026-06-15', request: ['双方对平均工资增长幅度分歧较大'] },
      facts: ['平均工资增长幅度'],
      result: ['2026年度职工平均工资增长6.0%'],
      pendingItems: ['夜班津贴标准'],
      coordinators: [
        { name: '赵明', organization: '广州市黄埔区人力资源和社会保障局' },
        { name: '孙国庆', organization: '黄埔区总工会' },
        { name: '钱卫东', organization: FILL_IN },
      ],
      employerChief: '陈志强',
      workerChief: '李秀英',
      signingDate: '2026-07-01',
    })
    expect(minutesData(s, round2).outcome).toEqual({ kind: 'coordination' })
  })

  it('takes the sitting’s name, place and officers from the congress session that certified the vote', () => {
    const base = walkSources({ until: 'congress' })
    const voteSeq = seq('congress.resultCertified', base)
    const s = caseSources(
      { machine: negotiationMachine },
      {
        ...base,
        congressSessions: [
          {
            id: 'session-1',
            name: '第三届职工代表大会第二次会议',
            heldOn: '2026-06-20',
            place: '公司职工活动中心多功能厅',
            presiding: '李秀英',
            scrutineers: ['何建国', '苏永红'],
            tellers: ['林小红'],
            documentSha256: 'a'.repeat(64),
            draftVersion: 1,
            certifiedSeq: voteSeq,
          },
        ],
      },
    )
    expect(planDocument(s, 'congressResolution', voteSeq).input).toMatchObject({
      sessionName: '第三届职工代表大会第二次会议',
      place: '公司职工活动中心多功能厅',
      presiding: '李秀英',
      seats: 60,
      present: 52,
      ballot: 'secret',
      items: [{ title: '《广州市黄埔精工制造有限公司2026年度工资专项集体合同（草案）》', yes: 49, no: 2, abstain: 1 }],
      scrutineers: ['何建国', '苏永红'],
      tellers: ['林小红'],
    })
    // Without a session: blank lines for what only the sitting knows.
    expect(planDocument(base, 'congressResolution', voteSeq).input).toMatchObject({ sessionName: '职工代表大会', place: FILL_IN, scrutineers: [FILL_IN] })
  })
})

describe('filing package and bureau documents', () => {
  it('packs the signed text, the note, wage data, the resolution, the list and the minutes it can issue', async () => {
    const { data, omitted } = filingPackageData(wage, seq('agreement.filed'))
    expect(data.parts.map((p) => p.kind)).toEqual(['wageAgreement', 'situationReport', 'wageData', 'congressResolution', 'teamList', 'minutes', 'minutes', 'minutes'])
    expect(omitted).toEqual([])
    expect(data).toMatchObject({ signingDate: '2026-06-24', congressDate: '2026-06-20', filingDate: '2026-06-29', bureau: { name: '广州市黄埔区人力资源和社会保障局' } })
    // The agreement part is exactly the signed text.
    expect(data.parts[0]!.data).toEqual(agreementData(wage, seq('agreement.signed'), 'signed').data)
    const report = data.parts[1]!.data as { sections: { heading: string; paragraphs: string[] }[] }
    // Every minutes part is in the package, so nothing is listed as enclosed separately.
    expect(report.sections.map((x) => x.heading)).not.toContain('另附材料')
    const wageData = data.parts[2]!.data as { rows: { label: string; previous: number | null; current: number | null }[] }
    expect(wageData.rows[0]).toMatchObject({ label: '职工月平均工资', previous: 6842.5, current: 7287.26 })
    const rendered = await renderCaseDocument(wage, 'filingPackage', seq('agreement.filed'))
    const signed = await renderCaseDocument(wage, 'agreement', seq('agreement.signed'))
    expect(rendered.manifest![0]).toMatchObject({ kind: 'wageAgreement', sha256: signed.sha256 })
  })

  it('maps the receipt, the correction notice and the review opinion, with the bureau’s own facts', () => {
    const receipt = filingReceiptData(wage, seq('filing.registered'), { documentNumber: '穗埔人社集审〔2026〕31号' })
    expect(receipt).toMatchObject({
      receivedDate: '2026-06-30',
      reviewDeadline: '2026-07-15',
      submittedBy: '陈志强',
      bureau: { name: '广州市黄埔区人力资源和社会保障局' },
      documentNumber: '穗埔人社集审〔2026〕31号',
    })
    expect(receipt.materials[0]).toEqual({ name: '合同文本', copies: 3 })
    const opinion = wageReviewOpinionData(wage, seq('review.approved'))
    expect(opinion).toMatchObject({ conclusion: 'noObjection', receivedDate: '2026-06-30', opinionDate: '2026-07-10', workerParty: { address: '广州市黄埔区科学大道188号' } })
    const objected = walkSources({ objection: true })
    expect(wageReviewOpinionData(objected, seq('review.objected', objected))).toMatchObject({
      conclusion: 'objection',
      opinions: [{ issue: '企业最低工资标准应当结合本市最低工资标准调整方案重新确定（涉及：企业最低工资）' }],
    })
    // 补正 without a date set by the bureau is not issued.
    const corrected = caseSources(
      { machine: negotiationMachine },
      {
        ...wage,
        log: [
          ...wage.log.filter((e) => e.seq <= seq('agreement.filed')),
          { seq: seq('agreement.filed') + 1, type: 'correction.requested', payload: { type: 'correction.requested', at: '2026-06-30T02:00:00.000Z', requestedOn: '2026-06-30', items: ['职工代表大会决议原件'] } },
        ],
      },
    )
    const at = seq('agreement.filed') + 1
    expect(() => correctionNoticeData(corrected, at)).toThrow(/facts\.correctBy/)
    expect(correctionNoticeData(corrected, at, { correctBy: '2026-07-07' })).toMatchObject({
      receivedDate: '2026-06-29',
      correctBy: '2026-07-07',
      deficiencies: [{ item: '职工代表大会决议原件' }],
    })
  })
})

describe('differences between renderer inputs', () => {
  it('names the GZ 7 item whose clauses changed, and plain fields by path', () => {
    const a = { title: 'A', items: { wageLevel: ['增长6.5%。'], payment: ['每月10日'] }, enterprise: { address: '甲' } }
    const b = { title: 'A', items: { wageLevel: ['增长7.0%。'], payment: ['每月10日'] }, enterprise: { address: '乙' } }
    expect(diffInputs(a, b, ['draft', 'signed'])).toEqual([
      { between: ['draft', 'signed'], path: 'enterprise.address', label: '企业信息（address）', from: '甲', to: '乙' },
      {
        between: ['draft', 'signed'],
        path: 'items.wageLevel',
        label: '第三条 职工年度平均工资水平及其调整幅度',
        from: ['增长6.5%。'],
        to: ['增长7.0%。'],
        added: ['增长7.0%。'],
        removed: ['增长6.5%。'],
      },
    ])
    expect(diffInputs(a, a, ['x', 'y'])).toEqual([])
  })
})
