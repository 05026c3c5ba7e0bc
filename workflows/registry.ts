/**
 * Machine id → machine and version. The engine stores the version beside every snapshot; a machine whose
 * persisted shape changes gets a new version.
 */
import { negotiationMachine } from './negotiation/machine.js'

export const machines = {
  negotiation: { machine: negotiationMachine, version: 1 },
} as const

export type TMachineId = keyof typeof machines
