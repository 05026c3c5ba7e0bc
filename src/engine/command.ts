/** Options of a write command: extra writes committed in the same transaction, given the command's result. */
import type { TSql } from '../db/sql.js'
import { AppError, type TBilingual } from '../errors/app-error.js'

export type TAlsoInTransaction<T> = { alsoInTransaction?: (result: T) => TSql<void> }

/** Runs the caller's extra writes, if any, inside the command's program. */
export function* alsoRecord<T>(options: TAlsoInTransaction<T>, result: T): TSql<T> {
  if (options.alsoInTransaction) yield* options.alsoInTransaction(result)
  return result
}

/** INVALID_INPUT naming one field of the request (`body.regionCode`), for checks against the database. */
export const invalidField = (path: string, message: TBilingual) => new AppError('INVALID_INPUT', message, { issues: [{ path, message }] })
