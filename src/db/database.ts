/**
 * Opens the database named by DATABASE_URL: the embedded SQLite file (default) or PostgreSQL.
 * Gives the engine's transactional SQL runner and a Prisma client for everything else; on SQLite both share one
 * connection and one mutex, so a Prisma transaction and an engine transaction never overlap.
 */
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import Database from 'better-sqlite3'
import pg from 'pg'
import { Mutex } from 'async-mutex'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient as SqlitePrismaClient } from './generated/sqlite/client.js'
import { PrismaClient as PgPrismaClient } from './generated/postgresql/client.js'
import { providerOf, sqliteFilePath } from './database-url.js'
import type { TProvider } from './schema-files.js'
import { driveAsync, driveSync, toPgPlaceholders, type TSql, type TSqlOp, type TSqlValue } from './sql.js'

/** Both generated clients have the same model API (the schema is one source); type them as one. */
export type TPrisma = SqlitePrismaClient

export type TDatabase = {
  provider: TProvider
  url: string
  prisma: TPrisma
  /** Runs a program in one transaction; an exception rolls everything back. */
  transaction<T>(program: () => TSql<T>): Promise<T>
  /** Runs a read-only program (no transaction on SQLite; one statement at a time on PostgreSQL). */
  read<T>(program: () => TSql<T>): Promise<T>
  /**
   * Runs a short read-only program that looks rows up by key (a credential, a case): on PostgreSQL its statements
   * share a few pipelined connections with the point reads of other requests, and each connection's socket is
   * written once per turn of the event loop (see pointReadChannel). Never for a read that may take long: it would
   * hold up the point reads queued behind it on the same connection.
   */
  pointRead<T>(program: () => TSql<T>): Promise<T>
  close(): Promise<void>
}

export type TOpenOptions = {
  /** PostgreSQL pool size per process. */
  poolSize?: number
  /** PostgreSQL connections shared by the point reads of a process (pointRead). */
  pointReadConnections?: number
}

export async function openDatabase(url: string, options: TOpenOptions = {}): Promise<TDatabase> {
  return providerOf(url) === 'sqlite' ? openSqlite(url) : openPostgres(url, options)
}

function openSqlite(url: string): TDatabase {
  const file = sqliteFilePath(url)
  if (file !== ':memory:' && !file.startsWith('file:')) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const db = new Database(file)
  // WAL with synchronous=FULL: an acknowledged request survives a power cut (WAL+NORMAL may lose the last
  // transactions). busy_timeout: other processes on the same file wait instead of failing at once.
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  const mutex = new Mutex()
  const statements = new Map<string, Database.Statement>()
  const bind = (params: readonly TSqlValue[]) => params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p))
  const exec = (op: TSqlOp): unknown => {
    let stmt = statements.get(op.sql)
    if (!stmt) {
      stmt = db.prepare(op.sql)
      // Prisma's adapter turns on safe integers for the shared connection; our programs read plain numbers.
      if (stmt.reader) stmt.safeIntegers(false)
      statements.set(op.sql, stmt)
    }
    if (op.mode === 'all') return stmt.all(...bind(op.params))
    const changes = stmt.run(...bind(op.params)).changes
    if (op.expect && changes !== op.expect.changes) throw op.expect.error()
    return op.mode === 'write' ? undefined : changes
  }
  const runInTransaction = db.transaction(<T>(program: () => TSql<T>) => driveSync(program(), exec))

  /**
   * Runs synchronous work on the shared connection. The mutex only has to keep it out of a Prisma transaction, the
   * one thing that holds the connection across awaits; when nobody holds or waits for the mutex, the work runs at
   * once (it is synchronous, so nothing can start in between) without the mutex's promises (measured: 5% of the
   * CPU of a case read under load).
   */
  const exclusive = <T>(work: () => T): Promise<T> => {
    if (mutex.isLocked()) return mutex.runExclusive(work)
    try {
      return Promise.resolve(work())
    } catch (e) {
      return Promise.reject(e)
    }
  }

  const prisma = new SqlitePrismaClient({ adapter: sharedSqliteAdapterFactory(db, mutex) })
  return {
    provider: 'sqlite',
    url,
    prisma,
    // BEGIN IMMEDIATE takes the write lock first: two processes cannot both read the old revision and then write.
    transaction: <T>(program: () => TSql<T>) => exclusive(() => runInTransaction.immediate(program) as T),
    read: (program) => exclusive(() => driveSync(program(), exec)),
    pointRead: (program) => exclusive(() => driveSync(program(), exec)),
    close: async () => {
      await prisma.$disconnect()
      if (db.open) db.close()
    },
  }
}

