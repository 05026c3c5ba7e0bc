/**
 * Whole-path walks: from the request to the contract in force and to its renewal, for wage agreements and
 * collective contracts, under the national rules and four local packs. Every scheduled deadline is asserted
 * (kind, start, period, article) and its date computed with the legal calendar (rules/deadlines.ts).
 */
import { describe, expect, it } from 'vitest'
import type { TScheduleDeadlineParams } from '../../../workflows/effects.js'
import type { TNegotiationOutput } from '../../../workflows/negotiation/context.js'
import { negotiationEffects } from '../../../workflows/negotiation/effects.js'
import { shippedCalendars } from '../../../workflows/rules/calendar/index.js'
import { computeDeadline } from '../../../workflows/rules/deadlines.js'
import { costPositions } from '../../../workflows/proposals/costing.js'
import { agreedClausesOf, assembleAgreement, diffRounds, describeDiff, toWageAgreementItems } from '../../../workflows/proposals/diff.js'
import * as gz from '../proposals/guangzhou.js'
import {
  CaseDriver,
  draft,
  employerTeam,
  ev,
  file,
  input,
  recorder,
  requestPayload,
  round,
  sign,
  toNegotiating,
  vote,
  workerTeam,
} from './helpers.js'

type TExpected = [
  kind: TScheduleDeadlineParams['kind'],
  from: string,
  length: number,
  unit: 'calendarDays' | 'workingDays' | 'months',
  article: string,
  lastDay: string,
  before?: boolean,
]

/** The end (24:00 Asia/Shanghai) of a local day, as the engine's dueAt. */
const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString()

function expectDeadlines(schedules: TScheduleDeadlineParams[], expected: TExpected[]) {
  expect(schedules.map((s) => s.kind)).toEqual(expected.map((e) => e[0]))
  schedules.forEach((s, i) => {
    const [kind, from, length, unit, article, lastDay, before] = expected[i]!
    expect({ kind: s.kind, from: s.from, period: s.period, before: s.before ?? false }, `deadline #${i} ${kind}`).toEqual({
      kind,
      from,
      period: { length, unit, article },
      before: before ?? false,
    })
    expect(s.label.zh.length).toBeGreaterThan(0)
    expect(s.label.en.length).toBeGreaterThan(0)
    const computed = computeDeadline({
      from: s.from,
      period: s.period,
      timeZone: 'Asia/Shanghai',
      calendars: shippedCalendars,
      ...(s.endOfDay !== undefined ? { endOfDay: s.endOfDay } : {}),
      ...(s.before !== undefined ? { before: s.before } : {}),
    })
    expect(computed.lastDay, `last day of deadline #${i} ${kind}`).toBe(lastDay)
  })
}

function expectOnlyKnownEffects(d: CaseDriver) {
  for (const e of d.effects()) {
    expect(negotiationEffects).toContain(e.effect)
    expect(e.data['caseId']).toBe(d.context.caseId)
  }
}

const publish = (side: 'worker' | 'employer', publishedOn: string) =>
  ev('agreement.published', { side, publishedOn, channel: '厂务公开栏' })

