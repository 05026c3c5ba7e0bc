/**
 * One test per statutory rule, named by its article, driven through the machine (so guard and explanation agree).
 */
import { describe, expect, it } from 'vitest'
import { explainRefusal } from '../../../workflows/negotiation/rules.js'
import { shippedCalendars } from '../../../workflows/rules/calendar/index.js'
import { computeDeadline } from '../../../workflows/rules/deadlines.js'
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

const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString()
const codes = (vs: { code: string }[]) => vs.map((v) => v.code)
const dates = { sent: '2026-03-02', received: '2026-03-03', answered: '2026-03-10', appointed: '2026-03-11', meeting: '2026-03-25' }

function negotiating(jurisdiction = 'national', kind: Parameters<typeof input>[1] = 'wageAgreement') {
  const d = toNegotiating(new CaseDriver(input(jurisdiction, kind)), dates)
  d.send(round(1, '2026-03-25', 'worker', 'continued'))
  return d
}

function awaitingCongress(jurisdiction = 'national', kind: Parameters<typeof input>[1] = 'wageAgreement') {
  const d = negotiating(jurisdiction, kind)
  d.send(round(2, '2026-04-01', 'employer', 'agreed'))
  d.send(draft('2026-04-01', 12))
  return d
}

function filing(jurisdiction = 'national', kind: Parameters<typeof input>[1] = 'wageAgreement') {
  const d = awaitingCongress(jurisdiction, kind)
  d.send(vote('2026-04-08', { totalSeats: 60, present: 50, yes: 40 }))
  d.send(sign('2026-04-16'))
  return d
}

function inForce(jurisdiction = 'national', kind: Parameters<typeof input>[1] = 'wageAgreement') {
  const d = filing(jurisdiction, kind)
  d.send(file('2026-04-20', 5))
  d.send(ev('filing.registered', { receivedOn: '2026-04-21', registrationNumber: 'R-1' }))
  d.elapse('review', endOf('2026-05-06'))
  return d
}

describe('request and reply', () => {
  it('JHR 32: no written reply within 20 days of receipt → overdue; a late answer is recorded as late', () => {
    const d = new CaseDriver(input('national'))
    d.send(ev('request.sent', requestPayload('worker', '2026-03-02')))
    d.send(ev('request.received', { receivedOn: '2026-03-03', proof: '挂号信回执' }))
    expect(computeDeadline({ ...d.schedules()[0]!, timeZone: 'Asia/Shanghai', calendars: shippedCalendars }).lastDay).toBe('2026-03-23')
    d.elapse('requestReply', endOf('2026-03-23'))
    expect(d.state).toBe('replyOverdue')
    expect(d.snapshot.hasTag('overdue')).toBe(true)
    expect(d.effects(d.last).map((e) => e.effect)).toEqual(['notify.replyOverdue'])
    d.send(ev('request.answered', { answeredOn: '2026-03-25', text: '同意' }))
    expect(d.context.reply).toMatchObject({ accepted: true, late: true })
    expect(d.state).toEqual({ bargaining: 'appointingTeams' })
  })

  it('JHR 56, TUL 54(4): after silence the requesting side asks the bureau; a late answer then opens the negotiation', () => {
    const d = new CaseDriver(input('national'))
    d.send(ev('request.sent', requestPayload('worker', '2026-03-02')))
    d.send(ev('request.received', { receivedOn: '2026-03-03', proof: '签收' }))
    d.elapse('requestReply', endOf('2026-03-23'))
    d.send(ev('intervention.requested', { requestedOn: '2026-03-24', reason: '企业逾期未答复' }))
    expect(d.state).toBe('bureauIntervention')
    d.send(ev('request.answered', { answeredOn: '2026-04-01', text: '同意' }))
    expect(d.state).toEqual({ bargaining: 'appointingTeams' })
  })

  it('JHR 32: a receipt cannot predate the request, nor a reply the receipt', () => {
    const d = new CaseDriver(input('national'))
    d.send(ev('request.sent', requestPayload('worker', '2026-03-02')))
    expect(codes(d.refuse(ev('request.received', { receivedOn: '2026-03-01', proof: 'x' })))).toEqual(['RECEIPT_BEFORE_SENDING'])
    d.send(ev('request.received', { receivedOn: '2026-03-03', proof: 'x' }))
    const v = d.refuse(ev('request.answered', { answeredOn: '2026-03-02', text: 'x' }))
    expect(v).toEqual([expect.objectContaining({ code: 'REPLY_BEFORE_RECEIPT', field: 'answeredOn', article: 'JHR 32' })])
  })

  it('JHR 32: refusal with a stated reason is allowed nationally', () => {
    const d = new CaseDriver(input('national', 'collectiveContract'))
    d.send(ev('request.sent', requestPayload('worker', '2026-03-02')))
    d.send(ev('request.received', { receivedOn: '2026-03-03', proof: 'x' }))
    d.send(ev('request.refused', { answeredOn: '2026-03-05', reason: '企业正在破产清算' }))
    expect(d.state).toBe('refused')
    expect(d.context.reply).toMatchObject({ accepted: false })
  })

  it('Zhejiang 7: a request may not be refused', () => {
    const d = new CaseDriver(input('zhejiang'))
    d.send(ev('request.sent', requestPayload('worker', '2026-03-02')))
    d.send(ev('request.received', { receivedOn: '2026-03-03', proof: 'x' }))
    const v = d.refuse(ev('request.refused', { answeredOn: '2026-03-05', reason: '无' }))
    expect(v).toEqual([expect.objectContaining({ code: 'REFUSAL_NOT_ALLOWED', article: 'Zhejiang 7' })])
    expect(v[0]!.message.zh).toContain('不得拒绝')
  })

  it('Beijing 32: a wage request (pay) may not be refused; Shanghai 15 allows it unless the request names a protected topic', () => {
    const beijing = new CaseDriver(input('beijing', 'wageAgreement'))
    beijing.send(ev('request.sent', requestPayload('worker', '2026-03-02')))
    beijing.send(ev('request.received', { receivedOn: '2026-03-03', proof: 'x' }))
    expect(codes(beijing.refuse(ev('request.refused', { answeredOn: '2026-03-05', reason: '无' })))).toEqual(['REFUSAL_ON_PROTECTED_TOPIC'])

    const shanghai = new CaseDriver(input('shanghai', 'collectiveContract'))
    shanghai.send(ev('request.sent', requestPayload('worker', '2026-03-02')))
    shanghai.send(ev('request.received', { receivedOn: '2026-03-03', proof: 'x' }))
    expect(shanghai.can(ev('request.refused', { answeredOn: '2026-03-05', reason: '理由' }))).toBe(true)

    const layoffs = new CaseDriver(input('shanghai', 'collectiveContract'))
    layoffs.send(ev('request.sent', { ...requestPayload('worker', '2026-03-02'), topics: ['massLayoffs'] }))
    layoffs.send(ev('request.received', { receivedOn: '2026-03-03', proof: 'x' }))
    const v = layoffs.refuse(ev('request.refused', { answeredOn: '2026-03-05', reason: '理由' }))
    expect(v).toEqual([expect.objectContaining({ code: 'REFUSAL_ON_PROTECTED_TOPIC', article: 'Shanghai 15' })])
  })

  it('withdrawing the request closes the case and cancels the reply deadline', () => {
    const d = new CaseDriver(input('national'))
    d.send(ev('request.sent', requestPayload('worker', '2026-03-02')))
    d.send(ev('request.received', { receivedOn: '2026-03-03', proof: 'x' }))
    d.send(ev('request.withdrawn', { reason: '双方另行商定' }))
    expect(d.state).toBe('closed')
    expect(d.snapshot.status).toBe('done')
    expect(d.context.closedReason).toBe('双方另行商定')
    expect(d.cancels(d.last)).toEqual([{ kind: 'requestReply' }])
    expect(d.snapshot.output).toMatchObject({ outcome: 'closed' })
  })
})

