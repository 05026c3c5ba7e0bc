// ESLint: TypeScript rules plus the dependency directions of shared/architecture.md, enforced with
// no-restricted-imports (workflows/ is pure: xstate, zod and workflows/** only).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream']

export default tseslint.config(
  { ignores: ['node_modules/**', 'src/db/generated/**', 'data/**', '.tmp/**', 'docs/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      // Chinese text uses the ideographic space (U+3000) in strings.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true }],
    },
  },
  {
    // workflows/: the statutory machines and rules are pure code.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src/**', '../src/*', '../../src/*'], message: 'workflows/ must not import src/ (it is pure).' },
            { group: nodeBuiltins, message: 'workflows/ does no I/O: no node built-ins.' },
            {
              regex: '^(?!xstate(/|$)|zod(/|$)|\\.\\.?/)',
              message: 'workflows/ may import only xstate, zod and workflows/**.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No clock in workflows/: time arrives in events.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'No clock in workflows/: time arrives in events.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'workflows/ is deterministic.' },
      ],
    },
  },
  // For src/, one no-restricted-imports per file group (a later config object replaces the rule, so each group
  // repeats the common part: nodemailer only in src/mail).
  { files: ['src/**/*.ts'], ignores: ['src/mail/**'], rules: { 'no-restricted-imports': ['error', srcRule([])] } },
  {
    // Renderers and mail templates: plain data in, bytes/text out.
    files: ['src/documents/**/*.ts', 'src/mail/templates/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        srcRule([
          {
            group: ['**/engine/**', '**/db/**', '**/http/**', '**/web/**', '@prisma/*', 'express'],
            message: 'Renderers take plain data: no engine, database or HTTP.',
          },
        ]),
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/congress/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        srcRule([{ group: ['**/http/**', '**/web/**', 'express'], message: 'The engine does not know HTTP.' }]),
      ],
    },
  },
  {
    files: ['src/http/**/*.ts', 'src/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        srcRule([
          {
            group: ['**/db/**', '@prisma/*', '**/generated/**'],
            message: 'HTTP calls engine commands and queries, never the database.',
          },
        ]),
      ],
    },
  },
)

function srcRule(patterns) {
  return {
    paths: [{ name: 'nodemailer', message: 'nodemailer belongs to src/mail only.' }],
    patterns: [
      ...patterns,
      { group: ['**/main.js', '**/main'], message: 'Nothing imports the composition root.' },
    ],
  }
}