describe('national wage agreement (GZ): request → effective on a no-objection opinion → renewal', () => {
  it('walks every step with every deadline', () => {
    const d = new CaseDriver(input('national', 'wageAgreement'))
    expect(d.state).toBe('draftingRequest')
    d.send(ev('request.sent', requestPayload('worker', '2026-03-02')))
    expect(d.state).toBe('requestSent')
    d.send(ev('request.received', { receivedOn: '2026-03-03', proof: '签收单' }))
    expect(d.state).toBe('awaitingReply')
    d.send(ev('request.answered', { answeredOn: '2026-03-10', text: '同意协商' }))
    expect(d.state).toEqual({ bargaining: 'appointingTeams' })
    expect(d.cancels(d.last)).toEqual([{ kind: 'requestReply' }])
    d.send(ev('team.appointed', { side: 'worker', appointedOn: '2026-03-11', members: workerTeam() }))
    d.send(ev('team.appointed', { side: 'employer', appointedOn: '2026-03-11', members: employerTeam() }))
    expect(d.state).toEqual({ bargaining: 'appointingTeams' })
    d.send(ev('recorder.appointed', { appointedOn: '2026-03-11', recorder }))
    expect(d.state).toEqual({ bargaining: 'preparing' })
    d.send(ev('opinions.collected', { side: 'worker', collectedOn: '2026-03-11', summary: '职工希望增长8%' }))
    d.send(ev('agenda.drafted', { draftedOn: '2026-03-11', draftedBy: 'worker', items: [{ id: 'a1', title: '工资水平' }] }))
    d.send(ev('meeting.scheduled', { scheduledOn: '2026-03-11', meetingOn: '2026-03-25', place: '公司会议室' }))
    d.send(ev('information.requested', { by: 'worker', requestedOn: '2026-03-12', items: ['上年度工资总额'] }))
    d.send(ev('information.supplied', { by: 'employer', suppliedOn: '2026-03-18', items: ['上年度工资总额'] }))
    expect(d.cancels(d.last)).toEqual([{ kind: 'informationSupply' }])
    d.send(round(1, '2026-03-25', 'worker', 'continued'))
    expect(d.state).toEqual({ bargaining: 'negotiating' })
    d.send(round(2, '2026-03-30', 'employer', 'suspended'))
    d.send(
      ev('negotiation.suspended', {
        suspendedOn: '2026-03-30',
        periodDays: 10,
        nextMeeting: { on: '2026-04-08' },
        reason: '企业方需核算人工成本',
        forceMajeure: false,
        workerConsent: true,
      }),
    )
    expect(d.state).toEqual({ bargaining: 'suspended' })
    d.send(ev('negotiation.resumed', { resumedOn: '2026-04-08' }))
    expect(d.context.suspensions[0]).toMatchObject({ endedOn: '2026-04-08', endedBy: 'resumed', daysUsed: 9 })
    d.send(round(3, '2026-04-08', 'worker', 'agreed'))
    d.send(draft('2026-04-08', 12))
    expect(d.state).toEqual({ bargaining: 'awaitingCongress' })
    d.send(vote('2026-04-15', { totalSeats: 60, present: 45, yes: 31, no: 10, abstain: 4 }))
    expect(d.state).toEqual({ bargaining: 'signing' })
    expect(d.context.congressVotes[0]).toMatchObject({ quorate: true, passed: true })
    d.send(sign('2026-04-16'))
    expect(d.state).toBe('filing')
    d.send(file('2026-04-20', 3))
    expect(d.state).toBe('awaitingRegistration')
    expect(d.context.filing).toMatchObject({ filedOn: '2026-04-20', late: false })
    d.send(ev('filing.registered', { receivedOn: '2026-04-21', registrationNumber: '京人社集备〔2026〕1号' }))
    expect(d.state).toBe('underReview')
    // GZ 22 ¶2: a wage agreement takes effect when the no-objection opinion is delivered.
    d.send(ev('review.approved', { opinionDate: '2026-04-29', deliveredOn: '2026-04-30', sealed: true }))
    expect(d.state).toEqual({ inForce: 'awaitingPublication' })
    expect(d.context.agreement).toMatchObject({
      effectiveOn: '2026-04-30',
      effectiveBy: 'noObjectionOpinion',
      termStartsOn: '2026-04-30',
      expiresOn: '2027-04-29',
      registrationNumber: '京人社集备〔2026〕1号',
    })
    // JHR 48, GZ 23: each side publishes to its own members.
    d.send(publish('worker', '2026-05-06'))
    expect(d.state).toEqual({ inForce: 'awaitingPublication' })
    d.send(publish('employer', '2026-05-06'))
    expect(d.state).toEqual({ inForce: 'published' })
    d.elapse('renewalWindow', '2027-02-27T16:00:00.000Z')
    expect(d.context.agreement!.renewalWindowOpen).toBe(true)
    d.send(ev('renewal.requested', { by: 'employer', sentOn: '2027-03-01', content: '提出2027年度工资协商要约' }))
    expect(d.state).toBe('renewed')
    expect(d.snapshot.status).toBe('done')
    expect(d.cancels(d.last)).toEqual([{ kind: 'expiry' }])
    const output = d.snapshot.output as TNegotiationOutput
    expect(output).toMatchObject({
      outcome: 'renewed',
      nextCase: {
        input: { enterpriseId: 'ent-1', kind: 'wageAgreement', jurisdiction: 'national', previousCaseId: d.context.caseId },
        request: { by: 'employer', sentOn: '2027-03-01' },
        previousAgreement: { expiresOn: '2027-04-29' },
      },
    })
    expect(output.nextCase!.teams.worker!.members).toHaveLength(3)

    expectDeadlines(d.schedules(), [
      ['requestReply', '2026-03-03', 20, 'calendarDays', 'JHR 32; GZ 17', '2026-03-23'],
      ['informationSupply', '2026-03-25', 5, 'calendarDays', 'GZ 18', '2026-03-20', true],
      ['suspensionEnd', '2026-03-30', 10, 'calendarDays', 'JHR 35', '2026-04-09'],
      ['filing', '2026-04-16', 7, 'calendarDays', 'GZ 21', '2026-04-23'],
      ['review', '2026-04-21', 15, 'calendarDays', 'JHR 44-47; GZ 22; LCL 54', '2026-05-06'],
      ['expiry', '2026-04-29', 12, 'months', 'JHR 38; GZ 24', '2027-04-29'],
      ['renewalWindow', '2027-04-29', 60, 'calendarDays', 'GZ 24', '2027-02-28', true],
      // GZ 23: 5 days from 30 April end on 5 May, a Labour Day holiday: CC 203 moves it to 6 May.
      ['publication', '2026-04-30', 5, 'calendarDays', 'GZ 23', '2026-05-06'],
    ])
    expect(d.schedules().find((s) => s.kind === 'renewalWindow')).toMatchObject({ before: true, endOfDay: false })
    expect(d.context.pendingDeadlines).toEqual([])
    expectOnlyKnownEffects(d)
    const documents = d.effects().filter((e) => e.effect === 'document.render').map((e) => e.data['document'])
    expect(documents).toEqual([
      'requestLetter',
      'replyLetter',
      'teamList',
      'teamList',
      'teamList',
      'minutes',
      'minutes',
      'suspensionRecord',
      'minutes',
      'draft',
      'agreement',
      'filingPackage',
      'publicationNotice',
      'publicationNotice',
      'renewalRequest',
    ])
  })
})

