/**
 * 集体合同公布 / 公示: the contract in force made known to all staff (JHR 48: "及时以适当的形式向本方全体人员公布";
 * GZ 23: a wage agreement within 5 days of taking effect), stating how and when it took effect (JHR 47; GZ 22).
 */
import { ZPublicationNoticeSchema, type TPublicationNotice } from '../types.js'
import { defineDocument } from '../render.js'
import { formatDate } from '../format.js'
import { agreementName, contractRefText, header, partyName, subItems } from './common.js'

/** How the contract took effect, with its article. */
function effectSentence(d: TPublicationNotice): string {
  const on = formatDate(d.contract.effectiveDate)
  if (d.agreementType === 'wage') {
    // GZ 22 ¶2 (no-objection opinion delivered) and ¶4 (no opinion within 15 days: deemed approved).
    return d.effectiveBy === 'noObjectionOpinion'
      ? `${d.bureau.name}已送达无异议的《工资协议审查意见书》，本合同自${on}起生效（《工资集体协商试行办法》第二十二条）。`
      : `${d.bureau.name}自收到文本之日起15日内未提出异议，本合同视为已经同意，自${on}起生效（《工资集体协商试行办法》第二十二条）。`
  }
  // JHR 47: no objection within 15 days of receipt → in force.
  return d.effectiveBy === 'noObjectionOpinion'
    ? `${d.bureau.name}审查无异议，本合同自${on}起生效（《集体合同规定》第四十七条）。`
    : `${d.bureau.name}自收到文本之日起15日内未提出异议，本合同自${on}起即行生效（《集体合同规定》第四十七条）。`
}

export const publicationNoticeDocument = defineDocument({
  kind: 'publicationNotice',
  schema: ZPublicationNoticeSchema,
  names: { zh: '集体合同公布通知', en: 'Publication Notice' },
  title: (d) => ({ zh: `关于公布${agreementName(d.agreementType)}的通知`, en: 'Notice of Publication of the Contract in Force' }),
  author: (d) => partyName(d, d.publishingSide),
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    const c = d.contract
    kit.addressee('全体职工：')
    kit.paragraph(
      `${d.enterprise.name}与${d.workerParty.name}经平等协商订立的${contractRefText(c)}，` +
        `于${formatDate(c.signingDate)}由双方首席代表签字，并报送${d.bureau.name}审查。` +
        effectSentence(d),
    )
    const basis = d.agreementType === 'wage' ? '《集体合同规定》第四十八条、《工资集体协商试行办法》第二十三条' : '《集体合同规定》第四十八条'
    kit.paragraph(
      `本合同期限自${formatDate(c.term.start)}起至${formatDate(c.term.end)}止。根据${basis}的规定，现将本合同向全体职工公布` +
        (d.highlights.length ? '，主要内容如下：' : '。'),
    )
    if (d.highlights.length) subItems(kit, d.highlights)
    kit.paragraph(`本合同全文在${d.channel}公布，职工可以查阅。`)
    // LCL 54 ¶2: binding on the employer and all workers; LCL 55: individual contracts may not fall below it.
    kit.paragraph(
      `依法订立的集体合同对企业和全体职工具有约束力；职工个人与企业订立的劳动合同中劳动条件和劳动报酬等标准不得低于本合同的规定` +
        `（《中华人民共和国劳动合同法》第五十四条、第五十五条）。对本合同的履行有意见或者建议的，可以向${d.workerParty.name}反映。`,
    )
    kit.paragraph('特此通知。')
    kit.sealBlock([`${partyName(d, d.publishingSide)}（盖章）`, formatDate(d.publishedDate)])
  },
})

export const renderPublicationNotice = publicationNoticeDocument.render
