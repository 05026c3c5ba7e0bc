// One source schema (prisma/schema.prisma, models only) → one generated schema per provider.
// The generated files are build artefacts (git-ignored); the migration histories beside them are committed.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const PROVIDERS = ['sqlite', 'postgresql']

export function providerSchemaPath(provider) {
  return path.join(root, 'prisma', provider, 'schema.prisma')
}

export function renderProviderSchema(provider) {
  const source = fs.readFileSync(path.join(root, 'prisma', 'schema.prisma'), 'utf8')
  const header = `// GENERATED from prisma/schema.prisma by scripts/provider-schemas.mjs. Do not edit.
generator client {
  provider               = "prisma-client"
  output                 = "../../src/db/generated/${provider}"
  moduleFormat           = "esm"
  importFileExtension    = "js"
}

datasource db {
  provider = "${provider}"
}
`
  return header + source
}

export function buildProviderSchemas() {
  return PROVIDERS.map((provider) => {
    const file = providerSchemaPath(provider)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const text = renderProviderSchema(provider)
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text)
    return file
  })
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(buildProviderSchemas().join('\n'))
