/** Templates of the workers' congress: convened (personal voting link), vote reminder, result, signing due. */
import { date } from './format.js'
import { render } from './layout.js'
import { dateFact, str, textFact } from './helpers.js'
import type { TMailContent, TMailFacts } from './types.js'

export function congressConvened(f: TMailFacts): TMailContent {
  const on = str(f.data.heldOn) ?? str(f.data.meetingOn) ?? f.case.vote?.heldOn
  const place = str(f.data.place)
  const opensAt = str(f.data.opensAt)
  const closesAt = str(f.data.closesAt)
  const link = f.recipient.link ?? str(f.data.votingUrl)
  const code = f.recipient.code
  const title = str(f.data.sessionName) ?? f.case.draft?.title
  return render(f, {
    subject: { zh: '职工代表大会审议协商草案，请参加表决', en: "Workers' congress convened: please vote on the draft" },
    paragraphs: [
      {
        zh: `${title ?? '协商草案'}将提交职工代表大会（或职工大会）审议${on ? `，会议定于${date(on).zh}举行` : ''}。表决采用无记名投票方式。${link ? '请使用下方的个人表决凭证参加表决；凭证仅供您本人使用一次，请勿转发。' : '表决凭证将另行发放。'}`,
        en: `${title ?? 'The draft'} goes to the workers' congress (or all-staff assembly)${on ? ` on ${date(on).en}` : ''}. The vote is by secret ballot.${link ? ' Use your personal credential below; it is for you alone and works once: do not forward it.' : ' Voting credentials will be issued separately.'}`,
      },
    ],
    facts: [
      dateFact('会议日期', 'Date', on),
      textFact('地点', 'Place', place),
      textFact('表决开始', 'Voting opens', opensAt && `${date(opensAt).zh} ${timeOf(opensAt)}`),
      textFact('表决截止', 'Voting closes', closesAt && `${date(closesAt).zh} ${timeOf(closesAt)}`),
      textFact('表决凭证码（纸面输入用）', 'Credential code (to type in)', code),
      dateFact('草案形成日期', 'Draft agreed on', f.case.draft?.agreedOn),
    ],
    ...(link ? { action: { label: { zh: '个人表决凭证（参加表决）', en: 'Your voting credential (vote)' }, url: link } } : {}),
  })
}

/** "14:30" in China for an ISO instant. */
function timeOf(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  return new Date(t + 8 * 3_600_000).toISOString().slice(11, 16)
}

export function voteReminder(f: TMailFacts): TMailContent {
  const closesAt = str(f.data.closesAt) ?? str(f.data.closesOn)
  const link = f.recipient.link ?? str(f.data.votingUrl)
  return render(f, {
    subject: { zh: '表决提醒：您尚未投票', en: 'Reminder: you have not voted yet' },
    paragraphs: [
      {
        zh: `职工代表大会对协商草案的表决${closesAt ? `将于${date(closesAt).zh}截止` : '即将截止'}，系统显示您尚未投票。`,
        en: `The congress vote on the draft ${closesAt ? `closes on ${date(closesAt).en}` : 'closes soon'}, and you have not voted yet.`,
      },
    ],
    ...(link ? { action: { label: { zh: '个人表决凭证（参加表决）', en: 'Your voting credential (vote)' }, url: link } } : {}),
  })
}

export function congressResult(f: TMailFacts): TMailContent {
  const v = f.case.vote ?? {}
  const passed = f.effect === 'notify.congressPassed' || (f.effect !== 'notify.congressFailed' && v.passed === true)
  const counts =
    v.yes !== undefined
      ? {
          zh: `应到${v.totalSeats ?? '—'}人，实到${v.present ?? '—'}人；同意${v.yes}票，反对${v.no ?? 0}票，弃权${v.abstain ?? 0}票。`,
          en: `Seats ${v.totalSeats ?? '—'}, present ${v.present ?? '—'}; yes ${v.yes}, no ${v.no ?? 0}, abstentions ${v.abstain ?? 0}.`,
        }
      : undefined
  return render(f, {
    subject: passed ? { zh: '职工代表大会表决通过', en: "The workers' congress passed the draft" } : { zh: '职工代表大会表决未通过', en: "The workers' congress did not pass the draft" },
    paragraphs: [
      passed
        ? {
            zh: `草案已于${date(v.heldOn).zh}经职工代表大会（职工大会）表决通过。请双方首席代表尽快在协议文本上签字，由企业方在规定期限内报送劳动保障行政部门审查。`,
            en: `The draft was passed by the workers' congress (assembly) on ${date(v.heldOn).en}. The chief negotiators now sign the text, and the employer files it with the labour bureau within the statutory period.`,
          }
        : {
            zh: `草案于${date(v.heldOn).zh}未获职工代表大会（职工大会）通过。双方应重新协商。`,
            en: `The draft was not passed by the workers' congress (assembly) on ${date(v.heldOn).en}. The sides negotiate again.`,
          },
      ...(counts ? [counts] : []),
    ],
  })
}

export function signingDue(f: TMailFacts): TMailContent {
  const by = str(f.data.signBy) ?? str(f.data.lastDay)
  return render(f, {
    subject: { zh: '请签署协议文本', en: 'The agreement is ready for signature' },
    paragraphs: [
      {
        zh: `草案已经职工代表大会通过，请双方首席代表${by ? `在${date(by).zh}前` : '尽快'}签字盖章。签字后由企业方报送劳动保障行政部门。`,
        en: `The congress passed the draft. The chief negotiators are asked to sign and seal it${by ? ` by ${date(by).en}` : ' soon'}; the employer then files it with the labour bureau.`,
      },
    ],
  })
}
