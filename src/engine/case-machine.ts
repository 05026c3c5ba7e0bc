/**
 * Restoring a case's machine from its stored snapshot and asking it what it accepts. Pure apart from the
 * registry lookup; no database access.
 */
import { __unsafe_getAllOwnEventDescriptors, createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate'
import { getMachineEntry, type TMachineEntry } from '../../workflows/registry.js'
import { AppError } from '../errors/app-error.js'
import { Lru } from './lru.js'

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

/**
 * The accepted events depend only on the machine and its active state nodes (the state value): computed once per
 * machine and state value and kept (bounded, lru.ts); callers get their own copy.
 */
const acceptedByMachine = new WeakMap<object, Lru<string, readonly string[]>>()

/** Event types the current state handles (guards not evaluated), without internal and scheduler-only events. */
export function acceptedEventTypes(snapshot: AnyMachineSnapshot): string[] {
  if (snapshot.status !== 'active') return []
  let byState = acceptedByMachine.get(snapshot.machine)
  if (!byState) {
    byState = new Lru(500)
    acceptedByMachine.set(snapshot.machine, byState)
  }
  const key = JSON.stringify(snapshot.value)
  const known = byState.get(key)
  if (known) return [...known]
  const types = new Set<string>()
  for (const d of __unsafe_getAllOwnEventDescriptors(snapshot) as string[]) {
    if (d.startsWith('xstate.') || d === '*' || d === 'deadline.elapsed') continue
    types.add(d)
  }
  const sorted = [...types].sort()
  byState.set(key, sorted)
  return [...sorted]
}

export function stateValueJson(snapshot: AnyMachineSnapshot): string {
  return JSON.stringify(snapshot.value)
}

/**
 * xstate's pure `transition(machine, snapshot, event)`, without its per-call cost: xstate builds a new inert actor
 * scope for every call, and building it creates an actor, which computes the machine's initial snapshot (measured:
 * about a third of a transition). The scope here is the same (an actor that is never started, no-op defer, emit,
 * logger and stopChild, an executor that only collects the actions) but built once per machine and reused; the
 * machines persisted by the engine spawn and invoke no actors (see resolveState), so the scope holds no state
 * between calls. The result is the same [next snapshot, actions]; verify.ts replays logs with xstate's own
 * `transition` and compares.
 */
const scopes = new WeakMap<AnyStateMachine, AnyActorScope>()

export function pureTransition(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject): [AnyMachineSnapshot, unknown[]] {
  let scope = scopes.get(machine)
  if (!scope) {
    const self = createActor(machine)
    scope = {
      self,
      defer: () => {},
      id: '',
      logger: () => {},
      sessionId: '',
      stopChild: () => {},
      system: self.system,
      emit: () => {},
      actionExecutor: () => {},
    } as unknown as AnyActorScope
    scopes.set(machine, scope)
  }
  const actions: unknown[] = []
  scope.actionExecutor = (action) => {
    actions.push(action)
  }
  try {
    return [machine.transition(snapshot, event, scope) as AnyMachineSnapshot, actions]
  } finally {
    scope.actionExecutor = () => {}
  }
}