describe('national collective contract (JHR): objection → renegotiation → revote → refiling → deemed approval → renewal', () => {
  it('walks every step with every deadline', () => {
    const d = new CaseDriver(input('national', 'collectiveContract'))
    d.send(ev('request.sent', requestPayload('employer', '2026-06-01')))
    d.send(ev('request.received', { receivedOn: '2026-06-02', proof: '工会签收' }))
    d.send(ev('request.answered', { answeredOn: '2026-06-10', text: '同意' }))
    d.send(ev('team.appointed', { side: 'worker', appointedOn: '2026-06-11', members: workerTeam() }))
    d.send(ev('team.appointed', { side: 'employer', appointedOn: '2026-06-11', members: employerTeam() }))
    d.send(ev('recorder.appointed', { appointedOn: '2026-06-11', recorder }))
    d.send(ev('agenda.drafted', { draftedOn: '2026-06-11', draftedBy: 'employer', items: [{ id: 'a1', title: '集体合同文本' }] }))
    d.send(ev('meeting.scheduled', { scheduledOn: '2026-06-11', meetingOn: '2026-06-24', place: '会议室' }))
    // JHR 25(3): a duty to inform, but no national period for collective contracts.
    d.send(ev('information.requested', { by: 'worker', requestedOn: '2026-06-12', items: ['经营状况'] }))
    expect(d.schedules(d.last)).toEqual([])
    d.send(round(1, '2026-06-24', 'employer', 'continued'))
    d.send(round(2, '2026-06-30', 'worker', 'agreed'))
    d.send(draft('2026-06-30', 36))
    // JHR 36: exactly 2/3 present and exactly half of all seats in favour passes ("以上" is inclusive, CC 1259).
    d.send(vote('2026-07-08', { totalSeats: 90, present: 60, yes: 45, no: 15 }, 'open'))
    expect(d.state).toEqual({ bargaining: 'signing' })
    d.send(sign('2026-07-10', { sealed: false }))
    expect(d.state).toBe('filing')
    d.send(ev('agreement.filed', { filedOn: '2026-07-15', copies: 3, explanatoryNote: false, materials: ['合同文本'] }))
    d.send(ev('filing.registered', { receivedOn: '2026-07-16', registrationNumber: 'R-2026-7' }))
    // JHR 45-46: an objection sends the disputed items back to negotiation.
    d.send(
      ev('review.objected', {
        opinionDate: '2026-07-28',
        deliveredOn: '2026-07-29',
        opinion: '第十二条加班工资标准低于法定标准',
        items: ['第十二条'],
        sealed: true,
      }),
    )
    expect(d.state).toEqual({ bargaining: 'negotiating' })
    expect(d.context.renegotiation).toEqual({ objectedOn: '2026-07-29', items: ['第十二条'] })
    d.send(round(3, '2026-08-05', 'employer', 'agreed'))
    d.send(draft('2026-08-05', 36))
    // Statute §(g)3 [U]: the national pack sends the revised draft back to the congress.
    expect(d.state).toEqual({ bargaining: 'awaitingCongress' })
    d.send(vote('2026-08-12', { totalSeats: 90, present: 70, yes: 60 }))
    d.send(sign('2026-08-13'))
    d.send(ev('agreement.filed', { filedOn: '2026-08-20', copies: 3, explanatoryNote: false, materials: ['合同文本'] }))
    d.send(ev('filing.registered', { receivedOn: '2026-08-21', registrationNumber: 'R-2026-9' }))
    // JHR 47 (statute §(g)2): a no-objection opinion does not make a collective contract effective early.
    d.send(ev('review.approved', { opinionDate: '2026-09-01', deliveredOn: '2026-09-01', sealed: true }))
    expect(d.state).toBe('underReview')
    // JHR 47: no objection by the end of day 15 (7 Sept after CC 203) → deemed approved, effective the next day.
    d.elapse('review', endOf('2026-09-07'))
    expect(d.state).toEqual({ inForce: 'awaitingPublication' })
    expect(d.context.agreement).toMatchObject({
      effectiveOn: '2026-09-08',
      effectiveBy: 'deemedApproval',
      expiresOn: '2029-09-07',
      draftVersion: 2,
      registrationNumber: 'R-2026-9',
    })
    expect(d.context.reviews.map((r) => r.outcome)).toEqual(['objected', 'deemedApproved'])
    d.send(publish('employer', '2026-09-09'))
    d.send(publish('worker', '2026-09-09'))
    expect(d.state).toEqual({ inForce: 'published' })
    d.elapse('renewalWindow', '2029-06-06T16:00:00.000Z')
    d.send(ev('renewal.requested', { by: 'worker', sentOn: '2029-06-10', content: '续订' }))
    expect(d.state).toBe('renewed')

    expectDeadlines(d.schedules(), [
      ['requestReply', '2026-06-02', 20, 'calendarDays', 'JHR 32; GZ 17', '2026-06-22'],
      ['filing', '2026-07-10', 10, 'calendarDays', 'JHR 42', '2026-07-20'],
      ['review', '2026-07-16', 15, 'calendarDays', 'JHR 44-47; GZ 22; LCL 54', '2026-07-31'],
      // 23 Aug is a Sunday: CC 203 → Monday 24 Aug.
      ['filing', '2026-08-13', 10, 'calendarDays', 'JHR 42', '2026-08-24'],
      // 5 Sept is a Saturday: CC 203 → Monday 7 Sept.
      ['review', '2026-08-21', 15, 'calendarDays', 'JHR 44-47; GZ 22; LCL 54', '2026-09-07'],
      ['expiry', '2026-09-07', 36, 'months', 'JHR 38', '2029-09-07'],
      ['renewalWindow', '2029-09-07', 3, 'months', 'JHR 38', '2029-06-07', true],
    ])
    expectOnlyKnownEffects(d)
  })
})

