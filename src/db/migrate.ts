/**
 * Prisma migrations through the WASM schema engine, in-process.
 *
 * The Prisma CLI needs the native schema engine for every `migrate` command and cannot download it here; forced
 * with PRISMA_SCHEMA_ENGINE_BINARY it prints "N migrations found", applies nothing and exits 0. So migrations are
 * created, applied and checked with @prisma/schema-engine-wasm and a driver adapter (see shared/notes/prisma.md).
 * The history lands in the standard `_prisma_migrations` table with the usual checksums, so the normal CLI on
 * another machine sees the same history. Each workaround below names the adapter bug it avoids.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import Database from 'better-sqlite3'
import { parse as parsePgUrl } from 'pg-connection-string'
import { migrationsDir, renderProviderSchema, type TProvider } from './schema-files.js'
import { sqliteFilePath } from './database-url.js'

const require = createRequire(import.meta.url)
/* eslint-disable @typescript-eslint/no-explicit-any -- the WASM engine's API is typed loosely upstream */

let wasmReady: Promise<typeof bg> | undefined
function loadSchemaEngineWasm(): Promise<typeof bg> {
  wasmReady ??= (async () => {
    // The engine reports Rust panics through this global, as the Prisma CLI does.
    const g = globalThis as any
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      message: '',
      set_message(m: string) {
        this.message = `RuntimeError: ${m}`
      },
    }
    // package.json is not in the package's "exports": resolve an exported file instead.
    const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'))
    const bytes = fs.readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm'))
    const { instance } = await (globalThis as any).WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg })
    ;(bg as any).__wbg_set_wasm(instance.exports)
    ;(instance.exports as any).__wbindgen_start()
    return bg
  })()
  return wasmReady
}

function sqliteFactory(url: string) {
  // A fresh checkout has no data/ folder yet: SQLite creates the file, not its folder.
  const file = sqliteFilePath(url)
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  // Workaround 1: the engine replays each migration.sql on the shadow database through executeRaw(), which uses
  // better-sqlite3 prepare() and rejects multi-statement scripts: route parameterless executeRaw to executeScript.
  class ShadowSafeBetterSqlite3 extends PrismaBetterSqlite3 {
    override async connectToShadowDb() {
      const a: any = await super.connectToShadowDb()
      const orig = a.executeRaw.bind(a)
      a.executeRaw = async (q: any) => {
        if (q.args.length === 0) {
          await a.executeScript(q.sql)
          return 0
        }
        return orig(q)
      }
      return a
    }
  }
  // Another process may hold the write lock for a moment (a restart overlapping a shutdown): wait, as the app does.
  return new ShadowSafeBetterSqlite3({ url, timeout: 5_000 })
}

