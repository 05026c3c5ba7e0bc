/** Formatting for people: dates as 2026年6月24日 / 24 June 2026, sides, case kinds, HTML escaping. */
import type { TBilingual, TSide } from './types.js'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const CHINA_OFFSET_MS = 8 * 3_600_000 // Asia/Shanghai, no daylight saving since 1991

/** A local date (YYYY-MM-DD) or an instant (ISO, shown as its date in China) → its parts; undefined if neither. */
function parts(value: string): [number, number, number] | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) {
    const t = Date.parse(value)
    if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined
    m = /^(\d{4})-(\d{2})-(\d{2})/.exec(new Date(t + CHINA_OFFSET_MS).toISOString())
    if (!m) return undefined
  }
  return [Number(m[1]), Number(m[2]), Number(m[3])]
}

/** 2026年6月24日 */
export function dateZh(value: string | undefined): string {
  if (!value) return '（未定）'
  const p = parts(value)
  return p ? `${p[0]}年${p[1]}月${p[2]}日` : value
}

/** 24 June 2026 */
export function dateEn(value: string | undefined): string {
  if (!value) return '(not set)'
  const p = parts(value)
  return p ? `${p[2]} ${MONTHS[p[1] - 1]} ${p[0]}` : value
}

export const date = (value: string | undefined): TBilingual => ({ zh: dateZh(value), en: dateEn(value) })

export const sideName = (side: TSide | undefined): TBilingual =>
  side === 'employer' ? { zh: '企业方', en: 'the employer side' } : side === 'worker' ? { zh: '职工方', en: 'the worker side' } : { zh: '一方', en: 'one side' }

export const otherSide = (side: TSide | undefined): TSide | undefined =>
  side === 'worker' ? 'employer' : side === 'employer' ? 'worker' : undefined

const CASE_KINDS: Record<string, TBilingual> = {
  wageAgreement: { zh: '工资专项集体合同', en: 'wage agreement' },
  collectiveContract: { zh: '集体合同', en: 'collective contract' },
  specialWomenWorkers: { zh: '女职工权益保护专项集体合同', en: "special collective contract on women workers' rights" },
  specialSafety: { zh: '劳动安全卫生专项集体合同', en: 'special collective contract on occupational safety and health' },
}

export const caseKindName = (kind: string | undefined): TBilingual =>
  (kind && CASE_KINDS[kind]) || { zh: '集体合同', en: 'collective contract' }

export const ROLE_NAMES: Record<string, TBilingual> = {
  unionNegotiator: { zh: '职工方协商代表', en: 'worker-side negotiator' },
  employerNegotiator: { zh: '企业方协商代表', en: 'employer-side negotiator' },
  workerRepresentative: { zh: '职工代表', en: 'worker representative' },
  bureauReviewer: { zh: '人力资源和社会保障部门审查人员', en: 'labour bureau reviewer' },
  admin: { zh: '系统管理员', en: 'administrator' },
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** Chinese list: 甲、乙和丙 */
export const listZh = (items: string[]) => items.join('、')
export const listEn = (items: string[]) => items.join('; ')
