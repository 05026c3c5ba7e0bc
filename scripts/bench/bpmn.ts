/**
 * Ours vs bpmn-engine (a pure-JS BPMN 2.0 engine a user might pick instead), end to end, one persisted step each,
 * on the embedded SQLite database. Both handle a step the way a server must, with many cases and no case kept in
 * memory: load the case's state from the database, restore the engine, apply one step, save state + an event row
 * in one transaction. The path is the same for both: request sent → received → answered (three user tasks).
 */
import crypto from 'node:crypto'
import Database from 'better-sqlite3'
import { Engine } from 'bpmn-engine'
import { openDatabase } from '../../src/db/database.js'
import { sqliteFilePath } from '../../src/db/database-url.js'
import { ManualClock } from '../../src/engine/clock.js'
import { createTestDatabase } from '../../test/support/databases.js'
import { employerActor, requestReceived, requestSent, seedEnterprise, testEngine, unionActor } from '../../test/support/factories.js'

export type TBpmnBench = { steps: number; oursStepsPerSecond: number; bpmnStepsPerSecond: number; ratio: number }

const STEPS = ['requestSent', 'requestReceived', 'requestAnswered'] as const

const SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="negotiation" targetNamespace="http://wagepact.local/bpmn">
  <process id="wageNegotiation" isExecutable="true">
    <startEvent id="start" />
    <userTask id="requestSent" name="协商要约已发出" />
    <userTask id="requestReceived" name="对方已签收要约" />
    <userTask id="requestAnswered" name="书面答复" />
    <endEvent id="negotiating" />
    <sequenceFlow id="f0" sourceRef="start" targetRef="requestSent" />
    <sequenceFlow id="f1" sourceRef="requestSent" targetRef="requestReceived" />
    <sequenceFlow id="f2" sourceRef="requestReceived" targetRef="requestAnswered" />
    <sequenceFlow id="f3" sourceRef="requestAnswered" targetRef="negotiating" />
  </process>
</definitions>`

async function bpmnSteps(cases: number): Promise<number> {
  const t = await createTestDatabase('sqlite')
  const db = new Database(sqliteFilePath(t.url))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec(`CREATE TABLE bpmn_instance (id TEXT PRIMARY KEY, state TEXT NOT NULL, revision INTEGER NOT NULL);
           CREATE TABLE bpmn_event (id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (id, seq));`)
  const save = db.transaction((id: string, seq: number, type: string, state: string) => {
    db.prepare('INSERT INTO bpmn_event (id, seq, type, payload) VALUES (?, ?, ?, ?)').run(id, seq, type, JSON.stringify({ type }))
    db.prepare('INSERT INTO bpmn_instance (id, state, revision) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state, revision = excluded.revision').run(id, state, seq)
  })
  const ids: string[] = []
  for (let i = 0; i < cases; i++) {
    const id = crypto.randomUUID()
    const engine = new Engine({ name: id, source: SOURCE })
    await engine.execute()
    save(id, 0, 'started', JSON.stringify(await engine.getState()))
    engine.stop()
    ids.push(id)
  }
  const t0 = performance.now()
  for (const id of ids) {
    for (let s = 0; s < STEPS.length; s++) {
      const row = db.prepare('SELECT state FROM bpmn_instance WHERE id = ?').get(id) as { state: string }
      const engine = new Engine({ name: id }).recover(JSON.parse(row.state))
      const execution = await engine.resume()
      execution.signal({ id: STEPS[s]! })
      save(id, s + 1, STEPS[s]!, JSON.stringify(await engine.getState()))
      engine.stop()
    }
  }
  const ms = performance.now() - t0
  db.close()
  await t.drop()
  return ((cases * STEPS.length) / ms) * 1000
}

async function ourSteps(cases: number): Promise<number> {
  const t = await createTestDatabase('sqlite')
  const db = await openDatabase(t.url)
  const engine = testEngine(db, new ManualClock('2026-06-04T02:00:00.000Z'))
  const enterpriseId = await seedEnterprise(db)
  const ids: string[] = []
  for (let i = 0; i < cases; i++) {
    ids.push((await engine.openCase({ enterpriseId, kind: 'wageAgreement', jurisdiction: 'national' }, unionActor)).caseId)
  }
  const t0 = performance.now()
  for (const id of ids) {
    await engine.sendEvent(id, requestSent('2026-06-04'), unionActor)
    await engine.sendEvent(id, requestReceived('2026-06-04'), unionActor)
    await engine.sendEvent(id, { type: 'request.answered', answeredOn: '2026-06-05', text: '同意' }, employerActor)
  }
  const ms = performance.now() - t0
  await db.close()
  await t.drop()
  return ((cases * STEPS.length) / ms) * 1000
}

export async function benchBpmn(cases = 200): Promise<TBpmnBench> {
  await bpmnSteps(10) // warm-up
  await ourSteps(10)
  const bpmn = await bpmnSteps(cases)
  const ours = await ourSteps(cases)
  return { steps: cases * STEPS.length, oursStepsPerSecond: ours, bpmnStepsPerSecond: bpmn, ratio: ours / bpmn }
}
