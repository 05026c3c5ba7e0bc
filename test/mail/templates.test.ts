import { describe, expect, it } from 'vitest'
import { negotiationEffects } from '../../workflows/negotiation/effects.js'
import { buildIcs, dateEn, dateZh, EFFECT_LABELS, parseLocalTime, templates, type TMailFacts } from '../../src/mail/templates/index.js'
import { foldIcsLine } from '../../src/mail/templates/ics.js'
import { EXTRA_NOTIFY_EFFECTS, NOTIFY_CATALOG, notifyEffectNames, notifySpecOf } from '../../src/notify/catalog.js'
import { extractCaseFacts } from '../../src/notify/facts.js'

const facts = (over: Partial<TMailFacts> = {}): TMailFacts => ({
  effect: 'notify.roundHeld',
  caseId: 'case-1',
  caseUrl: 'https://wagepact.test/cases/case-1',
  enterprise: { name: '广州市天河精工制造有限公司' },
  caseKind: 'wageAgreement',
  jurisdiction: 'national',
  recipient: { name: '李娜', role: 'unionNegotiator' },
  case: {},
  deadlines: [],
  attachmentNames: [],
  data: {},
  recordedAt: '2026-06-01T02:00:00.000Z',
  domain: 'wagepact.test',
  ...over,
})

const HAN = /[\u4e00-\u9fff]/

describe('mail templates', () => {
  it('formats dates the Chinese way, with English below', () => {
    expect(dateZh('2026-06-24')).toBe('2026年6月24日')
    expect(dateEn('2026-06-24')).toBe('24 June 2026')
    // An instant is shown as its date in China: 16:30 UTC on the 23rd is the 24th in Beijing.
    expect(dateZh('2026-06-23T16:30:00.000Z')).toBe('2026年6月24日')
    expect(dateZh(undefined)).toBe('（未定）')
  })

  it('every template renders a Chinese subject and body with English below, escaped HTML, for empty facts too', () => {
    for (const [id, template] of Object.entries(templates)) {
      for (const f of [facts(), facts({ case: { request: { by: 'worker', sentOn: '2026-06-01', receivedOn: '2026-06-02', content: '<script>x</script>' } } })]) {
        const m = template(f)
        expect(m.subject, id).toMatch(HAN)
        expect(m.subject, id).toContain(' / ')
        const english = m.text.indexOf('———— English ————')
        expect(english, id).toBeGreaterThan(0)
        expect(m.text.slice(0, english), id).toMatch(HAN)
        expect(m.text.slice(english), id).toContain('Dear 李娜 (worker-side negotiator),')
        expect(m.text, id).toContain('https://wagepact.test/cases/case-1')
        expect(m.html, id).not.toContain('<script>x')
        expect(m.html.indexOf('lang="zh-CN"'), id).toBeLessThan(m.html.indexOf('lang="en"'))
      }
    }
  })

  it('request received: the reply deadline from the pending Deadline, in both languages', () => {
    const m = templates.requestReceived(
      facts({
        effect: 'notify.requestReceived',
        case: { request: { by: 'worker', receivedOn: '2026-06-04', content: '就2026年度职工工资调整事项进行集体协商。' } },
        deadlines: [{ kind: 'requestReply', lastDay: '2026-06-24', dueAt: '2026-06-24T15:59:59.999Z', label: { zh: '书面答复协商要约', en: 'Written reply' }, article: 'JHR 32' }],
      }),
    )
    expect(m.subject).toBe('【广州市天河精工制造有限公司】收到协商要约，请按期书面答复 / Negotiation request received: a written reply is due')
    expect(m.text).toContain('企业方应在2026年6月24日前书面答复')
    expect(m.text).toContain('期限（书面答复协商要约）：2026年6月24日（JHR 32）')
    expect(m.text).toContain('The employer side must answer in writing by 24 June 2026')
  })

  it('reminders name the days left; deemed approval and the congress link are specific', () => {
    const reminder = templates.filingDue(
      facts({ effect: 'notify.deadlineReminder', deadline: { kind: 'filing', lastDay: '2026-09-10', dueAt: 'x', label: { zh: '报送审查', en: 'Filing' }, leadDays: 5 } }),
    )
    expect(reminder.subject).toContain('报送审查期限将至（距期限届满还有5天）')
    expect(reminder.text).toContain('2026年9月10日前')
    const deemed = templates.agreementEffective(
      facts({ effect: 'notify.agreementEffective', case: { agreement: { effectiveOn: '2026-10-01', effectiveBy: 'deemedApproval' } } }),
    )
    expect(deemed.subject).toContain('视为同意')
    expect(deemed.text).toContain('自2026年10月1日起生效')
    const vote = templates.congressConvened(facts({ effect: 'notify.congressConvened', recipient: { name: '张三', role: 'workerRepresentative', link: 'https://wagepact.test/vote/T0K3N' } }))
    expect(vote.text).toContain('个人表决凭证（参加表决）：https://wagepact.test/vote/T0K3N')
    expect(vote.html).toContain('href="https://wagepact.test/vote/T0K3N"')
  })

  it('builds a valid .ics: CRLF, folded at 75 octets without splitting characters, escaped text, local time zone', () => {
    const ics = buildIcs({
      uid: 'case-1-meeting-2026-06-15@wagepact.test',
      stamp: '2026-06-01T02:00:00.000Z',
      date: '2026-06-15',
      time: '14:30',
      summary: '工资集体协商会议;第2次, 议题：年度工资调整',
      location: '公司三楼第一会议室',
      description: '第一行\n第二行'.repeat(10),
    })
    expect(ics.endsWith('\r\n')).toBe(true)
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true)
    expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20260615T143000')
    expect(ics).toContain('DTEND;TZID=Asia/Shanghai:20260615T163000')
    expect(ics).toContain('DTSTAMP:20260601T020000Z')
    const unfolded = ics.replace(/\r\n /g, '')
    expect(unfolded).toContain('SUMMARY:工资集体协商会议\\;第2次\\, 议题：年度工资调整')
    expect(unfolded).toContain(`DESCRIPTION:${'第一行\\n第二行'.repeat(10)}`)
    expect(foldIcsLine('x'.repeat(200)).split('\r\n ').map((l) => l.length)).toEqual([75, 74, 51])
    expect(buildIcs({ uid: 'u', stamp: '2026-06-01T00:00:00.000Z', date: '2026-12-31', summary: 's' })).toContain('DTEND;VALUE=DATE:20270101')
    expect(parseLocalTime('下午2时30分')).toBe('14:30')
    expect(parseLocalTime('2026年6月15日上午9时')).toBe('09:00')
    expect(parseLocalTime('待定')).toBeUndefined()
  })
})

