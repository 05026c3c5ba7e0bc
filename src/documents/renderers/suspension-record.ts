/** 中止协商记录: an agreed suspension with its period and the next time, place and content (JHR 35). */
import { ZSuspensionRecordSchema } from '../types.js'
import { defineDocument } from '../render.js'
import { chineseNumeral, formatDate } from '../format.js'
import { S } from '../layout/kit.js'
import { dateTime, header, negotiationName, subItemsOrNone } from './common.js'

export const suspensionRecordDocument = defineDocument({
  kind: 'suspensionRecord',
  schema: ZSuspensionRecordSchema,
  names: { zh: '中止协商记录', en: 'Record of Suspension' },
  title: (d) => ({ zh: `中止${negotiationName(d.agreementType)}记录`, en: 'Record of Suspension of Negotiation' }),
  author: (d) => d.enterprise.name,
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    kit.paragraph(
      `${d.enterprise.name}（企业方）与${d.workerParty.name}（职工方）于${formatDate(d.date)}` +
        `${d.roundNumber ? `第${chineseNumeral(d.roundNumber)}次协商会议上` : ''}，` +
        `因下列原因未能达成一致，根据《集体合同规定》第三十五条的规定，经双方商定，中止本次${negotiationName(d.agreementType)}。`,
    )
    kit.formTable(
      [
        ['中止原因', d.reasons.map((r, i) => `${i + 1}. ${r}`).join('\n')],
        ['中止期限', `自${formatDate(d.suspendedFrom)}起至${formatDate(d.suspendedUntil)}止`],
        ['恢复协商时间', dateTime(d.next.date, d.next.time)],
        ['恢复协商地点', d.next.place],
        ['恢复协商内容', d.next.content.map((r, i) => `${i + 1}. ${r}`).join('\n')],
        ['记录地点', d.place ?? '—'],
      ],
      { labelWidth: 0.24 },
    )
    kit.heading('尚未达成一致的事项')
    subItemsOrNone(kit, d.openItems)
    kit.paragraph('中止期满，双方按上述时间、地点恢复协商；需要变更的，由双方另行商定。', { before: 4 })
    kit.signatureColumns([
      [{ label: '企业方首席代表（签字）：' }, { label: '　　　　　　', value: `（${d.employerChief}）` }],
      [{ label: '职工方首席代表（签字）：' }, { label: '　　　　　　', value: `（${d.workerChief}）` }],
    ])
    kit.signatureColumns(
      [
        d.recorder ? [{ label: '记录员（签字）：' }, { label: '　　　　　　', value: `（${d.recorder}）` }] : [{ label: '', value: '' }],
        [{ label: '日期：', value: formatDate(d.date) }],
      ],
      { before: 4 },
    )
    kit.paragraph(`本记录一式两份，双方各执一份。`, { style: S.small, before: 6 })
  },
})

export const renderSuspensionRecord = suspensionRecordDocument.render
