import { beijing } from './beijing.js'
import { chongqing } from './chongqing.js'
import { hangzhou } from './hangzhou.js'
import { henan } from './henan.js'
import { national } from './national.js'
import { ningbo } from './ningbo.js'
import { shandong } from './shandong.js'
import { shanghai } from './shanghai.js'
import type { TCaseKind, TRulePack } from './types.js'
import { zhejiang } from './zhejiang.js'

export const rulePacks: Readonly<Record<string, TRulePack>> = {
  national,
  beijing,
  shanghai,
  zhejiang,
  chongqing,
  shandong,
  henan,
  hangzhou,
  ningbo,
}

export function getRulePack(id: string): TRulePack | undefined {
  return Object.hasOwn(rulePacks, id) ? rulePacks[id] : undefined
}

/**
 * The pack that governs a case of `kind` in jurisdiction `id`: the jurisdiction's own pack if its instrument covers
 * the kind, otherwise the pack it names for other kinds (e.g. Hangzhou's wage regulation → Zhejiang for collective
 * contracts). Undefined for an unknown jurisdiction.
 */
export function resolveRulePack(id: string, kind: TCaseKind): TRulePack | undefined {
  const seen = new Set<string>()
  let pack = getRulePack(id)
  while (pack && !pack.scope.kinds.includes(kind)) {
    if (seen.has(pack.id) || !pack.scope.otherKindsPack) return undefined
    seen.add(pack.id)
    pack = getRulePack(pack.scope.otherKindsPack)
  }
  return pack
}
