/**
 * The generated forms without a browser: a form rendered from an event schema and filled with a value, submitted
 * as a browser without JavaScript would (every control, the chosen variant read by the parser), parses back to the
 * same event; money in yuan and percentages become integer fen and basis points; empty rows are ignored; the page
 * helpers escape what they print.
 */
import { describe, expect, it } from 'vitest'
import type { ZodType } from 'zod'
import { ZConveneInputSchema } from '../../src/congress/types.js'
import { sessionCsrfToken } from '../../src/web/csrf.js'
import { parseForm, renderFields, type TFormData } from '../../src/web/forms.js'
import { html } from '../../src/web/html.js'
import { stateName } from '../../src/web/i18n.js'
import { parseRosterCsv } from '../../src/web/pages/case.js'
import { ZNegotiationEventSchema } from '../../workflows/negotiation/events.js'
import { walkPlan } from '../support/case-walk.js'

const optionOf = (type: string) => ZNegotiationEventSchema.options.find((o) => o.shape.type.value === type)! as unknown as ZodType

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)
  return m ? unescape(m[1]!) : undefined
}

/** What a browser without JavaScript submits for the controls of `markup`. */
function submitted(markup: string): TFormData {
  const out: TFormData = {}
  const add = (name: string, value: string) => {
    const prev = out[name]
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value]
  }
  for (const m of markup.matchAll(/<input\b[^>]*>/g)) {
    const tag = m[0]
    const name = attr(tag, 'name')
    if (!name) continue
    const type = attr(tag, 'type') ?? 'text'
    if (type === 'checkbox' || type === 'radio') {
      if (/\schecked\b/.test(tag)) add(name, attr(tag, 'value') ?? 'on')
    } else add(name, attr(tag, 'value') ?? '')
  }
  for (const m of markup.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attr(m[1]!, 'name')
    if (!name) continue
    const options = [...m[2]!.matchAll(/<option\b([^>]*)>/g)].map((o) => ({ value: attr(o[1]!, 'value') ?? '', selected: /\sselected\b/.test(o[1]!) }))
    add(name, (options.find((o) => o.selected) ?? options[0])?.value ?? '')
  }
  for (const m of markup.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attr(m[1]!, 'name')
    if (name) add(name, unescape(m[2]!))
  }
  return out
}

