/** The fallback templates: a case update named by its effect, and a reminder before any statutory deadline. */
import { date } from './format.js'
import { render } from './layout.js'
import { deadlineFact, leadText } from './helpers.js'
import type { TBilingual, TMailContent, TMailFacts } from './types.js'

/** What each notify.* effect means, for the generic template and for lists. */
export const EFFECT_LABELS: Record<string, TBilingual> = {
  'notify.requestSent': { zh: '协商要约已发出', en: 'Negotiation request sent' },
  'notify.requestReceived': { zh: '协商要约已送达', en: 'Negotiation request received' },
  'notify.requestAnswered': { zh: '协商要约已获答复', en: 'Negotiation request answered' },
  'notify.requestRefused': { zh: '协商要约被拒绝', en: 'Negotiation request refused' },
  'notify.replyOverdue': { zh: '要约答复逾期', en: 'Reply overdue' },
  'notify.interventionRequested': { zh: '已提请劳动保障行政部门处理', en: 'Labour bureau asked to intervene' },
  'notify.caseClosed': { zh: '案件已结束', en: 'Case closed' },
  'notify.teamAppointed': { zh: '协商代表已确定', en: 'Negotiators appointed' },
  'notify.recorderAppointed': { zh: '记录员已确定', en: 'Recorder appointed' },
  'notify.vacancyOpened': { zh: '协商代表出缺', en: 'Negotiator vacancy' },
  'notify.vacancyFilled': { zh: '协商代表已补足', en: 'Vacancy filled' },
  'notify.vacancyOverdue': { zh: '协商代表补缺逾期', en: 'Vacancy not filled in time' },
  'notify.meetingScheduled': { zh: '协商会议已安排', en: 'Meeting scheduled' },
  'notify.informationRequested': { zh: '一方要求提供协商所需资料', en: 'Information requested for the negotiation' },
  'notify.informationSupplied': { zh: '协商所需资料已提供', en: 'Information supplied' },
  'notify.informationOverdue': { zh: '协商所需资料未按期提供', en: 'Information not supplied in time' },
  'notify.roundHeld': { zh: '协商会议已举行', en: 'Negotiation meeting held' },
  'notify.negotiationSuspended': { zh: '协商中止', en: 'Negotiation suspended' },
  'notify.negotiationResumed': { zh: '恢复协商', en: 'Negotiation resumed' },
  'notify.suspensionEnded': { zh: '中止期限届满', en: 'Suspension period over' },
  'notify.negotiationLimitExceeded': { zh: '协商超过规定期限', en: 'Negotiation time limit exceeded' },
  'notify.coordinationRequested': { zh: '已申请协调处理', en: 'Coordination requested' },
  'notify.coordinationAcceptanceOverdue': { zh: '协调处理申请未按期受理', en: 'Coordination not accepted in time' },
  'notify.coordinationAccepted': { zh: '协调处理已受理', en: 'Coordination accepted' },
  'notify.coordinationExtended': { zh: '协调处理期限延长', en: 'Coordination extended' },
  'notify.coordinationOverdue': { zh: '协调处理超过期限', en: 'Coordination overdue' },
  'notify.coordinationConcluded': { zh: '协调处理结束', en: 'Coordination concluded' },
  'notify.coordinationApplicationLapsed': { zh: '申请协调处理期限已过', en: 'Coordination application period lapsed' },
  'notify.draftAgreed': { zh: '协商草案已形成', en: 'Draft agreed' },
  'notify.congressSubmissionOverdue': { zh: '草案未按期提交职工代表大会', en: 'Draft not submitted to the congress in time' },
  'notify.congressConvened': { zh: '职工代表大会召开', en: "Workers' congress convened" },
  'notify.voteCredential': { zh: '个人表决凭证', en: 'Voting credential' },
  'notify.voteReminder': { zh: '表决提醒', en: 'Vote reminder' },
  'notify.congressPassed': { zh: '职工代表大会表决通过', en: 'Congress passed the draft' },
  'notify.congressFailed': { zh: '职工代表大会表决未通过', en: 'Congress did not pass the draft' },
  'notify.signingDue': { zh: '请签署协议', en: 'Signature due' },
  'notify.agreementSigned': { zh: '协议已签署', en: 'Agreement signed' },
  'notify.filingOverdue': { zh: '报送审查逾期', en: 'Filing overdue' },
  'notify.agreementFiled': { zh: '协议已报送', en: 'Agreement filed' },
  'notify.filingRegistered': { zh: '报送材料已登记', en: 'Filing registered' },
  'notify.correctionRequested': { zh: '报送材料需补正', en: 'Corrections requested' },
  'notify.correctionSupplied': { zh: '报送材料已补正', en: 'Corrections supplied' },
  'notify.reviewObjected': { zh: '审查提出异议', en: 'Review: objection' },
  'notify.reviewApproved': { zh: '审查无异议', en: 'Review: no objection' },
  'notify.agreementEffective': { zh: '协议生效', en: 'Agreement in force' },
  'notify.publicationOverdue': { zh: '协议公布逾期', en: 'Publication overdue' },
  'notify.agreementPublished': { zh: '协议已公布', en: 'Agreement published' },
  'notify.renewalWindowOpened': { zh: '可以提出续订', en: 'Renewal window open' },
  'notify.renewalRequested': { zh: '已提出续订要求', en: 'Renewal requested' },
  'notify.agreementExpired': { zh: '协议期满', en: 'Agreement expired' },
  'notify.amendmentRequested': { zh: '已提出变更要求', en: 'Amendment requested' },
  'notify.terminationRequested': { zh: '已提出解除要求', en: 'Rescission requested' },
  'notify.agreementTerminated': { zh: '协议已解除或终止', en: 'Agreement ended' },
  'notify.deadlineReminder': { zh: '期限提醒', en: 'Deadline reminder' },
}

/** "notify.somethingHappened" → "something happened" for an effect nobody has labelled yet. */
function fallbackLabel(effect: string): TBilingual {
  const words = effect.replace(/^notify\./, '').replace(/([A-Z])/g, ' $1').toLowerCase().trim()
  return { zh: '案件进展', en: words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Case update' }
}

export const effectLabel = (effect: string): TBilingual => EFFECT_LABELS[effect] ?? fallbackLabel(effect)

export function caseUpdate(f: TMailFacts): TMailContent {
  const label = effectLabel(f.effect)
  const next = f.deadlines[0]
  return render(f, {
    subject: label,
    paragraphs: [
      {
        zh: `案件有新的进展：${label.zh}。详情请登录系统查看。`,
        en: `There is news in the case: ${label.en}. See the case record in the system for details.`,
      },
    ],
    facts: [deadlineFact(next)],
  })
}

export function deadlineReminder(f: TMailFacts): TMailContent {
  const d = f.deadline
  const lead = leadText(d)
  return render(f, {
    subject: { zh: `期限提醒：${d?.label.zh ?? '法定期限'}${lead ? `（${lead.zh}）` : ''}`, en: `Deadline reminder: ${d?.label.en ?? 'statutory deadline'}${lead ? ` (${lead.en})` : ''}` },
    paragraphs: [
      {
        zh: `“${d?.label.zh ?? '法定期限'}”将于${date(d?.lastDay).zh}届满。请在期限届满前办理。`,
        en: `The deadline "${d?.label.en ?? 'statutory deadline'}" falls on ${date(d?.lastDay).en}. Please act before then.`,
      },
    ],
    facts: [deadlineFact(d)],
  })
}
