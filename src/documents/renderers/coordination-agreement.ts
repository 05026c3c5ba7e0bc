/**
 * 协调处理协议书 (JHR 53–54): the application, the facts, the result and the items still to negotiate; effective
 * when signed and sealed by the coordinators and both chief negotiators.
 */
import { ZCoordinationAgreementSchema } from '../types.js'
import { defineDocument } from '../render.js'
import { formatDate, itemLabel } from '../format.js'
import { S } from '../layout/kit.js'
import { header, negotiationName, subItems, subItemsOrNone } from './common.js'

const applicantText = { employer: '企业方', worker: '职工方', both: '双方', bureau: '劳动保障行政部门（依职权）' } as const

export const coordinationAgreementDocument = defineDocument({
  kind: 'coordinationAgreement',
  schema: ZCoordinationAgreementSchema,
  names: { zh: '协调处理协议书', en: 'Coordination Agreement' },
  title: () => ({ zh: '集体协商争议协调处理协议书', en: 'Coordination Agreement on a Negotiation Dispute' }),
  author: (d) => d.bureau.name,
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    kit.formTable(
      [
        ['协调处理机构', d.bureau.name],
        ['企业方', `${d.enterprise.name}\n住所：${d.enterprise.address}\n法定代表人：${d.enterprise.legalRepresentative}　首席代表：${d.employerChief}`],
        ['职工方', `${d.workerParty.name}${d.workerParty.address ? `\n住所：${d.workerParty.address}` : ''}\n首席代表：${d.workerChief}`],
        ['协调处理人员', d.coordinators.map((c) => `${c.name}（${c.organization}）`).join('、')],
      ],
      { labelWidth: 0.22 },
    )
    let n = 1
    kit.heading(`${itemLabel(n++)}协调处理申请`)
    kit.paragraph(
      `${applicantText[d.application.applicant]}于${formatDate(d.application.date)}就${negotiationName(d.agreementType)}争议提出协调处理申请，` +
        `${d.bureau.name}于${formatDate(d.application.acceptedDate)}受理（《集体合同规定》第四十九条至第五十二条）。申请事项如下：`,
    )
    subItems(kit, d.application.request)
    kit.heading(`${itemLabel(n++)}协调处理争议的事实`)
    subItems(kit, d.facts)
    kit.heading(`${itemLabel(n++)}协调处理结果`)
    subItems(kit, d.result)
    kit.heading(`${itemLabel(n++)}双方需要继续协商的事项`)
    subItemsOrNone(kit, d.pendingItems)
    kit.paragraph(
      '本协议书由协调处理人员和争议双方首席代表签字、盖章后生效。争议双方均应遵守生效后的协议书（《集体合同规定》第五十四条）。',
      { before: 4 },
    )
    kit.signatureColumns([
      [{ label: '协调处理人员（签字）：', value: '' }, ...d.coordinators.map((c) => ({ label: `${c.name}：` }))],
      [
        { label: '企业方（盖章）：', value: d.enterprise.name },
        { label: '首席代表（签字）：' },
        { label: '职工方（盖章）：', value: d.workerParty.name },
        { label: '首席代表（签字）：' },
      ],
    ], { leading: 2.2 })
    kit.sealBlock([`${d.bureau.name}（盖章）`, formatDate(d.signingDate)])
    kit.paragraph('本协议书一式三份，争议双方各执一份，协调处理机构存档一份。', { style: S.small, before: 8 })
  },
})

export const renderCoordinationAgreement = coordinationAgreementDocument.render