const PG_CHAR_OID = 18
function pgFactory(url: string) {
  // Workaround 2: the engine's describer selects pg_catalog columns of type "char" (OID 18), which adapter-pg
  // cannot deserialize: report them as text (OID 25); pg already returns them as strings.
  const patchAdapter = (a: any) => {
    const proto = Object.getPrototypeOf(Object.getPrototypeOf(a))
    if (!proto.__charPatched) {
      const orig = proto.performIO
      proto.performIO = async function (q: unknown) {
        const res = await orig.call(this, q)
        for (const f of res?.fields ?? []) if (f.dataTypeID === PG_CHAR_OID) f.dataTypeID = 25
        return res
      }
      proto.__charPatched = true
    }
    return a
  }
  const c = parsePgUrl(url)
  // Workaround 3 (dangerous): with a connectionString, adapter-pg's shadow pool would point at the MAIN database
  // (node-postgres lets connectionString override `database`): pass discrete fields and build the shadow here.
  const config = {
    host: c.host ?? '127.0.0.1',
    port: Number(c.port ?? 5432),
    user: c.user,
    password: c.password,
    database: c.database ?? undefined,
  }
  class CharSafePrismaPg extends PrismaPg {
    override async connect() {
      return patchAdapter(await super.connect())
    }
    // Workaround 4: adapter-pg drops the shadow database before closing its pool (and leaks it): do it in order.
    override async connectToShadowDb() {
      const admin = new pg.Client(config)
      await admin.connect()
      const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`
      await admin.query(`CREATE DATABASE "${name}"`)
      const shadow: any = patchAdapter(await new PrismaPg({ ...config, database: name }).connect())
      const close = shadow.dispose.bind(shadow)
      shadow.dispose = async () => {
        await close()
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
        await admin.end()
      }
      return shadow
    }
  }
  // The PostgreSQL schema (search path) is honoured through `options`.
  const schema = new URL(url).searchParams.get('schema')
  return new CharSafePrismaPg({ ...config, ...(schema ? { options: `-c search_path="${schema}"` } : {}) })
}

type TEngine = {
  engine: any
  close: () => Promise<void>
  schemaFiles: { files: { path: string; content: string }[] }
  /** Errors the driver adapter raised; the engine reports them only as "External error id#N". */
  errorRegistry: { registeredErrors: { error?: unknown }[] }
}

async function openEngine(provider: TProvider, url: string): Promise<TEngine> {
  const se = await loadSchemaEngineWasm()
  const schemaPath = `prisma/${provider}/schema.prisma`
  const schema = renderProviderSchema(provider)
  const factory: any = bindMigrationAwareSqlAdapterFactory(
    (provider === 'sqlite' ? sqliteFactory(url) : pgFactory(url)) as any,
  )
  // Workaround 5: engine.free() does not dispose the connections it opened, and on PostgreSQL its session-level
  // advisory lock stays held until they close: keep them and dispose them ourselves.
  const opened: any[] = []
  const connect = factory.connect.bind(factory)
  factory.connect = async (...a: unknown[]) => {
    const r = await connect(...a)
    if (r.ok) opened.push(r.value)
    return r
  }
  const engine = await (se as any).SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, factory)
  return {
    engine,
    errorRegistry: factory.errorRegistry,
    schemaFiles: { files: [{ path: schemaPath, content: schema }] },
    close: async () => {
      engine.free()
      for (const a of opened) await a.dispose()
    },
  }
}

function readMigrations(provider: TProvider) {
  const baseDir = migrationsDir(provider)
  const dirs = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : []
  const lockPath = path.join(baseDir, 'migration_lock.toml')
  return {
    baseDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => {
      const f = path.join(baseDir, name, 'migration.sql')
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: fs.existsSync(f)
            ? { tag: 'ok', value: fs.readFileSync(f, 'utf8') }
            : { tag: 'error', value: 'missing migration.sql' },
        },
      }
    }),
  }
}

const filters = { externalTables: [], externalEnums: [] }

/** Replaces the engine's opaque "External error id#N" with the driver's own error. */
function explainEngineError(error: unknown, e: TEngine): unknown {
  const m = /External error id#(\d+)/.exec(error instanceof Error ? error.message : String(error))
  const registered = m ? e.errorRegistry?.registeredErrors?.[Number(m[1])]?.error : undefined
  if (!registered) return error
  return new Error(`migration failed: ${JSON.stringify(registered)}`, { cause: error })
}

async function withEngine<T>(provider: TProvider, url: string, fn: (e: TEngine) => Promise<T>): Promise<T> {
  const e = await openEngine(provider, url)
  try {
    return await fn(e)
  } catch (error) {
    throw explainEngineError(error, e)
  } finally {
    await e.close()
  }
}

export function migrationNames(provider: TProvider): string[] {
  return readMigrations(provider).migrationDirectories.map((d) => d.path)
}

/** Applies pending migrations (start-up and `npm run db:migrate`). On PostgreSQL the engine takes an advisory lock. */
export async function applyMigrations(provider: TProvider, url: string): Promise<{ applied: string[] }> {
  if (provider === 'sqlite' && sqliteUpToDate(sqliteFilePath(url), migrationNames('sqlite'))) return { applied: [] }
  try {
    return await withEngine(provider, url, async ({ engine }) => {
      const r = await engine.applyMigrations({ migrationsList: readMigrations(provider), filters })
      return { applied: r.appliedMigrationNames as string[] }
    })
  } catch (e) {
    // The engine's own message is an unknown-variant error from its WASM bridge: say what happened instead.
    if (provider === 'sqlite' && String((e as Error)?.message).includes('SocketTimeout')) {
      throw new Error(
        `数据库文件被其他进程占用，无法迁移：请先停止使用 ${sqliteFilePath(url)} 的其他进程，再运行 npm run db:migrate。` +
          ` / Migrations need the SQLite file to themselves and another process has ${sqliteFilePath(url)} open:` +
          ` stop the other app processes, then run npm run db:migrate.`,
        { cause: e },
      )
    }
    throw e
  }
}

/**
 * Is every migration of the history already applied to this SQLite file? Read without the schema engine, because
 * the engine sets `PRAGMA main.locking_mode=EXCLUSIVE` and so cannot even look at a file another process has open
 * (an app node running, a restart overlapping a shutdown): it times out. With nothing pending there is nothing for
 * it to do; with something pending it still needs the file to itself, and says so.
 */
function sqliteUpToDate(file: string, expected: string[]): boolean {
  if (file === ':memory:' || !fs.existsSync(file)) return false
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5_000 })
  try {
    const table = db.prepare(`SELECT 1 FROM "sqlite_master" WHERE "type" = 'table' AND "name" = '_prisma_migrations'`).get()
    if (!table) return false
    const rows = db
      .prepare(`SELECT "migration_name" AS "name", "finished_at" AS "finished", "rolled_back_at" AS "rolledBack" FROM "_prisma_migrations"`)
      .all() as { name: string; finished: unknown; rolledBack: unknown }[]
    // A failed or rolled-back row is the engine's business (it reports it): only a clean, complete history skips it.
    if (rows.some((r) => r.finished === null || r.rolledBack !== null)) return false
    const applied = new Set(rows.map((r) => r.name))
    return applied.size === expected.length && expected.every((n) => applied.has(n))
  } finally {
    db.close()
  }
}

export async function migrationStatus(provider: TProvider, url: string): Promise<unknown> {
  return withEngine(provider, url, ({ engine }) =>
    engine.diagnoseMigrationHistory({
      migrationsList: readMigrations(provider),
      optInToShadowDatabase: false,
      filters,
    }),
  )
}

/**
 * Does the migration history produce the source schema? Replays the history on a shadow database and diffs it
 * against the schema; returns the SQL still missing ('' when in sync).
 */
export async function historyDrift(provider: TProvider, url: string): Promise<string> {
  return withEngine(provider, url, async ({ engine, schemaFiles }) => {
    const r = await engine.diff({
      from: { tag: 'migrations', ...readMigrations(provider) },
      to: { tag: 'schemaDatamodel', ...schemaFiles },
      script: true,
      exitCode: true,
      filters,
    })
    return r.exitCode === 0 ? '' : (r.stdout as string)
  })
}

/** Writes prisma/<provider>/migrations/<name>/migration.sql when the schema changed; returns the folder or null. */
export async function createMigration(provider: TProvider, url: string, dirName: string): Promise<string | null> {
  const baseDir = migrationsDir(provider)
  fs.mkdirSync(baseDir, { recursive: true })
  const lock = path.join(baseDir, 'migration_lock.toml')
  if (!fs.existsSync(lock)) {
    // The same content the Prisma CLI writes; the engine reads the connector of a history from it.
    fs.writeFileSync(
      lock,
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`,
    )
  }
  const sql = await historyDrift(provider, url)
  if (sql === '') return null
  fs.mkdirSync(path.join(baseDir, dirName), { recursive: true })
  fs.writeFileSync(path.join(baseDir, dirName, 'migration.sql'), sql)
  return dirName
}
