/**
 * Pure helpers over the GB/T 2260 hierarchy, for bureau scope (a reviewer of 440100 sees 440106) and for walking
 * up to the nearest region with a figure.
 *
 * They follow the parent links of the divisions they are given; for a code they do not know (a division created
 * after the data, a typo that still has the shape) they fall back on the structure of the code: digits 1–2 name the
 * province (xx0000), digits 1–4 the prefecture (xxxx00), kept only where the tree knows that prefecture (北京, 上海
 * and 重庆 have none: their districts sit under the province). A string that is not six digits is never within
 * anything and has no relatives.
 *
 * The module-level functions use the full package data (every province, see divisions.ts); createRegionTree builds
 * the same helpers over other rows, e.g. the Region table as an admin edited it.
 */
import { loadDivisions, type TRegionLevel } from './divisions.js'

export type TRegionNode = { code: string; level: TRegionLevel | string; parentCode: string | null }

export type TRegionTree = {
  has(code: string): boolean
  /** Parent first, province last; the code itself is not included. */
  ancestorsOf(code: string): string[]
  /** Every region below, in breadth-first order (children by code); the code itself is not included. */
  descendantsOf(code: string): string[]
  /** The province-level region of a code (the code itself for a province), or undefined. */
  provinceOf(code: string): string | undefined
  /** True when `code` is `regionCode` or lies below it. */
  isWithin(code: string, regionCode: string): boolean
}

const CODE = /^\d{6}$/

export const isDivisionCode = (code: string): boolean => CODE.test(code)

/** The ancestors a code's digits name, nearest first (prefecture, province); none for a province or a bad code. */
export function structuralAncestors(code: string): string[] {
  if (!isDivisionCode(code) || code.endsWith('0000')) return []
  const province = `${code.slice(0, 2)}0000`
  const prefecture = `${code.slice(0, 4)}00`
  return prefecture === code ? [province] : [prefecture, province]
}

export function createRegionTree(regions: readonly TRegionNode[]): TRegionTree {
  const byCode = new Map<string, TRegionNode>()
  const children = new Map<string, string[]>()
  for (const r of regions) byCode.set(r.code, r)
  for (const r of [...regions].sort((a, b) => a.code.localeCompare(b.code))) {
    if (!r.parentCode) continue
    const list = children.get(r.parentCode)
    if (list) list.push(r.code)
    else children.set(r.parentCode, [r.code])
  }

  const ancestorsOf = (code: string): string[] => {
    if (!isDivisionCode(code)) return []
    if (!byCode.has(code)) {
      // Unknown code: its digits, keeping the prefecture only where one exists, then that node's own ancestors.
      const [first, ...rest] = structuralAncestors(code).filter((c) => byCode.has(c) || c.endsWith('0000'))
      if (!first) return []
      return byCode.has(first) ? [first, ...ancestorsOf(first)] : [first, ...rest]
    }
    const out: string[] = []
    const seen = new Set([code])
    let parent = byCode.get(code)?.parentCode ?? null
    while (parent && !seen.has(parent)) {
      out.push(parent)
      seen.add(parent)
      parent = byCode.get(parent)?.parentCode ?? null
    }
    return out
  }

  const descendantsOf = (code: string): string[] => {
    const out: string[] = []
    const seen = new Set([code])
    const queue = [code]
    for (let i = 0; i < queue.length; i++) {
      for (const child of children.get(queue[i]!) ?? []) {
        if (seen.has(child)) continue
        seen.add(child)
        out.push(child)
        queue.push(child)
      }
    }
    return out
  }

  const provinceOf = (code: string): string | undefined => {
    if (!isDivisionCode(code)) return undefined
    const chain = [code, ...ancestorsOf(code)]
    const known = chain.find((c) => byCode.get(c)?.level === 'province')
    if (known) return known
    // Not in the tree at all: the digits still name the province.
    const top = chain[chain.length - 1]!
    return top.endsWith('0000') ? top : undefined
  }

  const isWithin = (code: string, regionCode: string): boolean => {
    if (!isDivisionCode(code) || !isDivisionCode(regionCode)) return false
    return code === regionCode || ancestorsOf(code).includes(regionCode)
  }

  return { has: (code) => byCode.has(code), ancestorsOf, descendantsOf, provinceOf, isWithin }
}

let defaultTree: TRegionTree | undefined
const tree = (): TRegionTree => (defaultTree ??= createRegionTree(loadDivisions('all')))

export const ancestorsOf = (code: string): string[] => tree().ancestorsOf(code)
export const descendantsOf = (code: string): string[] => tree().descendantsOf(code)
export const provinceOf = (code: string): string | undefined => tree().provinceOf(code)
export const isWithin = (code: string, regionCode: string): boolean => tree().isWithin(code, regionCode)
