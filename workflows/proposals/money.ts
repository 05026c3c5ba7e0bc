/**
 * Integer money and percentage arithmetic for the proposals module: money in fen (分, 1 yuan = 100 fen), rates in
 * basis points (1% = 100 bp). No float ever touches a money amount: products and quotients are computed in BigInt
 * and converted back to `number` only once the result is known to be a safe integer (|n| ≤ 2^53 − 1).
 *
 * Rounding: `divHalfUp` rounds half up, i.e. towards +∞ at exactly one half (floor(n/d + 1/2)). All amounts it is
 * used on in practice are positive, where "half up" and "half away from zero" agree.
 */

/** Largest integer a `number` holds exactly. */
export const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)

/** Converts a BigInt result back to a number; throws instead of silently losing precision. */
export function toSafeNumber(n: bigint, what = 'amount'): number {
  if (n > MAX_SAFE || n < -MAX_SAFE) throw new RangeError(`${what} ${n} is beyond 2^53 − 1: not representable exactly`)
  return Number(n)
}

/** floor(n / d) for d > 0 (BigInt division truncates towards zero). */
export function floorDiv(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError('divisor must be positive')
  const q = n / d
  return n % d !== 0n && n < 0n ? q - 1n : q
}

/** n / d rounded half up (floor(n/d + 1/2) = floor((2n + d) / 2d)), for d > 0. */
export function divHalfUp(n: bigint, d: bigint): bigint {
  return floorDiv(2n * n + d, 2n * d)
}

/** amount × (10000 + bp) / 10000, rounded half up to the fen: an amount raised by `bp` basis points. */
export function raiseByBasisPoints(fen: number, basisPoints: number): number {
  return toSafeNumber(divHalfUp(BigInt(fen) * BigInt(10_000 + basisPoints), 10_000n), 'raised amount')
}

/** amount × bp / 10000 rounded half up: a share of an amount. */
export function shareOf(fen: number, basisPoints: number): number {
  return toSafeNumber(divHalfUp(BigInt(fen) * BigInt(basisPoints), 10_000n), 'share')
}

/** (to − from) / from in basis points, rounded half up; null when `from` is 0. */
export function changeInBasisPoints(from: bigint | number, to: bigint | number): number | null {
  const a = BigInt(from)
  const b = BigInt(to)
  if (a === 0n) return null
  const sign = a < 0n ? -1n : 1n
  return toSafeNumber(divHalfUp((b - a) * 10_000n * sign, a * sign), 'change')
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting (user-facing text)
// ---------------------------------------------------------------------------------------------------------------

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Fen as yuan with thousands separators and exactly two decimals: 260000 → "2,600.00", -5 → "-0.05". */
export function yuanFixed(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = BigInt(Math.abs(fen))
  return `${sign}${groupThousands((abs / 100n).toString())}.${(abs % 100n).toString().padStart(2, '0')}`
}

/** Fen as yuan, decimals only when there are fen: 260000 → "2,600", 12345 → "123.45". */
export function yuan(fen: number): string {
  const fixed = yuanFixed(fen)
  return fixed.endsWith('.00') ? fixed.slice(0, -3) : fixed
}

/** Basis points as a percentage with one or two decimals: 800 → "8.0%", 650 → "6.5%", 625 → "6.25%", -20 → "-0.2%". */
export function percent(basisPoints: number): string {
  const sign = basisPoints < 0 ? '-' : ''
  const abs = Math.abs(basisPoints)
  const whole = Math.trunc(abs / 100)
  const frac = String(abs % 100).padStart(2, '0')
  return `${sign}${whole}.${frac.endsWith('0') ? frac[0] : frac}%`
}

/** Basis points with exactly two decimals, for tables: 650 → "6.50%". */
export function percentFixed(basisPoints: number): string {
  const sign = basisPoints < 0 ? '-' : ''
  const abs = Math.abs(basisPoints)
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`
}