describe('teams through the machine', () => {
  it('JHR 19: the case waits in appointingTeams until both teams and the recorder are valid; violations carry field paths', () => {
    const d = new CaseDriver(input('national'))
    d.send(ev('request.sent', requestPayload('worker', '2026-03-02')))
    d.send(ev('request.received', { receivedOn: '2026-03-03', proof: 'x' }))
    d.send(ev('request.answered', { answeredOn: '2026-03-04', text: 'ok' }))
    const small = ev('team.appointed', { side: 'worker', appointedOn: '2026-03-05', members: workerTeam(2) })
    expect(d.refuse(small)).toEqual([expect.objectContaining({ code: 'TEAM_TOO_SMALL', field: 'members' })])
    d.send(ev('team.appointed', { side: 'worker', appointedOn: '2026-03-05', members: workerTeam(3) }))
    expect(codes(d.refuse(ev('team.appointed', { side: 'employer', appointedOn: '2026-03-05', members: employerTeam(4) })))).toEqual([
      'TEAM_SIZES_UNEQUAL',
    ])
    d.send(ev('team.appointed', { side: 'employer', appointedOn: '2026-03-05', members: employerTeam(3) }))
    expect(d.refuse(ev('recorder.appointed', { appointedOn: '2026-03-05', recorder: { id: 'w1', name: 'x' } }))).toEqual([
      expect.objectContaining({ code: 'RECORDER_IS_NEGOTIATOR', field: 'recorder.id' }),
    ])
    expect(d.state).toEqual({ bargaining: 'appointingTeams' })
    d.send(ev('recorder.appointed', { appointedOn: '2026-03-05', recorder }))
    expect(d.state).toEqual({ bargaining: 'preparing' })
  })

  it('JHR 31: a vacancy is filled within 15 days; filling it cancels the deadline', () => {
    const d = negotiating()
    d.send(ev('member.vacated', { side: 'employer', memberId: 'e2', vacatedOn: '2026-03-26', reason: '离职' }))
    expect(d.schedules(d.last)).toEqual([
      expect.objectContaining({ kind: 'vacancyFill', from: '2026-03-26', period: { length: 15, unit: 'calendarDays', article: 'JHR 31' } }),
    ])
    expect(codes(d.refuse(ev('member.vacated', { side: 'employer', memberId: 'e9', vacatedOn: '2026-03-26', reason: 'x' })))).toEqual([
      'MEMBER_NOT_ON_TEAM',
    ])
    d.elapse('vacancyFill', endOf('2026-04-10'))
    expect(d.effects(d.last).map((e) => e.effect)).toEqual(['notify.vacancyOverdue'])
    d.send(ev('vacancy.filled', { side: 'employer', filledOn: '2026-04-12', member: { id: 'e3', name: '新代表', isChief: false, isExternal: false } }))
    expect(d.context.vacancies).toEqual([])
    expect(d.context.teams.employer!.members.map((m) => m.id)).toEqual(['e0', 'e1', 'e3'])
    expect(d.context.elapsed.map((e) => e.kind)).toEqual(['vacancyFill'])
  })

  it('JHR 20 + JHR 31: a vacated chief must be replaced by a qualified chief', () => {
    const d = negotiating()
    d.send(ev('member.vacated', { side: 'worker', memberId: 'w0', vacatedOn: '2026-03-26', reason: '调离' }))
    const v = d.refuse(ev('vacancy.filled', { side: 'worker', filledOn: '2026-03-30', member: { id: 'w9', name: '新主席', isChief: false, isExternal: false } }))
    expect(codes(v)).toEqual(['TEAM_CHIEF_MISSING'])
    d.send(ev('vacancy.filled', { side: 'worker', filledOn: '2026-03-30', member: { id: 'w9', name: '新主席', isChief: true, chiefBasis: 'unionChair', isExternal: false } }))
    expect(d.cancels(d.last)).toEqual([{ kind: 'vacancyFill' }])
  })

  it('Chongqing 15: no round while a vacancy is open', () => {
    const d = negotiating('chongqing', 'collectiveContract')
    d.send(ev('member.vacated', { side: 'employer', memberId: 'e2', vacatedOn: '2026-03-26', reason: '离职' }))
    const v = d.refuse(round(2, '2026-03-30', 'employer', 'continued', { attendees: { worker: ['w0', 'w1', 'w2'], employer: ['e0', 'e1'] } }))
    expect(v).toEqual([expect.objectContaining({ code: 'VACANCY_OPEN', article: 'Chongqing 15 ¶3' })])
  })
})

