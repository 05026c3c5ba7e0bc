/** What every congress command needs: the engine (its database and clock) and the secrets of the deployment. */
import type { TDatabase } from '../db/database.js'
import type { TProvider } from '../db/schema-files.js'
import type { TEngine } from '../engine/engine.js'
import { secureRandom, type TRandom } from './credentials.js'

export type TCongressDeps = {
  engine: TEngine
  /**
   * 32-byte key that seals emailed credentials in the outbox (AES-256-GCM); configuration, never stored in the
   * database. Without it, `delivery: 'email'` is refused and credentials are only returned to the caller.
   */
  credentialKey?: Buffer
  /** Randomness for credentials and receipts (tests may inject a deterministic one). */
  random?: TRandom
}

export type TCongressContext = {
  db: TDatabase
  engine: TEngine
  provider: TProvider
  now(): string
  credentialKey: Buffer | undefined
  random: TRandom
}

export function congressContext(deps: TCongressDeps): TCongressContext {
  if (deps.credentialKey && deps.credentialKey.length !== 32) throw new RangeError('credentialKey must be 32 bytes')
  return {
    db: deps.engine.db,
    engine: deps.engine,
    provider: deps.engine.db.provider,
    now: () => deps.engine.clock.now().toISOString(),
    credentialKey: deps.credentialKey,
    random: deps.random ?? secureRandom,
  }
}