describe('Zhejiang collective contract: working-day periods, congress submission, a failed vote (过半数), 5 copies', () => {
  it('walks every step with every deadline', () => {
    const d = new CaseDriver(input('zhejiang', 'collectiveContract'))
    d.send(ev('request.sent', requestPayload('worker', '2026-09-14')))
    d.send(ev('request.received', { receivedOn: '2026-09-15', proof: '签收' }))
    d.send(ev('request.answered', { answeredOn: '2026-09-29', text: '同意' }))
    d.send(ev('team.appointed', { side: 'worker', appointedOn: '2026-09-30', members: workerTeam(4) }))
    // Zhejiang 10: the employer side may be smaller than the worker side.
    d.send(ev('team.appointed', { side: 'employer', appointedOn: '2026-09-30', members: employerTeam(3) }))
    d.send(ev('recorder.appointed', { appointedOn: '2026-09-30', recorder }))
    d.send(ev('agenda.drafted', { draftedOn: '2026-09-30', draftedBy: 'worker', items: [{ id: 'a1', title: '集体合同' }] }))
    d.send(ev('meeting.scheduled', { scheduledOn: '2026-09-30', meetingOn: '2026-10-20', place: '会议室' }))
    d.send(ev('information.requested', { by: 'worker', requestedOn: '2026-09-30', items: ['财务报表'] }))
    d.send(ev('information.supplied', { by: 'employer', suppliedOn: '2026-10-12', items: ['财务报表'] }))
    d.send(round(1, '2026-10-20', 'worker', 'agreed', { attendees: { worker: ['w0', 'w1', 'w2', 'w3'], employer: ['e0', 'e1', 'e2'] } }))
    d.send(draft('2026-10-20', 24))
    // Zhejiang 24: "过半数" — 30 of 60 is not more than half.
    d.send(vote('2026-11-05', { totalSeats: 60, present: 40, yes: 30, no: 10 }))
    expect(d.state).toEqual({ bargaining: 'negotiating' })
    expect(d.context.congressVotes[0]).toMatchObject({ quorate: true, passed: false })
    expect(d.refuse(draft('2026-11-05', 24)).map((v) => v.code)).toContain('DRAFT_WITHOUT_NEW_ROUND')
    d.send(round(2, '2026-11-12', 'employer', 'agreed', { attendees: { worker: ['w0', 'w1', 'w2', 'w3'], employer: ['e0', 'e1', 'e2'] } }))
    d.send(draft('2026-11-12', 24))
    d.send(vote('2026-11-18', { totalSeats: 60, present: 40, yes: 31, no: 9 }))
    d.send(sign('2026-11-20'))
    expect(d.refuse(file('2026-11-25', 3)).map((v) => v.code)).toEqual(['FILING_COPIES_TOO_FEW'])
    d.send(file('2026-11-25', 5))
    d.send(ev('filing.registered', { receivedOn: '2026-11-26', registrationNumber: '浙-2026-88' }))
    d.elapse('review', endOf('2026-12-11'))
    expect(d.context.agreement).toMatchObject({ effectiveOn: '2026-12-12', expiresOn: '2028-12-11' })
    // Zhejiang 35: the employer publishes to all workers.
    d.send(publish('employer', '2026-12-15'))
    expect(d.state).toEqual({ inForce: 'published' })
    d.elapse('renewalWindow', '2028-09-11T16:00:00.000Z')
    d.send(ev('renewal.requested', { by: 'worker', sentOn: '2028-09-15', content: '续订' }))
    expect(d.state).toBe('renewed')

    expectDeadlines(d.schedules(), [
      // 10 working days from 15 Sept: Sunday 20 Sept is a 调休 working day; 25-27 Sept (Mid-Autumn) are skipped.
      ['requestReply', '2026-09-15', 10, 'workingDays', 'Zhejiang 7', '2026-09-29'],
      ['informationSupply', '2026-10-20', 7, 'calendarDays', 'Zhejiang 16', '2026-10-13', true],
      ['congressSubmission', '2026-10-20', 15, 'workingDays', 'Zhejiang 24', '2026-11-10'],
      ['congressSubmission', '2026-11-12', 5, 'workingDays', 'Zhejiang 24 ¶3', '2026-11-19'],
      ['filing', '2026-11-20', 10, 'calendarDays', 'Zhejiang 34', '2026-11-30'],
      ['review', '2026-11-26', 15, 'calendarDays', 'Zhejiang 34; JHR 47', '2026-12-11'],
      ['expiry', '2026-12-11', 24, 'months', 'Zhejiang 30', '2028-12-11'],
      ['renewalWindow', '2028-12-11', 90, 'calendarDays', 'Zhejiang 30 ¶3', '2028-09-12', true],
      ['publication', '2026-12-12', 5, 'workingDays', 'Zhejiang 35', '2026-12-18'],
    ])
    expectOnlyKnownEffects(d)
  })
})