describe('preparation and rounds', () => {
  it('JHR 33(3)-(4): the first round needs an agenda and a fixed time and place', () => {
    const d = new CaseDriver(input('national'))
    d.send(ev('request.sent', requestPayload('worker', '2026-03-02')))
    d.send(ev('request.received', { receivedOn: '2026-03-03', proof: 'x' }))
    d.send(ev('request.answered', { answeredOn: '2026-03-04', text: 'ok' }))
    d.send(ev('team.appointed', { side: 'worker', appointedOn: '2026-03-05', members: workerTeam() }))
    d.send(ev('team.appointed', { side: 'employer', appointedOn: '2026-03-05', members: employerTeam() }))
    d.send(ev('recorder.appointed', { appointedOn: '2026-03-05', recorder }))
    const v = d.refuse(round(1, '2026-03-10', 'worker', 'continued'))
    expect(v.map((x) => [x.code, x.article])).toEqual([
      ['AGENDA_NOT_DRAFTED', 'JHR 33(3)'],
      ['MEETING_NOT_SCHEDULED', 'JHR 33(4)'],
    ])
  })

  it('GZ 18: information not supplied 5 days before the meeting is marked late', () => {
    const d = toNegotiating(new CaseDriver(input('national')), dates)
    d.send(ev('information.requested', { by: 'worker', requestedOn: '2026-03-12', items: ['利润表'] }))
    expect(d.schedules(d.last)[0]).toMatchObject({ kind: 'informationSupply', from: '2026-03-25', before: true })
    d.elapse('informationSupply', endOf('2026-03-20'))
    expect(d.context.preparation.informationRequests[0]).toMatchObject({ late: true })
    expect(codes(d.refuse(ev('information.supplied', { by: 'worker', suppliedOn: '2026-03-21', items: ['x'] })))).toEqual([
      'NO_OPEN_INFORMATION_REQUEST',
    ])
    d.send(ev('information.supplied', { by: 'employer', suppliedOn: '2026-03-21', items: ['利润表'] }))
    expect(d.context.preparation.informationRequests[0]).toMatchObject({ suppliedOn: '2026-03-21', late: true })
  })

  it('JHR 34: the chiefs chair in turn', () => {
    const d = negotiating()
    const v = d.refuse(round(2, '2026-03-30', 'worker', 'continued'))
    expect(v).toEqual([expect.objectContaining({ code: 'PRESIDING_NOT_ALTERNATING', article: 'JHR 34; GZ 11', field: 'presidingSide' })])
    d.send(round(2, '2026-03-30', 'employer', 'continued'))
    d.send(round(3, '2026-04-02', 'worker', 'continued'))
    expect(d.context.rounds.map((r) => r.presidingSide)).toEqual(['worker', 'employer', 'worker'])
  })

  it('JHR 34: rounds are numbered in order, dated in order, attended by both chiefs and team members only', () => {
    const d = negotiating()
    expect(codes(d.refuse(round(3, '2026-03-30', 'employer', 'continued')))).toEqual(['ROUND_NUMBER_OUT_OF_SEQUENCE'])
    expect(codes(d.refuse(round(2, '2026-03-20', 'employer', 'continued')))).toEqual(['ROUND_BEFORE_PREVIOUS_ROUND'])
    const v = d.refuse(round(2, '2026-03-30', 'employer', 'continued', { attendees: { worker: ['w1', 'x9'], employer: ['e0'] } }))
    expect(v.map((x) => [x.code, x.field])).toEqual([
      ['ATTENDEE_NOT_ON_TEAM', 'attendees.worker.1'],
      ['CHIEF_ABSENT', 'attendees.worker'],
    ])
  })

  it('Zhejiang 16: both chiefs sign the minutes; Henan 25: every negotiator present signs', () => {
    const zj = negotiating('zhejiang')
    expect(zj.refuse(round(2, '2026-03-30', 'employer', 'continued', { minutesSignedBy: ['w0'] }))).toEqual([
      expect.objectContaining({ code: 'MINUTES_NOT_SIGNED', article: 'Zhejiang 16 ¶3', field: 'minutesSignedBy' }),
    ])
    expect(zj.can(round(2, '2026-03-30', 'employer', 'continued', { minutesSignedBy: ['w0', 'e0'] }))).toBe(true)
    const hn = new CaseDriver(input('henan'))
    hn.send(ev('request.sent', requestPayload('worker', '2026-03-02')))
    hn.send(ev('request.received', { receivedOn: '2026-03-03', proof: 'x' }))
    hn.send(ev('request.answered', { answeredOn: '2026-03-04', text: 'ok' }))
    hn.send(ev('team.appointed', { side: 'worker', appointedOn: '2026-03-05', members: workerTeam() }))
    hn.send(ev('team.appointed', { side: 'employer', appointedOn: '2026-03-05', members: employerTeam() }))
    hn.send(ev('recorder.appointed', { appointedOn: '2026-03-05', recorder }))
    hn.send(ev('agenda.drafted', { draftedOn: '2026-03-05', draftedBy: 'joint', items: [{ id: 'a', title: 't' }] }))
    hn.send(ev('meeting.scheduled', { scheduledOn: '2026-03-05', meetingOn: '2026-03-12', place: 'p' }))
    const v = hn.refuse(round(1, '2026-03-12', 'worker', 'continued', { minutesSignedBy: ['w0', 'e0'] }))
    expect(v).toEqual([expect.objectContaining({ code: 'MINUTES_NOT_SIGNED', article: 'Henan 25' })])
    expect(v[0]!.message.en).toContain('w1, w2, e1, e2')
  })
})

