/**
 * The bureau's automatic legality checks (JHR 44: the parties' qualifications, the procedure, the content; GZ 22 ¶1)
 * and the completeness check of the filing package (JHR 42; GZ 21; local lists), as pure functions of plain data:
 * the facts of the filing (from a case's context, `factsFromContext`, or typed in from a paper filing), the
 * jurisdiction's rule pack, the region's minimum wage in force and the holiday calendars.
 *
 * Every check answers pass / fail / notApplicable with the article it applies and a bilingual explanation that
 * names the numbers. A check the facts do not allow (no team list on a paper filing, no structured clauses) is
 * `notApplicable` and says what is missing: the reviewer checks it by hand, never a silent pass.
 */
import { hasPassed, isQuorate, congressRuleOf } from '../congress/rules.js'
import type { TNegotiationContext } from '../negotiation/context.js'
import type { TNegotiator, TWorkforce } from '../negotiation/events.js'
import { validateTeams } from '../negotiation/teams.js'
import { chapterOf, contractChapterInfo, itemOf, wageAgreementItems, wageItemInfo, type TClause } from '../proposals/clauses.js'
import { yuan } from '../proposals/money.js'
import type { TCalendarYear } from '../rules/calendar/index.js'
import { compareDates, formatDateEn, formatDateZh } from '../rules/calendar/dates.js'
import { computeDeadline } from '../rules/deadlines.js'
import {
  ruleGroupOf,
  type TCaseKind,
  type TFilingMaterial,
  type TRequiredMaterial,
  type TRulePack,
} from '../rules/jurisdictions/types.js'
import type { TViolation } from '../rules/violations.js'
import type { TPaperRecord } from './paper-filing.js'

export type TBilingual = { zh: string; en: string }
export type TCheckResult = 'pass' | 'fail' | 'notApplicable'
export type TCheckGroup = 'team' | 'procedure' | 'content' | 'completeness'

export type TReviewCheck = {
  id: string
  group: TCheckGroup
  title: TBilingual
  /** The article(s) applied, e.g. "JHR 19". */
  article: string
  result: TCheckResult
  explanation: TBilingual
}

/** The congress result the signed text rests on (JHR 36). */
export type TVoteFacts = { heldOn: string; totalSeats: number; present: number; yes: number; no: number; abstain: number }

/** What the review looks at, whatever the filing came from. */
export type TReviewFacts = {
  kind: TCaseKind
  procedure: 'conclusion' | 'amendment' | 'termination'
  workerSide: 'union' | 'electedRepresentatives'
  workforce?: TWorkforce
  /** Both teams as appointed (JHR 19-24); absent when the filing gives no representative list. */
  teams?: { worker: readonly TNegotiator[]; employer: readonly TNegotiator[] }
  /** Whether the signed text needed a congress vote (JHR 36-37; a revision after an objection may not, §(g)3). */
  congressRequired: boolean
  vote?: TVoteFacts
  signedOn?: string
  /** The date the filing period runs from (the signature, or Shanghai 23's notice of passage). */
  filingPeriodFrom?: string
  filedOn?: string
  receivedOn?: string
  term?: { months?: number; startsOn?: string }
  /** The agreed clauses of the signed text, when structured. */
  clauses?: readonly TClause[]
  /** The lowest monthly wage the agreement sets, in fen (the enterpriseMinimumWage clause, or typed in). */
  lowestWageFen?: number
  /** GZ 7 items / JHR 8 matters the text covers, when typed in from a paper filing instead of clauses. */
  coveredItems?: readonly string[]
  /** The parts of the filing package: kinds of the generated package's parts and the materials declared at filing. */
  materials: { parts: readonly string[]; declared: readonly string[] }
}

/** The minimum wage in force in the enterprise's region on the reference date (src/regions lookup, as data). */
export type TMinimumWageFacts =
  | { status: 'found'; onDate: string; regionCode: string; fenPerMonth: number; source: string }
  | { status: 'tierUnknown'; onDate: string; regionCode: string; tiers: { tier: string; fenPerMonth: number }[]; source: string }
  | { status: 'none'; onDate: string; regionCode: string }

