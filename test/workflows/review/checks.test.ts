/**
 * The bureau's automatic checks (workflows/review/checks.ts): for each check a passing and a failing filing, with
 * the article cited and the numbers in the explanation. Plain data in, plain data out: no database.
 */
import { describe, expect, it } from 'vitest'
import {
  factsFromContext,
  reviewChecks,
  type TMinimumWageFacts,
  type TReviewCheck,
  type TReviewFacts,
} from '../../../workflows/review/checks.js'
import { shippedCalendars } from '../../../workflows/rules/calendar/index.js'
import { getRulePack } from '../../../workflows/rules/jurisdictions/index.js'
import type { TRulePack } from '../../../workflows/rules/jurisdictions/types.js'
import { ZNegotiatorSchema } from '../../../workflows/negotiation/events.js'
import { CaseDriver, draft, employerTeam, ev, file, input, nineItemClauses, round, sign, toNegotiating, vote, workerTeam } from '../negotiation/helpers.js'

const pack = (id = 'national'): TRulePack => getRulePack(id)!
const team = (members: ReturnType<typeof workerTeam>) => members.map((m) => ZNegotiatorSchema.parse(m))

/** A complete, lawful wage agreement filing of 2026 (national rules). */
function facts(overrides: Partial<TReviewFacts> = {}): TReviewFacts {
  return {
    kind: 'wageAgreement',
    procedure: 'conclusion',
    workerSide: 'union',
    teams: { worker: team(workerTeam(3)), employer: team(employerTeam(3)) },
    congressRequired: true,
    vote: { heldOn: '2026-06-20', totalSeats: 60, present: 52, yes: 48, no: 3, abstain: 1 },
    signedOn: '2026-06-24',
    filingPeriodFrom: '2026-06-24',
    filedOn: '2026-06-29',
    receivedOn: '2026-06-30',
    term: { months: 12, startsOn: '2026-07-01' },
    clauses: nineItemClauses(650, 260_000),
    materials: { parts: ['wageAgreement', 'situationReport', 'wageData', 'congressResolution', 'teamList', 'minutes'], declared: [] },
    ...overrides,
  }
}

const minimum: TMinimumWageFacts = { status: 'found', onDate: '2026-07-01', regionCode: '440106', fenPerMonth: 250_000, source: '广东省人民政府《关于调整我省最低工资标准的通知》' }

function run(f: TReviewFacts, opts: { pack?: TRulePack; minimumWage?: TMinimumWageFacts | null } = {}) {
  return reviewChecks({ facts: f, pack: opts.pack ?? pack(), minimumWage: opts.minimumWage === undefined ? minimum : opts.minimumWage, calendars: shippedCalendars })
}
const byId = (checks: readonly TReviewCheck[], id: string) => {
  const c = checks.find((x) => x.id === id)
  if (!c) throw new Error(`no check ${id}`)
  return c
}
const result = (f: TReviewFacts, id: string, opts?: Parameters<typeof run>[1]) => byId(run(f, opts).checks, id)

describe('a complete, lawful filing passes every check', () => {
  it('all pass, nothing missing, each with its article', () => {
    const r = run(facts())
    expect(r.checks.filter((c) => c.result !== 'pass')).toEqual([])
    expect(r.counts).toEqual({ pass: r.checks.length, fail: 0, notApplicable: 0 })
    expect(r.correction).toEqual({ allowed: true, article: 'JHR 42 ¶2', missing: [] })
    for (const c of r.checks) {
      expect(c.article).not.toBe('')
      expect(c.explanation.zh).not.toBe('')
      expect(c.explanation.en).not.toBe('')
    }
  })
})