describe('suspension (JHR 35 and local caps)', () => {
  const base = { suspendedOn: '2026-03-26', reason: '待核算', forceMajeure: false, workerConsent: true }

  it('JHR 35: a suspension needs an agreed period and the next meeting, within that period', () => {
    const d = negotiating()
    expect(codes(d.refuse(ev('negotiation.suspended', base)))).toEqual(['SUSPENSION_PERIOD_MISSING', 'NEXT_MEETING_MISSING'])
    expect(
      d.refuse(ev('negotiation.suspended', { ...base, periodDays: 10, nextMeeting: { on: '2026-04-10' } })),
    ).toEqual([expect.objectContaining({ code: 'NEXT_MEETING_AFTER_SUSPENSION_END', field: 'nextMeeting.on' })])
  })

  it('JHR 35: the suspension ends when its period elapses and the negotiation resumes', () => {
    const d = negotiating()
    d.send(ev('negotiation.suspended', { ...base, periodDays: 10, nextMeeting: { on: '2026-04-05' } }))
    d.elapse('suspensionEnd', endOf('2026-04-05'))
    expect(d.state).toEqual({ bargaining: 'negotiating' })
    expect(d.context.suspensions[0]).toMatchObject({ endedOn: '2026-04-06', endedBy: 'periodElapsed', daysUsed: 11 })
  })

  it('Beijing 37: one suspension of at most 60 days', () => {
    const d = negotiating('beijing')
    expect(d.refuse(ev('negotiation.suspended', { ...base, periodDays: 61, nextMeeting: { on: '2026-05-20' } }))).toEqual([
      expect.objectContaining({ code: 'SUSPENSION_TOO_LONG', article: 'Beijing 37', field: 'periodDays' }),
    ])
    expect(d.can(ev('negotiation.suspended', { ...base, periodDays: 60, nextMeeting: { on: '2026-05-20' } }))).toBe(true)
  })

  it('Chongqing 22: 30 days unless the parties agree a longer period', () => {
    const d = negotiating('chongqing', 'collectiveContract')
    expect(codes(d.refuse(ev('negotiation.suspended', { ...base, periodDays: 45, nextMeeting: { on: '2026-05-05' } })))).toEqual([
      'SUSPENSION_TOO_LONG',
    ])
    expect(d.can(ev('negotiation.suspended', { ...base, periodDays: 45, nextMeeting: { on: '2026-05-05' }, longerPeriodAgreed: true }))).toBe(true)
  })

  it('Hangzhou 27: suspensions total at most 30 days, with the worker chief\'s consent', () => {
    const d = negotiating('hangzhou')
    expect(
      d.refuse(ev('negotiation.suspended', { ...base, workerConsent: false, periodDays: 5, nextMeeting: { on: '2026-03-30' } })),
    ).toEqual([expect.objectContaining({ code: 'SUSPENSION_REQUIRES_WORKER_CONSENT', article: 'Hangzhou 27 ¶2', field: 'workerConsent' })])
    d.send(ev('negotiation.suspended', { ...base, periodDays: 20, nextMeeting: { on: '2026-04-15' } }))
    d.send(ev('negotiation.resumed', { resumedOn: '2026-04-15' }))
    expect(d.context.suspensions[0]!.daysUsed).toBe(20)
    d.send(round(2, '2026-04-15', 'employer', 'continued'))
    const v = d.refuse(ev('negotiation.suspended', { ...base, suspendedOn: '2026-04-16', periodDays: 11, nextMeeting: { on: '2026-04-27' } }))
    expect(v).toEqual([expect.objectContaining({ code: 'SUSPENSION_CUMULATIVE_TOO_LONG', article: 'Hangzhou 27 ¶2' })])
    expect(v[0]!.message.en).toContain('20 used, 11 asked')
    expect(d.can(ev('negotiation.suspended', { ...base, suspendedOn: '2026-04-16', periodDays: 10, nextMeeting: { on: '2026-04-26' } }))).toBe(true)
  })
})

