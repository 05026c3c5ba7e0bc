/**
 * Runs one of the project's npm scripts (scripts/*.ts through tsx) as a child process, the way an operator runs
 * `npm run <name>`, with the given environment; resolves with its exit code and output.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '..', '..')

export type TScriptRun = { code: number | null; stdout: string; stderr: string }

/** `env` adds to the test's environment; a variable given as undefined is removed. */
export function runScript(script: string, args: string[], env: Record<string, string | undefined>): Promise<TScriptRun> {
  const childEnv: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent', ...env }
  for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', script), ...args], {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.once('error', reject)
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
  })
}
