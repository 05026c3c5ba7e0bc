import { describe, expect, it } from 'vitest'
import { negotiationEventTypes } from '../../../workflows/negotiation/events.js'
import { explainPolicy, negotiationPolicy } from '../../../workflows/negotiation/policy.js'
import { CaseDriver, employerTeam, ev, file, input, recorder, requestPayload, sign, workerTeam } from './helpers.js'

describe('who may send what (policy table)', () => {
  it('covers every event type with roles and an article', () => {
    expect(Object.keys(negotiationPolicy).sort()).toEqual([...negotiationEventTypes].sort())
    for (const entry of Object.values(negotiationPolicy)) {
      expect(entry.roles.length).toBeGreaterThan(0)
      expect(entry.article.length).toBeGreaterThan(0)
    }
    expect(negotiationPolicy['deadline.elapsed'].roles).toEqual(['system'])
    expect(negotiationPolicy['congress.resultCertified'].roles).toEqual(['system'])
  })

  it('JHR 32: either side may request; the side that did NOT send the request answers it', () => {
    const d = new CaseDriver(input('national'))
    expect(explainPolicy({ role: 'employerNegotiator' }, d.context, ev('request.sent', requestPayload('employer', '2026-03-02')))).toEqual([])
    expect(
      explainPolicy({ role: 'employerNegotiator' }, d.context, ev('request.sent', requestPayload('worker', '2026-03-02'))),
    ).toEqual([expect.objectContaining({ code: 'SIDE_NOT_ALLOWED', field: 'by' })])
    d.send(ev('request.sent', requestPayload('worker', '2026-03-02')))
    d.send(ev('request.received', { receivedOn: '2026-03-03', proof: 'x' }))
    const answer = ev('request.answered', { answeredOn: '2026-03-04', text: 'ok' })
    expect(explainPolicy({ role: 'employerNegotiator' }, d.context, answer)).toEqual([])
    expect(explainPolicy({ role: 'unionNegotiator' }, d.context, answer).map((v) => v.code)).toEqual(['SIDE_NOT_ALLOWED'])
    expect(explainPolicy({ role: 'unionNegotiator' }, d.context, ev('request.withdrawn', { reason: 'x' }))).toEqual([])
  })

  it('JHR 42: only the employer side files; JHR 37: only a chief signs; the bureau registers', () => {
    const d = new CaseDriver(input('national'))
    d.send(ev('request.sent', requestPayload('worker', '2026-03-02')))
    d.send(ev('request.received', { receivedOn: '2026-03-03', proof: 'x' }))
    d.send(ev('request.answered', { answeredOn: '2026-03-04', text: 'ok' }))
    d.send(ev('team.appointed', { side: 'worker', appointedOn: '2026-03-05', members: workerTeam() }))
    d.send(ev('team.appointed', { side: 'employer', appointedOn: '2026-03-05', members: employerTeam() }))
    d.send(ev('recorder.appointed', { appointedOn: '2026-03-05', recorder }))
    const filed = file('2026-04-20', 3)
    expect(explainPolicy({ role: 'employerNegotiator' }, d.context, filed)).toEqual([])
    expect(explainPolicy({ role: 'unionNegotiator' }, d.context, filed).map((v) => [v.code, v.article])).toEqual([['ROLE_NOT_ALLOWED', 'JHR 42; GZ 21']])
    const signed = sign('2026-04-16')
    expect(explainPolicy({ role: 'unionNegotiator', negotiatorId: 'w0' }, d.context, signed)).toEqual([])
    expect(explainPolicy({ role: 'unionNegotiator', negotiatorId: 'w1' }, d.context, signed).map((v) => v.code)).toEqual(['SIDE_NOT_ALLOWED'])
    expect(explainPolicy({ role: 'bureauReviewer' }, d.context, ev('filing.registered', { receivedOn: '2026-04-21', registrationNumber: 'R' }))).toEqual([])
    expect(explainPolicy({ role: 'admin' }, d.context, signed).map((v) => v.code)).toEqual(['ROLE_NOT_ALLOWED'])
  })

  it('JHR 19-21: each side appoints its own team; coordination may be asked by both sides together', () => {
    const d = new CaseDriver(input('national'))
    const team = ev('team.appointed', { side: 'worker', appointedOn: '2026-03-05', members: workerTeam() })
    expect(explainPolicy({ role: 'unionNegotiator' }, d.context, team)).toEqual([])
    expect(explainPolicy({ role: 'employerNegotiator' }, d.context, team)).toEqual([expect.objectContaining({ field: 'side' })])
    const both = ev('coordination.requested', { requestedOn: '2026-03-05', by: 'both', reason: 'x', disputedItems: [] })
    expect(explainPolicy({ role: 'employerNegotiator' }, d.context, both)).toEqual([])
  })
})