describe('Chongqing collective contract: suspension cap, coordination 60 + 30 (Chongqing 48), publication 10 days', () => {
  it('walks every step with every deadline', () => {
    const d = new CaseDriver(input('chongqing', 'collectiveContract'))
    d.send(ev('request.sent', requestPayload('worker', '2026-05-06')))
    d.send(ev('request.received', { receivedOn: '2026-05-07', proof: '签收' }))
    // Chongqing 19: the request may not be refused.
    expect(d.refuse(ev('request.refused', { answeredOn: '2026-05-08', reason: '经营困难' })).map((v) => v.code)).toEqual(['REFUSAL_NOT_ALLOWED'])
    d.send(ev('request.answered', { answeredOn: '2026-05-20', text: '同意' }))
    d.send(ev('team.appointed', { side: 'worker', appointedOn: '2026-05-21', members: workerTeam() }))
    d.send(ev('team.appointed', { side: 'employer', appointedOn: '2026-05-21', members: employerTeam() }))
    d.send(ev('recorder.appointed', { appointedOn: '2026-05-21', recorder }))
    d.send(ev('agenda.drafted', { draftedOn: '2026-05-21', draftedBy: 'joint', items: [{ id: 'a1', title: '集体合同' }] }))
    d.send(ev('information.requested', { by: 'worker', requestedOn: '2026-05-21', items: ['经营数据'] }))
    d.send(ev('meeting.scheduled', { scheduledOn: '2026-05-22', meetingOn: '2026-06-10', place: '会议室' }))
    d.send(ev('information.supplied', { by: 'employer', suppliedOn: '2026-05-29', items: ['经营数据'] }))
    d.send(round(1, '2026-06-10', 'worker', 'deadlocked'))
    const suspension = { suspendedOn: '2026-06-10', reason: '分歧较大', forceMajeure: false, workerConsent: true }
    expect(
      d.refuse(ev('negotiation.suspended', { ...suspension, periodDays: 40, nextMeeting: { on: '2026-07-20' } })).map((v) => v.code),
    ).toEqual(['SUSPENSION_TOO_LONG'])
    d.send(ev('negotiation.suspended', { ...suspension, periodDays: 30, nextMeeting: { on: '2026-07-10' } }))
    // JHR 49: one side applies for coordination during the suspension.
    d.send(ev('coordination.requested', { requestedOn: '2026-06-20', by: 'worker', reason: '工资增幅分歧', disputedItems: ['增幅'] }))
    expect(d.state).toEqual({ bargaining: 'coordinationRequested' })
    expect(d.context.suspensions[0]).toMatchObject({ endedBy: 'coordination', daysUsed: 10 })
    d.send(ev('coordination.accepted', { acceptedOn: '2026-06-22', onOwnInitiative: false }))
    expect(d.state).toEqual({ bargaining: { coordinating: 'withinPeriod' } })
    expect(d.refuse(ev('coordination.extended', { extendedOn: '2026-08-15', days: 31, reason: '争议复杂' })).map((v) => v.code)).toEqual([
      'COORDINATION_EXTENSION_TOO_LONG',
    ])
    d.send(ev('coordination.extended', { extendedOn: '2026-08-15', days: 30, reason: '争议复杂' }))
    expect(d.state).toEqual({ bargaining: { coordinating: 'extended' } })
    d.send(
      ev('coordination.agreed', {
        agreedOn: '2026-09-01',
        resolvedItems: ['增幅6%'],
        openItems: ['津贴'],
        signedBy: { worker: 'w0', employer: 'e0' },
        coordinators: ['人社局', '总工会', '企业联合会'],
        sealed: true,
      }),
    )
    expect(d.state).toEqual({ bargaining: 'negotiating' })
    d.send(round(2, '2026-09-03', 'employer', 'agreed'))
    d.send(draft('2026-09-03', 12))
    d.send(vote('2026-09-10', { totalSeats: 60, present: 40, yes: 30 }))
    expect(d.state).toEqual({ bargaining: 'signing' })
    d.send(sign('2026-09-11'))
    d.send(file('2026-09-15', 3))
    d.send(ev('filing.registered', { receivedOn: '2026-09-16', registrationNumber: '渝-2026-5', receiptNoticeRef: '收件通知书' }))
    d.elapse('review', endOf('2026-10-08'))
    expect(d.context.agreement).toMatchObject({ effectiveOn: '2026-10-09', expiresOn: '2027-10-08' })
    d.send(publish('employer', '2026-10-12'))
    expect(d.state).toEqual({ inForce: 'published' })
    d.elapse('renewalWindow', '2027-07-07T16:00:00.000Z')
    d.send(ev('renewal.requested', { by: 'employer', sentOn: '2027-07-20', content: '续订' }))
    expect(d.state).toBe('renewed')

    expectDeadlines(d.schedules(), [
      ['requestReply', '2026-05-07', 20, 'calendarDays', 'Chongqing 19', '2026-05-27'],
      ['informationSupply', '2026-06-10', 10, 'calendarDays', 'Chongqing 20', '2026-05-31', true],
      ['suspensionEnd', '2026-06-10', 30, 'calendarDays', 'JHR 35; Chongqing 22 ¶3', '2026-07-10'],
      ['coordination', '2026-06-22', 60, 'calendarDays', 'Chongqing 48', '2026-08-21'],
      // 60 + 30 days end on Sunday 20 Sept, a 调休 working day: no CC 203 extension.
      ['coordination', '2026-06-22', 90, 'calendarDays', 'Chongqing 48', '2026-09-20'],
      ['filing', '2026-09-11', 10, 'calendarDays', 'Chongqing 28', '2026-09-21'],
      // 15 days end on 1 Oct (National Day): CC 203 → 8 Oct.
      ['review', '2026-09-16', 15, 'calendarDays', 'Chongqing 28 ¶4', '2026-10-08'],
      ['expiry', '2026-10-08', 12, 'months', 'Chongqing 24 ¶3', '2027-10-08'],
      ['renewalWindow', '2027-10-08', 3, 'months', 'Chongqing 33', '2027-07-08', true],
      ['publication', '2026-10-09', 10, 'calendarDays', 'Chongqing 29', '2026-10-19'],
    ])
    expect(d.cancels().map((c) => c.kind)).toEqual([
      'requestReply',
      'informationSupply',
      'suspensionEnd',
      'coordination',
      'coordination',
      'filing',
      'review',
      'publication',
      'expiry',
    ])
    expectOnlyKnownEffects(d)
  })
})

