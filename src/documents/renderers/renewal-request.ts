/**
 * 续订集体合同的要求书: within 3 months before expiry either side may ask to renew or conclude a new contract
 * (JHR 38); for a wage agreement the request is made within 60 days before expiry (GZ 24).
 */
import { ZRenewalRequestSchema } from '../types.js'
import { defineDocument } from '../render.js'
import { formatDate } from '../format.js'
import { periodText } from '../wording.js'
import { agreementName, contactLine, contractRefText, header, negotiationName, otherSide, partyName, partySeal, subItems } from './common.js'

export const renewalRequestDocument = defineDocument({
  kind: 'renewalRequest',
  schema: ZRenewalRequestSchema,
  names: { zh: '续订集体合同的要求书', en: 'Request to Renew the Contract' },
  title: (d) => ({ zh: `续订${agreementName(d.agreementType)}要求书`, en: 'Request to Renew the Contract' }),
  author: (d) => partyName(d, d.requestingSide),
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    const c = d.contract
    const basis = d.agreementType === 'wage' ? '《集体合同规定》第三十八条、《工资集体协商试行办法》第二十四条' : '《集体合同规定》第三十八条'
    kit.addressee(`${partyName(d, otherSide(d.requestingSide))}：`)
    kit.paragraph(
      `双方订立的${contractRefText(c)}自${formatDate(c.effectiveDate)}起生效，期限自${formatDate(c.term.start)}起至${formatDate(c.term.end)}止，` +
        `将于${formatDate(c.term.end)}期满。根据${basis}的规定，本方向贵方提出续订（重新签订）${agreementName(d.agreementType)}的要求，` +
        `并按照${negotiationName(d.agreementType)}的程序进行协商。续订协商的内容如下：`,
    )
    subItems(kit, d.content)
    kit.paragraph(`请贵方自收到本要求书之日起${periodText(ctx.wording.replyPeriod)}内以书面形式予以答复（${ctx.wording.replyBasis}）。`)
    contactLine(kit, d.contact)
    partySeal(kit, d, d.requestingSide, d.sentDate)
  },
})

export const renderRenewalRequest = renewalRequestDocument.render
