/**
 * Why the stored vote cannot be linked to the voter (无记名投票: JHR 36; Shanghai 职代会条例 31; Zhejiang 企业民主管理条例
 * 15; QMG 20), and the two writes that keep it so.
 *
 * What is stored, per session:
 *   - CongressCredential: one row per representative (it names the voter), with the hash of the credential, the
 *     attendance and `usedVia` (online | paper | null). This is "has voted", and it is the only per-voter trace.
 *     It has no time column.
 *   - CongressBallotCount: the ballot box as counts only: one row per (item, choice), created at convening with
 *     count 0. An online ballot adds 1 to the chosen choice of each item. There is no per-ballot row, so there is
 *     no row to join, order or date: no voter id, no credential id, no timestamp, no autoincrement id, no rowid
 *     order (the rows exist before anyone votes, and an UPDATE changes neither SQLite's rowid nor the row set).
 *     Counts also defeat "pattern voting" (a voter told to mark a unique combination of choices over many items
 *     so their ballot can be found): combinations are never stored.
 *   - CongressReceipt: the hash of each online voter's receipt code. It names no one and carries no choice; the
 *     published list is sorted by hash.
 *   - CongressPaperTally: the tellers' per-item totals of the paper ballots: aggregates only.
 *
 * What an administrator with database access (any SQL, including system columns, dumps and backups) can learn:
 * who attended and who voted and by which channel (not secret: a congress records attendance), the totals (public
 * anyway), and nothing else. In particular:
 *   - No column of any congress table relates a choice to a credential or representative (checked by
 *     test/congress/secrecy.test.ts on both databases, by reading the catalog).
 *   - The state after voting does not depend on the order of voting: the same ballots cast in another order leave
 *     byte-identical ballot-count rows, in the same physical order (also tested).
 *   - The order in which people voted may be recoverable from physical row positions (the SQLite rowid of the
 *     receipts, the PostgreSQL ctid of updated credential rows). That is participation timing, not choice: no
 *     stored row carries a choice together with an order, a time or an identity.
 *   - PostgreSQL's `xmin` system column names the transaction that wrote a row version, and a ballot's transaction
 *     writes both the voter's credential row and the counts. So the ballot box (./ballot-box.ts) writes *every* count
 *     row of the session in each transaction that records ballots (+n on the chosen ones, +0 on the others):
 *     every count row then carries the same xmin, whatever was chosen, and xmin cannot tell choices apart.
 *     Ballots are also recorded in batches, so one transaction usually holds the ballots of many voters. At the
 *     close, `scrubLinks` rewrites the session's credential, receipt and count rows in the closing transaction, so
 *     afterwards no live row keeps the xmin of any ballot transaction. The superseded row versions are not
 *     visible to SQL and are removed by VACUUM.
 *
 * What this does not protect against (operational controls, not the schema): someone who watches the live system
 * while people vote — an administrator polling the counts between two ballots, the database's statement log or
 * WAL archive, page-level forensics before VACUUM, or a compromised application server, which sees each request.
 * The running counts are never shown by the application before the close (TSessionView.result is null until then).
 *
 * What the layers above must not undo: the ballot request carries the credential and the choices together, so
 * the HTTP route must not store or log its body (no idempotency record with the request or response body, no
 * body in access logs); and the credential travels in a URL fragment, never in a query string or path that
 * servers log (src/notify/credentials.ts).
 */
import { run, type TSql } from '../db/sql.js'

/** Rewrites the session's per-voter and count rows and the seal of the counts in the closing transaction (see above: PostgreSQL xmin). */
export function* scrubLinks(sessionId: string): TSql<void> {
  yield* run(`UPDATE "CongressCredential" SET "usedVia" = "usedVia" WHERE "sessionId" = ?`, [sessionId])
  yield* run(`UPDATE "CongressReceipt" SET "receiptHash" = "receiptHash" WHERE "sessionId" = ?`, [sessionId])
  yield* run(`UPDATE "CongressBallotCount" SET "count" = "count" WHERE "sessionId" = ?`, [sessionId])
  yield* run(`UPDATE "CongressBallotCountMac" SET "mac" = "mac" WHERE "sessionId" = ?`, [sessionId])
}
