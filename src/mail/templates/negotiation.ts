/** Templates of the negotiation itself: request and reply, teams, rounds, suspension, coordination. */
import { buildIcs, parseLocalTime } from './ics.js'
import { date, otherSide, sideName } from './format.js'
import { render } from './layout.js'
import { dateFact, deadlineFact, deadlineOf, leadText, str, textFact } from './helpers.js'
import type { TMailFacts, TMailContent } from './types.js'

export function requestSent(f: TMailFacts): TMailContent {
  const r = f.case.request ?? {}
  const by = sideName(r.by)
  return render(f, {
    subject: { zh: '协商要约已发出', en: 'Negotiation request sent' },
    paragraphs: [
      {
        zh: `${by.zh}已于${date(r.sentOn).zh}以书面形式提出工资集体协商要约。对方应自收到要约之日起二十日内书面答复。`,
        en: `${cap(by.en)} sent a written request for collective negotiation on ${date(r.sentOn).en}. The other side must answer in writing within 20 days of receiving it.`,
      },
    ],
    facts: [
      textFact('建议协商时间', 'Proposed time', r.proposedTime),
      textFact('建议协商地点', 'Proposed place', r.proposedPlace),
      textFact('协商内容', 'Content', r.content),
    ],
  })
}

export function requestReceived(f: TMailFacts): TMailContent {
  const r = f.case.request ?? {}
  const replying = sideName(otherSide(r.by))
  const d = deadlineOf(f, 'requestReply')
  return render(f, {
    subject: { zh: '收到协商要约，请按期书面答复', en: 'Negotiation request received: a written reply is due' },
    paragraphs: [
      {
        zh: `协商要约已于${date(r.receivedOn).zh}送达。${replying.zh}应在${date(d?.lastDay).zh}前书面答复；无正当理由不得拒绝协商。`,
        en: `The negotiation request was received on ${date(r.receivedOn).en}. ${cap(replying.en)} must answer in writing by ${date(d?.lastDay).en}; it may not refuse without a valid reason.`,
      },
    ],
    facts: [deadlineFact(d), textFact('协商内容', 'Content', r.content), textFact('建议协商时间', 'Proposed time', r.proposedTime)],
  })
}

export function replyDueSoon(f: TMailFacts): TMailContent {
  const d = deadlineOf(f, 'requestReply')
  const lead = leadText(d)
  return render(f, {
    subject: { zh: `协商要约答复期限将至${lead ? `（${lead.zh}）` : ''}`, en: `Reply to the negotiation request due soon${lead ? ` (${lead.en})` : ''}` },
    paragraphs: [
      {
        zh: `协商要约的书面答复期限为${date(d?.lastDay).zh}。请在期限届满前作出书面答复。`,
        en: `The written reply to the negotiation request is due on ${date(d?.lastDay).en}. Please answer in writing before the deadline.`,
      },
    ],
    facts: [deadlineFact(d)],
  })
}

export function replyOverdue(f: TMailFacts): TMailContent {
  const r = f.case.request ?? {}
  return render(f, {
    subject: { zh: '协商要约答复已逾期', en: 'Reply to the negotiation request is overdue' },
    paragraphs: [
      {
        zh: `${sideName(otherSide(r.by)).zh}未在法定期限内书面答复协商要约。要约方可以提请劳动保障行政部门处理（《集体合同规定》第五十六条）。`,
        en: `${cap(sideName(otherSide(r.by)).en)} did not answer the negotiation request in writing within the statutory period. The requesting side may ask the labour bureau to intervene (Collective Contract Provisions, art. 56).`,
      },
    ],
    facts: [dateFact('要约送达日期', 'Request received on', r.receivedOn), deadlineFact(f.deadline)],
  })
}

export function requestAnswered(f: TMailFacts): TMailContent {
  const reply = f.case.reply ?? {}
  const refused = f.effect === 'notify.requestRefused' || reply.accepted === false
  return render(f, {
    subject: refused ? { zh: '协商要约被拒绝', en: 'Negotiation request refused' } : { zh: '协商要约已获书面答复', en: 'Negotiation request answered' },
    paragraphs: [
      refused
        ? {
            zh: `对方已于${date(reply.answeredOn).zh}书面答复，拒绝进行协商。要约方可以提请劳动保障行政部门处理。`,
            en: `The other side answered in writing on ${date(reply.answeredOn).en} and refused to negotiate. The requesting side may ask the labour bureau to intervene.`,
          }
        : {
            zh: `对方已于${date(reply.answeredOn).zh}书面答复，同意进行协商。请双方确定协商代表并做好协商准备。`,
            en: `The other side answered in writing on ${date(reply.answeredOn).en} and agreed to negotiate. Both sides now appoint their negotiators and prepare.`,
          },
    ],
    facts: [textFact('答复内容', 'Reply', reply.text)],
  })
}