describe('overall limits', () => {
  it('Henan 26, 37: two months from receipt; then 15 days to apply for coordination, otherwise this negotiation ends', () => {
    const d = new CaseDriver(input('henan'))
    toNegotiating(d, dates)
    expect(d.schedules().find((s) => s.kind === 'negotiationLimit')).toMatchObject({
      from: '2026-03-03',
      period: { length: 2, unit: 'months', article: 'Henan 26' },
    })
    d.send(round(1, '2026-03-25', 'worker', 'continued'))
    d.elapse('negotiationLimit', endOf('2026-05-06'))
    expect(d.state).toEqual({ bargaining: 'limitReached' })
    expect(d.context.limit).toMatchObject({ exceeded: true })
    expect(d.schedules(d.last)).toEqual([
      expect.objectContaining({ kind: 'coordinationApplication', from: '2026-05-06', period: { length: 15, unit: 'calendarDays', article: 'Henan 37' } }),
    ])
    d.elapse('coordinationApplication', endOf('2026-05-21'))
    expect(d.state).toBe('closed')
    expect(d.context.closedReason).toBe('negotiationLimitLapsed')
  })

  it('Henan 38: the bureau takes up an application within 5 working days; a failed coordination ends the negotiation', () => {
    const d = negotiating('henan')
    d.send(ev('coordination.requested', { requestedOn: '2026-03-27', by: 'both', reason: '分歧', disputedItems: ['增幅'] }))
    expect(d.schedules(d.last)).toEqual([
      expect.objectContaining({ kind: 'coordinationAcceptance', period: { length: 5, unit: 'workingDays', article: 'Henan 38' } }),
    ])
    d.send(ev('coordination.accepted', { acceptedOn: '2026-04-01', onOwnInitiative: false }))
    d.send(ev('coordination.failed', { endedOn: '2026-04-20', reason: '未达成一致' }))
    expect(d.state).toBe('closed')
    expect(d.context.coordinations[0]).toMatchObject({ outcome: 'failed' })
  })

  it('JHR 53: nationally a failed coordination returns to negotiation', () => {
    const d = negotiating()
    d.send(ev('coordination.accepted', { acceptedOn: '2026-03-27', onOwnInitiative: true }))
    expect(d.context.coordination).toMatchObject({ onOwnInitiative: true, acceptedOn: '2026-03-27' })
    d.send(ev('coordination.failed', { endedOn: '2026-04-20', reason: '未达成一致' }))
    expect(d.state).toEqual({ bargaining: 'negotiating' })
  })

  it('Ningbo 16: 30 working days from the first meeting', () => {
    const d = toNegotiating(new CaseDriver(input('ningbo')), dates)
    expect(d.schedules().some((s) => s.kind === 'negotiationLimit')).toBe(false)
    d.send(round(1, '2026-03-25', 'worker', 'continued'))
    expect(d.schedules(d.last)).toEqual([
      expect.objectContaining({ kind: 'negotiationLimit', from: '2026-03-25', period: { length: 30, unit: 'workingDays', article: 'Ningbo 16 ¶2' } }),
    ])
  })

  it('Hangzhou 29: a limit that passes is recorded and the negotiation goes on', () => {
    const d = negotiating('hangzhou')
    d.elapse('negotiationLimit', endOf('2026-05-01'))
    expect(d.state).toEqual({ bargaining: 'negotiating' })
    expect(d.context.limit).toMatchObject({ exceeded: true })
    expect(d.effects(d.last).map((e) => e.effect)).toEqual(['notify.negotiationLimitExceeded'])
  })
})

describe('coordination (JHR 49-54)', () => {
  it('JHR 52: one extension of at most 15 days, then the period runs 45 days from acceptance', () => {
    const d = negotiating()
    d.send(ev('coordination.requested', { requestedOn: '2026-03-27', by: 'worker', reason: '分歧', disputedItems: ['增幅'] }))
    expect(codes(d.refuse(ev('coordination.accepted', { acceptedOn: '2026-03-26', onOwnInitiative: false })))).toEqual(['ACCEPTED_BEFORE_APPLICATION'])
    d.send(ev('coordination.accepted', { acceptedOn: '2026-03-30', onOwnInitiative: false }))
    expect(d.schedules(d.last)[0]).toMatchObject({ kind: 'coordination', from: '2026-03-30', period: { length: 30, article: 'JHR 52' } })
    expect(codes(d.refuse(ev('coordination.extended', { extendedOn: '2026-04-25', days: 16, reason: '复杂' })))).toEqual([
      'COORDINATION_EXTENSION_TOO_LONG',
    ])
    d.send(ev('coordination.extended', { extendedOn: '2026-04-25', days: 15, reason: '复杂' }))
    expect(d.schedules(d.last)[0]).toMatchObject({ kind: 'coordination', from: '2026-03-30', period: { length: 45, article: 'JHR 52' } })
    d.elapse('coordination', endOf('2026-05-14'))
    expect(d.effects(d.last).map((e) => e.effect)).toEqual(['notify.coordinationOverdue'])
  })

  it('JHR 54: the coordination agreement is signed and sealed by both chiefs', () => {
    const d = negotiating()
    d.send(ev('coordination.accepted', { acceptedOn: '2026-03-27', onOwnInitiative: true }))
    const v = d.refuse(
      ev('coordination.agreed', {
        agreedOn: '2026-04-10',
        resolvedItems: ['x'],
        openItems: [],
        signedBy: { worker: 'w1', employer: 'e0' },
        coordinators: ['人社局'],
        sealed: false,
      }),
    )
    expect(v.map((x) => [x.code, x.field])).toEqual([
      ['COORDINATION_AGREEMENT_NOT_SIGNED', 'signedBy.worker'],
      ['COORDINATION_AGREEMENT_NOT_SEALED', 'sealed'],
    ])
  })
})

