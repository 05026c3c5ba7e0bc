/**
 * Restoring a case's machine from its stored snapshot and asking it what it accepts. Pure apart from the
 * registry lookup; no database access.
 */
import { __unsafe_getAllOwnEventDescriptors, type AnyMachineSnapshot } from 'xstate'
import { getMachineEntry, type TMachineEntry } from '../../workflows/registry.js'
import { AppError } from '../errors/app-error.js'

export type TStoredMachine = { machineId: string; machineVersion: number; snapshot: string }

export function machineEntryOf(machineId: string, machineVersion: number): TMachineEntry {
  const entry = getMachineEntry(machineId)
  if (!entry || entry.version !== machineVersion) {
    // A stored snapshot of another machine version needs a migration of its snapshots; never guess.
    throw new AppError(
      'INTEGRITY_VIOLATION',
      {
        zh: `案件的流程版本（${machineId} v${machineVersion}）与当前程序不一致`,
        en: `the case's machine version (${machineId} v${machineVersion}) is not the running one`,
      },
      { machineId, machineVersion, running: entry?.version ?? null },
    )
  }
  return entry
}

export function restoreSnapshot(stored: TStoredMachine): { entry: TMachineEntry; snapshot: AnyMachineSnapshot } {
  const entry = machineEntryOf(stored.machineId, stored.machineVersion)
  const snapshot = entry.machine.resolveState(JSON.parse(stored.snapshot)) as AnyMachineSnapshot
  return { entry, snapshot }
}

/** Event types the current state handles (guards not evaluated), without internal and scheduler-only events. */
export function acceptedEventTypes(snapshot: AnyMachineSnapshot): string[] {
  if (snapshot.status !== 'active') return []
  const types = new Set<string>()
  for (const d of __unsafe_getAllOwnEventDescriptors(snapshot) as string[]) {
    if (d.startsWith('xstate.') || d === '*' || d === 'deadline.elapsed') continue
    types.add(d)
  }
  return [...types].sort()
}

export function stateValueJson(snapshot: AnyMachineSnapshot): string {
  return JSON.stringify(snapshot.value)
}
