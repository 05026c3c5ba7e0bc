/**
 * Which labour bureau receives a filing (statute §(a) step 9; JHR 43): a pure function of the enterprise's data and
 * the GB/T 2260 paths of its regions (nearest first, as src/engine/scope.ts returns them, e.g. 440106, 440100,
 * 440000).
 *
 * JHR 43: "集体合同或专项集体合同审查实行属地管辖，具体管辖范围由省级劳动保障行政部门规定。中央管辖的企业以及跨省、
 * 自治区、直辖市的用人单位的集体合同应当报送劳动保障部或劳动保障部指定的省级劳动保障行政部门。"
 *   - territorial: the bureau of the pack's level (county by default) where the enterprise operates;
 *   - an enterprise with establishments in several regions: the bureau of the smallest region covering them all
 *     (two counties of one city → the city; two cities → the province) [D];
 *   - a central enterprise, or one spanning provinces: the ministry or the provincial bureau it designates; the
 *     engine has no ministry node in the region tree, so it routes to the province of the seat and says so [D].
 */
import type { TRoutingRule } from '../rules/jurisdictions/types.js'

export type TBilingual = { zh: string; en: string }
export type TRegionLevel = 'county' | 'prefecture' | 'province'

/** A region path, nearest first, with the level of each code (from the Region table). */
export type TRegionPath = readonly { code: string; level: string }[]

export type TRoutingInput = {
  /** The region of the enterprise's registered seat, with its ancestors. */
  seat: TRegionPath
  /** Regions of its other establishments (branches, plants), with their ancestors; may be empty. */
  establishments: readonly TRegionPath[]
  /** 中央管辖的企业 (JHR 43). */
  centralEnterprise: boolean
  rule: TRoutingRule
}

export type TRouting = {
  /** The region whose bureau receives the filing. */
  regionCode: string
  level: TRegionLevel
  reason: 'territorial' | 'multiRegion' | 'centralEnterprise' | 'crossProvince'
  article: string
  explanation: TBilingual
}

const LEVELS: readonly TRegionLevel[] = ['county', 'prefecture', 'province']
const rank = (level: string): number => {
  const i = LEVELS.indexOf(level as TRegionLevel)
  return i < 0 ? 0 : i
}
const LEVEL_ZH: Record<TRegionLevel, string> = { county: '县级', prefecture: '设区的市级', province: '省级' }
const LEVEL_EN: Record<TRegionLevel, string> = { county: 'county-level', prefecture: 'prefecture-level', province: 'provincial' }

function levelOf(path: TRegionPath, code: string): TRegionLevel {
  const level = path.find((r) => r.code === code)?.level
  return level && LEVELS.includes(level as TRegionLevel) ? (level as TRegionLevel) : 'county'
}

/** The nearest region on `path` at `level` or above it (the path's root when none). */
function atLeast(path: TRegionPath, level: TRegionLevel): { code: string; level: string } {
  return path.find((r) => rank(r.level) >= rank(level)) ?? path[path.length - 1]!
}

export function routeFiling(input: TRoutingInput): TRouting {
  const { seat, rule } = input
  if (seat.length === 0) throw new RangeError('routeFiling: the seat region path is empty')
  const province = seat[seat.length - 1]!
  const paths = [seat, ...input.establishments.filter((p) => p.length > 0)]
  const provinces = new Set(paths.map((p) => p[p.length - 1]!.code))
  if (input.centralEnterprise || provinces.size > 1) {
    const reason = input.centralEnterprise ? 'centralEnterprise' : 'crossProvince'
    const what = input.centralEnterprise
      ? { zh: '中央管辖的企业', en: 'A central enterprise' }
      : { zh: `跨${provinces.size}个省级行政区的用人单位`, en: `An employer spanning ${provinces.size} provinces` }
    return {
      regionCode: province.code,
      level: 'province',
      reason,
      article: rule.article,
      explanation: {
        zh: `${what.zh}，集体合同报送人力资源社会保障部或其指定的省级劳动保障行政部门（${rule.article}）；由企业住所地省级部门（${province.code}）受理。`,
        en: `${what.en} files with the ministry or the provincial bureau it designates (${rule.article}); routed to the provincial bureau of the seat (${province.code}).`,
      },
    }
  }
  // The smallest region covering every establishment: the first code on the seat's path that is on every path.
  const common = seat.find((r) => paths.every((p) => p.some((x) => x.code === r.code))) ?? province
  const target = rank(common.level) >= rank(rule.territorialLevel) ? common : atLeast(seat, rule.territorialLevel)
  const level = levelOf(seat, target.code)
  const multi = paths.length > 1 && paths.some((p) => p[0]!.code !== seat[0]!.code) && rank(common.level) > rank(rule.territorialLevel)
  return {
    regionCode: target.code,
    level,
    reason: multi ? 'multiRegion' : 'territorial',
    article: rule.article,
    explanation: multi
      ? {
          zh: `用人单位在多个行政区划设有机构，由覆盖全部机构的${LEVEL_ZH[level]}劳动保障行政部门（${target.code}）受理（${rule.article}，属地管辖）。`,
          en: `The employer has establishments in several regions: the ${LEVEL_EN[level]} bureau covering them all (${target.code}) receives the filing (${rule.article}, territorial).`,
        }
      : {
          zh: `属地管辖：由用人单位所在地${LEVEL_ZH[level]}劳动保障行政部门（${target.code}）受理（${rule.article}）。`,
          en: `Territorial: the ${LEVEL_EN[level]} bureau where the employer is (${target.code}) receives the filing (${rule.article}).`,
        },
  }
}

/** Does a reviewer of `reviewerRegions` receive filings routed to `routedTo` (its path, nearest first)? */
export function receivesFiling(reviewerRegions: readonly string[], routedToPath: readonly string[]): boolean {
  return reviewerRegions.some((r) => routedToPath.includes(r))
}