describe('team composition (JHR 19-24)', () => {
  it('team.size: 3 per side passes; 2 fails citing JHR 19 with both numbers', () => {
    expect(result(facts(), 'team.size')).toMatchObject({ result: 'pass', article: 'JHR 19' })
    const small = facts({ teams: { worker: team(workerTeam(2)), employer: team(employerTeam(2)) } })
    const c = result(small, 'team.size')
    expect(c).toMatchObject({ result: 'fail', article: 'JHR 19' })
    expect(c.explanation.zh).toContain('职工方协商代表2人')
    expect(c.explanation.en).toContain('at least 3 per side')
  })

  it('team.size: Chongqing caps a side at 15 (Chongqing 8)', () => {
    const big = facts({ teams: { worker: team(workerTeam(16)), employer: team(employerTeam(16)) } })
    expect(result(big, 'team.size', { pack: pack('chongqing') })).toMatchObject({ result: 'fail' })
    expect(result(facts(), 'team.size', { pack: pack('chongqing') })).toMatchObject({ result: 'pass' })
  })

  it('team.chief: the union chair and the legal representative pass; an external chief fails (JHR 23)', () => {
    expect(result(facts(), 'team.chief').result).toBe('pass')
    const external = facts({ teams: { worker: team(workerTeam(3, (_m, i) => (i === 0 ? { isExternal: true, writtenAuthority: '委托书' } : {}))), employer: team(employerTeam(3)) } })
    const c = result(external, 'team.chief')
    expect(c.result).toBe('fail')
    expect(c.explanation.en).toContain('JHR 23')
  })

  it('team.chief: no chief on the employer side fails (JHR 19)', () => {
    const none = facts({ teams: { worker: team(workerTeam(3)), employer: team(employerTeam(3, () => ({ isChief: false, chiefBasis: undefined }))) } })
    expect(result(none, 'team.chief')).toMatchObject({ result: 'fail' })
    expect(result(none, 'team.chief').explanation.zh).toContain('未确定首席代表')
  })

  it('team.balance: 3:3 passes; 4:3 fails under JHR 19 (equal numbers) with both sizes', () => {
    expect(result(facts(), 'team.balance').result).toBe('pass')
    const c = result(facts({ teams: { worker: team(workerTeam(4)), employer: team(employerTeam(3)) } }), 'team.balance')
    expect(c).toMatchObject({ result: 'fail', article: 'JHR 19' })
    expect(c.explanation.zh).toContain('职工方4人，企业方3人')
  })

  it('team.balance: Zhejiang allows employer ≤ worker (Zhejiang 10) but not employer > worker', () => {
    const z = pack('zhejiang')
    expect(result(facts({ teams: { worker: team(workerTeam(4)), employer: team(employerTeam(3)) } }), 'team.balance', { pack: z }).result).toBe('pass')
    expect(result(facts({ teams: { worker: team(workerTeam(3)), employer: team(employerTeam(4)) } }), 'team.balance', { pack: z })).toMatchObject({
      result: 'fail',
      article: 'Zhejiang 10',
    })
  })

  it('team.externals: one external of 3 passes; two of 3 fail the 1/3 limit (JHR 23; GZ 12)', () => {
    const one = facts({ teams: { worker: team(workerTeam(3)), employer: team(employerTeam(3, (_m, i) => (i === 2 ? { isExternal: true, writtenAuthority: '聘书' } : {}))) } })
    expect(result(one, 'team.externals').result).toBe('pass')
    const two = facts({ teams: { worker: team(workerTeam(3)), employer: team(employerTeam(3, (_m, i) => (i > 0 ? { isExternal: true, writtenAuthority: '聘书' } : {}))) } })
    const c = result(two, 'team.externals')
    expect(c).toMatchObject({ result: 'fail', article: 'JHR 23; GZ 12' })
    expect(c.explanation.zh).toContain('2名本单位以外的专业人员')
  })

  it('team.eligibility: the same person on both sides fails (JHR 24)', () => {
    const both = facts({ teams: { worker: team(workerTeam(3)), employer: team(employerTeam(3, (_m, i) => (i === 2 ? { id: 'w2' } : {}))) } })
    expect(result(both, 'team.eligibility')).toMatchObject({ result: 'fail', article: 'JHR 24' })
    expect(result(facts(), 'team.eligibility').result).toBe('pass')
  })

  it('without a representative list every team check is not applicable, never a silent pass', () => {
    const { teams: _t, ...rest } = facts()
    const r = run(rest)
    for (const id of ['team.size', 'team.chief', 'team.balance', 'team.externals', 'team.eligibility']) {
      expect(byId(r.checks, id).result).toBe('notApplicable')
    }
  })
})

