import { national } from './national.js'
import type { TRulePack } from './types.js'

export const rulePacks: Readonly<Record<string, TRulePack>> = { national }

export function getRulePack(id: string): TRulePack | undefined {
  return Object.hasOwn(rulePacks, id) ? rulePacks[id] : undefined
}
