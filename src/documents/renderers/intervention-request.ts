/**
 * 请求劳动保障行政部门处理的申请书 (JHR 56; TUL 54): after the other side refused a negotiation request without a
 * proper reason, or gave no written reply within the period (JHR 32), the requesting side asks the bureau to act.
 */
import { ZInterventionRequestSchema } from '../types.js'
import { defineDocument } from '../render.js'
import { formatDate, itemLabel } from '../format.js'
import { S } from '../layout/kit.js'
import { periodText } from '../wording.js'
import { contactLine, header, negotiationName, otherSide, partyName, partySeal, sideName, subItems } from './common.js'

export const interventionRequestDocument = defineDocument({
  kind: 'interventionRequest',
  schema: ZInterventionRequestSchema,
  names: { zh: '请求劳动保障行政部门处理的申请书', en: 'Request for the Labour Bureau to Intervene' },
  title: (d) => ({ zh: `关于请求处理拒绝${negotiationName(d.agreementType)}问题的申请书`, en: 'Request for the Labour Bureau to Intervene (JHR 56)' }),
  author: (d) => partyName(d, d.requestingSide),
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    const to = partyName(d, otherSide(d.requestingSide))
    const name = negotiationName(d.agreementType)
    kit.addressee(`${d.bureau.name}：`)
    kit.formTable(
      [
        [`申请人（${sideName(d.requestingSide)}）`, `${partyName(d, d.requestingSide)}\n首席代表：${d.chief}`],
        [
          `被申请人（${sideName(otherSide(d.requestingSide))}）`,
          d.requestingSide === 'worker'
            ? `${d.enterprise.name}\n住所：${d.enterprise.address}\n法定代表人：${d.enterprise.legalRepresentative}`
            : `${d.workerParty.name}${d.workerParty.address ? `\n住所：${d.workerParty.address}` : ''}`,
        ],
      ],
      { labelWidth: 0.26 },
    )
    // JHR 56 refers an employer's refusal to the Trade Union Law (TUL 54); a refusal by the worker side is
    // measured against JHR 32 alone.
    const basis =
      d.requestingSide === 'worker' ? '《集体合同规定》第五十六条、《中华人民共和国工会法》第五十四条' : '《集体合同规定》第三十二条'
    kit.heading(`${itemLabel(1)}请求事项`)
    subItems(kit, [
      `督促被申请人就本方提出的${name}要约以书面形式予以回应，并按照要约提出的内容与本方进行${name}（《集体合同规定》第三十二条）；`,
      `对被申请人无正当理由拒绝或者拖延${name}的行为依法处理（${basis}）。`,
    ])
    kit.heading(`${itemLabel(2)}事实和理由`)
    kit.paragraph(
      `本方于${formatDate(d.request.sentDate)}以书面形式向${to}提出${name}要约，协商内容为：${d.request.topics.join('；')}。` +
        (d.request.receivedDate ? `${to}已于${formatDate(d.request.receivedDate)}收到要约书。` : ''),
    )
    kit.paragraph(
      d.answer.kind === 'refused'
        ? `${to}于${formatDate(d.answer.date)}书面答复拒绝协商，所述理由为：“${d.answer.reason}”。本方认为，上述理由不属于《集体合同规定》第三十二条所称的正当理由。`
        : `${to}自收到要约书之日起${periodText(ctx.wording.replyPeriod)}内未以书面形式予以回应（${ctx.wording.replyBasis}）。`,
    )
    for (const p of d.reasons) kit.paragraph(p)
    kit.paragraph(`为此，特向贵局提出申请，请依法处理。`)
    kit.paragraph(
      `附件：1. ${name}要约书；2. 要约书送达凭证${d.answer.kind === 'refused' ? '；3. 被申请人的书面答复' : ''}。`,
      { style: S.small, before: 4, indent: 0 },
    )
    contactLine(kit, d.contact)
    partySeal(kit, d, d.requestingSide, d.applicationDate)
  },
})

export const renderInterventionRequest = interventionRequestDocument.render