export function teamAppointed(f: TMailFacts): TMailContent {
  const side = str(f.data.side) as 'worker' | 'employer' | undefined
  const variants: Record<string, { zh: string; en: string }> = {
    'notify.teamAppointed': { zh: '协商代表已确定', en: 'Negotiators appointed' },
    'notify.recorderAppointed': { zh: '记录员已确定', en: 'Recorder appointed' },
    'notify.vacancyOpened': { zh: '协商代表出缺，应按期补足', en: 'A negotiator left: the vacancy must be filled' },
    'notify.vacancyFilled': { zh: '协商代表已补足', en: 'Negotiator vacancy filled' },
    'notify.vacancyOverdue': { zh: '协商代表补缺已逾期', en: 'Negotiator vacancy not filled in time' },
  }
  const subject = variants[f.effect] ?? variants['notify.teamAppointed']!
  return render(f, {
    subject,
    paragraphs: [
      {
        zh: `${side ? sideName(side).zh : '本案'}${subject.zh}。协商代表名单见系统案件记录${f.attachmentNames.length ? '及附件' : ''}。`,
        en: `${subject.en}${side ? ` (${sideName(side).en})` : ''}. The list of negotiators is in the case record${f.attachmentNames.length ? ' and attached' : ''}.`,
      },
    ],
    facts: [deadlineFact(deadlineOf(f, 'vacancyFill'))],
  })
}

export function roundScheduled(f: TMailFacts): TMailContent {
  const m = f.case.meeting ?? {}
  const time = parseLocalTime(m.time)
  const round = f.case.round?.number !== undefined ? f.case.round.number + 1 : undefined
  const summary = `工资集体协商会议 / Negotiation meeting — ${f.enterprise.name}`
  const attachments =
    m.meetingOn !== undefined
      ? [
          {
            filename: 'meeting.ics',
            mediaType: 'text/calendar; charset=utf-8; method=PUBLISH',
            content: buildIcs({
              uid: `${f.caseId ?? 'case'}-meeting-${m.meetingOn}@${f.domain}`,
              stamp: f.recordedAt,
              date: m.meetingOn,
              ...(time ? { time } : {}),
              ...(m.durationMinutes ? { durationMinutes: m.durationMinutes } : {}),
              summary,
              ...(m.place ? { location: m.place } : {}),
              description: `${f.enterprise.name}：工资集体协商会议。\nCollective negotiation meeting.\n${f.caseUrl}`,
              url: f.caseUrl,
            }),
          },
        ]
      : []
  return render(f, {
    subject: { zh: `协商会议已安排：${date(m.meetingOn).zh}`, en: `Negotiation meeting scheduled: ${date(m.meetingOn).en}` },
    paragraphs: [
      {
        zh: `${round ? `第${round}次` : ''}协商会议定于${date(m.meetingOn).zh}${m.time ? m.time : ''}在${m.place ?? '（地点待定）'}举行。会议邀请见附件日历文件。`,
        en: `The ${round ? `${ordinal(round)} ` : ''}negotiation meeting is scheduled for ${date(m.meetingOn).en}${time ? ` at ${time}` : ''}, ${m.place ? `at ${m.place}` : 'place to be confirmed'}. The calendar invitation is attached.`,
      },
    ],
    facts: [
      dateFact('会议日期', 'Date', m.meetingOn),
      textFact('时间', 'Time', m.time),
      textFact('地点', 'Place', m.place),
      deadlineFact(deadlineOf(f, 'informationSupply')),
    ],
    attachments,
  })
}

export function minutesIssued(f: TMailFacts): TMailContent {
  const r = f.case.round ?? {}
  const n = r.number
  return render(f, {
    subject: { zh: `协商会议纪要${n ? `（第${n}次）` : ''}`, en: `Minutes of the negotiation meeting${n ? ` (round ${n})` : ''}` },
    paragraphs: [
      {
        zh: `${date(r.heldOn).zh}${n ? `第${n}次` : ''}协商会议的会议纪要${f.attachmentNames.length ? '见附件' : '已记录在案'}。会议纪要经双方首席代表和记录员签字确认。`,
        en: `The minutes of the ${n ? `round ${n} ` : ''}negotiation meeting of ${date(r.heldOn).en} are ${f.attachmentNames.length ? 'attached' : 'in the case record'}. They are signed by both chief negotiators and the recorder.`,
      },
    ],
    facts: [
      textFact('地点', 'Place', r.place),
      r.outcome ? { label: { zh: '本次结果', en: 'Outcome' }, value: outcomeText(r.outcome) } : undefined,
    ],
    ...(r.openItems?.length ? { list: { title: { zh: '未达成一致的事项', en: 'Items still open' }, items: r.openItems } } : {}),
  })
}

