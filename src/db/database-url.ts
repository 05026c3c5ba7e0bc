import type { TProvider } from './schema-files.js'

/** The provider is chosen by the scheme of DATABASE_URL: file:… is the embedded SQLite, postgres(ql)://… PostgreSQL. */
export function providerOf(url: string): TProvider {
  if (url.startsWith('file:')) return 'sqlite'
  if (url.startsWith('postgresql://') || url.startsWith('postgres://')) return 'postgresql'
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got ${url.split(':')[0]}:)`)
}

export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, '')
}
