// One scheduler process of the deadline-drain benchmark: fires due deadlines until none is left, then exits 0.
//   drain-child.ts <databaseUrl> <now> <nodeId> [batchSize]
import { openDatabase } from '../../src/db/database.js'
import { createCalendarStore } from '../../src/engine/calendars.js'
import { fireDueDeadlines } from '../../src/engine/scheduler.js'

const [url, now, nodeId, batch] = process.argv.slice(2)
const db = await openDatabase(url!, { poolSize: 2 })
const calendars = createCalendarStore(db)
const batchSize = Number(batch ?? 100)
for (;;) {
  const r = await fireDueDeadlines({ db, batchSize, context: () => ({ now: now!, nodeId: nodeId!, computeDeadline: calendars.calculator }) }, 10_000)
  if (r.fired + r.ignored + r.failed === 0) break
}
await db.close()