export function suspension(f: TMailFacts): TMailContent {
  const s = f.case.suspension ?? {}
  const resumed = f.effect !== 'notify.negotiationSuspended'
  if (!resumed) {
    return render(f, {
      subject: { zh: '协商中止', en: 'Negotiation suspended' },
      paragraphs: [
        {
          zh: `双方于${date(s.suspendedOn).zh}中止协商${s.periodDays ? `，中止期限${s.periodDays}日` : ''}。${s.nextMeetingOn ? `下次协商时间：${date(s.nextMeetingOn).zh}。` : ''}`,
          en: `The negotiation was suspended on ${date(s.suspendedOn).en}${s.periodDays ? ` for ${s.periodDays} days` : ''}.${s.nextMeetingOn ? ` Next meeting: ${date(s.nextMeetingOn).en}.` : ''}`,
        },
      ],
      facts: [textFact('中止原因', 'Reason', s.reason), textFact('下次协商地点', 'Next meeting place', s.nextMeetingPlace), deadlineFact(deadlineOf(f, 'suspensionEnd'))],
    })
  }
  const elapsed = f.effect === 'notify.suspensionEnded'
  return render(f, {
    subject: elapsed ? { zh: '中止期限届满，恢复协商', en: 'Suspension period over: negotiation resumes' } : { zh: '恢复协商', en: 'Negotiation resumed' },
    paragraphs: [
      {
        zh: `${elapsed ? '中止期限已届满。' : ''}协商于${date(s.endedOn).zh}恢复。${s.nextMeetingOn ? `协商会议定于${date(s.nextMeetingOn).zh}举行。` : ''}`,
        en: `${elapsed ? 'The suspension period has ended. ' : ''}The negotiation resumed on ${date(s.endedOn).en}.${s.nextMeetingOn ? ` The meeting is on ${date(s.nextMeetingOn).en}.` : ''}`,
      },
    ],
  })
}

export function coordination(f: TMailFacts): TMailContent {
  const c = f.case.coordination ?? {}
  const variants: Record<string, { subject: { zh: string; en: string }; zh: string; en: string }> = {
    'notify.coordinationRequested': {
      subject: { zh: '已申请协调处理', en: 'Coordination requested' },
      zh: `已于${date(c.requestedOn).zh}向劳动保障行政部门申请协调处理协商争议。`,
      en: `Coordination of the negotiation dispute was requested from the labour bureau on ${date(c.requestedOn).en}.`,
    },
    'notify.coordinationAccepted': {
      subject: { zh: '协调处理已受理', en: 'Coordination accepted' },
      zh: `劳动保障行政部门已于${date(c.acceptedOn).zh}受理协调处理，应自受理之日起三十日内结束，需延期的延期不超过十五日。`,
      en: `The labour bureau accepted the coordination on ${date(c.acceptedOn).en}. It ends within 30 days of acceptance, extendable by at most 15 days.`,
    },
    'notify.coordinationExtended': {
      subject: { zh: '协调处理期限延长', en: 'Coordination period extended' },
      zh: `协调处理期限延长${c.extensionDays ?? ''}日。`,
      en: `The coordination period was extended${c.extensionDays ? ` by ${c.extensionDays} days` : ''}.`,
    },
    'notify.coordinationConcluded': {
      subject: { zh: '协调处理结束', en: 'Coordination concluded' },
      zh: `协调处理已结束${c.outcome === 'agreed' ? '，双方签订了协调处理协议书' : ''}。`,
      en: `The coordination has ended${c.outcome === 'agreed' ? ' with a coordination agreement signed by both sides' : ''}.`,
    },
    'notify.coordinationOverdue': {
      subject: { zh: '协调处理已超过法定期限', en: 'Coordination exceeded its statutory period' },
      zh: '协调处理未在法定期限内结束。',
      en: 'The coordination did not end within the statutory period.',
    },
    'notify.coordinationAcceptanceOverdue': {
      subject: { zh: '协调处理申请未按期受理', en: 'Coordination application not acted on in time' },
      zh: '劳动保障行政部门未在规定期限内对协调处理申请作出受理决定。',
      en: 'The labour bureau did not act on the coordination application within the set period.',
    },
    'notify.coordinationApplicationLapsed': {
      subject: { zh: '申请协调处理的期限已过', en: 'Period to apply for coordination lapsed' },
      zh: '申请协调处理的期限已届满。',
      en: 'The period to apply for coordination has lapsed.',
    },
    'notify.negotiationLimitExceeded': {
      subject: { zh: '协商已超过规定期限', en: 'Negotiation exceeded its time limit' },
      zh: '协商未在规定期限内达成一致，当事方可以申请协调处理。',
      en: 'No agreement was reached within the time limit; a party may apply for coordination.',
    },
  }
  const v = variants[f.effect] ?? variants['notify.coordinationRequested']!
  return render(f, {
    subject: v.subject,
    paragraphs: [{ zh: v.zh, en: v.en }],
    facts: [textFact('争议原因', 'Reason', c.reason), deadlineFact(deadlineOf(f, 'coordination'))],
    ...(c.disputedItems?.length ? { list: { title: { zh: '争议事项', en: 'Disputed items' }, items: c.disputedItems } } : {}),
  })
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`
const OUTCOMES: Record<string, { zh: string; en: string }> = {
  continued: { zh: '继续协商', en: 'continued' },
  agreed: { zh: '达成一致', en: 'agreed' },
  suspended: { zh: '中止协商', en: 'suspended' },
  deadlocked: { zh: '未能达成一致', en: 'deadlocked' },
}
const outcomeText = (o: string) => OUTCOMES[o] ?? { zh: o, en: o }
