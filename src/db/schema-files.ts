/**
 * One source schema (prisma/schema.prisma, models only) → one schema per provider, each with its own client and
 * migration history (prisma/<provider>/migrations). The generated schema files are build artefacts.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const PROVIDERS = ['sqlite', 'postgresql'] as const
export type TProvider = (typeof PROVIDERS)[number]

export const sourceSchemaPath = path.join(projectRoot, 'prisma', 'schema.prisma')
export const providerDir = (provider: TProvider) => path.join(projectRoot, 'prisma', provider)
export const providerSchemaPath = (provider: TProvider) => path.join(providerDir(provider), 'schema.prisma')
export const migrationsDir = (provider: TProvider) => path.join(providerDir(provider), 'migrations')

export function renderProviderSchema(provider: TProvider): string {
  const source = fs.readFileSync(sourceSchemaPath, 'utf8')
  return `// GENERATED from prisma/schema.prisma by src/db/schema-files.ts. Do not edit.
generator client {
  provider            = "prisma-client"
  output              = "../../src/db/generated/${provider}"
  moduleFormat        = "esm"
  importFileExtension = "js"
}

datasource db {
  provider = "${provider}"
}

${source}`
}

/** Writes prisma/<provider>/schema.prisma when its content changed; returns the paths. */
export function writeProviderSchemas(): string[] {
  return PROVIDERS.map((provider) => {
    const file = providerSchemaPath(provider)
    const text = renderProviderSchema(provider)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text)
    return file
  })
}