export type TReviewCheckInput = {
  facts: TReviewFacts
  pack: TRulePack
  minimumWage: TMinimumWageFacts | null
  calendars: readonly TCalendarYear[]
}

export type TReviewCheckReport = {
  checks: TReviewCheck[]
  counts: Record<TCheckResult, number>
  /** The materials missing from the package, and whether the pack lets the bureau ask for them (补正). */
  correction: { allowed: boolean; article: string; missing: { material: TFilingMaterial; title: TBilingual; article: string }[] }
}

const zhDate = (d: string) => formatDateZh(d)
const enDate = (d: string) => formatDateEn(d)

function check(id: string, group: TCheckGroup, title: TBilingual, article: string, result: TCheckResult, explanation: TBilingual): TReviewCheck {
  return { id, group, title, article, result, explanation }
}

const joinViolations = (vs: readonly TViolation[]): TBilingual => ({
  zh: vs.map((v) => v.message.zh).join(''),
  en: vs.map((v) => v.message.en).join(' '),
})

// ---------------------------------------------------------------------------------------------------------------
// Team composition (JHR 19-24; GZ 9-12; local packs)
// ---------------------------------------------------------------------------------------------------------------

const TEAM_CHECKS: { id: string; title: TBilingual; codes: readonly string[]; article: (p: TRulePack) => string }[] = [
  {
    id: 'team.size',
    title: { zh: '协商代表人数', en: 'Number of negotiators' },
    codes: ['TEAM_TOO_SMALL', 'TEAM_TOO_SMALL_FOR_LARGE_FIRM', 'TEAM_TOO_LARGE'],
    article: (p) => [p.team.minPerSide.article, p.team.largeFirm?.article, p.team.maxPerSide.value !== null ? p.team.maxPerSide.article : undefined].filter((a, i, all) => a && all.indexOf(a) === i).join('; '),
  },
  {
    id: 'team.chief',
    title: { zh: '首席代表', en: 'Chief negotiators' },
    codes: ['TEAM_CHIEF_MISSING', 'TEAM_MULTIPLE_CHIEFS', 'CHIEF_IS_EXTERNAL', 'WORKER_CHIEF_NOT_QUALIFIED', 'EMPLOYER_CHIEF_NOT_QUALIFIED', 'CHIEF_DELEGATION_NOT_IN_WRITING'],
    article: () => 'JHR 19-21, 23; GZ 9-12',
  },
  {
    id: 'team.balance',
    title: { zh: '双方代表人数对等', en: 'Balance of the two sides' },
    codes: ['TEAM_SIZES_UNEQUAL', 'EMPLOYER_SIDE_LARGER'],
    article: (p) => p.team.sideBalance.article,
  },
  {
    id: 'team.externals',
    title: { zh: '本单位以外专业人员', en: 'External experts' },
    codes: ['TOO_MANY_EXTERNALS', 'EXTERNAL_NOT_APPOINTED_IN_WRITING'],
    article: (p) => p.team.externalMaxShare.article,
  },
]

