// Integrity check of every case (or the ones named): hash chain, gaps, replay = snapshot, document hashes.
// Exits 1 and names each bad row when anything was tampered with.
//   npm run verify [-- <caseId> ...]
import { loadConfig } from '../src/config/config.js'
import { openDatabase } from '../src/db/database.js'
import { all } from '../src/db/sql.js'
import { verifyCaseReport } from '../src/engine/verify.js'
import { verifyBallotCounts } from '../src/congress/verify-ballots.js'

const { databaseUrl, congressCredentialKey } = loadConfig(process.env)
const db = await openDatabase(databaseUrl)
const named = process.argv.slice(2)
const ids = named.length
  ? named
  : (await db.read(function* () {
      return yield* all<{ id: string }>(`SELECT "id" FROM "Case" ORDER BY "createdAt"`)
    })).map((r) => r.id)
let bad = 0
let unchained = 0
for (const id of ids) {
  const report = await verifyCaseReport(db, id)
  for (const p of report.problems) {
    bad++
    console.error(`TAMPERED ${p.table} ${p.key}: ${p.problem}`)
  }
  // Not a problem: documents stored before the document hash chain existed; only their bytes are checked.
  for (const d of report.unchainedDocuments) {
    unchained++
    console.log(`UNCHAINED Document ${d}: unchained (created before the chain)`)
  }
}
// The ballot boxes: each count row against its seal (src/congress/verify-ballots.ts).
const ballots = await verifyBallotCounts(db, congressCredentialKey)
for (const p of ballots.problems) {
  bad++
  console.error(`TAMPERED ${p.table} ${p.key}: ${p.problem}`)
}
await db.close()
console.log(`${ids.length} cases and ${ballots.sessions} ballot boxes (${ballots.rows} count rows) checked, ${bad} problems${unchained ? `, ${unchained} unchained documents` : ''}`)
process.exit(bad ? 1 : 0)
