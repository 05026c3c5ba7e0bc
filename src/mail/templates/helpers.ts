import { date } from './format.js'
import type { TFact } from './layout.js'
import type { TDeadlineFact, TMailFacts } from './types.js'

/** The deadline the mail is about, or the pending one of a kind. */
export const deadlineOf = (f: TMailFacts, kind: string): TDeadlineFact | undefined =>
  f.deadline?.kind === kind ? f.deadline : f.deadlines.find((d) => d.kind === kind)

export const deadlineFact = (d: TDeadlineFact | undefined): TFact | undefined =>
  d && {
    label: { zh: `期限（${d.label.zh}）`, en: `Deadline (${d.label.en})` },
    value: { zh: `${date(d.lastDay).zh}${d.article ? `（${d.article}）` : ''}`, en: `${date(d.lastDay).en}${d.article ? ` (${d.article})` : ''}` },
  }

export const dateFact = (zh: string, en: string, value: string | undefined): TFact | undefined =>
  value ? { label: { zh, en }, value: date(value) } : undefined

export const textFact = (zh: string, en: string, value: string | number | undefined): TFact | undefined =>
  value === undefined || value === '' ? undefined : { label: { zh, en }, value: String(value) }

/** "还有5天" / "in 5 days" from a reminder's lead time. */
export const leadText = (d: TDeadlineFact | undefined) =>
  d?.leadDays !== undefined
    ? { zh: `距期限届满还有${d.leadDays}天`, en: `${d.leadDays} day${d.leadDays === 1 ? '' : 's'} before the deadline` }
    : undefined

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined)
