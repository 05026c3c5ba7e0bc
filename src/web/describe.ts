/**
 * An event's payload as people read it: labelled fields, dates as 2026年6月24日, sides and choices in words,
 * negotiators by name, clauses as "平均工资增幅：6.5%", money in yuan.
 */
import { clauseLabel, clauseValue, type TClause } from '../../workflows/proposals/clauses.js'
import { isValidDate } from '../../workflows/rules/calendar/dates.js'
import { html, type SafeHtml, type THtmlValue } from './html.js'
import { VALUE_LABELS, fieldLabel, pick, valueLabel, type TLang } from './i18n.js'
import { fmtDate, fmtDateTime, yuan } from './format.js'

const MAX_TEXT = 600

function clip(s: string): string {
  const chars = [...s]
  return chars.length > MAX_TEXT ? `${chars.slice(0, MAX_TEXT).join('')}…` : s
}

const isClause = (v: unknown): v is TClause => !!v && typeof v === 'object' && typeof (v as { kind?: unknown }).kind === 'string' && 'kind' in (v as object)

export function clauseLine(lang: TLang, c: TClause): string {
  return `${pick(lang, clauseLabel(c))}：${pick(lang, clauseValue(c))}`
}

function value(lang: TLang, key: string, v: unknown): THtmlValue {
  if (v === undefined || v === null || v === '') return undefined
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no'
  if (typeof v === 'number') {
    if (/fen/i.test(key)) return `${yuan(v)} ${lang === 'zh' ? '元' : 'yuan'}`
    if (/basisPoints/i.test(key)) return `${(v / 100).toFixed(2).replace(/\.?0+$/, '')}%`
    return String(v)
  }
  if (typeof v === 'string') {
    if (isValidDate(v)) return fmtDate(lang, v)
    if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return fmtDateTime(lang, v)
    if (VALUE_LABELS[v] && key !== 'text' && key !== 'name' && key !== 'id') return valueLabel(lang, v)
    return clip(v)
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return undefined
    if (v.every((x) => typeof x === 'string')) {
      return html`<ul class="plain">${(v as string[]).map((x) => html`<li>${value(lang, key, x)}</li>`)}</ul>`
    }
    if (v.every(isClause)) return html`<ul class="plain">${(v as TClause[]).map((c) => html`<li>${clauseLine(lang, c)}</li>`)}</ul>`
    if (key === 'members') {
      return html`<ul class="plain">${(v as { name: string; position?: string; isChief?: boolean; id: string }[]).map(
        (m) => html`<li>${m.name}${m.position ? `（${m.position}）` : ''}${m.isChief ? (lang === 'zh' ? ' · 首席代表' : ' · chief') : ''} <span class="muted">#${m.id}</span></li>`,
      )}</ul>`
    }
    return html`<ol class="plain">${v.map((x) => html`<li>${describe(lang, x)}</li>`)}</ol>`
  }
  if (typeof v === 'object') return describe(lang, v)
  return String(v)
}

/** The payload's fields (without `type` and `at`) as a definition list. */
export function describe(lang: TLang, payload: unknown): SafeHtml {
  if (!payload || typeof payload !== 'object') return html`${String(payload ?? '')}`
  const entries = Object.entries(payload as Record<string, unknown>).filter(([k]) => k !== 'type' && k !== 'at')
  const rows = entries
    .map(([k, v]) => [k, value(lang, k, v)] as const)
    .filter(([, v]) => v !== undefined && v !== '')
  if (rows.length === 0) return html``
  return html`<dl class="payload">${rows.map(([k, v]) => html`<div><dt>${fieldLabel(lang, k)}</dt><dd>${v}</dd></div>`)}</dl>`
}
