import { describe, expect, it } from 'vitest'
import { ZNegotiatorSchema, type TNegotiator } from '../../../workflows/negotiation/events.js'
import { validateRecorder, validateTeam, validateTeams, type TTeamRuleContext } from '../../../workflows/negotiation/teams.js'
import { getRulePack } from '../../../workflows/rules/jurisdictions/index.js'
import { employerTeam, workerTeam } from './helpers.js'

const parse = (members: unknown[]): TNegotiator[] => members.map((m) => ZNegotiatorSchema.parse(m))
const ctx = (jurisdiction = 'national', extra: Partial<TTeamRuleContext> = {}): TTeamRuleContext => ({
  pack: getRulePack(jurisdiction)!,
  workerSide: 'union',
  ...extra,
})
const codes = (vs: { code: string }[]) => vs.map((v) => v.code)

describe('teams: national rules (JHR 19-24, 33(5))', () => {
  it('three per side with one qualified chief each is valid', () => {
    expect(validateTeams({ worker: parse(workerTeam()), employer: parse(employerTeam()), recorder: { id: 'r', name: 'R' } }, ctx())).toEqual([])
  })

  it('JHR 19: two negotiators are too few, with the field and article', () => {
    const v = validateTeam('worker', parse(workerTeam(2)), ctx())
    expect(v).toEqual([
      expect.objectContaining({ code: 'TEAM_TOO_SMALL', article: 'JHR 19', field: 'members' }),
    ])
    expect(v[0]!.message.zh).toContain('每方至少3人')
    expect(v[0]!.message.en).toContain('at least 3 per side')
  })

  it('JHR 19: both sides must be equal (4 workers vs 3 employer negotiators)', () => {
    const v = validateTeam('employer', parse(employerTeam(3)), ctx(), { otherTeam: parse(workerTeam(4)) })
    expect(codes(v)).toEqual(['TEAM_SIZES_UNEQUAL'])
    expect(v[0]!.message.en).toContain('worker side 4, employer side 3')
  })

  it('JHR 19: a side needs exactly one chief', () => {
    expect(codes(validateTeam('worker', parse(workerTeam(3, () => ({ isChief: false }))), ctx()))).toEqual(['TEAM_CHIEF_MISSING'])
    const two = validateTeam('employer', parse(employerTeam(3, (_m, i) => (i === 1 ? { isChief: true, chiefBasis: 'legalRepresentative' } : {}))), ctx())
    expect(two).toEqual([expect.objectContaining({ code: 'TEAM_MULTIPLE_CHIEFS', field: 'members.1.isChief' })])
  })

  it('JHR 20: the worker chief is the union chair or a written delegate', () => {
    const noBasis = validateTeam('worker', parse(workerTeam(3, (_m, i) => (i === 0 ? { chiefBasis: 'legalRepresentative' } : {}))), ctx())
    expect(noBasis).toEqual([expect.objectContaining({ code: 'WORKER_CHIEF_NOT_QUALIFIED', article: 'JHR 20; GZ 10', field: 'members.0.chiefBasis' })])
    const unwritten = validateTeam('worker', parse(workerTeam(3, (_m, i) => (i === 0 ? { chiefBasis: 'delegatedByUnionChair' } : {}))), ctx())
    expect(unwritten).toEqual([expect.objectContaining({ code: 'CHIEF_DELEGATION_NOT_IN_WRITING', field: 'members.0.writtenAuthority' })])
    const written = validateTeam(
      'worker',
      parse(workerTeam(3, (_m, i) => (i === 0 ? { chiefBasis: 'delegatedByUnionChair', writtenAuthority: '委托书2026-1' } : {}))),
      ctx(),
    )
    expect(written).toEqual([])
  })

  it('JHR 20: without a union the worker chief is elected from the representatives', () => {
    const v = validateTeam('worker', parse(workerTeam()), ctx('national', { workerSide: 'electedRepresentatives' }))
    expect(codes(v)).toEqual(['WORKER_CHIEF_NOT_QUALIFIED'])
    expect(v[0]!.message.en).toContain('Without a union')
    expect(
      validateTeam('worker', parse(workerTeam(3, (_m, i) => (i === 0 ? { chiefBasis: 'electedByRepresentatives' } : {}))), ctx('national', { workerSide: 'electedRepresentatives' })),
    ).toEqual([])
  })

  it('JHR 21: the employer chief is the legal representative or a manager authorised in writing', () => {
    const v = validateTeam('employer', parse(employerTeam(3, (_m, i) => (i === 0 ? { chiefBasis: 'authorisedManager' } : {}))), ctx())
    expect(v).toEqual([expect.objectContaining({ code: 'CHIEF_DELEGATION_NOT_IN_WRITING', article: 'JHR 21; GZ 10' })])
  })

  it('JHR 23: external experts at most 1/3 of a side (2 of 6 is fine, 2 of 5 is not)', () => {
    const ext = (n: number) => (_m: unknown, i: number) => (i >= n - 2 ? { isExternal: true, writtenAuthority: '聘书' } : {})
    expect(validateTeam('worker', parse(workerTeam(6, ext(6))), ctx())).toEqual([])
    const v = validateTeam('worker', parse(workerTeam(5, ext(5))), ctx())
    expect(v).toEqual([expect.objectContaining({ code: 'TOO_MANY_EXTERNALS', article: 'JHR 23; GZ 12', field: 'members.4.isExternal' })])
    expect(v[0]!.message.en).toContain('at most 1')
  })

  it('JHR 23: an external expert is never chief, and is appointed in writing', () => {
    const chief = validateTeam('employer', parse(employerTeam(3, (_m, i) => (i === 0 ? { isExternal: true, writtenAuthority: '聘书' } : {}))), ctx())
    expect(chief).toEqual([expect.objectContaining({ code: 'CHIEF_IS_EXTERNAL', field: 'members.0.isExternal' })])
    const unwritten = validateTeam('employer', parse(employerTeam(3, (_m, i) => (i === 2 ? { isExternal: true } : {}))), ctx())
    expect(unwritten).toEqual([expect.objectContaining({ code: 'EXTERNAL_NOT_APPOINTED_IN_WRITING', field: 'members.2.writtenAuthority' })])
  })

  it('JHR 24: nobody represents both sides', () => {
    const employer = parse(employerTeam(3, (_m, i) => (i === 2 ? { id: 'w2' } : {})))
    const v = validateTeam('employer', employer, ctx(), { otherTeam: parse(workerTeam()) })
    expect(v).toEqual([expect.objectContaining({ code: 'NEGOTIATOR_ON_BOTH_SIDES', article: 'JHR 24', field: 'members.2.id' })])
  })

  it('JHR 33(5): the recorder is not a negotiator', () => {
    const v = validateRecorder({ id: 'e1', name: '企业代表1' }, { worker: parse(workerTeam()), employer: parse(employerTeam()) })
    expect(v).toEqual([expect.objectContaining({ code: 'RECORDER_IS_NEGOTIATOR', article: 'JHR 33(5)', field: 'recorder.id' })])
  })

  it('a negotiator listed twice is reported at the second position', () => {
    const v = validateTeam('worker', parse(workerTeam(4, (_m, i) => (i === 3 ? { id: 'w1' } : {}))), ctx())
    expect(v).toEqual([expect.objectContaining({ code: 'TEAM_DUPLICATE_MEMBER', field: 'members.3.id' })])
  })
})