describe('forms generated from the event schemas', () => {
  // Every event of the statutory walk (structured proposals, clauses with unions, figures, nested objects …).
  const events = walkPlan({ suspension: true, objection: true }).filter((p) => p.event.type !== 'congress.resultCertified')

  it.each(events.map((p) => [p.label, p.event] as const))('%s survives render → submit → parse', (_label, event) => {
    const schema = optionOf(event.type)
    const markup = renderFields(schema, event, { lang: 'zh', idPrefix: 't' }).value
    const values = parseForm(schema, submitted(markup))
    const at = '2026-06-04T02:00:00.000Z'
    const expected = schema.parse({ ...event, at })
    const parsed = schema.safeParse({ ...values, type: event.type, at })
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true)
    expect(parsed.data).toEqual(expected)
  })

  it('reads yuan and percent as integer fen and basis points, and ignores empty rows', () => {
    const schema = optionOf('round.held')
    const form: TFormData = {
      'f.number': '2',
      'f.heldOn': '2026-06-10',
      'f.place': '会议室',
      'f.presidingSide': 'employer',
      'f.attendees.worker': 'w0\nw1\n',
      'f.attendees.employer': 'e0',
      'f.agenda': '工资',
      'f.agreedItems': '',
      'f.openItems': '',
      'f.outcome': 'continued',
      'f.minutesSignedBy': 'w0\ne0',
      'f.proposals.0.side': '',
      'f.proposals.0.text': '',
      'f.agreedClauses.0.~kind': 'enterpriseMinimumWage',
      'f.agreedClauses.0.@enterpriseMinimumWage.fenPerMonth': '2,700.5',
      'f.agreedClauses.0.@averageWageIncrease.basisPoints': '99',
      'f.agreedClauses.1.~kind': 'averageWageIncrease',
      'f.agreedClauses.1.@averageWageIncrease.basisPoints': '6.5',
      'f.agreedClauses.2.~kind': 'allowance',
      'f.agreedClauses.2.@allowance.name': '夜班津贴',
      'f.agreedClauses.2.@allowance.fenPerMonth': '420',
      'f.agreedClauses.2.@allowance.eligible': '夜班职工',
      'f.agreedClauses.2.@allowance.appliesTo.~variant': '2',
      'f.agreedClauses.2.@allowance.appliesTo.@2.headcount': '120',
      'f.agreedClauses.3.~kind': '',
    }
    const v = parseForm(schema, form)
    expect(v.proposals).toEqual([])
    expect(v.attendees).toEqual({ worker: ['w0', 'w1'], employer: ['e0'] })
    expect(v.agreedClauses).toEqual([
      { kind: 'enterpriseMinimumWage', fenPerMonth: 270_050 },
      { kind: 'averageWageIncrease', basisPoints: 650 },
      { kind: 'allowance', name: '夜班津贴', fenPerMonth: 42_000, eligible: '夜班职工', appliesTo: { headcount: 120 } },
    ])
    expect(schema.safeParse({ ...v, type: 'round.held', at: '2026-06-10T02:00:00.000Z' }).success).toBe(true)
  })

  it('shows the schema’s errors next to their fields, and marks them invalid', () => {
    const schema = optionOf('request.received')
    const markup = renderFields(schema, { receivedOn: '2026-06-31' }, { lang: 'zh', idPrefix: 'x', errors: new Map([['receivedOn', '日期无效']]) }).value
    expect(markup).toContain('aria-invalid="true" aria-describedby="x-f_receivedOn-err"')
    expect(markup).toContain('<span class="field-error" id="x-f_receivedOn-err">日期无效</span>')
    expect(markup).toMatch(/<label for="x-f_proof">送达证明<\/label>/)
  })

  it('renders the convening form with datetime-local fields read as China Standard Time', () => {
    const markup = renderFields(ZConveneInputSchema, { opensAt: '2026-06-04T02:00:00.000Z' }, { lang: 'en', idPrefix: 'c' }).value
    expect(markup).toContain('type="datetime-local" id="c-f_opensAt" name="f.opensAt" value="2026-06-04T10:00"')
    const v = parseForm(ZConveneInputSchema, { 'f.opensAt': '2026-06-04T10:00', 'f.online': 'on' })
    expect(v).toMatchObject({ opensAt: '2026-06-04T10:00:00+08:00', online: true })
  })
})

describe('page helpers', () => {
  it('escapes interpolated text', () => {
    expect(html`<p title="${'"><script>'}">${'<b>&</b>'}</p>`.value).toBe('<p title="&quot;&gt;&lt;script&gt;">&lt;b&gt;&amp;&lt;/b&gt;</p>')
  })

  it('names nested states in Chinese and English', () => {
    expect(stateName('zh', { bargaining: 'negotiating' })).toBe('协商会议')
    expect(stateName('en', { inForce: 'awaitingPublication' })).toBe('In force, to be published')
    expect(stateName('zh', { bargaining: { coordinating: 'withinPeriod' } })).toBe('协调处理中（协调期限内）')
  })

  it('reads a roster CSV (header, quotes, 是/否 columns)', () => {
    const reps = parseRosterCsv('\uFEFF姓名,单位,电子邮箱,电话,一线职工,管理人员,女职工\n陈小兰,"一车间,甲班",chen@example.com,,是,,是\n刘志强,二车间,,13800000000,,是,\n')
    expect(reps).toEqual([
      { name: '陈小兰', unit: '一车间,甲班', email: 'chen@example.com', isFrontLine: true, isManager: false, isWoman: true },
      { name: '刘志强', unit: '二车间', phone: '13800000000', isFrontLine: false, isManager: true, isWoman: false },
    ])
  })

  it('derives the form token from the session secret', () => {
    expect(sessionCsrfToken('a')).toBe(sessionCsrfToken('a'))
    expect(sessionCsrfToken('a')).not.toBe(sessionCsrfToken('b'))
    expect(sessionCsrfToken('a')).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })
})
