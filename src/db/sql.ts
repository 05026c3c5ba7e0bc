/**
 * SQL programs: the engine's write path, written once for both databases.
 *
 * A program is a generator that yields SQL operations and receives their results. The SQLite runner drives it
 * synchronously inside one BEGIN IMMEDIATE transaction (better-sqlite3 is synchronous, so nothing else in the
 * process can interleave and no lock is held across an await); the PostgreSQL runner drives the same program
 * asynchronously on one pooled connection. SQL uses `?` placeholders and double-quoted identifiers, valid in both.
 */
import type { TProvider } from './schema-files.js'

export type TSqlValue = string | number | boolean | null | Buffer
/**
 * `all`: rows; `run`: the number of rows changed; `write`: a statement whose result the program does not need, so a
 * runner may send it without waiting for its answer (PostgreSQL pipelines it; an error still fails the
 * transaction, at the latest at its commit).
 */
export type TSqlOp = {
  sql: string
  params: readonly TSqlValue[]
  mode: 'all' | 'run' | 'write'
  /** `write` only: the number of rows it must change, else the transaction fails with `error()`. */
  expect?: { changes: number; error: () => unknown }
}
export type TSql<T> = Generator<TSqlOp, T, unknown>

/** Rows of a query. */
export function* all<T>(sql: string, params: readonly TSqlValue[] = []): TSql<T[]> {
  return (yield { sql, params, mode: 'all' }) as T[]
}

/** The first row of a query, or undefined. */
export function* one<T>(sql: string, params: readonly TSqlValue[] = []): TSql<T | undefined> {
  const rows = yield* all<T>(sql, params)
  return rows[0]
}

/** Runs a statement; returns the number of rows changed. */
export function* run(sql: string, params: readonly TSqlValue[] = []): TSql<number> {
  return (yield { sql, params, mode: 'run' }) as number
}

/** Runs a statement whose answer is not needed before the next one (an insert whose failure fails the transaction). */
export function* write(sql: string, params: readonly TSqlValue[] = []): TSql<void> {
  yield { sql, params, mode: 'write' }
}

/**
 * A pipelined write that must change exactly `changes` rows (e.g. a revision check on a row the transaction has
 * locked): a different count fails the whole transaction with `error()`, at the latest at its commit.
 */
export function* writeExpecting(sql: string, params: readonly TSqlValue[], changes: number, error: () => unknown): TSql<void> {
  yield { sql, params, mode: 'write', expect: { changes, error } }
}

/** Drives a program with a synchronous executor. */
export function driveSync<T>(program: TSql<T>, exec: (op: TSqlOp) => unknown): T {
  let step = program.next()
  while (!step.done) step = program.next(exec(step.value))
  return step.value
}

/** Drives a program with an asynchronous executor. An error thrown by the executor is thrown into the program. */
export async function driveAsync<T>(program: TSql<T>, exec: (op: TSqlOp) => Promise<unknown>): Promise<T> {
  let step = program.next()
  while (!step.done) {
    let result: unknown
    try {
      result = await exec(step.value)
    } catch (e) {
      step = program.throw(e)
      continue
    }
    step = program.next(result)
  }
  return step.value
}

/** `?` placeholders → `$1, $2, …` for PostgreSQL (our SQL never has `?` inside string literals). */
export function toPgPlaceholders(sql: string): string {
  let i = 0
  return sql.replace(/\?/g, () => `$${++i}`)
}

/** A statement (or part of one) whose text differs by database, built once per provider at load. */
export const perProvider = <T>(build: (provider: TProvider) => T): Record<TProvider, T> => ({
  sqlite: build('sqlite'),
  postgresql: build('postgresql'),
})