describe('draft, congress and signing', () => {
  it('JHR 34(4): the draft records an agreement reached at a round and is signed by both chiefs', () => {
    const d = negotiating()
    expect(codes(d.refuse(draft('2026-03-26')))).toEqual(['NO_AGREEMENT_AT_LAST_ROUND'])
    d.send(round(2, '2026-04-01', 'employer', 'agreed'))
    const unsigned = ev('draft.agreed', {
      agreedOn: '2026-04-01',
      title: 't',
      text: 'x',
      items: [],
      termMonths: 12,
      signedBy: { worker: 'w1', employer: 'e0' },
    })
    expect(d.refuse(unsigned)).toEqual([expect.objectContaining({ code: 'DRAFT_NOT_SIGNED_BY_CHIEFS', field: 'signedBy.worker', article: 'JHR 34(4)' })])
  })

  it('JHR 38: a term outside 1-3 years is refused', () => {
    const d = negotiating()
    d.send(round(2, '2026-04-01', 'employer', 'agreed'))
    expect(d.refuse(draft('2026-04-01', 6))).toEqual([expect.objectContaining({ code: 'TERM_OUT_OF_RANGE', field: 'termMonths' })])
    expect(codes(d.refuse(draft('2026-04-01', 48)))).toEqual(['TERM_OUT_OF_RANGE'])
    expect(codes(d.refuse(draft('2026-04-01', null)))).toEqual(['TERM_MISSING'])
  })

  it('JHR 37: signing before the congress passed is refused', () => {
    const d = awaitingCongress()
    const v = d.refuse(sign('2026-04-02'))
    expect(v).toEqual([expect.objectContaining({ code: 'SIGNING_BEFORE_CONGRESS_PASSED', article: 'JHR 37; GZ 20' })])
    expect(v[0]!.message.zh).toContain('讨论通过后')
  })

  it('JHR 36: a vote without quorum fails and the draft goes back to negotiation', () => {
    const d = awaitingCongress()
    d.send(vote('2026-04-08', { totalSeats: 60, present: 39, yes: 39 }))
    expect(d.state).toEqual({ bargaining: 'negotiating' })
    expect(d.context.congressVotes[0]).toMatchObject({ quorate: false, passed: false })
    expect(d.context.congressVotes[0]!.explanations[0]!.zh).toContain('不足法定人数')
    expect(d.effects(d.last).map((e) => e.effect)).toEqual(['notify.congressFailed'])
  })

  it('JHR 36: inconsistent counts are refused, with the field', () => {
    const d = awaitingCongress()
    expect(d.refuse(vote('2026-04-08', { totalSeats: 60, present: 61, yes: 40 }))).toEqual([
      expect.objectContaining({ code: 'CONGRESS_COUNTS_INCONSISTENT', field: 'present' }),
    ])
    expect(d.refuse(vote('2026-04-08', { totalSeats: 60, present: 40, yes: 30, no: 11 }))).toEqual([
      expect.objectContaining({ code: 'CONGRESS_COUNTS_INCONSISTENT', field: 'yes' }),
    ])
    expect(codes(d.refuse(vote('2026-03-30', { totalSeats: 60, present: 40, yes: 30 })))).toEqual(['VOTE_BEFORE_DRAFT'])
  })

  it('JHR 37, GZ 20: only the chiefs sign, not before the vote, and a wage agreement is sealed', () => {
    const d = awaitingCongress()
    d.send(vote('2026-04-08', { totalSeats: 60, present: 50, yes: 40 }))
    const v = d.refuse(sign('2026-04-07', { signedBy: { worker: 'w0', employer: 'e1' }, sealed: false }))
    expect(v.map((x) => [x.code, x.field])).toEqual([
      ['SIGNED_BEFORE_VOTE', 'signedOn'],
      ['SIGNATORY_NOT_CHIEF', 'signedBy.employer'],
      ['AGREEMENT_NOT_SEALED', 'sealed'],
    ])
  })

  it('Zhejiang 24: a draft not submitted within 15 working days is recorded overdue', () => {
    const d = awaitingCongress('zhejiang')
    d.elapse('congressSubmission', endOf('2026-04-22'))
    expect(d.state).toEqual({ bargaining: 'awaitingCongress' })
    expect(d.effects(d.last).map((e) => e.effect)).toEqual(['notify.congressSubmissionOverdue'])
  })
})

