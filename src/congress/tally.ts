/**
 * The tally of a closed session and the case event that certifies it. Pure: the counts come from the stored
 * ballot counts, the confirmed paper tally and the attendance; the rules from workflows/congress (isQuorate,
 * hasPassed) and the case's rule pack. Both the quorum and every item's threshold count against ALL seats (JHR 36).
 */
import { congressRuleOf, hasPassed, isQuorate } from '../../workflows/congress/rules.js'
import { getRulePack, resolveRulePack } from '../../workflows/rules/jurisdictions/index.js'
import type { TCaseKind } from '../../workflows/rules/jurisdictions/types.js'
import { congressError } from './errors.js'
import type { TBody, TChoice, TCongressResult, TItem, TItemResult, TPaperTallyView } from './types.js'

export type TTallyInput = {
  jurisdiction: string
  kind: string
  body: TBody
  totalSeats: number
  present: number
  items: TItem[]
  online: { itemId: string; choice: TChoice; count: number }[]
  /** Confirmed by a scrutineer, or null when no paper ballot was handed out. */
  paper: TPaperTallyView | null
  ballotsOnline: number
  ballotsPaper: number
  receiptHashes: string[]
  now: string
}

const integrity = (en: string, zh: string, details: Record<string, unknown>) =>
  congressError('INTEGRITY_VIOLATION', 'TALLY_INCONSISTENT', { zh, en }, details)

export function computeResult(input: TTallyInput): TCongressResult {
  const pack = resolveRulePack(input.jurisdiction, input.kind as TCaseKind) ?? getRulePack(input.jurisdiction)
  if (!pack) throw integrity(`unknown jurisdiction ${input.jurisdiction}`, `适用地区规则无效：${input.jurisdiction}`, {})
  const rule = congressRuleOf(pack)
  // Every online ballot carries exactly one choice per item and leaves exactly one receipt: a mismatch means a
  // ballot was lost or counted twice, and nothing is certified.
  if (input.receiptHashes.length !== input.ballotsOnline) {
    throw integrity(
      `${input.receiptHashes.length} receipts for ${input.ballotsOnline} online ballots`,
      `回执${input.receiptHashes.length}张，网上选票${input.ballotsOnline}张，不一致`,
      { receipts: input.receiptHashes.length, ballotsOnline: input.ballotsOnline },
    )
  }
  const quorum = isQuorate({ present: input.present, totalSeats: input.totalSeats }, rule)
  const items: TItemResult[] = input.items.map((item) => {
    const online = { agree: 0, disagree: 0, abstain: 0 }
    for (const c of input.online) if (c.itemId === item.id) online[c.choice] += Number(c.count)
    if (online.agree + online.disagree + online.abstain !== input.ballotsOnline) {
      throw integrity(
        `item ${item.id}: ${online.agree + online.disagree + online.abstain} online choices for ${input.ballotsOnline} ballots`,
        `表决事项 ${item.id} 的网上票数与选票张数不一致`,
        { itemId: item.id, online, ballotsOnline: input.ballotsOnline },
      )
    }
    const p = input.paper?.items.find((x) => x.itemId === item.id)
    const paper = { agree: p?.agree ?? 0, disagree: p?.disagree ?? 0, abstain: p?.abstain ?? 0 }
    const agree = online.agree + paper.agree
    const disagree = online.disagree + paper.disagree
    const abstain = online.abstain + paper.abstain
    const threshold = hasPassed({ yes: agree, totalSeats: input.totalSeats }, rule)
    return {
      itemId: item.id,
      title: item.title,
      agree,
      disagree,
      abstain,
      notCounted: input.totalSeats - agree - disagree - abstain,
      online,
      paper,
      threshold,
      passed: quorum.ok && threshold.ok,
    }
  })
  const decisive = items.reduce((worst, it) =>
    it.agree < worst.agree || (it.agree === worst.agree && it.disagree > worst.disagree) ? it : worst,
  )
  return {
    body: input.body,
    totalSeats: input.totalSeats,
    present: input.present,
    quorum,
    quorate: quorum.ok,
    thresholdRule: rule.threshold,
    quorumRule: rule.quorum,
    quorumArticle: rule.quorumArticle,
    thresholdArticle: rule.thresholdArticle,
    items,
    passed: quorum.ok && items.every((i) => i.passed),
    decisiveItemId: decisive.itemId,
    ballotsOnline: input.ballotsOnline,
    ballotsPaper: input.ballotsPaper,
    receiptHashes: [...input.receiptHashes].sort(),
    computedAt: input.now,
  }
}

/**
 * The payload of the machine's `congress.resultCertified` event (workflows/negotiation/events.ts). The draft's
 * counts (yes/no/abstain) are those of the decisive item — the one with the fewest agree votes — so "the draft
 * passes" equals "every item passes" for a machine that reads the top-level counts; the items carry each count.
 */
export function certifiedEvent(
  session: { id: string; heldOn: string; body: TBody; totalSeats: number },
  result: TCongressResult,
) {
  const decisive = result.items.find((i) => i.itemId === result.decisiveItemId)!
  return {
    type: 'congress.resultCertified' as const,
    heldOn: session.heldOn,
    body: session.body,
    totalSeats: session.totalSeats,
    present: result.present,
    yes: decisive.agree,
    no: decisive.disagree,
    abstain: decisive.abstain,
    ballot: 'secret' as const,
    items: result.items.map((i) => ({
      itemId: i.itemId,
      title: i.title.slice(0, 500),
      yes: i.agree,
      no: i.disagree,
      abstain: i.abstain,
    })),
    certificateRef: `congressSession:${session.id}`,
  }
}