/**
 * A Prisma driver-adapter factory over our own better-sqlite3 connection. Prisma's transactions take the same
 * mutex as the engine's, so they never interleave on the shared connection.
 */
function sharedSqliteAdapterFactory(db: Database.Database, mutex: Mutex) {
  const inner = new PrismaBetterSqlite3({ url: ':memory:' })
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replacing the adapter's private connection
      const adapter: any = await inner.connect()
      adapter.client.close()
      adapter.client = db
      db.defaultSafeIntegers(true) // what the adapter expects of its connection
      const start = adapter.startTransaction.bind(adapter)
      adapter.startTransaction = async (isolationLevel?: string) => {
        const release = await mutex.acquire()
        try {
          const tx = await start(isolationLevel)
          const commit = tx.commit.bind(tx)
          const rollback = tx.rollback.bind(tx)
          tx.commit = async () => {
            try {
              return await commit()
            } finally {
              release()
            }
          }
          tx.rollback = async () => {
            try {
              return await rollback()
            } finally {
              release()
            }
          }
          return tx
        } catch (e) {
          release()
          throw e
        }
      }
      // Closing is ours (TDatabase.close), not Prisma's.
      adapter.dispose = async () => {}
      return adapter
    },
  } as unknown as PrismaBetterSqlite3
}

function openPostgres(url: string, options: TOpenOptions): TDatabase {
  // Pipeline mode: a query is sent without waiting for the answer of the one before. Awaited one by one (Prisma,
  // reads) nothing changes; the engine's `write` statements and COMMIT go out together (one round trip).
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, pipeline: true } as pg.PoolConfig)
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  const names = new Map<string, { name: string; text: string }>()
  const prepared = (sql: string) => {
    let q = names.get(sql)
    if (!q) {
      q = { name: `q_${crypto.createHash('sha1').update(sql).digest('hex').slice(0, 16)}`, text: toPgPlaceholders(sql) }
      names.set(sql, q)
    }
    return q
  }
  const query = (client: pg.ClientBase | pg.Pool, op: TSqlOp) => {
    const q = prepared(op.sql)
    return client.query({ name: q.name, text: q.text, values: op.params as unknown[] })
  }
  const execWith = (client: pg.ClientBase | pg.Pool) => async (op: TSqlOp) => {
    const r = await query(client, op)
    if (op.expect && r.rowCount !== op.expect.changes) throw op.expect.error()
    return op.mode === 'all' ? r.rows : (r.rowCount ?? 0)
  }
  /**
   * One transaction's executor on one connection. `write` statements are sent without waiting (pipelined); the
   * first failure among them is thrown by the next awaited statement, and by commit (PostgreSQL answers COMMIT of a
   * failed transaction with ROLLBACK, not an error, so the failure must be carried to the caller).
   */
  const transactionExec = (client: pg.PoolClient) => {
    let failure: { error: unknown } | undefined
    let pending: Promise<unknown>[] = []
    const settle = async () => {
      if (pending.length) {
        const waiting = pending
        pending = []
        await Promise.allSettled(waiting)
      }
      if (failure) throw failure.error
    }
    const exec = async (op: TSqlOp) => {
      if (op.mode === 'write') {
        const expect = op.expect
        pending.push(
          query(client, op).then(
            (r) => {
              if (expect && r.rowCount !== expect.changes) failure ??= { error: expect.error() }
            },
            (e: unknown) => {
              failure ??= { error: e }
            },
          ),
        )
        return undefined
      }
      let r: pg.QueryResult
      try {
        r = await query(client, op)
      } catch (e) {
        await settle() // an earlier pipelined write's error is the cause; report that one
        throw e
      }
      await settle()
      return op.mode === 'all' ? r.rows : (r.rowCount ?? 0)
    }
    return { exec, settle }
  }
  const points = pointReadChannel(url, options.pointReadConnections ?? 2, execWith)
  const prisma = new PgPrismaClient({ adapter: new PrismaPg(pool) }) as unknown as TPrisma
  return {
    provider: 'postgresql',
    url,
    prisma,
    transaction: async (program) => {
      const client = await pool.connect()
      let broken = false
      const tx = transactionExec(client)
      try {
        void client.query('BEGIN').catch(() => {}) // pipelined: its failure fails the first statement
        const result = await driveAsync(program(), tx.exec)
        const commit = client.query('COMMIT')
        await tx.settle().catch(async (e: unknown) => {
          await commit.catch(() => {})
          throw e
        })
        await commit
        return result
      } catch (e) {
        await tx.settle().catch(() => {})
        try {
          await client.query('ROLLBACK')
        } catch {
          broken = true // the connection is gone; do not return it to the pool
        }
        throw e
      } finally {
        client.release(broken)
      }
    },
    read: (program) => driveAsync(program(), execWith(pool)),
    pointRead: (program) => driveAsync(program(), points.exec),
    close: async () => {
      await prisma.$disconnect()
      await points.close()
      await pool.end().catch(() => {})
    },
  }
}