describe('Shandong wage agreement: 60-day limit from acceptance, force-majeure suspension not counted (Shandong 28)', () => {
  it('walks every step with every deadline', () => {
    const d = new CaseDriver(input('shandong', 'wageAgreement'))
    d.send(ev('request.sent', requestPayload('employer', '2026-03-02')))
    d.send(ev('request.received', { receivedOn: '2026-03-03', proof: '签收' }))
    d.send(ev('request.answered', { answeredOn: '2026-03-06', text: '同意' }))
    d.send(ev('team.appointed', { side: 'worker', appointedOn: '2026-03-09', members: workerTeam() }))
    d.send(ev('team.appointed', { side: 'employer', appointedOn: '2026-03-09', members: employerTeam() }))
    d.send(ev('recorder.appointed', { appointedOn: '2026-03-09', recorder }))
    d.send(ev('agenda.drafted', { draftedOn: '2026-03-09', draftedBy: 'employer', items: [{ id: 'a1', title: '工资' }] }))
    d.send(ev('meeting.scheduled', { scheduledOn: '2026-03-09', meetingOn: '2026-03-25', place: '会议室' }))
    d.send(ev('information.requested', { by: 'worker', requestedOn: '2026-03-10', items: ['利润'] }))
    d.send(ev('information.supplied', { by: 'employer', suppliedOn: '2026-03-13', items: ['利润'] }))
    // Shandong 25: the requesting side's chief chairs the first round.
    expect(d.refuse(round(1, '2026-03-25', 'worker', 'continued')).map((v) => v.code)).toEqual(['FIRST_ROUND_NOT_PRESIDED_BY_REQUESTER'])
    d.send(round(1, '2026-03-25', 'employer', 'continued'))
    // Shandong 28: only force majeure; then open-ended, and the days do not count towards the 60.
    expect(
      d.refuse(ev('negotiation.suspended', { suspendedOn: '2026-03-26', periodDays: 10, nextMeeting: { on: '2026-04-05' }, reason: '分歧', forceMajeure: false, workerConsent: true })).map((v) => v.code),
    ).toEqual(['SUSPENSION_REQUIRES_FORCE_MAJEURE'])
    d.send(ev('negotiation.suspended', { suspendedOn: '2026-03-26', reason: '洪水停产', forceMajeure: true, workerConsent: false }))
    expect(d.cancels(d.last)).toEqual([{ kind: 'negotiationLimit' }])
    d.send(ev('negotiation.resumed', { resumedOn: '2026-04-05' }))
    expect(d.context.limit).toMatchObject({ startedOn: '2026-03-06', excludedDays: 10, from: '2026-03-16', exceeded: false })
    expect(d.context.pendingDeadlines).toContain('negotiationLimit')
    d.send(round(2, '2026-04-07', 'worker', 'agreed'))
    d.send(draft('2026-04-07', 12))
    d.send(vote('2026-04-14', { totalSeats: 60, present: 40, yes: 31 }))
    d.send(sign('2026-04-15'))
    expect(d.cancels(d.last)).toEqual([{ kind: 'negotiationLimit' }])
    d.send(file('2026-04-20', 3))
    d.send(ev('filing.registered', { receivedOn: '2026-04-21', registrationNumber: '鲁-1' }))
    d.send(ev('review.approved', { opinionDate: '2026-04-27', deliveredOn: '2026-04-28', sealed: true }))
    d.send(publish('worker', '2026-04-30'))
    d.send(publish('employer', '2026-04-30'))
    expect(d.state).toEqual({ inForce: 'published' })
    d.elapse('renewalWindow', '2027-02-25T16:00:00.000Z')
    d.send(ev('renewal.requested', { by: 'worker', sentOn: '2027-03-01', content: '续订' }))
    expect(d.state).toBe('renewed')

    expectDeadlines(d.schedules(), [
      ['requestReply', '2026-03-03', 10, 'calendarDays', 'Shandong 21', '2026-03-13'],
      // 60 days from 6 March end on 5 May (Labour Day): CC 203 → 6 May.
      ['negotiationLimit', '2026-03-06', 60, 'calendarDays', 'Shandong 28', '2026-05-06'],
      ['informationSupply', '2026-03-25', 10, 'calendarDays', 'Shandong 23', '2026-03-15', true],
      // Re-armed after 10 suspended days: the start moves to 16 March.
      ['negotiationLimit', '2026-03-16', 60, 'calendarDays', 'Shandong 28', '2026-05-15'],
      // 10 days from 15 April end on Saturday 25 April: CC 203 → Monday 27 April.
      ['filing', '2026-04-15', 10, 'calendarDays', 'Shandong 29', '2026-04-27'],
      ['review', '2026-04-21', 15, 'calendarDays', 'Shandong 30', '2026-05-06'],
      ['expiry', '2026-04-27', 12, 'months', 'Shandong 17 ¶3', '2027-04-27'],
      ['renewalWindow', '2027-04-27', 60, 'calendarDays', 'GZ 24', '2027-02-26', true],
      ['publication', '2026-04-28', 7, 'calendarDays', 'Shandong 31', '2026-05-06'],
    ])
    expectOnlyKnownEffects(d)
  })
})