describe('procedure (JHR 36-37, 42; GZ 20-21)', () => {
  it('procedure.quorum: 52 of 60 present passes; 39 of 60 fails (40 needed)', () => {
    expect(result(facts(), 'procedure.quorum')).toMatchObject({ result: 'pass', article: 'JHR 36' })
    const c = result(facts({ vote: { heldOn: '2026-06-20', totalSeats: 60, present: 39, yes: 35, no: 4, abstain: 0 } }), 'procedure.quorum')
    expect(c.result).toBe('fail')
    expect(c.explanation.zh).toContain('至少40人')
    expect(c.explanation.zh).toContain('实际出席39人')
  })

  it('procedure.threshold: exactly half of all seats passes nationally (以上 inclusive); 29 of 60 fails', () => {
    expect(result(facts({ vote: { heldOn: '2026-06-20', totalSeats: 60, present: 50, yes: 30, no: 20, abstain: 0 } }), 'procedure.threshold').result).toBe('pass')
    const c = result(facts({ vote: { heldOn: '2026-06-20', totalSeats: 60, present: 50, yes: 29, no: 21, abstain: 0 } }), 'procedure.threshold')
    expect(c).toMatchObject({ result: 'fail', article: 'JHR 36; CC 1259' })
    expect(c.explanation.en).toContain('29 yes')
  })

  it('procedure.threshold: Zhejiang needs more than half (过半数): 30 of 60 fails there', () => {
    const c = result(facts({ vote: { heldOn: '2026-06-20', totalSeats: 60, present: 50, yes: 30, no: 20, abstain: 0 } }), 'procedure.threshold', { pack: pack('zhejiang') })
    expect(c.result).toBe('fail')
  })

  it('procedure.quorum/threshold: no certified result fails both', () => {
    const { vote: _v, ...rest } = facts()
    expect(result(rest, 'procedure.quorum').result).toBe('fail')
    expect(result(rest, 'procedure.threshold').result).toBe('fail')
  })

  it('procedure.signedAfterVote: signed 4 days after the vote passes; signed the day before fails (JHR 37)', () => {
    expect(result(facts(), 'procedure.signedAfterVote')).toMatchObject({ result: 'pass', article: 'JHR 37; GZ 20' })
    const c = result(facts({ signedOn: '2026-06-19', filingPeriodFrom: '2026-06-19', filedOn: '2026-06-22' }), 'procedure.signedAfterVote')
    expect(c.result).toBe('fail')
    expect(c.explanation.zh).toContain('2026年6月20日表决')
    expect(c.explanation.zh).toContain('2026年6月19日签字')
  })

  it('procedure.filedInTime: a wage agreement filed on day 7 passes, on day 8 fails (GZ 21: 7 days)', () => {
    const onDay7 = result(facts({ filedOn: '2026-07-01' }), 'procedure.filedInTime')
    expect(onDay7).toMatchObject({ result: 'pass', article: 'GZ 21' })
    expect(onDay7.explanation.zh).toContain('期限至2026年7月1日')
    expect(result(facts({ filedOn: '2026-07-02' }), 'procedure.filedInTime').result).toBe('fail')
  })

  it('procedure.filedInTime: a collective contract has 10 days (JHR 42); day 10 on a Saturday runs to Monday (CC 203)', () => {
    const cc = (filedOn: string) => facts({ kind: 'collectiveContract', term: { months: 36 }, filedOn, clauses: [{ kind: 'term', months: 36 }, { kind: 'liability', text: '违约责任' }] })
    // Signed 2026-06-24: day 10 is Saturday 4 July, so the period ends on Monday 6 July.
    const monday = result(cc('2026-07-06'), 'procedure.filedInTime')
    expect(monday).toMatchObject({ result: 'pass', article: 'JHR 42' })
    expect(monday.explanation.zh).toContain('期限至2026年7月6日')
    expect(result(cc('2026-07-07'), 'procedure.filedInTime').result).toBe('fail')
  })

  it('a revision after an objection without a new vote: the congress checks are not applicable', () => {
    const { vote: _v, ...rest } = facts()
    const r = run({ ...rest, congressRequired: false })
    expect(byId(r.checks, 'procedure.quorum').result).toBe('notApplicable')
    expect(byId(r.checks, 'procedure.signedAfterVote').result).toBe('notApplicable')
  })
})