/**
 * The point reads of a process (pointRead) on PostgreSQL: a few connections in pipeline mode, shared by all requests.
 * Every statement of one turn of the event loop goes to the same connection, whose socket is corked until the turn
 * ends (setImmediate), so the statements of all the requests parsed in that turn leave in ONE socket write. Measured
 * on case reads under 50 concurrent clients: with a pooled connection per statement, the socket writes were 20% of
 * the app's CPU (a write on loopback wakes the server process; in this VM that costs ~50 µs).
 * Each statement is its own implicit transaction (autocommit), as on the pool; a statement that fails fails alone
 * (pipeline mode ends each one with Sync). A connection that breaks fails the statements sent on it and is replaced
 * by the next statement.
 */
function pointReadChannel(url: string, connections: number, execWith: (client: pg.Client) => (op: TSqlOp) => Promise<unknown>) {
  type TSlot = { client?: pg.Client; connecting?: Promise<pg.Client> }
  const slots: TSlot[] = Array.from({ length: Math.max(1, connections) }, () => ({}))
  let turn: TSlot | undefined
  let next = 0
  let closed = false
  const connect = (slot: TSlot): Promise<pg.Client> =>
    (slot.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: url, pipeline: true } as pg.ClientConfig)
      const drop = () => {
        if (slot.client === client) slot.client = undefined
      }
      client.on('error', drop)
      client.on('end', drop)
      try {
        await client.connect()
      } catch (e) {
        await client.end().catch(() => {})
        throw e
      } finally {
        slot.connecting = undefined
      }
      if (closed) {
        await client.end().catch(() => {})
        throw new Error('the database is closed')
      }
      slot.client = client
      return client
    })())
  /** The slot of this turn; its socket stays corked until the turn ends. */
  const slotOfTurn = (client: pg.Client, slot: TSlot) => {
    const stream = (client as unknown as { connection: { stream: { cork(): void; uncork(): void } } }).connection.stream
    stream.cork()
    turn = slot
    setImmediate(() => {
      stream.uncork()
      if (turn === slot) turn = undefined
    })
  }
  const exec = async (op: TSqlOp): Promise<unknown> => {
    let slot = turn
    if (!slot?.client) {
      slot = slots[next++ % slots.length]!
      turn = undefined
    }
    const client = slot.client ?? (await connect(slot))
    if (turn !== slot && client === slot.client) slotOfTurn(client, slot)
    return execWith(client)(op)
  }
  return {
    exec,
    close: async () => {
      closed = true
      await Promise.all(slots.map((s) => s.client?.end().catch(() => {})))
    },
  }
}