describe('Hangzhou wage agreement: limit from the request (Hangzhou 29), working-day periods, secret ballot', () => {
  it('walks every step with every deadline', () => {
    const d = new CaseDriver(input('hangzhou', 'wageAgreement'))
    toNegotiating(d, { sent: '2026-06-01', received: '2026-06-02', answered: '2026-06-08', appointed: '2026-06-09', meeting: '2026-06-24' })
    d.send(ev('information.requested', { by: 'worker', requestedOn: '2026-06-09', items: ['人工成本'] }))
    d.send(ev('information.supplied', { by: 'employer', suppliedOn: '2026-06-11', items: ['人工成本'] }))
    d.send(round(1, '2026-06-24', 'worker', 'agreed'))
    d.send(draft('2026-06-24', 12))
    expect(d.cancels(d.last)).toEqual([{ kind: 'negotiationLimit' }])
    expect(d.refuse(vote('2026-07-01', { totalSeats: 60, present: 45, yes: 35 }, 'open')).map((v) => v.code)).toEqual([
      'CONGRESS_BALLOT_NOT_SECRET',
    ])
    d.send(vote('2026-07-01', { totalSeats: 60, present: 45, yes: 35 }))
    d.send(sign('2026-07-02'))
    d.send(file('2026-07-10', 3))
    d.send(ev('filing.registered', { receivedOn: '2026-07-13', registrationNumber: '杭-1' }))
    d.send(ev('review.approved', { opinionDate: '2026-07-20', deliveredOn: '2026-07-20', sealed: true }))
    d.send(publish('employer', '2026-07-22'))
    d.elapse('renewalWindow', '2027-04-19T16:00:00.000Z')
    d.send(ev('renewal.requested', { by: 'worker', sentOn: '2027-04-21', content: '续订' }))
    expect(d.state).toBe('renewed')

    expectDeadlines(d.schedules(), [
      ['requestReply', '2026-06-02', 10, 'workingDays', 'Hangzhou 24', '2026-06-16'],
      ['negotiationLimit', '2026-06-01', 60, 'calendarDays', 'Hangzhou 29', '2026-07-31'],
      // 7 working days before 24 June, skipping the Dragon Boat holiday (19-21 June).
      ['informationSupply', '2026-06-24', 7, 'workingDays', 'Hangzhou 25 ¶2', '2026-06-12', true],
      ['congressSubmission', '2026-06-24', 15, 'workingDays', 'Hangzhou 28', '2026-07-15'],
      // 10 days from 2 July end on Sunday 12 July: CC 203 → 13 July.
      ['filing', '2026-07-02', 10, 'calendarDays', 'Hangzhou 40', '2026-07-13'],
      ['review', '2026-07-13', 15, 'calendarDays', 'Hangzhou 40', '2026-07-28'],
      ['expiry', '2026-07-19', 12, 'months', 'Hangzhou 23; JHR 38', '2027-07-19'],
      ['renewalWindow', '2027-07-19', 90, 'calendarDays', 'Hangzhou 23 ¶2', '2027-04-20', true],
      ['publication', '2026-07-20', 5, 'workingDays', 'Hangzhou 41', '2026-07-27'],
    ])
    expectOnlyKnownEffects(d)
  })
})

