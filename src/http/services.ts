/** What the resources of the API are built from (resolved from createApp's deps). */
import type { TAuthSettings } from '../auth/accounts.js'
import type { TCongress } from '../congress/index.js'
import type { TCalendarStore } from '../engine/calendars.js'
import type { TEngine } from '../engine/engine.js'
import type { THealth } from '../engine/health.js'
import type { TCookieSecure } from './cookies.js'
import type { TAdd, TAnyRoute } from './route.js'

export type TServices = {
  engine: TEngine
  calendars: TCalendarStore
  auth: TAuthSettings
  cookieSecure: TCookieSecure
  documentsDir: string
  /** The workers' congress (roster, sessions, ballots); one instance per process, shared with its timers. */
  congress: TCongress
  health: () => Promise<THealth>
  isReady: () => boolean
  /** Every registered route (the OpenAPI document is generated from it). */
  routes: readonly TAnyRoute[]
}

export type TResource = (add: TAdd, services: TServices) => void

export const now = (s: TServices) => s.engine.clock.now()
export const nowIso = (s: TServices) => s.engine.clock.now().toISOString()
