/** Holiday calendars (read: everyone signed in; load a year: admins) and the outbox (admins). */
import { z } from 'zod'
import { ZCalendarYearSchema } from '../../../workflows/rules/calendar/index.js'
import { listCalendarYears } from '../../engine/calendar-years.js'
import { loadCalendarYear } from '../../engine/calendars.js'
import { listOutbox } from '../../engine/outbox.js'
import { nowIso, type TResource } from '../services.js'

const ZCalendarSummarySchema = z.object({
  year: z.number().int(),
  origin: z.enum(['shipped', 'loaded']),
  source: z.unknown(),
  holidays: z.number().int(),
  adjustedWorkingDays: z.number().int(),
  loadedBy: z.string().nullable(),
  loadedAt: z.string().nullable(),
})

const ZOutboxStatus = z.enum(['pending', 'running', 'done', 'dead'])

const ZOutboxMessageSchema = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  caseSeq: z.number().int().nullable(),
  effect: z.string(),
  payload: z.unknown(),
  attempts: z.number().int(),
  status: ZOutboxStatus,
  lastError: z.string().nullable(),
  createdAt: z.string(),
})

export const adminResource: TResource = (add, s) => {
  add({
    method: 'get',
    path: '/calendars',
    operationId: 'listCalendars',
    tag: 'calendars',
    summary: { zh: '已载入的节假日安排年份', en: 'The holiday calendar years in use' },
    access: 'signedIn',
    responses: { 200: { description: { zh: '年份', en: 'Years' }, schema: z.object({ items: z.array(ZCalendarSummarySchema) }) } },
    handler: async () => ({ status: 200, body: { items: await listCalendarYears(s.engine.db) } }),
  })

  add({
    method: 'post',
    path: '/calendars',
    operationId: 'loadCalendarYear',
    tag: 'calendars',
    summary: { zh: '载入一年的节假日安排（国务院办公厅通知）', en: 'Load a year’s official holiday calendar' },
    description: {
      zh: '替换同一年份的内置数据；之前按临时日历计算的期限随即重新计算。',
      en: 'Replaces a shipped year of the same number; deadlines computed provisionally are recomputed.',
    },
    access: ['admin'],
    body: ZCalendarYearSchema,
    responses: {
      201: {
        description: { zh: '已载入', en: 'Loaded' },
        schema: z.object({ year: z.number().int(), recomputed: z.number().int() }),
      },
    },
    handler: async ({ body }, { principal }) => {
      const r = await loadCalendarYear(s.engine.db, s.calendars, body, { id: principal.user.id, role: 'admin' }, nowIso(s))
      return { status: 201, body: r }
    },
  })

  add({
    method: 'get',
    path: '/outbox',
    operationId: 'listOutbox',
    tag: 'operations',
    summary: { zh: '待执行的副作用（含死信）', en: 'Outbox messages (incl. dead letters)' },
    access: ['admin'],
    query: z.strictObject({ status: ZOutboxStatus.optional() }),
    responses: { 200: { description: { zh: '最近 500 条', en: 'The latest 500' }, schema: z.object({ items: z.array(ZOutboxMessageSchema) }) } },
    handler: async ({ query }) => {
      const rows = await listOutbox(s.engine.db, query.status)
      return { status: 200, body: { items: rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown })) } }
    },
  })
}
