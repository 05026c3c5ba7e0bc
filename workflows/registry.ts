/**
 * Machine id → machine, version, event schema and refusal explainer. The engine stores the version beside every
 * snapshot; a machine whose persisted shape changes gets a new version.
 */
import type { AnyStateMachine } from 'xstate'
import type { ZodType } from 'zod'
import { negotiationMachine } from './negotiation/machine.js'
import { ZNegotiationEventSchema, type TNegotiationEvent } from './negotiation/events.js'
import type { TNegotiationContext } from './negotiation/context.js'
import { explainRefusal } from './negotiation/rules.js'
import { paperFilingMachine, ZPaperFilingEventSchema } from './review/paper-filing.js'
import type { TViolation } from './rules/violations.js'

export type TMachineEntry = {
  machine: AnyStateMachine
  version: number
  /** Validates an event (with its `at`) before a transition. */
  eventSchema: ZodType<{ type: string; at: string }>
  /**
   * Why a guard blocks an event the current state accepts: the statutory rules it breaks, with articles.
   * Guards call the same rule functions, so a blocked event always has at least one violation.
   */
  explainRefusal?: (context: unknown, event: { type: string }) => TViolation[]
}

export const machines: Record<string, TMachineEntry> = {
  negotiation: {
    machine: negotiationMachine,
    // 3: structured clauses on rounds and drafts, preparation figures and surveys (issue 10).
    version: 3,
    eventSchema: ZNegotiationEventSchema,
    explainRefusal: (context, event) => explainRefusal(context as TNegotiationContext, event as TNegotiationEvent),
  },
  // A filing registered from paper (issue 9): the bureau's review only (review/paper-filing.ts).
  paperFiling: {
    machine: paperFilingMachine,
    version: 1,
    eventSchema: ZPaperFilingEventSchema,
    explainRefusal: (context, event) => explainRefusal(context as TNegotiationContext, event as TNegotiationEvent),
  },
}

export function getMachineEntry(id: string): TMachineEntry | undefined {
  return Object.hasOwn(machines, id) ? machines[id] : undefined
}