describe('content (LCL 55; GZ 7; JHR 8, 38)', () => {
  it('content.minimumWage: 2,600 yuan ≥ 2,500 passes; 2,400 fails, both figures and the source named', () => {
    const ok = result(facts(), 'content.minimumWage')
    expect(ok).toMatchObject({ result: 'pass', article: 'LCL 55; GZ 5' })
    expect(ok.explanation.zh).toContain('2,600')
    const low = result(facts({ clauses: nineItemClauses(650, 240_000) }), 'content.minimumWage')
    expect(low.result).toBe('fail')
    expect(low.explanation.zh).toContain('约定最低工资2,400元/月，低于')
    expect(low.explanation.zh).toContain('2,500元/月')
    expect(low.explanation.zh).toContain('关于调整我省最低工资标准的通知')
  })

  it('content.minimumWage: exactly the minimum passes (不低于)', () => {
    expect(result(facts({ clauses: nineItemClauses(650, 250_000) }), 'content.minimumWage').result).toBe('pass')
  })

  it('content.minimumWage: tiers unknown — above every tier passes, below every tier fails, between is for a person', () => {
    const tiers: TMinimumWageFacts = { status: 'tierUnknown', onDate: '2026-07-01', regionCode: '440000', tiers: [{ tier: '一类', fenPerMonth: 250_000 }, { tier: '二类', fenPerMonth: 200_000 }], source: '通知' }
    expect(result(facts(), 'content.minimumWage', { minimumWage: tiers }).result).toBe('pass')
    expect(result(facts({ clauses: nineItemClauses(650, 190_000) }), 'content.minimumWage', { minimumWage: tiers }).result).toBe('fail')
    expect(result(facts({ clauses: nineItemClauses(650, 220_000) }), 'content.minimumWage', { minimumWage: tiers }).result).toBe('notApplicable')
  })

  it('content.minimumWage: no standard on record is not applicable (never a pass)', () => {
    expect(result(facts(), 'content.minimumWage', { minimumWage: { status: 'none', onDate: '2026-07-01', regionCode: '440106' } }).result).toBe('notApplicable')
  })

  it('content.requiredClauses: the nine GZ 7 items pass; without liability and other it fails naming items 8 and 9', () => {
    expect(result(facts(), 'content.requiredClauses')).toMatchObject({ result: 'pass', article: 'GZ 7' })
    const partial = nineItemClauses(650).filter((c) => c.kind !== 'liability' && c.kind !== 'text')
    const c = result(facts({ clauses: partial }), 'content.requiredClauses')
    expect(c.result).toBe('fail')
    expect(c.explanation.zh).toContain('（8）工资协议的违约责任')
    expect(c.explanation.zh).toContain('（9）')
  })

  it('content.requiredClauses: a collective contract needs a JHR 8 matter and its term', () => {
    const cc = (clauses: TReviewFacts['clauses'], term?: number) =>
      facts({ kind: 'collectiveContract', clauses, ...(term ? { term: { months: term } } : { term: {} }) })
    expect(result(cc([{ kind: 'term', months: 36 }, { kind: 'text', id: 'hours', chapter: 'hours', text: '标准工时' }], 36), 'content.requiredClauses')).toMatchObject({ result: 'pass', article: 'JHR 8; JHR 38' })
    expect(result(cc([{ kind: 'text', id: 'hours', chapter: 'hours', text: '标准工时' }]), 'content.requiredClauses').result).toBe('fail')
  })

  it('content.term: 12 months passes; 48 months fails (JHR 38: 1-3 years); no term fails', () => {
    expect(result(facts(), 'content.term')).toMatchObject({ result: 'pass', article: 'JHR 38; GZ 24' })
    const c = result(facts({ term: { months: 48 } }), 'content.term')
    expect(c.result).toBe('fail')
    expect(c.explanation.zh).toContain('48个月')
    expect(c.explanation.zh).toContain('12至36个月')
    expect(result(facts({ term: {} }), 'content.term').result).toBe('fail')
  })
})

