/** Templates after signature: filing, the bureau's receipt and review, entry into force, publication, renewal. */
import { date } from './format.js'
import { render } from './layout.js'
import { dateFact, deadlineFact, deadlineOf, leadText, textFact } from './helpers.js'
import type { TMailContent, TMailFacts } from './types.js'

export function filingDue(f: TMailFacts): TMailContent {
  const d = deadlineOf(f, 'filing')
  const lead = leadText(f.deadline)
  const justSigned = f.effect === 'notify.agreementSigned'
  return render(f, {
    subject: justSigned
      ? { zh: '协议已签署，请按期报送审查', en: 'Agreement signed: file it with the labour bureau' }
      : { zh: `报送审查期限将至${lead ? `（${lead.zh}）` : ''}`, en: `Filing due soon${lead ? ` (${lead.en})` : ''}` },
    paragraphs: [
      {
        zh: `${justSigned ? `协议已于${date(f.case.signature?.signedOn).zh}签署。` : ''}企业方应在${date(d?.lastDay).zh}前将协议文本及说明材料报送劳动保障行政部门审查。`,
        en: `${justSigned ? `The agreement was signed on ${date(f.case.signature?.signedOn).en}. ` : ''}The employer must file the text and the explanatory materials with the labour bureau by ${date(d?.lastDay).en}.`,
      },
    ],
    facts: [deadlineFact(d)],
  })
}

export function filingOverdue(f: TMailFacts): TMailContent {
  return render(f, {
    subject: { zh: '报送审查已逾期', en: 'Filing is overdue' },
    paragraphs: [
      {
        zh: '协议未在法定期限内报送劳动保障行政部门审查。请企业方立即报送；逾期报送将记录在案。',
        en: 'The agreement was not filed with the labour bureau within the statutory period. The employer should file it now; the late filing is recorded.',
      },
    ],
    facts: [dateFact('签字日期', 'Signed on', f.case.signature?.signedOn), deadlineFact(f.deadline)],
  })
}

export function filingReceived(f: TMailFacts): TMailContent {
  const fl = f.case.filing ?? {}
  const registered = f.effect === 'notify.filingRegistered'
  const review = deadlineOf(f, 'review')
  const correction = f.effect === 'notify.correctionRequested'
  return render(f, {
    subject: correction
      ? { zh: '报送材料需补正', en: 'Filing: corrections requested' }
      : registered
        ? { zh: '劳动保障行政部门已收到报送材料', en: 'Filing received by the labour bureau' }
        : { zh: '协议已报送审查', en: 'Agreement filed for review' },
    paragraphs: [
      correction
        ? { zh: '劳动保障行政部门要求补正报送材料，请按要求补正。', en: 'The labour bureau asks for corrections to the filing; please supply them.' }
        : registered
          ? {
              zh: `劳动保障行政部门已于${date(fl.receivedOn).zh}收到报送材料并登记${fl.registrationNumber ? `（登记号：${fl.registrationNumber}）` : ''}。审查期限为收到之日起十五日；期满未提出异议的，协议即行生效。${f.attachmentNames.length ? '收文回执见附件。' : ''}`,
              en: `The labour bureau received and registered the filing on ${date(fl.receivedOn).en}${fl.registrationNumber ? ` (registration no. ${fl.registrationNumber})` : ''}. It reviews within 15 days of receipt; without an objection in that time the agreement takes effect.${f.attachmentNames.length ? ' The receipt is attached.' : ''}`,
            }
          : {
              zh: `协议已于${date(fl.filedOn).zh}报送劳动保障行政部门${fl.late ? '（逾期报送）' : ''}。`,
              en: `The agreement was filed with the labour bureau on ${date(fl.filedOn).en}${fl.late ? ' (late)' : ''}.`,
            },
    ],
    facts: [textFact('登记号', 'Registration no.', fl.registrationNumber), deadlineFact(review)],
    ...(correction && fl.correctionItems?.length ? { list: { title: { zh: '需补正的材料', en: 'To correct' }, items: fl.correctionItems } } : {}),
  })
}