describe('notify catalog', () => {
  it('handles every notify.* effect the negotiation machine emits, each with a label and a template', () => {
    const names = notifyEffectNames(negotiationEffects)
    for (const effect of negotiationEffects.filter((e) => e.startsWith('notify.'))) {
      expect(names).toContain(effect)
      expect(NOTIFY_CATALOG[effect], effect).toBeDefined()
      expect(EFFECT_LABELS[effect], effect).toBeDefined()
    }
    for (const effect of EXTRA_NOTIFY_EFFECTS) expect(names).toContain(effect)
    expect(notifySpecOf('notify.somethingNew', {})).toEqual({ template: 'caseUpdate', audience: ['parties'] })
    expect(notifySpecOf('notify.deadlineReminder', { kind: 'requestReply' }).template).toBe('replyDueSoon')
    expect(notifySpecOf('notify.deadlineReminder', { kind: 'review' }).audience).toEqual(['bureau'])
  })

  it('reads the case facts defensively from the machine context; the effect data wins', () => {
    const f = extractCaseFacts(
      {
        request: { by: 'worker', sentOn: '2026-06-01', proposedTime: 42 },
        rounds: [{ number: 1 }, { number: 2, heldOn: '2026-06-20', openItems: ['工资增长', 3] }],
        preparation: { meeting: { meetingOn: '2026-06-15', place: 'A' } },
        agreement: 'nonsense',
      },
      { meeting: { place: 'B' } },
    )
    expect(f.request).toEqual({ by: 'worker', sentOn: '2026-06-01' })
    expect(f.round).toEqual({ number: 2, heldOn: '2026-06-20', openItems: ['工资增长'] })
    expect(f.meeting).toEqual({ meetingOn: '2026-06-15', place: 'B' })
    expect(f.agreement).toBeUndefined()
    expect(extractCaseFacts(null)).toEqual({})
  })
})