describe('teams: local bounds from the rule pack', () => {
  it('Hangzhou 16: at most 9 per side', () => {
    expect(codes(validateTeam('worker', parse(workerTeam(10)), ctx('hangzhou')))).toEqual(['TEAM_TOO_LARGE'])
    expect(validateTeam('worker', parse(workerTeam(9)), ctx('hangzhou'))).toEqual([])
  })

  it('Zhejiang 10: at least 5 per side in an enterprise above designated size', () => {
    const v = validateTeam('worker', parse(workerTeam(4)), ctx('zhejiang', { workforce: { aboveDesignatedSize: true } }))
    expect(v).toEqual([expect.objectContaining({ code: 'TEAM_TOO_SMALL_FOR_LARGE_FIRM', article: 'Zhejiang 10' })])
    expect(validateTeam('worker', parse(workerTeam(4)), ctx('zhejiang', { workforce: { aboveDesignatedSize: false } }))).toEqual([])
  })

  it('Zhejiang 10: the employer side may have fewer negotiators than the worker side, never more', () => {
    expect(validateTeam('employer', parse(employerTeam(3)), ctx('zhejiang'), { otherTeam: parse(workerTeam(4)) })).toEqual([])
    const v = validateTeam('employer', parse(employerTeam(5)), ctx('zhejiang'), { otherTeam: parse(workerTeam(4)) })
    expect(v).toEqual([expect.objectContaining({ code: 'EMPLOYER_SIDE_LARGER', article: 'Zhejiang 10' })])
  })

  it('Shandong 7: at least 1/3 front-line workers on the worker side', () => {
    const v = validateTeam('worker', parse(workerTeam(6, (_m, i) => ({ isFrontLine: i < 1 }))), ctx('shandong'))
    expect(v).toEqual([expect.objectContaining({ code: 'FRONT_LINE_SHARE_TOO_LOW', article: 'Shandong 7 ¶2' })])
    expect(v[0]!.message.en).toContain('at least 2')
    expect(validateTeam('worker', parse(workerTeam(6, (_m, i) => ({ isFrontLine: i < 2 }))), ctx('shandong'))).toEqual([])
  })

  it('Chongqing 10: women ≥1/5 of staff → at least one woman negotiator', () => {
    const men = parse(workerTeam(3, () => ({ gender: 'male' })))
    const v = validateTeam('worker', men, ctx('chongqing', { workforce: { staffCount: 100, womenStaffCount: 20 } }))
    expect(v).toEqual([expect.objectContaining({ code: 'WOMEN_REPRESENTATION_TOO_LOW', article: 'Chongqing 10 ¶3' })])
    expect(validateTeam('worker', men, ctx('chongqing', { workforce: { staffCount: 100, womenStaffCount: 19 } }))).toEqual([])
  })

  it('Henan 8: women ≥10% of staff → a corresponding share (60% of staff, 5 negotiators → 3 women)', () => {
    const team = parse(workerTeam(5, (_m, i) => ({ gender: i < 2 ? 'female' : 'male' })))
    const v = validateTeam('worker', team, ctx('henan', { workforce: { staffCount: 100, womenStaffCount: 60 } }))
    expect(v).toEqual([expect.objectContaining({ code: 'WOMEN_REPRESENTATION_TOO_LOW', article: 'Henan 8 ¶4' })])
    expect(v[0]!.message.en).toContain('at least 3 women')
  })

  it('Shandong 10, Henan 14, Ningbo 8: union staff may not sit for the employer; executives may not sit for workers', () => {
    const employer = parse(employerTeam(3, (_m, i) => (i === 1 ? { isUnionStaff: true } : {})))
    expect(validateTeam('employer', employer, ctx('shandong'))).toEqual([
      expect.objectContaining({ code: 'UNION_STAFF_ON_EMPLOYER_SIDE', field: 'members.1.isUnionStaff' }),
    ])
    expect(validateTeam('employer', employer, ctx('national'))).toEqual([])
    const worker = parse(workerTeam(3, (_m, i) => (i === 2 ? { isEmployerExecutive: true } : {})))
    expect(validateTeam('worker', worker, ctx('ningbo'))).toEqual([
      expect.objectContaining({ code: 'EXECUTIVE_ON_WORKER_SIDE', article: 'Ningbo 8 ¶2', field: 'members.2.isEmployerExecutive' }),
    ])
  })
})
