/**
 * Model-based coverage with xstate/graph: from the initial state, with sample events of every type built from the
 * current context, every state is reachable, every event type is accepted somewhere, no state is a dead end except
 * the final ones, and the blocking guard agrees with `explainRefusal` everywhere.
 */
import { describe, expect, it } from 'vitest'
import { __unsafe_getAllOwnEventDescriptors, transition, type AnyMachineSnapshot, type AnyStateNode } from 'xstate'
import { getShortestPaths } from 'xstate/graph'
import type { TNegotiationContext, TNegotiationInput } from '../../../workflows/negotiation/context.js'
import { negotiationEventTypes } from '../../../workflows/negotiation/events.js'
import { negotiationMachine } from '../../../workflows/negotiation/machine.js'
import { explainRefusal } from '../../../workflows/negotiation/rules.js'
import { input } from './helpers.js'
import { badSamples, samples, serialize } from './model-samples.js'

// National (correction, early effect of a wage opinion), Henan (limit lapse, failed coordination ends the talks),
// Zhejiang collective contracts (rescission filing, JHR 47 effect after the period).
const cases: TNegotiationInput[] = [
  input('national', 'wageAgreement'),
  input('henan', 'wageAgreement'),
  input('zhejiang', 'collectiveContract'),
]

/** Every reachable snapshot (one per serialized key) of every case, from the shortest paths. */
const explored = cases.flatMap((caseInput) =>
  getShortestPaths(negotiationMachine, {
    input: caseInput,
    events: (snapshot) => samples(snapshot as AnyMachineSnapshot),
    serializeState: (snapshot) => serialize(snapshot as AnyMachineSnapshot),
    serializeEvent: (event) => JSON.stringify({ ...event, at: undefined }),
    filterEvents: (snapshot, event) => (snapshot as AnyMachineSnapshot).can(event),
    limit: 10_000_000,
  }).map((path) => ({ caseInput, path, snapshot: path.state as AnyMachineSnapshot })),
)

/** 'bargaining', 'bargaining.preparing', … for a state value. */
function statePaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value]
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => [prefix + k, ...statePaths(v, `${prefix}${k}.`)])
}

function allStateNodes(node: AnyStateNode = negotiationMachine.root): AnyStateNode[] {
  return Object.values(node.states).flatMap((child) => [child, ...allStateNodes(child)])
}
const pathOf = (node: AnyStateNode) => node.path.join('.')

describe('model-based coverage (xstate/graph)', () => {
  it('explores the machine under several packs', () => {
    expect(explored.length).toBeGreaterThan(100)
  })

  it('every state is reachable', () => {
    const reached = new Set(explored.flatMap(({ snapshot }) => statePaths(snapshot.value)))
    const all = allStateNodes().map(pathOf)
    expect(all.length).toBeGreaterThan(25)
    expect(all.filter((p) => !reached.has(p))).toEqual([])
  })

  it('every event type is accepted (guard passing) in at least one reachable state', () => {
    const accepted = new Set<string>()
    for (const { snapshot } of explored) {
      if (snapshot.status !== 'active') continue
      for (const event of samples(snapshot)) if (snapshot.can(event)) accepted.add(event.type)
    }
    expect(negotiationEventTypes.filter((t) => !accepted.has(t))).toEqual([])
  })

  it('no state is a dead end, except the final states', () => {
    // Structural: each non-final state (or an ancestor below the root) has a transition leaving it.
    for (const node of allStateNodes()) {
      if (node.type === 'final') continue
      const chain: AnyStateNode[] = []
      for (let n: AnyStateNode | undefined = node; n && n !== negotiationMachine.root; n = n.parent) chain.push(n)
      const leaves = chain.some(
        (n) =>
          n.always !== undefined ||
          [...n.transitions.values()].some((ts) => ts.some((t) => t.target?.some((target) => target !== node))),
      )
      expect(leaves, pathOf(node)).toBe(true)
    }
    // Behavioural: from every reachable active snapshot some sample event leads to another state.
    for (const { snapshot, caseInput } of explored) {
      if (snapshot.status !== 'active') continue
      const from = JSON.stringify(snapshot.value)
      const moves = samples(snapshot).some(
        (e) => snapshot.can(e) && JSON.stringify(transition(negotiationMachine, snapshot as never, e)[0].value) !== from,
      )
      expect(moves, `${caseInput.jurisdiction} ${from}`).toBe(true)
    }
    const finals = allStateNodes().filter((n) => n.type === 'final').map(pathOf).sort()
    expect(finals).toEqual(['closed', 'expired', 'renewed', 'terminated'])
  })

  it('the guard refuses exactly when explainRefusal gives violations (for every event type the state accepts)', () => {
    let checked = 0
    let refused = 0
    for (const { snapshot } of explored) {
      if (snapshot.status !== 'active') continue
      const acceptedTypes = new Set(__unsafe_getAllOwnEventDescriptors(snapshot) as string[])
      for (const event of [...samples(snapshot), ...badSamples(snapshot)]) {
        if (!acceptedTypes.has(event.type) || event.type === 'deadline.elapsed') continue
        const violations = explainRefusal(snapshot.context as TNegotiationContext, event)
        expect(snapshot.can(event), `${event.type} in ${JSON.stringify(snapshot.value)}: ${violations.map((v) => v.code)}`).toBe(
          violations.length === 0,
        )
        for (const v of violations) {
          expect(v.code).toMatch(/^[A-Z][A-Z0-9_]+$/)
          expect(v.article.length).toBeGreaterThan(0)
          expect(v.message.zh.length).toBeGreaterThan(0)
          expect(v.message.en.length).toBeGreaterThan(0)
        }
        checked++
        if (violations.length > 0) refused++
      }
    }
    expect(checked).toBeGreaterThan(1_000)
    expect(refused).toBeGreaterThan(100)
  })

  it('every state has a description citing an article', () => {
    for (const node of allStateNodes()) {
      expect(node.description, pathOf(node)).toBeTruthy()
      if (node.type !== 'final' && node.parent === negotiationMachine.root) {
        expect(node.description, pathOf(node)).toMatch(/(JHR|GZ|LCL|TUL|Henan|Zhejiang|Shandong|Chongqing) ?\d/)
      }
    }
  })

  it('snapshots are plain JSON and restore to the same state', () => {
    for (const { snapshot } of explored.slice(0, 200)) {
      const stored = JSON.parse(JSON.stringify(negotiationMachine.getPersistedSnapshot(snapshot)))
      const restored = negotiationMachine.resolveState(stored)
      expect(restored.value).toEqual(snapshot.value)
      expect(restored.context).toEqual(snapshot.context)
    }
  })
})

describe('the sample events', () => {
  it('are valid against the event schema (the traversal builds them without parsing)', async () => {
    const { ZNegotiationEventSchema } = await import('../../../workflows/negotiation/events.js')
    for (const { snapshot } of explored.filter((_, i) => i % 10 === 0)) {
      for (const event of [...samples(snapshot), ...badSamples(snapshot)]) {
        expect(() => ZNegotiationEventSchema.parse(event), event.type).not.toThrow()
      }
    }
  })
})