describe('completeness of the filing package (JHR 42; GZ 21; local lists)', () => {
  it('the generated package passes; a filing declaring only the text misses the note, wage data, resolution, list and minutes', () => {
    const r = run(facts({ materials: { parts: [], declared: ['合同文本'] } }))
    expect(byId(r.checks, 'materials.agreementText').result).toBe('pass')
    expect(byId(r.checks, 'materials.explanatoryNote')).toMatchObject({ result: 'fail', article: 'GZ 21' })
    expect(r.correction.missing.map((m) => m.material)).toEqual(['explanatoryNote', 'wageData', 'congressResolution', 'representativeList', 'minutes'])
    expect(r.correction.allowed).toBe(true)
  })

  it('declared materials are matched by what they say', () => {
    const r = run(facts({ materials: { parts: [], declared: ['合同文本', '情况说明', '工资数据表', '职工代表大会决议（含表决票数）', '协商代表名单', '协商会议纪要（四次）'] } }))
    expect(r.correction.missing).toEqual([])
  })

  it('a collective contract does not need wage data or the note; Shandong also needs the business licence (Shandong 29)', () => {
    const cc = facts({ kind: 'collectiveContract', term: { months: 36 }, materials: { parts: ['collectiveContract', 'congressResolution', 'teamList', 'minutes'], declared: [] } })
    expect(run(cc).correction.missing).toEqual([])
    const sd = run(cc, { pack: pack('shandong') })
    expect(sd.correction.missing).toEqual([{ material: 'businessLicence', title: { zh: '营业执照复印件', en: 'Copy of the business licence' }, article: 'Shandong 29' }])
  })
})

describe('facts from a case record', () => {
  it('a walked wage agreement at registration gives the signed draft, the passing vote and the filing', () => {
    const d = new CaseDriver(input('national', 'wageAgreement'))
    toNegotiating(d, { sent: '2026-04-01', received: '2026-04-02', answered: '2026-04-05', appointed: '2026-04-06', meeting: '2026-04-10' })
    d.send(round(1, '2026-04-10', 'worker', 'agreed'))
    d.send(draft('2026-04-10', 12))
    d.send(vote('2026-04-15', { totalSeats: 60, present: 50, yes: 40 }))
    d.send(sign('2026-04-16'))
    d.send(file('2026-04-20', 3))
    d.send(ev('filing.registered', { receivedOn: '2026-04-21', registrationNumber: 'R-1' }))
    const f = factsFromContext(d.context, ['wageAgreement'])
    expect(f).toMatchObject({
      kind: 'wageAgreement',
      signedOn: '2026-04-16',
      filedOn: '2026-04-20',
      receivedOn: '2026-04-21',
      filingPeriodFrom: '2026-04-16',
      term: { months: 12 },
      vote: { heldOn: '2026-04-15', totalSeats: 60, present: 50, yes: 40 },
      materials: { parts: ['wageAgreement'], declared: ['合同文本', '说明'] },
    })
    expect(f.teams?.worker).toHaveLength(3)
    const r = run(f)
    expect(byId(r.checks, 'procedure.filedInTime').result).toBe('pass')
    expect(byId(r.checks, 'procedure.signedAfterVote').result).toBe('pass')
    // The draft has no structured clauses: the clause and wage checks are for a person.
    expect(byId(r.checks, 'content.requiredClauses').result).toBe('notApplicable')
    expect(byId(r.checks, 'content.minimumWage').result).toBe('notApplicable')
  })
})