export function reviewOpinion(f: TMailFacts): TMailContent {
  const r = f.case.review ?? {}
  const objected = f.effect === 'notify.reviewObjected' || r.outcome === 'objected'
  return render(f, {
    subject: objected ? { zh: '审查意见：对协议提出异议', en: 'Review opinion: objection to the agreement' } : { zh: '审查意见：无异议', en: 'Review opinion: no objection' },
    paragraphs: [
      objected
        ? {
            zh: `劳动保障行政部门于${date(r.opinionDate).zh}出具审查意见书，对协议提出异议。双方应就异议事项重新协商，修改后重新履行相关程序并报送。${f.attachmentNames.length ? '审查意见书见附件。' : ''}`,
            en: `The labour bureau issued a review opinion on ${date(r.opinionDate).en} objecting to the agreement. The sides renegotiate the items objected to and file the revised text again.${f.attachmentNames.length ? ' The opinion is attached.' : ''}`,
          }
        : {
            zh: `劳动保障行政部门于${date(r.opinionDate).zh}出具审查意见书，对协议无异议。${f.attachmentNames.length ? '审查意见书见附件。' : ''}`,
            en: `The labour bureau issued a review opinion on ${date(r.opinionDate).en} with no objection.${f.attachmentNames.length ? ' The opinion is attached.' : ''}`,
          },
    ],
    facts: [textFact('意见', 'Opinion', r.opinion)],
    ...(r.items?.length ? { list: { title: { zh: '异议事项', en: 'Items objected to' }, items: r.items } } : {}),
  })
}

export function agreementEffective(f: TMailFacts): TMailContent {
  const a = f.case.agreement ?? {}
  const deemed = a.effectiveBy === 'deemedApproval' || f.data.effectiveBy === 'deemedApproval'
  const publication = deadlineOf(f, 'publication')
  return render(f, {
    subject: deemed ? { zh: '审查期满未提异议，协议视为同意并生效', en: 'No objection within the review period: the agreement is deemed approved and in force' } : { zh: '协议已生效', en: 'The agreement is in force' },
    paragraphs: [
      deemed
        ? {
            zh: `劳动保障行政部门自收到之日起十五日内未提出异议，协议视为已经同意，自${date(a.effectiveOn).zh}起生效。`,
            en: `The labour bureau raised no objection within 15 days of receipt, so the agreement is deemed approved and in force from ${date(a.effectiveOn).en}.`,
          }
        : { zh: `协议自${date(a.effectiveOn).zh}起生效。`, en: `The agreement is in force from ${date(a.effectiveOn).en}.` },
      {
        zh: `双方应在${date(publication?.lastDay).zh}前以适当方式向全体职工公布。`,
        en: `Both sides must publish it to all workers by ${date(publication?.lastDay).en}.`,
      },
    ],
    facts: [
      textFact('协议', 'Agreement', a.title),
      dateFact('生效日期', 'In force from', a.effectiveOn),
      dateFact('期满日期', 'Expires on', a.expiresOn),
      deadlineFact(publication),
    ],
  })
}

export function publicationDue(f: TMailFacts): TMailContent {
  const d = deadlineOf(f, 'publication')
  const overdue = f.effect === 'notify.publicationOverdue'
  const lead = leadText(f.deadline)
  return render(f, {
    subject: overdue ? { zh: '协议公布已逾期', en: 'Publication of the agreement is overdue' } : { zh: `请按期公布协议${lead ? `（${lead.zh}）` : ''}`, en: `Publication of the agreement due${lead ? ` (${lead.en})` : ''}` },
    paragraphs: [
      overdue
        ? { zh: '协议生效后未在规定期限内向全体职工公布，请立即公布并在系统中登记。', en: 'The agreement was not published to all workers within the set period. Publish it now and record it in the system.' }
        : {
            zh: `生效的协议应在${date(d?.lastDay).zh}前由双方以适当方式向全体职工公布，公布后请在系统中登记。`,
            en: `Both sides must publish the agreement in force to all workers by ${date(d?.lastDay).en}, then record the publication in the system.`,
          },
    ],
    facts: [deadlineFact(d ?? f.deadline)],
  })
}

export function renewalWindowOpen(f: TMailFacts): TMailContent {
  const a = f.case.agreement ?? {}
  return render(f, {
    subject: { zh: '协议即将期满，可以提出续订', en: 'Renewal window open: the agreement expires soon' },
    paragraphs: [
      {
        zh: `协议将于${date(a.expiresOn).zh}期满。双方可以在期满前提出续订或重新协商的要求。`,
        en: `The agreement expires on ${date(a.expiresOn).en}. Either side may now ask to renew it or to negotiate a new one before it expires.`,
      },
    ],
    facts: [textFact('协议', 'Agreement', a.title), dateFact('期满日期', 'Expires on', a.expiresOn), deadlineFact(deadlineOf(f, 'expiry'))],
  })
}
