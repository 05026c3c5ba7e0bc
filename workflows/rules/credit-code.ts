/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character alphabet
 * (no I, O, S, V, Z); characters 3-8 are the registering authority's GB/T 2260 region code; the 18th is a check
 * character: weights 3^(i) mod 31 over the first 17, check = 31 - (sum mod 31), 31 → 0.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function creditCodeCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]!)
    if (v < 0) return undefined
    sum += v * WEIGHTS[i]!
  }
  const c = 31 - (sum % 31)
  return ALPHABET[c === 31 ? 0 : c]
}

export type TCreditCodeCheck = { ok: true } | { ok: false; reason: { zh: string; en: string } }

export function checkCreditCode(code: string): TCreditCodeCheck {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) {
    return {
      ok: false,
      reason: {
        zh: '统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z）',
        en: 'a unified social credit code has 18 digits or capital letters (no I, O, S, V, Z)',
      },
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return {
      ok: false,
      reason: { zh: '第3至8位应为行政区划代码', en: 'characters 3-8 must be an administrative division code' },
    }
  }
  const expected = creditCodeCheckChar(code.slice(0, 17))
  if (expected !== code[17]) {
    return {
      ok: false,
      reason: {
        zh: `校验码错误（应为 ${expected}）`,
        en: `wrong check character (expected ${expected}) per GB 32100-2015`,
      },
    }
  }
  return { ok: true }
}