function teamChecks(facts: TReviewFacts, pack: TRulePack): TReviewCheck[] {
  const teams = facts.teams
  if (!teams) {
    const none = { zh: '报送材料未提供双方协商代表名单，无法自动审查，请人工核对。', en: 'The filing gives no list of negotiators: check by hand.' }
    return [
      ...TEAM_CHECKS.map((c) => check(c.id, 'team', c.title, c.article(pack), 'notApplicable', none)),
      check('team.eligibility', 'team', { zh: '代表资格', en: 'Eligibility of negotiators' }, 'JHR 20-24', 'notApplicable', none),
    ]
  }
  const violations = validateTeams(
    { worker: teams.worker, employer: teams.employer },
    { pack, workerSide: facts.workerSide, ...(facts.workforce ? { workforce: facts.workforce } : {}) },
  )
  const w = teams.worker.length
  const e = teams.employer.length
  const externals = (side: readonly TNegotiator[]) => side.filter((m) => m.isExternal).length
  const chief = (side: readonly TNegotiator[]) => side.find((m) => m.isChief)?.name ?? '—'
  const share = pack.team.externalMaxShare.value
  const passText: Record<string, TBilingual> = {
    'team.size': {
      zh: `职工方${w}人，企业方${e}人；${pack.team.minPerSide.article}规定每方至少${pack.team.minPerSide.value}人${pack.team.maxPerSide.value !== null ? `、最多${pack.team.maxPerSide.value}人` : ''}。`,
      en: `Worker side ${w}, employer side ${e}; ${pack.team.minPerSide.article} requires at least ${pack.team.minPerSide.value} per side${pack.team.maxPerSide.value !== null ? ` and at most ${pack.team.maxPerSide.value}` : ''}.`,
    },
    'team.chief': {
      zh: `每方一名首席代表：职工方${chief(teams.worker)}，企业方${chief(teams.employer)}，均为本单位人员且资格符合规定。`,
      en: `One chief per side: worker side ${chief(teams.worker)}, employer side ${chief(teams.employer)}; both internal and qualified.`,
    },
    'team.balance': {
      zh: pack.team.sideBalance.value === 'equal' ? `双方人数对等（${w}：${e}）。` : `企业方${e}人不多于职工方${w}人。`,
      en: pack.team.sideBalance.value === 'equal' ? `Equal numbers (${w}:${e}).` : `The employer side (${e}) does not outnumber the worker side (${w}).`,
    },
    'team.externals': {
      zh: `外聘专业人员职工方${externals(teams.worker)}人、企业方${externals(teams.employer)}人，均不超过本方代表的${share.numerator}/${share.denominator}，且有书面委托。`,
      en: `External experts: worker side ${externals(teams.worker)}, employer side ${externals(teams.employer)}; neither exceeds ${share.numerator}/${share.denominator} of its side, all appointed in writing.`,
    },
  }
  const grouped = new Set(TEAM_CHECKS.flatMap((c) => c.codes))
  const out = TEAM_CHECKS.map((c) => {
    const hit = violations.filter((v) => c.codes.includes(v.code))
    return hit.length === 0
      ? check(c.id, 'team', c.title, c.article(pack), 'pass', passText[c.id]!)
      : check(c.id, 'team', c.title, c.article(pack), 'fail', joinViolations(hit))
  })
  const other = violations.filter((v) => !grouped.has(v.code))
  const otherArticles = [...new Set(other.map((v) => v.article))].join('; ')
  out.push(
    other.length === 0
      ? check('team.eligibility', 'team', { zh: '代表资格', en: 'Eligibility of negotiators' }, 'JHR 20-24', 'pass', {
          zh: '无人兼任双方代表，记录员不是协商代表，本地区对代表构成的要求均已满足。',
          en: 'Nobody represents both sides, the recorder is not a negotiator, and the local composition rules are met.',
        })
      : check('team.eligibility', 'team', { zh: '代表资格', en: 'Eligibility of negotiators' }, otherArticles, 'fail', joinViolations(other)),
  )
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Procedure (JHR 36-37, 42; GZ 19-21)
// ---------------------------------------------------------------------------------------------------------------

function procedureChecks(facts: TReviewFacts, pack: TRulePack, calendars: readonly TCalendarYear[]): TReviewCheck[] {
  const out: TReviewCheck[] = []
  const rule = congressRuleOf(pack)
  const quorumTitle = { zh: '职工代表大会出席人数', en: 'Congress quorum' }
  const thresholdTitle = { zh: '职工代表大会表决通过', en: 'Congress vote passed' }
  const vote = facts.vote
  if (!facts.congressRequired) {
    const na = {
      zh: `本次为审查意见后的修改文本，${pack.congress.revoteAfterObjection.article}不要求重新提交职工代表大会表决。`,
      en: `A revision after an objection; ${pack.congress.revoteAfterObjection.article} needs no new congress vote.`,
    }
    out.push(check('procedure.quorum', 'procedure', quorumTitle, rule.quorumArticle, 'notApplicable', na))
    out.push(check('procedure.threshold', 'procedure', thresholdTitle, rule.thresholdArticle, 'notApplicable', na))
  } else if (!vote || vote.totalSeats < 1 || vote.present > vote.totalSeats || vote.yes > vote.totalSeats) {
    const missing = vote
      ? { zh: `表决人数不一致：应到${vote.totalSeats}人，出席${vote.present}人，赞成${vote.yes}票。`, en: `Inconsistent counts: ${vote.totalSeats} seats, ${vote.present} present, ${vote.yes} yes.` }
      : { zh: '没有经认证的职工代表大会表决结果：草案须经职工代表大会或全体职工讨论通过（集体合同规定第三十六条）。', en: 'No certified congress result: the draft must pass the workers\' congress or all-staff assembly (JHR 36).' }
    out.push(check('procedure.quorum', 'procedure', quorumTitle, rule.quorumArticle, 'fail', missing))
    out.push(check('procedure.threshold', 'procedure', thresholdTitle, rule.thresholdArticle, 'fail', missing))
  } else {
    const q = isQuorate(vote, rule)
    const t = hasPassed(vote, rule)
    out.push(check('procedure.quorum', 'procedure', quorumTitle, q.article, q.ok ? 'pass' : 'fail', q.explanation))
    out.push(check('procedure.threshold', 'procedure', thresholdTitle, t.article, t.ok ? 'pass' : 'fail', t.explanation))
  }

  // JHR 37; GZ 20: signed only after the congress passed the draft.
  const signedTitle = { zh: '表决通过后签字', en: 'Signed after the vote' }
  if (!facts.signedOn) {
    out.push(check('procedure.signedAfterVote', 'procedure', signedTitle, 'JHR 37; GZ 20', 'fail', { zh: '未载明双方首席代表签字日期。', en: 'The chiefs\' signing date is not stated.' }))
  } else if (!facts.congressRequired || !vote) {
    out.push(
      check('procedure.signedAfterVote', 'procedure', signedTitle, 'JHR 37; GZ 20', facts.congressRequired ? 'fail' : 'notApplicable', {
        zh: facts.congressRequired ? `${zhDate(facts.signedOn)}签字，但没有表决结果可以比对。` : '本次修改文本无须重新表决。',
        en: facts.congressRequired ? `Signed on ${enDate(facts.signedOn)} but there is no vote to compare with.` : 'This revision needed no new vote.',
      }),
    )
  } else {
    const ok = compareDates(facts.signedOn, vote.heldOn) >= 0
    out.push(
      check('procedure.signedAfterVote', 'procedure', signedTitle, 'JHR 37; GZ 20', ok ? 'pass' : 'fail', {
        zh: `职工代表大会${zhDate(vote.heldOn)}表决，双方首席代表${zhDate(facts.signedOn)}签字，${ok ? '签字在表决之后' : '签字早于表决，不符合集体合同规定第三十七条'}。`,
        en: `The congress voted on ${enDate(vote.heldOn)} and the chiefs signed on ${enDate(facts.signedOn)}: ${ok ? 'signed after the vote' : 'signed before the vote, contrary to JHR 37'}.`,
      }),
    )
  }

  // JHR 42; GZ 21 (and local periods): filed within the period after signing.
  const group = ruleGroupOf(facts.kind)
  const periodRule = facts.procedure === 'termination' && pack.filing.termination ? pack.filing.termination : pack.filing[group].period
  const filedTitle = { zh: '在报送期限内报送', en: 'Filed within the period' }
  if (!facts.filedOn || !facts.filingPeriodFrom) {
    out.push(
      check('procedure.filedInTime', 'procedure', filedTitle, periodRule.article, 'fail', {
        zh: '未载明签字日期或报送日期，无法确认是否在报送期限内报送。',
        en: 'The signing or filing date is missing: the filing period cannot be checked.',
      }),
    )
  } else {
    const d = computeDeadline({ from: facts.filingPeriodFrom, period: periodRule, timeZone: pack.timeZone, calendars })
    const ok = compareDates(facts.filedOn, d.lastDay) <= 0
    const unitZh = periodRule.unit === 'workingDays' ? '个工作日' : periodRule.unit === 'months' ? '个月' : '日'
    const unitEn = periodRule.unit === 'workingDays' ? 'working days' : periodRule.unit === 'months' ? 'months' : 'days'
    out.push(
      check('procedure.filedInTime', 'procedure', filedTitle, periodRule.article, ok ? 'pass' : 'fail', {
        zh: `自${zhDate(facts.filingPeriodFrom)}起${periodRule.length}${unitZh}内报送，期限至${zhDate(d.lastDay)}；${zhDate(facts.filedOn)}报送，${ok ? '未逾期' : '已逾期'}。`,
        en: `File within ${periodRule.length} ${unitEn} of ${enDate(facts.filingPeriodFrom)}, i.e. by ${enDate(d.lastDay)}; filed on ${enDate(facts.filedOn)}: ${ok ? 'in time' : 'late'}.`,
      }),
    )
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Content (LCL 55; GZ 5, 7; JHR 8, 38)
// ---------------------------------------------------------------------------------------------------------------

function lowestWageOf(facts: TReviewFacts): number | undefined {
  if (facts.lowestWageFen !== undefined) return facts.lowestWageFen
  const c = facts.clauses?.find((x) => x.kind === 'enterpriseMinimumWage')
  return c?.kind === 'enterpriseMinimumWage' ? c.fenPerMonth : undefined
}

function minimumWageCheck(facts: TReviewFacts, mw: TMinimumWageFacts | null): TReviewCheck {
  const title = { zh: '约定工资不低于当地最低工资标准', en: 'Agreed wages not below the minimum wage' }
  const article = 'LCL 55; GZ 5'
  if (facts.procedure === 'termination') {
    return check('content.minimumWage', 'content', title, article, 'notApplicable', { zh: '解除合同，不涉及工资标准。', en: 'A rescission sets no wages.' })
  }
  const lowest = lowestWageOf(facts)
  if (lowest === undefined) {
    return check('content.minimumWage', 'content', title, article, 'notApplicable', {
      zh: '合同未约定企业最低工资标准，请人工核对工资条款。',
      en: 'The agreement states no lowest wage: check the pay clauses by hand.',
    })
  }
  if (!mw || mw.status === 'none') {
    return check('content.minimumWage', 'content', title, article, 'notApplicable', {
      zh: `约定最低工资${yuan(lowest)}元/月；未找到${mw ? `行政区划${mw.regionCode}在${zhDate(mw.onDate)}适用的` : ''}当地最低工资标准数据，请人工核对。`,
      en: `The agreed lowest wage is ${yuan(lowest)} yuan a month; no local minimum wage${mw ? ` for region ${mw.regionCode} on ${enDate(mw.onDate)}` : ''} is on record: check by hand.`,
    })
  }
  if (mw.status === 'found') {
    const ok = lowest >= mw.fenPerMonth
    return check('content.minimumWage', 'content', title, article, ok ? 'pass' : 'fail', {
      zh: `约定最低工资${yuan(lowest)}元/月，${ok ? '不低于' : '低于'}${zhDate(mw.onDate)}适用的当地最低工资标准${yuan(mw.fenPerMonth)}元/月（${mw.source}）。`,
      en: `The agreed lowest wage of ${yuan(lowest)} yuan a month is ${ok ? 'not below' : 'below'} the local minimum wage of ${yuan(mw.fenPerMonth)} yuan in force on ${enDate(mw.onDate)} (${mw.source}).`,
    })
  }
  const values = mw.tiers.map((t) => t.fenPerMonth)
  const high = Math.max(...values)
  const low = Math.min(...values)
  const tiers = mw.tiers.map((t) => `${t.tier} ${yuan(t.fenPerMonth)}`).join('、')
  if (lowest >= high || lowest < low) {
    const ok = lowest >= high
    return check('content.minimumWage', 'content', title, article, ok ? 'pass' : 'fail', {
      zh: `约定最低工资${yuan(lowest)}元/月，${ok ? '不低于' : '低于'}当地各档最低工资标准（${tiers}元/月；${mw.source}）。`,
      en: `The agreed lowest wage of ${yuan(lowest)} yuan a month is ${ok ? 'not below any' : 'below every'} tier of the local minimum wage (${tiers} yuan; ${mw.source}).`,
    })
  }
  return check('content.minimumWage', 'content', title, article, 'notApplicable', {
    zh: `约定最低工资${yuan(lowest)}元/月，介于当地各档最低工资标准（${tiers}元/月）之间，所在档次尚无数据，请人工核对。`,
    en: `The agreed lowest wage of ${yuan(lowest)} yuan lies between the tiers (${tiers} yuan) and the region's tier is not on record: check by hand.`,
  })
}

function clausesCheck(facts: TReviewFacts): TReviewCheck {
  const wage = facts.kind === 'wageAgreement'
  const title = wage ? { zh: '工资协议必备内容（九项）', en: 'Required items of a wage agreement (nine)' } : { zh: '集体合同内容', en: 'Matters of the collective contract' }
  const article = wage ? 'GZ 7' : 'JHR 8; JHR 38'
  if (facts.procedure === 'termination') {
    return check('content.requiredClauses', 'content', title, article, 'notApplicable', { zh: '解除合同，无须审查合同条款。', en: 'A rescission: no clauses to check.' })
  }
  const covered = new Set<string>([...(facts.coveredItems ?? [])])
  for (const c of facts.clauses ?? []) {
    const key = wage ? itemOf(c) : chapterOf(c)
    if (key) covered.add(key)
  }
  if (!facts.clauses && !facts.coveredItems) {
    return check('content.requiredClauses', 'content', title, article, 'notApplicable', {
      zh: '合同条款未以结构化形式报送，请人工核对必备条款。',
      en: 'The clauses were not filed in structured form: check the required clauses by hand.',
    })
  }
  if (wage) {
    // GZ 7 (1)-(9); an amendment changes some items only.
    if (facts.procedure === 'amendment') {
      return check('content.requiredClauses', 'content', title, article, 'notApplicable', { zh: '变更协议只涉及变更的条款。', en: 'An amendment covers only the changed items.' })
    }
    const missing = wageAgreementItems.filter((i) => !covered.has(i))
    return missing.length === 0
      ? check('content.requiredClauses', 'content', title, article, 'pass', { zh: '工资集体协商试行办法第七条规定的九项内容齐全。', en: 'All nine items of GZ 7 are present.' })
      : check('content.requiredClauses', 'content', title, article, 'fail', {
          zh: `缺少第七条规定的内容：${missing.map((i) => `（${wageItemInfo[i].number}）${wageItemInfo[i].zh}`).join('、')}。`,
          en: `Missing GZ 7 items: ${missing.map((i) => `(${wageItemInfo[i].number}) ${wageItemInfo[i].en}`).join('; ')}.`,
        })
  }
  // JHR 8: "可就下列多项或某项内容" — at least one matter; JHR 8(11), 38: the term.
  const matters = [...covered].filter((k) => k !== 'general' && k !== 'term' && Object.hasOwn(contractChapterInfo, k))
  const hasTerm = covered.has('term') || facts.term?.months !== undefined
  const ok = matters.length > 0 && hasTerm
  const listed = matters.map((k) => contractChapterInfo[k as keyof typeof contractChapterInfo])
  return check('content.requiredClauses', 'content', title, article, ok ? 'pass' : 'fail', {
    zh: `合同约定了${listed.length}项第八条所列事项${listed.length ? `（${listed.map((l) => l.zh).join('、')}）` : ''}${hasTerm ? '，并约定了合同期限' : '，但未约定合同期限（第八条第十一项、第三十八条）'}。`,
    en: `The contract covers ${listed.length} JHR 8 matter(s)${listed.length ? ` (${listed.map((l) => l.en).join(', ')})` : ''}${hasTerm ? ' and states its term' : ' but states no term (JHR 8(11), 38)'}.`,
  })
}

function termCheck(facts: TReviewFacts, pack: TRulePack): TReviewCheck {
  const bounds = pack.term[ruleGroupOf(facts.kind)]
  const title = { zh: '合同期限', en: 'Term of the contract' }
  if (facts.procedure !== 'conclusion' && facts.term?.months === undefined) {
    return check('content.term', 'content', title, bounds.article, 'notApplicable', {
      zh: facts.procedure === 'termination' ? '解除合同，不涉及期限。' : '变更协议未变更期限。',
      en: facts.procedure === 'termination' ? 'A rescission has no term.' : 'The amendment keeps the term.',
    })
  }
  const months = facts.term?.months
  if (months === undefined) {
    return check('content.term', 'content', title, bounds.article, 'fail', { zh: `合同未约定期限（${bounds.article}）。`, en: `The contract states no term (${bounds.article}).` })
  }
  const ok = months >= bounds.minMonths && months <= bounds.maxMonths
  return check('content.term', 'content', title, bounds.article, ok ? 'pass' : 'fail', {
    zh: `合同期限${months}个月，${ok ? '在' : '不在'}${bounds.article}规定的${bounds.minMonths}至${bounds.maxMonths}个月之内。`,
    en: `A term of ${months} months is ${ok ? 'within' : 'outside'} the ${bounds.minMonths}-${bounds.maxMonths} months of ${bounds.article}.`,
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Completeness of the filing package (JHR 42; GZ 21; local lists)
// ---------------------------------------------------------------------------------------------------------------

/** The material's name, the kinds of generated package parts that are it, and the words a declared material uses. */
export const materialInfo: Readonly<Record<TFilingMaterial, { title: TBilingual; parts: readonly string[]; words: readonly string[] }>> = {
  agreementText: { title: { zh: '合同文本', en: 'Text of the agreement' }, parts: ['wageAgreement', 'collectiveContract'], words: ['文本', '合同正本', '协议正本'] },
  explanatoryNote: { title: { zh: '情况说明', en: 'Explanatory note' }, parts: ['situationReport'], words: ['说明'] },
  wageData: { title: { zh: '工资数据', en: 'Wage data' }, parts: ['wageData'], words: ['工资数据', '工资情况', '工资台账', '工资水平'] },
  congressResolution: { title: { zh: '职工代表大会决议（含出席和表决人数）', en: 'Congress resolution with counts' }, parts: ['congressResolution'], words: ['职工代表大会', '职代会', '职工大会', '表决'] },
  representativeList: { title: { zh: '协商代表名单', en: 'List of negotiators' }, parts: ['teamList'], words: ['代表名单', '协商代表'] },
  minutes: { title: { zh: '协商会议纪要', en: 'Signed minutes' }, parts: ['minutes'], words: ['纪要', '会议记录'] },
  requestAndReply: { title: { zh: '要约书及答复书', en: 'Request letter and reply' }, parts: ['requestLetter'], words: ['要约'] },
  businessLicence: { title: { zh: '营业执照复印件', en: 'Copy of the business licence' }, parts: [], words: ['营业执照'] },
}

export function requiredMaterials(pack: TRulePack, kind: TCaseKind): TRequiredMaterial[] {
  const group = ruleGroupOf(kind)
  return pack.filing.materials.filter((m) => m.for === 'all' || m.for === group)
}

/** Whether the package holds a material: a generated part of its kind, or a declared material naming it. */
export function hasMaterial(materials: TReviewFacts['materials'], material: TFilingMaterial): boolean {
  const info = materialInfo[material]
  if (materials.parts.some((p) => info.parts.includes(p))) return true
  return materials.declared.some((d) => d === material || info.words.some((w) => d.includes(w)))
}

function completenessChecks(facts: TReviewFacts, pack: TRulePack): TReviewCheck[] {
  return requiredMaterials(pack, facts.kind).map((m) => {
    const info = materialInfo[m.material]
    const ok = hasMaterial(facts.materials, m.material)
    const basis = m.basis === 'statute' ? { zh: '法定材料', en: 'required by the article' } : { zh: '审查所需材料', en: 'needed for the review' }
    return check(`materials.${m.material}`, 'completeness', info.title, m.article, ok ? 'pass' : 'fail', {
      zh: `${info.title.zh}${ok ? '已报送' : '未报送'}（${basis.zh}，${m.article}）。`,
      en: `${info.title.en} ${ok ? 'filed' : 'missing'} (${basis.en}, ${m.article}).`,
    })
  })
}

// ---------------------------------------------------------------------------------------------------------------
// All checks
// ---------------------------------------------------------------------------------------------------------------

export function reviewChecks(input: TReviewCheckInput): TReviewCheckReport {
  const { facts, pack } = input
  const checks = [
    ...teamChecks(facts, pack),
    ...procedureChecks(facts, pack, input.calendars),
    minimumWageCheck(facts, input.minimumWage),
    clausesCheck(facts),
    termCheck(facts, pack),
    ...completenessChecks(facts, pack),
  ]
  const counts: Record<TCheckResult, number> = { pass: 0, fail: 0, notApplicable: 0 }
  for (const c of checks) counts[c.result]++
  const missing = requiredMaterials(pack, facts.kind)
    .filter((m) => !hasMaterial(facts.materials, m.material))
    .map((m) => ({ material: m.material, title: materialInfo[m.material].title, article: m.article }))
  return { checks, counts, correction: { allowed: pack.correction.allowed, article: pack.correction.article, missing } }
}

/** The date the minimum wage is looked up on: the term's start, else the signing date (LCL 55: wages paid then). */
export function minimumWageDate(facts: Pick<TReviewFacts, 'term' | 'signedOn' | 'filedOn'>): string | undefined {
  return facts.term?.startsOn ?? facts.signedOn ?? facts.filedOn
}

/**
 * The facts of the filing a case's context records: the signed draft, the vote that passed it, the teams, the
 * filing. `parts` are the kinds of the generated filing package's parts (its manifest), when it exists.
 */
export function factsFromContext(context: TNegotiationContext, parts: readonly string[] = []): TReviewFacts {
  const signature = context.signature
  const draftVersion = signature?.draftVersion ?? context.draft?.version
  const draft = context.drafts.find((d) => d.version === draftVersion) ?? context.draft
  const vote =
    context.congressVotes.findLast((v) => v.draftVersion === draftVersion && v.passed) ??
    context.congressVotes.findLast((v) => v.draftVersion === draftVersion)
  const worker = context.teams.worker?.members
  const employer = context.teams.employer?.members
  const filing = context.filing
  return {
    kind: context.kind,
    procedure: context.procedure,
    workerSide: context.workerSide,
    ...(context.workforce ? { workforce: context.workforce } : {}),
    ...(worker && employer ? { teams: { worker, employer } } : {}),
    congressRequired: draft?.congressRequired ?? true,
    ...(vote
      ? { vote: { heldOn: vote.heldOn, totalSeats: vote.totalSeats, present: vote.present, yes: vote.yes, no: vote.no, abstain: vote.abstain } }
      : {}),
    ...(signature ? { signedOn: signature.signedOn } : {}),
    ...(filing?.periodFrom ? { filingPeriodFrom: filing.periodFrom } : {}),
    ...(filing?.filedOn ? { filedOn: filing.filedOn } : {}),
    ...(context.review?.receivedOn ?? filing?.receivedOn ? { receivedOn: (context.review?.receivedOn ?? filing?.receivedOn)! } : {}),
    ...(draft?.termMonths !== undefined || draft?.termStartsOn !== undefined
      ? { term: { ...(draft.termMonths !== undefined ? { months: draft.termMonths } : {}), ...(draft.termStartsOn ? { startsOn: draft.termStartsOn } : {}) } }
      : {}),
    ...(draft?.clauses ? { clauses: draft.clauses } : {}),
    materials: { parts, declared: filing?.materials ?? [] },
  }
}

/**
 * The facts of a filing registered from paper: what the bureau typed in. No representative list or clauses are
 * typed in, so the team checks are for a person (notApplicable) and the clauses are the items ticked as covered.
 */
export function factsFromPaper(context: TNegotiationContext & { paper: TPaperRecord }): TReviewFacts {
  const p = context.paper
  return {
    kind: context.kind,
    procedure: 'conclusion',
    workerSide: context.workerSide,
    congressRequired: true,
    ...(p.congress ? { vote: p.congress } : {}),
    signedOn: p.signedOn,
    filingPeriodFrom: p.signedOn,
    filedOn: p.filedOn,
    ...(context.review?.receivedOn ?? context.filing?.receivedOn ? { receivedOn: (context.review?.receivedOn ?? context.filing?.receivedOn)! } : {}),
    term: { months: p.termMonths, ...(p.termStartsOn ? { startsOn: p.termStartsOn } : {}) },
    ...(p.lowestWageFen !== undefined ? { lowestWageFen: p.lowestWageFen } : {}),
    ...(p.coveredItems ? { coveredItems: p.coveredItems } : {}),
    materials: { parts: [], declared: p.materials },
  }
}
