// A scheduler process for the crash test: fires every due deadline at the given instant, then exits 0.
//   node --import tsx test/support/scheduler-child.ts <DATABASE_URL> <nowIso>
import { openDatabase } from '../../src/db/database.js'
import { createCalendarStore } from '../../src/engine/calendars.js'
import { fireDueDeadlines } from '../../src/engine/scheduler.js'

const [url, now] = process.argv.slice(2)
const db = await openDatabase(url!)
const calendars = createCalendarStore(db)
const r = await fireDueDeadlines(
  { db, context: () => ({ now: now!, nodeId: `child-${process.pid}`, computeDeadline: calendars.calculator }) },
  100_000,
)
await db.close()
console.log(JSON.stringify(r))
