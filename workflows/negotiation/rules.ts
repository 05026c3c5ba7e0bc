/**
 * The statutory rules that can block an event, as values. `explainRefusal(context, event)` lists every rule the
 * event breaks in the case's current context; the machine's `isPermitted` guard is exactly
 * `explainRefusal(context, event).length === 0`, so a blocked event always comes with its articles (the engine
 * answers 422 with them). Which events a state accepts at all is the machine's business, not these rules'.
 *
 * Codes are stable UPPER_SNAKE strings; `field` is the path of the offending value in the event payload.
 */
import { addDays, compareDates } from '../rules/calendar/dates.js'
import { resolveRulePack } from '../rules/jurisdictions/index.js'
import { ruleGroupOf, type TRulePack, type TRuleGroup } from '../rules/jurisdictions/types.js'
import type { TViolation } from '../rules/violations.js'
import { clauseKey, clauseValue, itemOf, wageAgreementItems, wageItemInfo, type TClause } from '../proposals/clauses.js'
import { compareWithAgreed, positionsAfter } from '../proposals/diff.js'
import { yuan } from '../proposals/money.js'
import type { TNegotiationContext, TSuspensionRecord } from './context.js'
import type { TEventOf, TNegotiationEvent, TNegotiator, TSide } from './events.js'
import { chiefOf, validateRecorder, validateTeam } from './teams.js'

/** The rule pack governing the case: the jurisdiction's pack for the case's kind. */
export function packOf(context: Pick<TNegotiationContext, 'jurisdiction' | 'kind'>): TRulePack {
  const pack = resolveRulePack(context.jurisdiction, context.kind)
  // The engine refuses to open a case for an unknown jurisdiction, so this only guards programming errors.
  if (!pack) throw new Error(`unknown jurisdiction ${context.jurisdiction}`)
  return pack
}

export function groupOf(context: Pick<TNegotiationContext, 'kind'>): TRuleGroup {
  return ruleGroupOf(context.kind)
}

export const otherSide = (side: TSide): TSide => (side === 'worker' ? 'employer' : 'worker')

export function membersOf(context: TNegotiationContext, side: TSide): TNegotiator[] {
  return context.teams[side]?.members ?? []
}

/** Suspended calendar days so far in this procedure (cumulative caps: Hangzhou 27, Ningbo 19). */
export function suspendedDaysUsed(suspensions: readonly TSuspensionRecord[]): number {
  return suspensions.reduce((sum, s) => sum + (s.daysUsed ?? 0), 0)
}

export function openSuspension(context: TNegotiationContext): TSuspensionRecord | undefined {
  const last = context.suspensions.at(-1)
  return last && !last.endedOn ? last : undefined
}

function v(code: string, article: string, field: string | undefined, zh: string, en: string): TViolation {
  return { code, article, ...(field !== undefined ? { field } : {}), message: { zh, en } }
}

/** `date` must not be before `earliest`. */
function notBefore(
  date: string,
  earliest: string | undefined,
  code: string,
  article: string,
  field: string,
  what: { zh: string; en: string },
): TViolation[] {
  if (earliest === undefined || compareDates(date, earliest) >= 0) return []
  return [v(code, article, field, `${what.zh}（${date}）不得早于${earliest}。`, `${what.en} (${date}) cannot be before ${earliest}.`)]
}

type TRuleFn<T extends TNegotiationEvent['type']> = (context: TNegotiationContext, event: TEventOf<T>) => TViolation[]
type TRuleTable = { [T in TNegotiationEvent['type']]?: TRuleFn<T> }

// ---------------------------------------------------------------------------------------------------------------
// Request and reply
// ---------------------------------------------------------------------------------------------------------------

/** JHR 32 and local rules: may the recipient refuse this request? */
export function refusalViolations(context: TNegotiationContext): TViolation[] {
  const pack = packOf(context)
  const { refusal } = pack
  if (refusal.rule === 'never') {
    return [
      v(
        'REFUSAL_NOT_ALLOWED',
        refusal.article,
        undefined,
        `依据 ${refusal.article}，收到集体协商要求的一方不得拒绝，应当书面答复并商定协商时间。`,
        `Under ${refusal.article} the recipient of a negotiation request may not refuse it; it must answer in writing and agree a time.`,
      ),
    ]
  }
  if (refusal.rule === 'notOnListedTopics') {
    const topics = new Set(context.request?.topics ?? [])
    if (context.kind === 'wageAgreement') topics.add('pay')
    const hit = refusal.topics.filter((t) => topics.has(t))
    if (hit.length > 0) {
      return [
        v(
          'REFUSAL_ON_PROTECTED_TOPIC',
          refusal.article,
          undefined,
          `依据 ${refusal.article}，就${hit.join('、')}事项提出的协商要求不得拒绝。`,
          `Under ${refusal.article} a request concerning ${hit.join(', ')} may not be refused.`,
        ),
      ]
    }
  }
  return []
}

// ---------------------------------------------------------------------------------------------------------------
// Teams
// ---------------------------------------------------------------------------------------------------------------

function teamContext(context: TNegotiationContext, workforce = context.workforce) {
  return { pack: packOf(context), workerSide: context.workerSide, ...(workforce ? { workforce } : {}) }
}