describe('filing and review', () => {
  it('GZ 21: a wage agreement filed on day 8 is late', () => {
    const d = filing('national', 'wageAgreement')
    const due = computeDeadline({ ...d.schedules(d.last)[0]!, timeZone: 'Asia/Shanghai', calendars: shippedCalendars })
    expect(due.lastDay).toBe('2026-04-23') // day 7 after signing on 16 April
    d.elapse('filing', due.dueAt)
    expect(d.state).toBe('filingOverdue')
    d.send(file('2026-04-24', 3))
    expect(d.state).toBe('awaitingRegistration')
    expect(d.context.filing).toMatchObject({ filedOn: '2026-04-24', late: true })
    expect(d.effects(d.last).find((e) => e.effect === 'notify.agreementFiled')!.data['late']).toBe(true)
  })

  it('GZ 21: a wage agreement filed on day 7 is on time', () => {
    const d = filing('national', 'wageAgreement')
    d.send(file('2026-04-23', 3))
    expect(d.context.filing).toMatchObject({ late: false })
    expect(d.cancels(d.last)).toEqual([{ kind: 'filing' }])
  })

  it('JHR 42: a collective contract has 10 days and 3 copies; GZ 21: a wage agreement needs an explanatory note', () => {
    const cc = filing('national', 'collectiveContract')
    expect(cc.schedules(cc.last)[0]).toMatchObject({ kind: 'filing', period: { length: 10, article: 'JHR 42' } })
    expect(codes(cc.refuse(ev('agreement.filed', { filedOn: '2026-04-20', copies: 2, explanatoryNote: false, materials: [] })))).toEqual([
      'FILING_COPIES_TOO_FEW',
    ])
    const wage = filing('national', 'wageAgreement')
    expect(wage.refuse(ev('agreement.filed', { filedOn: '2026-04-20', copies: 3, explanatoryNote: false, materials: [] }))).toEqual([
      expect.objectContaining({ code: 'FILING_EXPLANATORY_NOTE_MISSING', article: 'GZ 21', field: 'explanatoryNote' }),
    ])
    expect(codes(wage.refuse(file('2026-04-15', 3)))).toEqual(['FILED_BEFORE_SIGNING'])
  })

  it('Shanghai 23: the filing period runs from the union\'s written notice of passage', () => {
    const d = awaitingCongress('shanghai', 'collectiveContract')
    d.send(vote('2026-04-08', { totalSeats: 60, present: 50, yes: 40 }))
    d.send(sign('2026-04-16', { passageNoticeOn: '2026-04-10' }))
    expect(d.schedules(d.last)[0]).toMatchObject({ kind: 'filing', from: '2026-04-10', period: { length: 10, article: 'Shanghai 23' } })
  })

  it('JHR 42 ¶2 [D]: a correction request (补正) restarts the review from the completed receipt', () => {
    const d = filing()
    d.send(file('2026-04-20', 3))
    d.send(ev('filing.registered', { receivedOn: '2026-04-21', registrationNumber: 'R-1' }))
    d.send(ev('correction.requested', { requestedOn: '2026-04-22', items: ['职代会决议'] }))
    expect(d.state).toBe('correctionRequested')
    expect(d.cancels(d.last)).toEqual([{ kind: 'review' }])
    d.send(ev('correction.supplied', { suppliedOn: '2026-04-24', items: ['职代会决议'] }))
    d.send(ev('filing.registered', { receivedOn: '2026-04-24', registrationNumber: 'R-1' }))
    expect(d.schedules(d.last)).toEqual([expect.objectContaining({ kind: 'review', from: '2026-04-24' })])
  })

  it('JHR 45: an objection must bear the bureau\'s seal', () => {
    const d = filing()
    d.send(file('2026-04-20', 3))
    d.send(ev('filing.registered', { receivedOn: '2026-04-21', registrationNumber: 'R-1' }))
    const v = d.refuse(ev('review.objected', { opinionDate: '2026-04-25', deliveredOn: '2026-04-26', opinion: 'x', items: ['y'], sealed: false }))
    expect(v).toEqual([expect.objectContaining({ code: 'OPINION_NOT_SEALED', article: 'JHR 45', field: 'sealed' })])
  })

  it('GZ 22 ¶4: a wage agreement without an opinion by day 15 is deemed approved and effective the next day', () => {
    const d = inForce('national', 'wageAgreement')
    expect(d.state).toEqual({ inForce: 'awaitingPublication' })
    expect(d.context.agreement).toMatchObject({ effectiveBy: 'deemedApproval', effectiveOn: '2026-05-07' })
  })

  it('JHR 46: an objection sends the case back to negotiation; the revision needs a new round, vote, signature and filing', () => {
    const d = filing()
    d.send(file('2026-04-20', 3))
    d.send(ev('filing.registered', { receivedOn: '2026-04-21', registrationNumber: 'R-1' }))
    d.send(ev('review.objected', { opinionDate: '2026-04-28', deliveredOn: '2026-04-29', opinion: '低于最低工资', items: ['第3条'], sealed: true }))
    expect(d.state).toEqual({ bargaining: 'negotiating' })
    expect(d.cancels(d.last)).toEqual([{ kind: 'review' }])
    expect(codes(d.refuse(draft('2026-04-30')))).toEqual(['DRAFT_WITHOUT_NEW_ROUND'])
    d.send(round(3, '2026-04-30', 'worker', 'agreed'))
    d.send(draft('2026-04-30'))
    expect(d.state).toEqual({ bargaining: 'awaitingCongress' })
    expect(d.context.draft).toMatchObject({ version: 2, congressRequired: true, congressPassed: false })
  })
})

