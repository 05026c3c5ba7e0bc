/** 协商要约书: the written request to negotiate (JHR 32; GZ 17: time, place and content). */
import { ZRequestLetterSchema } from '../types.js'
import { defineDocument } from '../render.js'
import { itemLabel } from '../format.js'
import { periodText } from '../wording.js'
import { contactLine, dateTime, header, names, negotiationName, otherSide, partyName, partySeal, subItems } from './common.js'

export const requestLetterDocument = defineDocument({
  kind: 'requestLetter',
  schema: ZRequestLetterSchema,
  names: { zh: '协商要约书', en: 'Negotiation Request' },
  title: (d) => ({
    zh: `${negotiationName(d.agreementType)}要约书`,
    en: d.agreementType === 'wage' ? 'Request for Collective Wage Negotiation' : 'Request for Collective Negotiation',
  }),
  author: (d) => partyName(d, d.requestingSide),
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    const from = partyName(d, d.requestingSide)
    const to = partyName(d, otherSide(d.requestingSide))
    const reply = d.replyPeriod ?? ctx.wording.replyPeriod
    kit.addressee(`${to}：`)
    kit.paragraph(
      `根据《中华人民共和国劳动合同法》第五十一条和${ctx.wording.replyBasis}的规定，${from}（以下简称“本方”）` +
        `向贵方提出进行${negotiationName(d.agreementType)}的要约。现将有关事项函告如下：`,
    )
    for (const p of d.background) kit.paragraph(p)
    let n = 1
    kit.heading(`${itemLabel(n++)}协商内容`)
    subItems(kit, d.topics)
    kit.field(`${itemLabel(n++)}协商时间：`, dateTime(d.proposedDate, d.proposedTime))
    kit.field(`${itemLabel(n++)}协商地点：`, d.proposedPlace)
    kit.field(
      `${itemLabel(n++)}本方协商代表：`,
      `首席代表${d.chief}${d.negotiators.length ? `；协商代表${names(d.negotiators)}` : ''}。`,
    )
    kit.field(
      `${itemLabel(n++)}答复要求：`,
      `请贵方自收到本要约书之日起${periodText(reply)}内以书面形式予以答复。无正当理由，不得拒绝或者拖延。`,
    )
    contactLine(kit, d.contact)
    partySeal(kit, d, d.requestingSide, d.sentDate)
  },
})

export const renderRequestLetter = requestLetterDocument.render
