/**
 * 集体协商争议协调处理申请书 (JHR 49): when the negotiation fails, one or both sides apply in writing to the labour
 * bureau, which coordinates with the union and the enterprise organisation (JHR 50) within 30 days (JHR 52).
 */
import { ZCoordinationApplicationSchema } from '../types.js'
import { defineDocument } from '../render.js'
import { chineseNumeral, formatDate, itemLabel } from '../format.js'
import { chiefsSignatures, header, negotiationName, partySeal, sideName, subItems } from './common.js'

export const coordinationApplicationDocument = defineDocument({
  kind: 'coordinationApplication',
  schema: ZCoordinationApplicationSchema,
  names: { zh: '协调处理申请书', en: 'Application for Coordination' },
  title: (d) => ({ zh: `${negotiationName(d.agreementType)}争议协调处理申请书`, en: 'Application for Coordination of a Negotiation Dispute' }),
  author: (d) => (d.applicant === 'both' ? `${d.enterprise.name}；${d.workerParty.name}` : d.applicant === 'employer' ? d.enterprise.name : d.workerParty.name),
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    const name = negotiationName(d.agreementType)
    const employer = `${d.enterprise.name}\n住所：${d.enterprise.address}\n法定代表人：${d.enterprise.legalRepresentative}　首席代表：${d.employerChief}`
    const worker = `${d.workerParty.name}${d.workerParty.address ? `\n住所：${d.workerParty.address}` : ''}\n首席代表：${d.workerChief}`
    kit.addressee(`${d.bureau.name}：`)
    kit.formTable(
      d.applicant === 'both'
        ? [
            ['申请人（企业方）', employer],
            ['申请人（职工方）', worker],
          ]
        : [
            [`申请人（${sideName(d.applicant)}）`, d.applicant === 'employer' ? employer : worker],
            [`对方（${sideName(d.applicant === 'employer' ? 'worker' : 'employer')}）`, d.applicant === 'employer' ? worker : employer],
          ],
      { labelWidth: 0.26 },
    )
    const first = d.rounds[0]
    kit.paragraph(
      `${d.enterprise.name}（企业方）与${d.workerParty.name}（职工方）` +
        (first ? `自${formatDate(first.date)}起进行${name}，共举行${chineseNumeral(d.rounds.length)}次协商会议，` : `进行${name}，`) +
        `因下列事项未能达成一致，协商无法继续进行。根据《集体合同规定》第四十九条的规定，` +
        `${d.applicant === 'both' ? '双方' : '本方'}以书面形式申请${d.bureau.name}协调处理。`,
    )
    let n = 1
    kit.heading(`${itemLabel(n++)}申请协调处理的争议事项`)
    subItems(kit, d.disputedItems)
    if (d.rounds.length) {
      kit.heading(`${itemLabel(n++)}协商经过`)
      kit.table(
        [
          { header: '次数', width: 0.14, align: 'center' },
          { header: '日期', width: 0.3, align: 'center' },
          { header: '地点', width: 0.56 },
        ],
        d.rounds.map((r) => [`第${chineseNumeral(r.number)}次`, formatDate(r.date), r.place]),
      )
    }
    kit.heading(`${itemLabel(n++)}申请理由`)
    for (const p of d.reasons) kit.paragraph(p)
    kit.paragraph(
      `请贵局依照《集体合同规定》第五十条至第五十三条的规定，组织同级工会和企业组织等三方人员进行协调处理，` +
        `并自受理之日起30日内结束协调处理工作（《集体合同规定》第五十二条）。`,
    )
    if (d.applicant === 'both') chiefsSignatures(kit, d, { date: d.applicationDate, dateLabel: '申请日期：' })
    else partySeal(kit, d, d.applicant, d.applicationDate)
  },
})

export const renderCoordinationApplication = coordinationApplicationDocument.render