export function teamAppointedViolations(
  context: TNegotiationContext,
  event: TEventOf<'team.appointed'>,
): TViolation[] {
  const workforce = { ...context.workforce, ...event.workforce }
  const other = context.teams[otherSide(event.side)]?.members
  const out = validateTeam(event.side, event.members, teamContext(context, workforce), other ? { otherTeam: other } : {})
  const recorder = context.teams.recorder
  if (recorder) {
    event.members.forEach((m, i) => {
      if (m.id === recorder.id) {
        out.push(
          v(
            'RECORDER_IS_NEGOTIATOR',
            'JHR 33(5)',
            `members.${i}.id`,
            `${m.name}是记录员，记录员不得担任协商代表（集体合同规定第三十三条第五项）。`,
            `${m.name} is the recorder; the recorder may not be a negotiator (JHR 33(5)).`,
          ),
        )
      }
    })
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Rounds
// ---------------------------------------------------------------------------------------------------------------

function roundViolations(context: TNegotiationContext, event: TEventOf<'round.held'>): TViolation[] {
  const pack = packOf(context)
  const out: TViolation[] = []
  const last = context.rounds.at(-1)
  const expected = (last?.number ?? 0) + 1
  if (event.number !== expected) {
    out.push(
      v(
        'ROUND_NUMBER_OUT_OF_SEQUENCE',
        'JHR 34',
        'number',
        `协商会议应为第${expected}次，而非第${event.number}次。`,
        `This should be round ${expected}, not round ${event.number}.`,
      ),
    )
  }
  if (last) {
    out.push(
      ...notBefore(event.heldOn, last.heldOn, 'ROUND_BEFORE_PREVIOUS_ROUND', 'JHR 34', 'heldOn', {
        zh: '本次协商会议日期',
        en: 'The round date',
      }),
    )
  } else {
    const prep = context.preparation
    if (!prep.agenda) {
      out.push(
        v(
          'AGENDA_NOT_DRAFTED',
          'JHR 33(3)',
          undefined,
          '首次协商会议前应当拟定协商议题（集体合同规定第三十三条第三项）。',
          'The agenda must be drafted before the first round (JHR 33(3)).',
        ),
      )
    }
    if (!prep.meeting) {
      out.push(
        v(
          'MEETING_NOT_SCHEDULED',
          'JHR 33(4)',
          undefined,
          '首次协商会议前应当确定协商的时间、地点（集体合同规定第三十三条第四项）。',
          'The time and place of the first round must be fixed first (JHR 33(4)).',
        ),
      )
    } else {
      out.push(
        ...notBefore(event.heldOn, prep.meeting.scheduledOn, 'ROUND_BEFORE_SCHEDULING', 'JHR 33(4)', 'heldOn', {
          zh: '协商会议日期',
          en: 'The round date',
        }),
      )
    }
    if (!context.teams.recorder) {
      out.push(
        v(
          'RECORDER_NOT_APPOINTED',
          'JHR 33(5)',
          undefined,
          '双方应共同指定一名记录员（集体合同规定第三十三条第五项）。',
          'Both sides must first appoint a recorder (JHR 33(5)).',
        ),
      )
    }
    if (pack.firstRoundPresidedByRequester.value && context.request && event.presidingSide !== context.request.by) {
      out.push(
        v(
          'FIRST_ROUND_NOT_PRESIDED_BY_REQUESTER',
          pack.firstRoundPresidedByRequester.article,
          'presidingSide',
          `首次协商会议由提出要约一方的首席代表主持（${pack.firstRoundPresidedByRequester.article}）。`,
          `The first round is chaired by the requesting side's chief (${pack.firstRoundPresidedByRequester.article}).`,
        ),
      )
    }
  }
  // JHR 34; GZ 11: the chiefs chair in turn.
  if (last && last.presidingSide === event.presidingSide) {
    out.push(
      v(
        'PRESIDING_NOT_ALTERNATING',
        'JHR 34; GZ 11',
        'presidingSide',
        `协商会议由双方首席代表轮流主持，上次由${last.presidingSide === 'worker' ? '职工方' : '企业方'}主持。`,
        `The chiefs chair in turn (JHR 34; GZ 11); the ${last.presidingSide} side chaired round ${last.number}.`,
      ),
    )
  }
  for (const side of ['worker', 'employer'] as const) {
    const team = membersOf(context, side)
    const ids = new Set(team.map((m) => m.id))
    event.attendees[side].forEach((id, i) => {
      if (!ids.has(id)) {
        out.push(
          v(
            'ATTENDEE_NOT_ON_TEAM',
            'JHR 19',
            `attendees.${side}.${i}`,
            `${id}不是${side === 'worker' ? '职工方' : '企业方'}协商代表。`,
            `${id} is not a negotiator of the ${side} side.`,
          ),
        )
      }
    })
    const chief = chiefOf(team)
    if (chief && !event.attendees[side].includes(chief.id)) {
      out.push(
        v(
          'CHIEF_ABSENT',
          'JHR 34',
          `attendees.${side}`,
          `${side === 'worker' ? '职工方' : '企业方'}首席代表${chief.name}未出席：协商会议由首席代表提出、回应并归纳意见（集体合同规定第三十四条）。`,
          `The ${side} chief ${chief.name} is absent: the chiefs state, answer and summarise at each round (JHR 34).`,
        ),
      )
    }
  }
  const signers = pack.minutesSigners
  const signed = new Set(event.minutesSignedBy)
  if (signers.value === 'bothChiefs') {
    const missing = (['worker', 'employer'] as const)
      .map((s) => chiefOf(membersOf(context, s)))
      .filter((c): c is TNegotiator => c !== undefined && !signed.has(c.id))
    if (missing.length > 0) {
      out.push(
        v(
          'MINUTES_NOT_SIGNED',
          signers.article,
          'minutesSignedBy',
          `会议记录应由双方首席代表签字确认（${signers.article}），缺：${missing.map((m) => m.name).join('、')}。`,
          `The minutes must be signed by both chiefs (${signers.article}); missing: ${missing.map((m) => m.name).join(', ')}.`,
        ),
      )
    }
  } else if (signers.value === 'allNegotiators') {
    const missing = [...event.attendees.worker, ...event.attendees.employer].filter((id) => !signed.has(id))
    if (missing.length > 0) {
      out.push(
        v(
          'MINUTES_NOT_SIGNED',
          signers.article,
          'minutesSignedBy',
          `会议记录应由全体与会协商代表签字确认（${signers.article}），缺：${missing.join('、')}。`,
          `The minutes must be signed by every negotiator present (${signers.article}); missing: ${missing.join(', ')}.`,
        ),
      )
    }
  }
  out.push(...roundClauseViolations(context, event))
  if (pack.vacancy.beforeNextMeeting.value && context.vacancies.length > 0) {
    out.push(
      v(
        'VACANCY_OPEN',
        pack.vacancy.beforeNextMeeting.article,
        undefined,
        `协商代表空缺应在下一次协商会议召开前补齐（${pack.vacancy.beforeNextMeeting.article}）。`,
        `A negotiator vacancy must be filled before the next round (${pack.vacancy.beforeNextMeeting.article}).`,
      ),
    )
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Structured clauses (proposals/clauses.ts)
// ---------------------------------------------------------------------------------------------------------------

/** A text clause names its GZ 7 item in a wage agreement (GZ 7) and its JHR 8 chapter in a collective contract. */
function clausePlacementViolations(context: TNegotiationContext, clauses: readonly TClause[], path: string): TViolation[] {
  const out: TViolation[] = []
  clauses.forEach((c, i) => {
    if (c.kind !== 'text') return
    if (context.kind === 'wageAgreement' && !c.item) {
      out.push(
        v(
          'CLAUSE_ITEM_MISSING',
          'GZ 7',
          `${path}.${i}.item`,
          `条款“${c.title ?? c.id}”应注明属于工资协议的哪一项内容（工资集体协商试行办法第七条）。`,
          `Clause "${c.title ?? c.id}" must name the GZ 7 item of the wage agreement it belongs to.`,
        ),
      )
    }
    if (context.kind !== 'wageAgreement' && !c.chapter) {
      out.push(
        v(
          'CLAUSE_CHAPTER_MISSING',
          'JHR 8',
          `${path}.${i}.chapter`,
          `条款“${c.title ?? c.id}”应注明属于集体合同的哪一项内容（集体合同规定第八条）。`,
          `Clause "${c.title ?? c.id}" must name the JHR 8 matter of the collective contract it belongs to.`,
        ),
      )
    }
  })
  return out
}

function roundClauseViolations(context: TNegotiationContext, event: TEventOf<'round.held'>): TViolation[] {
  const out: TViolation[] = []
  const last = context.rounds.at(-1)?.number ?? 0
  const positions = positionsAfter(context, last)
  event.clauseProposals?.forEach((p, i) => {
    out.push(...clausePlacementViolations(context, p.clauses, `clauseProposals.${i}.clauses`))
    p.withdrawn?.forEach((key, j) => {
      if (!positions[p.side].has(key)) {
        out.push(
          v(
            'CLAUSE_NOT_PROPOSED',
            'JHR 34; GZ 13',
            `clauseProposals.${i}.withdrawn.${j}`,
            `${p.side === 'worker' ? '职工方' : '企业方'}没有提出过条款 ${key}，无从撤回。`,
            `The ${p.side} side has no proposal on ${key} to withdraw.`,
          ),
        )
      }
    })
  })
  if (event.agreedClauses) out.push(...clausePlacementViolations(context, event.agreedClauses, 'agreedClauses'))
  event.withdrawnAgreedKeys?.forEach((key, j) => {
    if (!positions.agreed.has(key)) {
      out.push(
        v(
          'CLAUSE_NOT_AGREED',
          'JHR 34',
          `withdrawnAgreedKeys.${j}`,
          `此前的协商会议没有就条款 ${key} 达成一致，无从取消。`,
          `No earlier round agreed on ${key}, so it cannot be dropped.`,
        ),
      )
    }
  })
  return out
}

/** The draft's term: the event's `termMonths`/`termStartsOn`, else its `term` clause. */
export function draftTerm(event: TEventOf<'draft.agreed'>): { termMonths?: number; termStartsOn?: string } {
  const clause = event.clauses?.find((c) => c.kind === 'term')
  const termMonths = event.termMonths ?? clause?.months
  const termStartsOn = event.termStartsOn ?? clause?.startsOn
  return {
    ...(termMonths !== undefined ? { termMonths } : {}),
    ...(termStartsOn !== undefined ? { termStartsOn } : {}),
  }
}

/**
 * JHR 34(4): the draft records what the rounds agreed, so its clauses are exactly the clauses agreed so far; GZ 7:
 * a wage agreement covers the nine items; LCL 55: its pay standards are not below the local minimum wage.
 */
function draftClauseViolations(context: TNegotiationContext, event: TEventOf<'draft.agreed'>): TViolation[] {
  const clauses = event.clauses
  if (!clauses) return []
  const out: TViolation[] = [...clausePlacementViolations(context, clauses, 'clauses')]
  const { notAgreed, differs, missing } = compareWithAgreed(context, clauses)
  const indexOf = (c: TClause) => clauses.indexOf(c)
  for (const c of notAgreed) {
    out.push(
      v(
        'DRAFT_CLAUSE_NOT_AGREED',
        'JHR 34(4)',
        `clauses.${indexOf(c)}`,
        `草案中的条款 ${clauseKey(c)} 未经任何一次协商会议达成一致（集体合同规定第三十四条第四项）。`,
        `Clause ${clauseKey(c)} of the draft was not agreed at any round (JHR 34(4)).`,
      ),
    )
  }
  for (const { clause, agreed } of differs) {
    const a = clauseValue(agreed)
    const d = clauseValue(clause)
    out.push(
      v(
        'DRAFT_CLAUSE_DIFFERS_FROM_AGREED',
        'JHR 34(4)',
        `clauses.${indexOf(clause)}`,
        `草案中的条款 ${clauseKey(clause)}（${d.zh}）与协商会议商定的内容（${a.zh}）不一致（集体合同规定第三十四条第四项）。`,
        `Clause ${clauseKey(clause)} of the draft (${d.en}) differs from what the rounds agreed (${a.en}) (JHR 34(4)).`,
      ),
    )
  }
  for (const c of missing) {
    out.push(
      v(
        'AGREED_CLAUSE_MISSING_FROM_DRAFT',
        'JHR 34(4)',
        'clauses',
        `协商会议商定的条款 ${clauseKey(c)}（${clauseValue(c).zh}）未写入草案（集体合同规定第三十四条第四项）。`,
        `Clause ${clauseKey(c)} (${clauseValue(c).en}) agreed at the rounds is missing from the draft (JHR 34(4)).`,
      ),
    )
  }
  if (context.kind === 'wageAgreement' && context.procedure === 'conclusion') {
    const covered = new Set(clauses.map(itemOf))
    for (const item of wageAgreementItems) {
      if (covered.has(item)) continue
      const info = wageItemInfo[item]
      out.push(
        v(
          'WAGE_AGREEMENT_ITEM_MISSING',
          info.article,
          'clauses',
          `工资协议应当包括第${info.number}项内容“${info.zh}”（工资集体协商试行办法第七条）。`,
          `A wage agreement must cover item ${info.number}, "${info.en}" (GZ 7).`,
        ),
      )
    }
  }
  const term = clauses.find((c) => c.kind === 'term')
  if (term) {
    const article = packOf(context).term[groupOf(context)].article
    if (event.termMonths !== undefined && event.termMonths !== term.months) {
      out.push(
        v(
          'DRAFT_TERM_MISMATCH',
          article,
          'termMonths',
          `草案期限${event.termMonths}个月与商定的期限条款${term.months}个月不一致。`,
          `The draft's term of ${event.termMonths} months differs from the agreed term clause of ${term.months} months.`,
        ),
      )
    }
    if (event.termStartsOn !== undefined && term.startsOn !== undefined && event.termStartsOn !== term.startsOn) {
      out.push(
        v(
          'DRAFT_TERM_MISMATCH',
          article,
          'termStartsOn',
          `草案起始日${event.termStartsOn}与商定的期限条款起始日${term.startsOn}不一致。`,
          `The draft starts on ${event.termStartsOn}, the agreed term clause on ${term.startsOn}.`,
        ),
      )
    }
  }
  const minimum = context.preparation.figures.regional.minimumWage
  if (minimum) {
    clauses.forEach((c, i) => {
      if (c.kind === 'enterpriseMinimumWage' && c.fenPerMonth < minimum.value) {
        out.push(
          v(
            'BELOW_MINIMUM_WAGE',
            'LCL 55',
            `clauses.${i}.fenPerMonth`,
            `企业最低工资${yuan(c.fenPerMonth)}元/月低于当地最低工资标准${yuan(minimum.value)}元/月（${minimum.source}；劳动合同法第五十五条）。`,
            `The enterprise minimum wage of ${yuan(c.fenPerMonth)} yuan per month is below the local minimum wage of ${yuan(minimum.value)} yuan (${minimum.source}; LCL 55).`,
          ),
        )
      }
    })
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Suspension
// ---------------------------------------------------------------------------------------------------------------

function suspensionViolations(context: TNegotiationContext, event: TEventOf<'negotiation.suspended'>): TViolation[] {
  const { suspension } = packOf(context)
  const out: TViolation[] = []
  const last = context.rounds.at(-1)
  if (!last) {
    out.push(
      v(
        'NO_ROUND_HELD',
        'JHR 35',
        undefined,
        '中止协商以已经进行协商为前提（集体合同规定第三十五条）。',
        'A negotiation can be suspended only after a round (JHR 35).',
      ),
    )
  } else {
    out.push(
      ...notBefore(event.suspendedOn, last.heldOn, 'SUSPENDED_BEFORE_LAST_ROUND', 'JHR 35', 'suspendedOn', {
        zh: '中止日期',
        en: 'The suspension date',
      }),
    )
  }
  if (suspension.forceMajeureOnly.value && !event.forceMajeure) {
    out.push(
      v(
        'SUSPENSION_REQUIRES_FORCE_MAJEURE',
        suspension.forceMajeureOnly.article,
        'forceMajeure',
        `依据 ${suspension.forceMajeureOnly.article}，只有出现不可抗力才可以中止协商。`,
        `Under ${suspension.forceMajeureOnly.article} negotiation may be suspended only for force majeure.`,
      ),
    )
  }
  if (suspension.consent.value !== 'bothSides' && !event.workerConsent) {
    out.push(
      v(
        'SUSPENSION_REQUIRES_WORKER_CONSENT',
        suspension.consent.article,
        'workerConsent',
        suspension.consent.value === 'workerChief'
          ? `依据 ${suspension.consent.article}，中止协商须经职工方首席代表同意。`
          : `依据 ${suspension.consent.article}，中止协商须经劳动者一方同意。`,
        suspension.consent.value === 'workerChief'
          ? `Under ${suspension.consent.article} a suspension needs the worker chief's consent.`
          : `Under ${suspension.consent.article} a suspension needs the worker side's consent.`,
      ),
    )
  }
  const openEnded = event.forceMajeure && suspension.forceMajeureOnly.value
  if (event.periodDays === undefined && !openEnded) {
    out.push(
      v(
        'SUSPENSION_PERIOD_MISSING',
        'JHR 35',
        'periodDays',
        '中止协商应商定中止期限（集体合同规定第三十五条）。',
        'A suspension needs an agreed period (JHR 35).',
      ),
    )
  }
  if (!event.nextMeeting && !openEnded) {
    out.push(
      v(
        'NEXT_MEETING_MISSING',
        'JHR 35',
        'nextMeeting',
        '中止协商应商定下次协商的时间、地点、内容（集体合同规定第三十五条）。',
        'A suspension must fix the next meeting: time, place and content (JHR 35).',
      ),
    )
  }
  const cap = suspension.maxDaysPerSuspension
  if (
    event.periodDays !== undefined &&
    cap.value !== null &&
    event.periodDays > cap.value &&
    !(suspension.longerByAgreement && event.longerPeriodAgreed === true)
  ) {
    out.push(
      v(
        'SUSPENSION_TOO_LONG',
        cap.article,
        'periodDays',
        `中止期限${event.periodDays}日，超过${cap.article}规定的${cap.value}日。`,
        `A suspension of ${event.periodDays} days exceeds the ${cap.value} days allowed by ${cap.article}.`,
      ),
    )
  }
  const cumulative = suspension.maxDaysCumulative
  if (cumulative.value !== null) {
    const used = suspendedDaysUsed(context.suspensions)
    const asked = event.periodDays ?? 0
    if (used + asked > cumulative.value) {
      out.push(
        v(
          'SUSPENSION_CUMULATIVE_TOO_LONG',
          cumulative.article,
          'periodDays',
          `中止期限累计不得超过${cumulative.value}日（${cumulative.article}）：已中止${used}日，本次${asked}日。`,
          `Suspensions may total at most ${cumulative.value} days (${cumulative.article}): ${used} used, ${asked} asked.`,
        ),
      )
    }
  }
  if (event.nextMeeting) {
    if (compareDates(event.nextMeeting.on, event.suspendedOn) <= 0) {
      out.push(
        v(
          'NEXT_MEETING_NOT_AFTER_SUSPENSION',
          'JHR 35',
          'nextMeeting.on',
          `下次协商日期（${event.nextMeeting.on}）应在中止日期（${event.suspendedOn}）之后。`,
          `The next meeting (${event.nextMeeting.on}) must be after the suspension date (${event.suspendedOn}).`,
        ),
      )
    } else if (event.periodDays !== undefined) {
      const end = addDays(event.suspendedOn, event.periodDays)
      if (compareDates(event.nextMeeting.on, end) > 0) {
        out.push(
          v(
            'NEXT_MEETING_AFTER_SUSPENSION_END',
            'JHR 35',
            'nextMeeting.on',
            `下次协商日期（${event.nextMeeting.on}）晚于中止期限届满日（${end}）。`,
            `The next meeting (${event.nextMeeting.on}) is after the end of the agreed suspension (${end}).`,
          ),
        )
      }
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Draft, congress, signature
// ---------------------------------------------------------------------------------------------------------------

function chiefSignatureViolations(
  context: TNegotiationContext,
  signedBy: { worker: string; employer: string },
  code: string,
  article: string,
  what: { zh: string; en: string },
): TViolation[] {
  const out: TViolation[] = []
  for (const side of ['worker', 'employer'] as const) {
    const chief = chiefOf(membersOf(context, side))
    if (!chief || chief.id !== signedBy[side]) {
      out.push(
        v(
          code,
          article,
          `signedBy.${side}`,
          `${what.zh}应由${side === 'worker' ? '职工方' : '企业方'}首席代表${chief ? chief.name : ''}签字（${article}）。`,
          `${what.en} must be signed by the ${side} chief${chief ? ` ${chief.name}` : ''} (${article}).`,
        ),
      )
    }
  }
  return out
}

function draftViolations(context: TNegotiationContext, event: TEventOf<'draft.agreed'>): TViolation[] {
  const pack = packOf(context)
  const out: TViolation[] = []
  const last = context.rounds.at(-1)
  if (!last) {
    out.push(
      v(
        'NO_ROUND_HELD',
        'JHR 34(4)',
        undefined,
        '草案应在协商会议上达成一致后形成（集体合同规定第三十四条第四项）。',
        'A draft is formed when the sides agree at a round (JHR 34(4)); no round was held.',
      ),
    )
  } else {
    if (last.outcome !== 'agreed') {
      out.push(
        v(
          'NO_AGREEMENT_AT_LAST_ROUND',
          'JHR 34(4)',
          undefined,
          `最近一次协商会议（第${last.number}次）未达成一致，不能形成草案。`,
          `The last round (round ${last.number}) did not reach agreement, so no draft can be formed (JHR 34(4)).`,
        ),
      )
    }
    const previous = context.drafts.at(-1)
    if (previous && last.number <= previous.basedOnRound) {
      out.push(
        v(
          'DRAFT_WITHOUT_NEW_ROUND',
          context.renegotiation ? 'JHR 46' : 'JHR 36',
          undefined,
          '上一草案未获通过或被提出异议后，须重新协商达成一致才能形成新草案。',
          'After a draft was rejected or objected to, a new round must reach agreement before a new draft.',
        ),
      )
    }
    out.push(
      ...notBefore(event.agreedOn, last.heldOn, 'DRAFT_BEFORE_ROUND', 'JHR 34(4)', 'agreedOn', {
        zh: '草案形成日期',
        en: 'The draft date',
      }),
    )
  }
  out.push(
    ...chiefSignatureViolations(context, event.signedBy, 'DRAFT_NOT_SIGNED_BY_CHIEFS', 'JHR 34(4)', {
      zh: '草案',
      en: 'The draft',
    }),
  )
  out.push(...draftClauseViolations(context, event))
  const term = pack.term[groupOf(context)]
  const { termMonths } = draftTerm(event)
  if (termMonths === undefined) {
    if (context.procedure === 'conclusion') {
      out.push(
        v(
          'TERM_MISSING',
          term.article,
          'termMonths',
          `合同应约定期限（${term.article}）。`,
          `The contract must state its term (${term.article}).`,
        ),
      )
    }
  } else if (termMonths < term.minMonths || termMonths > term.maxMonths) {
    out.push(
      v(
        'TERM_OUT_OF_RANGE',
        term.article,
        'termMonths',
        `合同期限${termMonths}个月，不在${term.article}规定的${term.minMonths}至${term.maxMonths}个月之间。`,
        `A term of ${termMonths} months is outside ${term.minMonths}-${term.maxMonths} months (${term.article}).`,
      ),
    )
  }
  return out
}

function congressViolations(context: TNegotiationContext, event: TEventOf<'congress.resultCertified'>): TViolation[] {
  const pack = packOf(context)
  const out: TViolation[] = []
  if (event.present > event.totalSeats) {
    out.push(
      v(
        'CONGRESS_COUNTS_INCONSISTENT',
        'JHR 36',
        'present',
        `出席人数${event.present}多于应到${event.totalSeats}人。`,
        `${event.present} present is more than the ${event.totalSeats} seats.`,
      ),
    )
  }
  if (event.yes + event.no + event.abstain > event.present) {
    out.push(
      v(
        'CONGRESS_COUNTS_INCONSISTENT',
        'JHR 36',
        'yes',
        `赞成、反对、弃权合计${event.yes + event.no + event.abstain}票，多于出席人数${event.present}。`,
        `Yes, no and abstain total ${event.yes + event.no + event.abstain}, more than the ${event.present} present.`,
      ),
    )
  }
  event.items?.forEach((item, i) => {
    if (item.yes + item.no + item.abstain > event.present) {
      out.push(
        v(
          'CONGRESS_COUNTS_INCONSISTENT',
          'JHR 36',
          `items.${i}.yes`,
          `分项表决“${item.title ?? item.itemId}”合计票数多于出席人数。`,
          `The votes on item "${item.title ?? item.itemId}" exceed the number present.`,
        ),
      )
    }
  })
  if (pack.congress.secretBallotRequired.value && event.ballot !== 'secret') {
    out.push(
      v(
        'CONGRESS_BALLOT_NOT_SECRET',
        pack.congress.secretBallotRequired.article,
        'ballot',
        `依据 ${pack.congress.secretBallotRequired.article}，表决应采用无记名投票。`,
        `Under ${pack.congress.secretBallotRequired.article} the vote must be by secret ballot.`,
      ),
    )
  }
  if (!context.draft) {
    out.push(v('NO_DRAFT', 'JHR 36', undefined, '没有待表决的草案。', 'There is no draft to vote on.'))
  } else {
    out.push(
      ...notBefore(event.heldOn, context.draft.agreedOn, 'VOTE_BEFORE_DRAFT', 'JHR 36', 'heldOn', {
        zh: '表决日期',
        en: 'The vote date',
      }),
    )
  }
  return out
}

function signingViolations(context: TNegotiationContext, event: TEventOf<'agreement.signed'>): TViolation[] {
  const out: TViolation[] = []
  const draft = context.draft
  if (!draft) {
    return [v('NO_DRAFT', 'JHR 34(4)', undefined, '没有可签署的草案。', 'There is no draft to sign.')]
  }
  if (draft.congressRequired && !draft.congressPassed) {
    out.push(
      v(
        'SIGNING_BEFORE_CONGRESS_PASSED',
        'JHR 37; GZ 20',
        undefined,
        '草案经职工代表大会或者全体职工讨论通过后，方可由双方首席代表签字（集体合同规定第三十七条）。',
        'The chiefs may sign only after the workers\' congress or all-staff assembly passed the draft (JHR 37; GZ 20).',
      ),
    )
  }
  const vote = context.congressVotes.filter((c) => c.draftVersion === draft.version && c.passed).at(-1)
  if (vote) {
    out.push(
      ...notBefore(event.signedOn, vote.heldOn, 'SIGNED_BEFORE_VOTE', 'JHR 37', 'signedOn', {
        zh: '签字日期',
        en: 'The signing date',
      }),
    )
  } else {
    out.push(
      ...notBefore(event.signedOn, draft.agreedOn, 'SIGNED_BEFORE_DRAFT', 'JHR 37', 'signedOn', {
        zh: '签字日期',
        en: 'The signing date',
      }),
    )
  }
  out.push(
    ...chiefSignatureViolations(context, event.signedBy, 'SIGNATORY_NOT_CHIEF', 'JHR 37; GZ 20', {
      zh: '合同',
      en: 'The contract',
    }),
  )
  if (context.kind === 'wageAgreement' && !event.sealed) {
    out.push(
      v(
        'AGREEMENT_NOT_SEALED',
        'GZ 20',
        'sealed',
        '工资协议经双方首席代表签字盖章后成立（工资集体协商试行办法第二十条）。',
        'A wage agreement is concluded when the chiefs sign and seal it (GZ 20).',
      ),
    )
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Filing and review
// ---------------------------------------------------------------------------------------------------------------

function filingViolations(context: TNegotiationContext, event: TEventOf<'agreement.filed'>): TViolation[] {
  const pack = packOf(context)
  const group = groupOf(context)
  const out: TViolation[] = []
  out.push(
    ...notBefore(event.filedOn, context.signature?.signedOn, 'FILED_BEFORE_SIGNING', 'JHR 42', 'filedOn', {
      zh: '报送日期',
      en: 'The filing date',
    }),
  )
  if (context.procedure === 'termination') return out
  if (event.copies < pack.filing.copies.value) {
    out.push(
      v(
        'FILING_COPIES_TOO_FEW',
        pack.filing.copies.article,
        'copies',
        `应报送合同文本一式${pack.filing.copies.value}份（${pack.filing.copies.article}），只有${event.copies}份。`,
        `${pack.filing.copies.value} copies must be filed (${pack.filing.copies.article}); ${event.copies} given.`,
      ),
    )
  }
  if (pack.filing.explanatoryNote[group] && !event.explanatoryNote) {
    out.push(
      v(
        'FILING_EXPLANATORY_NOTE_MISSING',
        pack.filing.explanatoryNote.article,
        'explanatoryNote',
        `报送时应附说明（${pack.filing.explanatoryNote.article}）。`,
        `The filing needs an explanatory note (${pack.filing.explanatoryNote.article}).`,
      ),
    )
  }
  return out
}

function opinionViolations(
  context: TNegotiationContext,
  event: { opinionDate: string; deliveredOn: string; sealed: boolean },
): TViolation[] {
  const out: TViolation[] = []
  if (!event.sealed) {
    out.push(
      v(
        'OPINION_NOT_SEALED',
        'JHR 45',
        'sealed',
        '审查意见书应加盖劳动保障行政部门印章（集体合同规定第四十五条）。',
        'The review opinion must bear the bureau\'s seal (JHR 45).',
      ),
    )
  }
  out.push(
    ...notBefore(event.opinionDate, context.review?.receivedOn, 'OPINION_BEFORE_RECEIPT', 'JHR 45', 'opinionDate', {
      zh: '审查意见日期',
      en: 'The opinion date',
    }),
  )
  out.push(
    ...notBefore(event.deliveredOn, event.opinionDate, 'DELIVERY_BEFORE_OPINION', 'JHR 45', 'deliveredOn', {
      zh: '送达日期',
      en: 'The delivery date',
    }),
  )
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------------------------

const rules: TRuleTable = {
  'request.received': (c, e) =>
    notBefore(e.receivedOn, c.request?.sentOn, 'RECEIPT_BEFORE_SENDING', 'JHR 32', 'receivedOn', {
      zh: '收到日期',
      en: 'The receipt date',
    }),
  'request.answered': (c, e) =>
    notBefore(e.answeredOn, c.request?.receivedOn, 'REPLY_BEFORE_RECEIPT', 'JHR 32', 'answeredOn', {
      zh: '答复日期',
      en: 'The reply date',
    }),
  'request.refused': (c, e) => [
    ...refusalViolations(c),
    ...notBefore(e.answeredOn, c.request?.receivedOn, 'REPLY_BEFORE_RECEIPT', 'JHR 32', 'answeredOn', {
      zh: '答复日期',
      en: 'The reply date',
    }),
  ],
  'team.appointed': teamAppointedViolations,
  'recorder.appointed': (c, e) =>
    validateRecorder(e.recorder, { worker: membersOf(c, 'worker'), employer: membersOf(c, 'employer') }),
  'member.vacated': (c, e) =>
    membersOf(c, e.side).some((m) => m.id === e.memberId)
      ? []
      : [
          v(
            'MEMBER_NOT_ON_TEAM',
            'JHR 30',
            'memberId',
            `${e.memberId}不是${e.side === 'worker' ? '职工方' : '企业方'}协商代表。`,
            `${e.memberId} is not a negotiator of the ${e.side} side.`,
          ),
        ],
  'vacancy.filled': (c, e) => {
    if (!c.vacancies.some((x) => x.side === e.side)) {
      return [
        v(
          'NO_VACANCY',
          'JHR 31',
          'side',
          `${e.side === 'worker' ? '职工方' : '企业方'}没有空缺的协商代表席位。`,
          `The ${e.side} side has no vacancy to fill.`,
        ),
      ]
    }
    const members = [...membersOf(c, e.side), e.member]
    const last = members.length - 1
    const other = c.teams[otherSide(e.side)]?.members
    // Sizes are compared once every vacancy of both sides is filled; here only this side's own rules and overlaps.
    const vacanciesLeft = c.vacancies.length - 1
    const violations = validateTeam(
      e.side,
      members,
      teamContext(c),
      other && vacanciesLeft === 0 ? { otherTeam: other } : {},
    ).filter((x) => !(vacanciesLeft > 0 && x.code === 'TEAM_TOO_SMALL'))
    const recorder = c.teams.recorder
    if (recorder && recorder.id === e.member.id) violations.push(...validateRecorder(recorder, { worker: [e.member] }, 'member.id'))
    return violations.map((x) =>
      x.field?.startsWith(`members.${last}.`) ? { ...x, field: `member.${x.field.slice(`members.${last}.`.length)}` } : x,
    )
  },
  'meeting.scheduled': (_c, e) =>
    notBefore(e.meetingOn, e.scheduledOn, 'MEETING_BEFORE_SCHEDULING', 'JHR 33(4)', 'meetingOn', {
      zh: '会议日期',
      en: 'The meeting date',
    }),
  'information.supplied': (c, e) =>
    c.preparation.informationRequests.some((r) => r.by !== e.by && !r.suppliedOn)
      ? []
      : [
          v(
            'NO_OPEN_INFORMATION_REQUEST',
            'GZ 18',
            'by',
            '对方没有尚未答复的资料要求。',
            'The other side has no open request for information.',
          ),
        ],
  'round.held': roundViolations,
  'negotiation.suspended': suspensionViolations,
  'negotiation.resumed': (c, e) =>
    notBefore(e.resumedOn, openSuspension(c)?.suspendedOn, 'RESUMED_BEFORE_SUSPENSION', 'JHR 35', 'resumedOn', {
      zh: '恢复协商日期',
      en: 'The resumption date',
    }),
  'coordination.accepted': (c, e) =>
    notBefore(e.acceptedOn, c.coordination?.requestedOn, 'ACCEPTED_BEFORE_APPLICATION', 'JHR 51', 'acceptedOn', {
      zh: '受理日期',
      en: 'The acceptance date',
    }),
  'coordination.extended': (c, e) => {
    const pack = packOf(c)
    const out: TViolation[] = []
    if (c.coordination?.extension) {
      out.push(
        v(
          'COORDINATION_ALREADY_EXTENDED',
          pack.coordination.extension.article,
          undefined,
          `协调处理期限只能延长一次（${pack.coordination.extension.article}）。`,
          `The coordination period can be extended once (${pack.coordination.extension.article}).`,
        ),
      )
    }
    if (e.days > pack.coordination.extension.length) {
      out.push(
        v(
          'COORDINATION_EXTENSION_TOO_LONG',
          pack.coordination.extension.article,
          'days',
          `延长期限最长不得超过${pack.coordination.extension.length}日（${pack.coordination.extension.article}）。`,
          `The extension may not exceed ${pack.coordination.extension.length} days (${pack.coordination.extension.article}).`,
        ),
      )
    }
    return out
  },
  'coordination.agreed': (c, e) => [
    ...chiefSignatureViolations(c, e.signedBy, 'COORDINATION_AGREEMENT_NOT_SIGNED', 'JHR 54', {
      zh: '《协调处理协议书》',
      en: 'The coordination agreement',
    }),
    ...(e.sealed
      ? []
      : [
          v(
            'COORDINATION_AGREEMENT_NOT_SEALED',
            'JHR 54',
            'sealed',
            '《协调处理协议书》经协调处理人员和争议双方首席代表签字盖章后生效（集体合同规定第五十四条）。',
            'The coordination agreement takes effect when signed and sealed (JHR 54).',
          ),
        ]),
  ],
  'draft.agreed': draftViolations,
  'congress.resultCertified': congressViolations,
  'agreement.signed': signingViolations,
  'agreement.filed': filingViolations,
  'filing.registered': (c, e) =>
    notBefore(e.receivedOn, c.filing?.filedOn, 'RECEIPT_BEFORE_FILING', 'JHR 42', 'receivedOn', {
      zh: '收到日期',
      en: 'The receipt date',
    }),
  'correction.requested': (c) => {
    const { correction } = packOf(c)
    return correction.allowed
      ? []
      : [
          v(
            'CORRECTION_NOT_AVAILABLE',
            correction.article,
            undefined,
            `本地区规则未规定补正程序（${correction.article}）。`,
            `The jurisdiction's rules provide no correction request (${correction.article}).`,
          ),
        ]
  },
  'correction.supplied': (c, e) =>
    notBefore(e.suppliedOn, c.filing?.corrections.at(-1)?.requestedOn, 'SUPPLIED_BEFORE_REQUEST', 'JHR 42', 'suppliedOn', {
      zh: '补正日期',
      en: 'The date supplied',
    }),
  'review.objected': (c, e) => [
    ...opinionViolations(c, e),
    ...(c.review?.approval
      ? [
          v(
            'REVIEW_ALREADY_APPROVED',
            'JHR 45; GZ 22',
            undefined,
            '已送达无异议的审查意见书，不能再提出异议。',
            'A no-objection opinion was already delivered for this filing.',
          ),
        ]
      : []),
  ],
  'review.approved': (c, e) => opinionViolations(c, e),
  'agreement.published': (c, e) =>
    notBefore(e.publishedOn, c.agreement?.effectiveOn, 'PUBLISHED_BEFORE_EFFECTIVE', 'JHR 48', 'publishedOn', {
      zh: '公布日期',
      en: 'The publication date',
    }),
  'renewal.requested': (c, e) => {
    const pack = packOf(c)
    const window = pack.renewalWindow[groupOf(c)]
    const out: TViolation[] = []
    if (!c.agreement?.renewalWindowOpen) {
      out.push(
        v(
          'RENEWAL_WINDOW_NOT_OPEN',
          window.article,
          undefined,
          `续订要求应在合同期满前${window.length}${window.unit === 'months' ? '个月' : window.unit === 'workingDays' ? '个工作日' : '日'}内提出（${window.article}）。`,
          `A renewal request may be made only within ${window.length} ${window.unit === 'months' ? 'months' : window.unit === 'workingDays' ? 'working days' : 'days'} before expiry (${window.article}).`,
        ),
      )
    }
    if (c.agreement && compareDates(e.sentOn, c.agreement.expiresOn) > 0) {
      out.push(
        v(
          'RENEWAL_AFTER_EXPIRY',
          window.article,
          'sentOn',
          `合同已于${c.agreement.expiresOn}期满。`,
          `The contract expired on ${c.agreement.expiresOn}.`,
        ),
      )
    }
    return out
  },
  'agreement.ended': (c, e) =>
    notBefore(e.endedOn, c.agreement?.effectiveOn, 'ENDED_BEFORE_EFFECTIVE', 'JHR 38', 'endedOn', {
      zh: '终止日期',
      en: 'The end date',
    }),
}

/**
 * Every statutory rule `event` breaks in `context`, with code, article, payload field and a zh+en message.
 * An empty list means no rule blocks it (whether the current state accepts the event is the machine's business).
 */
export function explainRefusal(context: TNegotiationContext, event: TNegotiationEvent): TViolation[] {
  const rule = rules[event.type] as TRuleFn<typeof event.type> | undefined
  return rule ? rule(context, event as never) : []
}
