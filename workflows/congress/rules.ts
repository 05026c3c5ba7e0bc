/**
 * Vote rules of the workers' congress (职工代表大会) or all-staff assembly (职工大会) on a draft: pure functions.
 *
 * JHR 36: the draft is discussed with at least 2/3 of the representatives (or workers) present, and passes with
 * "全体职工代表半数以上或者全体职工半数以上同意". Two readings of the threshold exist across instruments:
 *   - `atLeastHalf`  "半数以上": CC 1259 says "以上" includes the number itself → yes*2 >= totalSeats;
 *   - `moreThanHalf` "过半数":  strictly more than half → yes*2 > totalSeats.
 * Both count against ALL seats, never against those present. Quorum "三分之二以上" → present*3 >= totalSeats*2.
 * Integer arithmetic only: no fractions, no rounding.
 */
import type { TRulePack } from '../rules/jurisdictions/types.js'

export type TQuorumRule = 'twoThirds' | 'none'
export type TThresholdRule = 'atLeastHalf' | 'moreThanHalf'

export type TCongressRule = {
  quorum: TQuorumRule
  threshold: TThresholdRule
  quorumArticle: string
  thresholdArticle: string
}

export type TVoteCheck = {
  ok: boolean
  /** The article that sets the rule applied. */
  article: string
  /** The smallest number that satisfies the rule (present for the quorum, yes for the threshold). */
  required: number
  actual: number
  explanation: { zh: string; en: string }
}

/** The congress rule of a rule pack. */
export function congressRuleOf(pack: TRulePack): TCongressRule {
  return {
    quorum: pack.congress.quorum.value,
    threshold: pack.congress.threshold.value,
    quorumArticle: pack.congress.quorum.article,
    thresholdArticle: pack.congress.threshold.article,
  }
}

function assertCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${n}`)
}

function assertSeats(totalSeats: number): void {
  assertCount('totalSeats', totalSeats)
  if (totalSeats === 0) throw new RangeError('totalSeats must be at least 1')
}

/** JHR 36: at least 2/3 of all seats present (present*3 >= totalSeats*2), unless the rule has no quorum. */
export function isQuorate(
  counts: { present: number; totalSeats: number },
  rule: Pick<TCongressRule, 'quorum' | 'quorumArticle'>,
): TVoteCheck {
  const { present, totalSeats } = counts
  assertSeats(totalSeats)
  assertCount('present', present)
  if (present > totalSeats) throw new RangeError(`present (${present}) exceeds totalSeats (${totalSeats})`)
  if (rule.quorum === 'none') {
    return {
      ok: true,
      article: rule.quorumArticle,
      required: 0,
      actual: present,
      explanation: {
        zh: `${rule.quorumArticle}未规定出席人数要求；出席${present}人（共${totalSeats}席）。`,
        en: `${rule.quorumArticle} sets no quorum; ${present} of ${totalSeats} present.`,
      },
    }
  }
  const required = Math.ceil((totalSeats * 2) / 3)
  const ok = present * 3 >= totalSeats * 2
  return {
    ok,
    article: rule.quorumArticle,
    required,
    actual: present,
    explanation: ok
      ? {
          zh: `依据 ${rule.quorumArticle}，应有三分之二以上（至少${required}人，共${totalSeats}席）出席；实际出席${present}人，符合法定人数。`,
          en: `Under ${rule.quorumArticle} at least 2/3 of ${totalSeats} seats (${required}) must be present; ${present} present: quorate.`,
        }
      : {
          zh: `依据 ${rule.quorumArticle}，应有三分之二以上（至少${required}人，共${totalSeats}席）出席；实际出席${present}人，不足法定人数。`,
          en: `Under ${rule.quorumArticle} at least 2/3 of ${totalSeats} seats (${required}) must be present; only ${present} present: not quorate.`,
        },
  }
}

/** JHR 36: yes votes counted against ALL seats; inclusive (yes*2 >= total) or strict (yes*2 > total). */
export function hasPassed(
  counts: { yes: number; totalSeats: number },
  rule: Pick<TCongressRule, 'threshold' | 'thresholdArticle'>,
): TVoteCheck {
  const { yes, totalSeats } = counts
  assertSeats(totalSeats)
  assertCount('yes', yes)
  if (yes > totalSeats) throw new RangeError(`yes (${yes}) exceeds totalSeats (${totalSeats})`)
  const inclusive = rule.threshold === 'atLeastHalf'
  const ok = inclusive ? yes * 2 >= totalSeats : yes * 2 > totalSeats
  const required = inclusive ? Math.ceil(totalSeats / 2) : Math.floor(totalSeats / 2) + 1
  const ruleZh = inclusive ? '全体半数以上（含半数）' : '全体过半数（不含半数）'
  const ruleEn = inclusive ? 'at least half of all seats (half included)' : 'more than half of all seats'
  return {
    ok,
    article: rule.thresholdArticle,
    required,
    actual: yes,
    explanation: {
      zh: `依据 ${rule.thresholdArticle}，须经${ruleZh}同意，即至少${required}票（共${totalSeats}席）；赞成${yes}票，${ok ? '通过' : '未通过'}。`,
      en: `Under ${rule.thresholdArticle} the draft needs ${ruleEn}: at least ${required} of ${totalSeats}; ${yes} yes: ${ok ? 'passed' : 'not passed'}.`,
    },
  }
}

export type TVoteCounts = { totalSeats: number; present: number; yes: number; no: number; abstain: number }

export type TVoteDecision = {
  quorate: boolean
  passed: boolean
  checks: TVoteCheck[]
}

/** Both rules together: a draft passes only at a quorate sitting with enough yes votes. */
export function decideVote(counts: TVoteCounts, rule: TCongressRule): TVoteDecision {
  assertCount('no', counts.no)
  assertCount('abstain', counts.abstain)
  if (counts.yes + counts.no + counts.abstain > counts.present) {
    throw new RangeError(
      `yes + no + abstain (${counts.yes + counts.no + counts.abstain}) exceeds present (${counts.present})`,
    )
  }
  const quorum = isQuorate(counts, rule)
  const threshold = hasPassed(counts, rule)
  return { quorate: quorum.ok, passed: quorum.ok && threshold.ok, checks: [quorum, threshold] }
}