describe('in force: publication, renewal, expiry, amendment, rescission', () => {
  it('GZ 23: publication later than 5 days is recorded overdue', () => {
    const d = inForce()
    d.elapse('publication', endOf('2026-05-12'))
    expect(d.effects(d.last).map((e) => e.effect)).toEqual(['notify.publicationOverdue'])
    expect(d.state).toEqual({ inForce: 'awaitingPublication' })
    expect(codes(d.refuse(ev('agreement.published', { side: 'worker', publishedOn: '2026-05-01', channel: 'x' })))).toEqual([
      'PUBLISHED_BEFORE_EFFECTIVE',
    ])
  })

  it('GZ 24: a renewal request before the 60-day window opens is refused', () => {
    const d = inForce()
    const v = d.refuse(ev('renewal.requested', { by: 'worker', sentOn: '2026-12-01', content: '续订' }))
    expect(v).toEqual([expect.objectContaining({ code: 'RENEWAL_WINDOW_NOT_OPEN', article: 'GZ 24' })])
    expect(v[0]!.message.en).toContain('60 days before expiry')
  })

  it('JHR 38: the contract expires at the end of its term; the next case is pre-filled', () => {
    const d = inForce()
    d.elapse('expiry', endOf('2027-05-06'))
    expect(d.state).toBe('expired')
    expect(d.snapshot.output).toMatchObject({ outcome: 'expired', nextCase: { input: { previousCaseId: d.context.caseId } } })
    expect(d.cancels(d.last).map((c) => c.kind).sort()).toEqual(['publication', 'renewalWindow'])
  })

  it('JHR 38: an agreed termination condition ends the contract', () => {
    const d = inForce()
    d.send(ev('agreement.ended', { endedOn: '2026-08-01', ground: 'enterpriseDissolved', evidence: '注销登记' }))
    expect(d.state).toBe('terminated')
    expect(d.context.outcome).toBe('terminated')
  })

  it('JHR 39-42: an amendment re-enters the whole procedure and is filed again; the term is kept', () => {
    const d = inForce()
    d.send(ev('agreement.published', { side: 'worker', publishedOn: '2026-05-08', channel: 'x' }))
    d.send(ev('agreement.published', { side: 'employer', publishedOn: '2026-05-08', channel: 'x' }))
    d.send(ev('amendment.requested', { ...requestPayload('employer', '2026-07-01'), ground: 'lawChanged' }))
    expect(d.state).toBe('requestSent')
    expect(d.context.procedure).toBe('amendment')
    expect(d.context.rounds).toEqual([])
    expect(d.context.procedureHistory).toHaveLength(1)
    d.send(ev('request.received', { receivedOn: '2026-07-02', proof: 'x' }))
    d.send(ev('request.answered', { answeredOn: '2026-07-03', text: 'ok' }))
    // The teams are still appointed: straight to preparation.
    expect(d.state).toEqual({ bargaining: 'preparing' })
    d.send(ev('agenda.drafted', { draftedOn: '2026-07-03', draftedBy: 'employer', items: [{ id: 'a', title: '变更第5条' }] }))
    d.send(ev('meeting.scheduled', { scheduledOn: '2026-07-03', meetingOn: '2026-07-10', place: 'p' }))
    d.send(round(1, '2026-07-10', 'employer', 'agreed'))
    d.send(draft('2026-07-10', null))
    d.send(vote('2026-07-15', { totalSeats: 60, present: 50, yes: 40 }))
    d.send(sign('2026-07-16'))
    expect(d.state).toBe('filing')
    d.send(file('2026-07-20', 3))
    d.send(ev('filing.registered', { receivedOn: '2026-07-21', registrationNumber: 'R-2' }))
    d.send(ev('review.approved', { opinionDate: '2026-07-24', deliveredOn: '2026-07-25', sealed: true }))
    expect(d.state).toEqual({ inForce: 'awaitingPublication' })
    expect(d.context.agreement).toMatchObject({ version: 2, procedure: 'amendment', effectiveOn: '2026-07-25', expiresOn: '2027-05-06' })
    expect(d.context.agreementHistory).toHaveLength(1)
    // The term is unchanged: expiry and renewal window are not re-armed.
    expect(d.schedules(d.last).map((s) => s.kind)).toEqual(['publication'])
  })

  it('JHR 39-41: a withdrawn amendment leaves the contract in force', () => {
    const d = inForce()
    d.send(ev('amendment.requested', { ...requestPayload('worker', '2026-07-01'), ground: 'mutualAgreement' }))
    d.send(ev('request.withdrawn', { reason: '不再变更' }))
    expect(d.state).toEqual({ inForce: 'published' })
    expect(d.context.procedureHistory.at(-1)).toMatchObject({ procedure: 'amendment', outcome: 'withdrawn' })
  })

  it('JHR 38: the term keeps running during an amendment; expiry ends the case', () => {
    const d = inForce()
    d.send(ev('amendment.requested', { ...requestPayload('worker', '2026-07-01'), ground: 'mutualAgreement' }))
    d.send(ev('request.received', { receivedOn: '2026-07-02', proof: 'x' }))
    d.elapse('expiry', endOf('2027-05-06'))
    expect(d.state).toBe('expired')
    expect(d.cancels(d.last).map((c) => c.kind)).toContain('requestReply')
  })

  it('Zhejiang 33: a rescission is filed within 5 working days; nationally it ends on signing', () => {
    const zj = inForce('zhejiang', 'collectiveContract')
    zj.send(ev('termination.requested', { ...requestPayload('employer', '2026-07-01'), ground: 'mergerDissolutionBankruptcy' }))
    zj.send(ev('request.received', { receivedOn: '2026-07-02', proof: 'x' }))
    zj.send(ev('request.answered', { answeredOn: '2026-07-03', text: 'ok' }))
    zj.send(ev('agenda.drafted', { draftedOn: '2026-07-03', draftedBy: 'employer', items: [{ id: 'a', title: '解除' }] }))
    zj.send(ev('meeting.scheduled', { scheduledOn: '2026-07-03', meetingOn: '2026-07-20', place: 'p' }))
    zj.send(round(1, '2026-07-20', 'employer', 'agreed'))
    zj.send(draft('2026-07-20', null))
    zj.send(vote('2026-07-22', { totalSeats: 60, present: 50, yes: 40 }))
    zj.send(sign('2026-07-23'))
    expect(zj.state).toBe('terminationFiling')
    expect(zj.schedules(zj.last)).toEqual([
      expect.objectContaining({ kind: 'filing', from: '2026-07-23', period: { length: 5, unit: 'workingDays', article: 'Zhejiang 33' } }),
    ])
    zj.send(ev('agreement.filed', { filedOn: '2026-07-27', copies: 1, explanatoryNote: false, materials: ['解除协议'] }))
    expect(zj.state).toBe('terminated')
    expect(zj.snapshot.output).toMatchObject({ outcome: 'terminated' })
    expect(zj.context.pendingDeadlines).toEqual([])

    const nat = inForce('national', 'collectiveContract')
    nat.send(ev('termination.requested', { ...requestPayload('worker', '2026-07-01'), ground: 'forceMajeure' }))
    nat.send(ev('request.received', { receivedOn: '2026-07-02', proof: 'x' }))
    nat.send(ev('request.answered', { answeredOn: '2026-07-03', text: 'ok' }))
    nat.send(ev('agenda.drafted', { draftedOn: '2026-07-03', draftedBy: 'worker', items: [{ id: 'a', title: '解除' }] }))
    nat.send(ev('meeting.scheduled', { scheduledOn: '2026-07-03', meetingOn: '2026-07-20', place: 'p' }))
    nat.send(round(1, '2026-07-20', 'worker', 'agreed'))
    nat.send(draft('2026-07-20', null))
    nat.send(vote('2026-07-22', { totalSeats: 60, present: 50, yes: 40 }))
    nat.send(sign('2026-07-23'))
    expect(nat.state).toBe('terminated')
    // The publication deadline ended when the contract left inForce; expiry and renewal end with the case.
    expect(nat.cancels(nat.last).map((c) => c.kind).sort()).toEqual(['expiry', 'renewalWindow'])
  })
})

describe('explainRefusal and the guard agree', () => {
  it('an event with no rules gives no violations', () => {
    const d = new CaseDriver(input('national'))
    expect(explainRefusal(d.context, ev('request.sent', requestPayload('worker', '2026-03-02')))).toEqual([])
    expect(explainRefusal(d.context, ev('deadline.elapsed', { kind: 'review', dueAt: '2026-03-02T16:00:00.000Z' }))).toEqual([])
  })
})
