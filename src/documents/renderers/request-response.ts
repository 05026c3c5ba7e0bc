/** 书面答复: the written reply to a negotiation request, accepting or refusing with reasons (JHR 32; GZ 17). */
import { ZRequestResponseSchema } from '../types.js'
import { defineDocument } from '../render.js'
import { formatDate, itemLabel } from '../format.js'
import { contactLine, dateTime, header, names, negotiationName, otherSide, partyName, partySeal, subItems } from './common.js'

export const requestResponseDocument = defineDocument({
  kind: 'requestResponse',
  schema: ZRequestResponseSchema,
  names: { zh: '书面答复', en: 'Reply to the Negotiation Request' },
  title: (d) => ({
    zh: `关于${negotiationName(d.agreementType)}要约的书面答复`,
    en: d.decision === 'accept' ? 'Reply to the Negotiation Request (Acceptance)' : 'Reply to the Negotiation Request (Refusal)',
  }),
  author: (d) => partyName(d, d.respondingSide),
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    const to = partyName(d, otherSide(d.respondingSide))
    kit.addressee(`${to}：`)
    kit.paragraph(
      `贵方于${formatDate(d.requestDate)}发出的《${negotiationName(d.agreementType)}要约书》，本方已于${formatDate(d.receivedDate)}收到。` +
        `根据${ctx.wording.replyBasis}的规定，现书面答复如下：`,
    )
    if (d.decision === 'accept' && d.meeting) {
      kit.paragraph(`本方同意与贵方进行${negotiationName(d.agreementType)}。`)
      let n = 1
      if (d.meeting.topics.length) {
        kit.heading(`${itemLabel(n++)}协商内容`)
        subItems(kit, d.meeting.topics)
      }
      kit.field(`${itemLabel(n++)}协商时间：`, dateTime(d.meeting.date, d.meeting.time))
      kit.field(`${itemLabel(n++)}协商地点：`, d.meeting.place)
      kit.field(
        `${itemLabel(n++)}本方协商代表：`,
        `首席代表${d.chief}${d.negotiators.length ? `；协商代表${names(d.negotiators)}` : ''}。`,
      )
    } else {
      kit.paragraph(`本方经研究，决定暂不接受本次协商要约，理由如下：`)
      subItems(kit, d.refusalReasons)
    }
    for (const r of d.remarks) kit.paragraph(r)
    kit.paragraph('特此答复。')
    contactLine(kit, d.contact)
    partySeal(kit, d, d.respondingSide, d.replyDate)
  },
})

export const renderRequestResponse = requestResponseDocument.render
