// Integrity check of every case (or the ones named): hash chain, gaps, replay = snapshot, document hashes.
// Exits 1 and names each bad row when anything was tampered with.
//   npm run verify [-- <caseId> ...]
import { loadConfig } from '../src/config/config.js'
import { openDatabase } from '../src/db/database.js'
import { all } from '../src/db/sql.js'
import { verifyCase } from '../src/engine/verify.js'

const { databaseUrl } = loadConfig(process.env)
const db = await openDatabase(databaseUrl)
const named = process.argv.slice(2)
const ids = named.length
  ? named
  : (await db.read(function* () {
      return yield* all<{ id: string }>(`SELECT "id" FROM "Case" ORDER BY "createdAt"`)
    })).map((r) => r.id)
let bad = 0
for (const id of ids) {
  for (const p of await verifyCase(db, id)) {
    bad++
    console.error(`TAMPERED ${p.table} ${p.key}: ${p.problem}`)
  }
}
await db.close()
console.log(`${ids.length} cases checked, ${bad} problems`)
process.exit(bad ? 1 : 0)