describe('Guangzhou wage agreement with structured clauses and preparation figures (issue 10)', () => {
  it('walks four rounds of proposals to an agreement assembled from the agreed clauses', () => {
    // 420 workers in 4 groups; no Guangdong pack yet (statute §(f)), so the national rules apply.
    const d = new CaseDriver(input('national', 'wageAgreement', { caseId: 'case-gz-2026', workforce: { staffCount: 420 } }))
    d.send(ev('request.sent', requestPayload('worker', '2026-03-02')))
    d.send(ev('request.received', { receivedOn: '2026-03-03', proof: '签收单' }))
    d.send(ev('request.answered', { answeredOn: '2026-03-10', text: '同意协商' }))
    // GZ 8: figures may be recorded from the start of the bargaining, before the teams are complete.
    d.send(ev('preparation.figuresRecorded', { by: 'employer', recordedOn: '2026-03-10', enterprise: gz.enterpriseFigures(gz.firstGroups) }))
    d.send(ev('team.appointed', { side: 'worker', appointedOn: '2026-03-11', members: workerTeam() }))
    d.send(ev('team.appointed', { side: 'employer', appointedOn: '2026-03-11', members: employerTeam() }))
    d.send(ev('recorder.appointed', { appointedOn: '2026-03-11', recorder }))
    expect(d.state).toEqual({ bargaining: 'preparing' })
    d.send(ev('preparation.figuresRecorded', { by: 'worker', recordedOn: '2026-03-12', regional: gz.regionalFigures }))
    d.send(
      ev('opinions.collected', {
        side: 'worker',
        collectedOn: '2026-03-12',
        summary: '多数职工希望提高一线岗位工资和夜班津贴',
        survey: {
          respondents: 380,
          topics: [
            { topic: '平均工资增幅', count: 352 },
            { topic: '夜班津贴', count: 141 },
            { topic: '企业最低工资', count: 97 },
          ],
          method: '线上问卷',
        },
      }),
    )
    d.send(ev('agenda.drafted', { draftedOn: '2026-03-12', draftedBy: 'worker', items: [{ id: 'a1', title: '2026年度工资调整' }] }))
    d.send(ev('meeting.scheduled', { scheduledOn: '2026-03-12', meetingOn: '2026-03-25', place: '公司会议室' }))
    d.send(round(1, '2026-03-25', 'worker', 'continued', gz.roundClauses[1]))
    // The support group's wage was recorded wrong: the correction replaces that field and keeps the first version.
    d.send(ev('preparation.figuresRecorded', { by: 'employer', recordedOn: '2026-03-27', enterprise: { groups: gz.enterpriseFigures().groups! } }))
    expect(d.context.preparation.figures.enterprise.groups!.value).toEqual(gz.groups)
    expect(d.context.preparation.figures.enterprise.profitFen!.value).toBe(4_100_000_000)
    expect(d.context.preparation.figureHistory.map((h) => [h.by, h.recordedOn])).toEqual([
      ['employer', '2026-03-10'],
      ['worker', '2026-03-12'],
      ['employer', '2026-03-27'],
    ])
    d.send(round(2, '2026-04-01', 'employer', 'continued', gz.roundClauses[2]))
    d.send(round(3, '2026-04-08', 'worker', 'continued', gz.roundClauses[3]))
    d.send(round(4, '2026-04-15', 'employer', 'agreed', gz.roundClauses[4]))

    // Worker 8.0% → 7.0% → 6.5%; employer 4.0% → 5.0% → 6.0%; agreed 6.5% at round 4.
    expect(describeDiff(diffRounds(d.context, 1, 2)).map((l) => l.zh)).toEqual([
      '企业最低工资：职工方由 2,800元/月 调整为 2,600元/月',
      '企业最低工资：企业方由 2,550元/月 调整为 2,600元/月',
      '企业最低工资：双方商定 2,600元/月',
      '平均工资增幅：职工方由 8.0% 调整为 7.0%',
      '平均工资增幅：企业方由 4.0% 调整为 5.0%',
      '工资支付日：双方商定 每月15日',
      '工资支付方式：双方商定 工资以货币形式按月支付至职工本人银行账户，并提供工资清单。',
    ])
    expect(describeDiff(diffRounds(d.context, 3, 4)).map((l) => l.en)).toEqual([
      'Average wage increase: agreed at 6.5%',
      'Allowance (夜班津贴): worker side from 300 yuan per month (夜班岗位职工) to 250 yuan per month (夜班岗位职工)',
      'Allowance (夜班津贴): agreed at 250 yuan per month (夜班岗位职工)',
    ])
    // The minutes of each round carry the diff against the round before.
    const minutes = d.effects().filter((e) => e.effect === 'document.render' && e.data['document'] === 'minutes')
    expect(minutes.map((m) => m.data['round'])).toEqual([1, 2, 3, 4])
    expect(minutes[1]!.data['clauseChanges']).toContainEqual({
      zh: '平均工资增幅：职工方由 8.0% 调整为 7.0%',
      en: 'Average wage increase: worker side from 8.0% to 7.0%',
    })
    expect(minutes[2]!.data['clauseChanges']).toContainEqual({
      zh: '平均工资增幅：企业方由 5.0% 调整为 6.0%',
      en: 'Average wage increase: employer side from 5.0% to 6.0%',
    })

    // Costing of the positions after round 3 and of the agreement (hand computations in costing.test.ts).
    const r3 = costPositions(d.context, 3)!
    expect(r3.worker!.totals).toMatchObject({ afterYearlyFen: 2_912_067_360, increaseBasisPoints: 703 })
    expect(r3.employer!.totals).toMatchObject({ afterYearlyFen: 2_891_262_960, increaseBasisPoints: 626 })
    const agreedCost = costPositions(d.context)!.agreed!
    expect(agreedCost.totals).toEqual({
      headcount: 420,
      // Σ wage × headcount × 12 = 1,501,450,080 + 617,446,200 + 438,048,000 + 163,870,200
      beforeYearlyFen: 2_720_814_480,
      // 512,514×3,120 + 782,834×840 + 971,919×480 + 290,870×600 = 2,897,667,360; + 夜班津贴 120 × (250 − 200) yuan × 12 = 7,200,000 fen
      afterYearlyFen: 2_904_867_360,
      increaseYearlyFen: 184_052_880,
      // 184,052,880 / 2,720,814,480 = 6.7646% → 676 bp
      increaseBasisPoints: 676,
      // 226,734,540 / 420 = 539,844.14 → 539,844
      averageMonthlyBeforeFen: 539_844,
      // (241,472,280 + 600,000) / 420 = 576,362.57 → 576,363
      averageMonthlyAfterFen: 576_363,
    })
    expect(agreedCost.minimumWage).toMatchObject({ fenPerMonth: 250_000, enterpriseMinimumFen: 260_000 })
    expect(agreedCost.guideline).toMatchObject({ band: 'withinBand', comparedToBaseline: 'above' })
    expect(agreedCost.flags).toEqual([])

    // JHR 34(4): the draft is exactly the agreed clauses; GZ 7: all nine items.
    const draftEvent = (clauses: typeof gz.agreedAfterRound4) =>
      ev('draft.agreed', {
        agreedOn: '2026-04-15',
        title: '广州某制造有限公司2026年度工资专项集体合同',
        text: '……',
        items: [],
        clauses,
        signedBy: { worker: 'w0', employer: 'e0' },
      })
    expect(d.refuse(draftEvent(gz.agreedAfterRound4.filter((c) => c.kind !== 'liability'))).map((v) => [v.code, v.article])).toEqual([
      ['AGREED_CLAUSE_MISSING_FROM_DRAFT', 'JHR 34(4)'],
      ['WAGE_AGREEMENT_ITEM_MISSING', 'GZ 7(8)'],
    ])
    expect(agreedClausesOf(d.context)).toEqual(gz.agreedAfterRound4)
    d.send(draftEvent(gz.agreedAfterRound4))
    // The term comes from the agreed term clause.
    expect(d.context.draft).toMatchObject({ termMonths: 12, termStartsOn: '2026-06-01', basedOnRound: 4 })
    d.send(vote('2026-04-22', { totalSeats: 60, present: 52, yes: 47, no: 3, abstain: 2 }))
    d.send(sign('2026-04-23'))
    d.send(file('2026-04-27', 3))
    d.send(ev('filing.registered', { receivedOn: '2026-04-28', registrationNumber: '穗人社集备〔2026〕88号' }))
    d.send(ev('review.approved', { opinionDate: '2026-05-08', deliveredOn: '2026-05-08', sealed: true }))
    expect(d.context.agreement).toMatchObject({ effectiveOn: '2026-05-08', termStartsOn: '2026-06-01', expiresOn: '2027-05-31' })

    // The agreement assembled from the draft's clauses, item by item.
    const agreement = assembleAgreement(d.context)
    expect(agreement).toMatchObject({ type: 'wage', basis: 'draft', draftVersion: 1, missingItems: [], term: { months: 12, startsOn: '2026-06-01' } })
    expect(agreement.sections.map((s) => [s.number, s.clauses.map((c) => c.key)])).toEqual([
      [1, ['term']],
      [2, ['enterpriseMinimumWage']],
      [3, ['averageWageIncrease']],
      [4, ['allowance:夜班津贴']],
      [5, ['payDay', 'paymentMethod']],
      [6, ['changeProcedure']],
      [7, ['termination']],
      [8, ['liability']],
      [9, ['text:other']],
    ])
    const items = toWageAgreementItems(agreement)
    expect(items.wageLevel).toEqual(['职工年度平均工资在上年度基础上增长6.5%。'])
    expect(items.paySystem).toEqual(['本企业职工月最低工资为2,600元，不低于当地最低工资标准。'])
    expect(items.term).toEqual([])
    expectOnlyKnownEffects(d)
  })
})
