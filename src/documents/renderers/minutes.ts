/**
 * 协商会议纪要: the record of one negotiation round (fields after JHR 33–35, statute §(d)); signature lines for
 * both chiefs or for all negotiators, as the jurisdiction's rule says.
 */
import { ZMinutesSchema, type TAttendee, type TMinutes } from '../types.js'
import { defineDocument } from '../render.js'
import { chineseNumeral, formatDate, formatTime, itemLabel } from '../format.js'
import { S, type TSignLine } from '../layout/kit.js'
import { agreementName, header, names, negotiationName, sideName, subItemsOrNone } from './common.js'

function attendee(a: TAttendee): string {
  const flags = [a.isChief ? '首席代表' : '', a.isProxy ? '受委托代理首席代表' : '', a.isExternal ? '外聘专业人员' : '']
    .filter(Boolean)
    .join('，')
  const post = a.post ? a.post : ''
  const note = [post, flags].filter(Boolean).join('，')
  return note ? `${a.name}（${note}）` : a.name
}

function outcomeText(d: TMinutes): string {
  const o = d.outcome
  switch (o.kind) {
    case 'continue':
      return `双方同意继续协商${o.nextDate ? `，下次协商会议定于${formatDate(o.nextDate)}` : ''}${o.nextPlace ? `在${o.nextPlace}举行` : o.nextDate ? '举行' : ''}。`
    case 'draftAgreed':
      return `双方就全部议题达成一致，形成${agreementName(d.agreementType)}草案，由双方首席代表签字后提交职工代表大会或者全体职工讨论（《集体合同规定》第三十四条、第三十六条）。`
    case 'suspended':
      return `双方未能就全部议题达成一致，经双方商定中止本次协商，中止期限至${formatDate(o.until)}${o.nextDate ? `，下次协商时间为${formatDate(o.nextDate)}` : ''}${o.nextPlace ? `，地点为${o.nextPlace}` : ''}（《集体合同规定》第三十五条）。`
    case 'coordination':
      return '双方协商未能达成一致，将依法向劳动保障行政部门申请协调处理（《集体合同规定》第四十九条）。'
  }
}

export const minutesDocument = defineDocument({
  kind: 'minutes',
  schema: ZMinutesSchema,
  names: { zh: '协商会议纪要', en: 'Minutes of a Negotiation Round' },
  title: (d) => ({
    zh: `${negotiationName(d.agreementType)}第${chineseNumeral(d.roundNumber)}次会议纪要`,
    en: `Minutes of Negotiation Round ${d.roundNumber}`,
  }),
  author: (d) => d.recorder.name,
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    const time = `${formatDate(d.date)} ${formatTime(d.startTime)}${d.endTime ? `至${formatTime(d.endTime)}` : ''}`
    kit.formTable4([
      ['会议时间', time, '会议地点', d.place],
      ['主持人', `${d.presiding.name}（${sideName(d.presiding.side)}首席代表）`, '记录员', d.recorder.name],
    ])
    kit.formTable([
      ['企业方出席人员', names(d.attendees.employer.map(attendee))],
      ['职工方出席人员', names(d.attendees.worker.map(attendee))],
      ['缺席人员', d.absent.length ? names(d.absent.map((a) => `${a.name}（${sideName(a.side)}${a.reason ? `，${a.reason}` : ''}）`)) : '无'],
      ['列席人员', d.observers.length ? names(d.observers) : '无'],
    ], { labelWidth: 0.22, style: S.small })

    let n = 1
    kit.heading(`${itemLabel(n++)}会议议题`)
    if (d.disciplineAnnounced) kit.paragraph(`主持人宣布本次会议议题和会议纪律。本次会议议题如下：`)
    d.agenda.forEach((a, i) => kit.paragraph(`${i + 1}. ${a}`))

    kit.heading(`${itemLabel(n++)}双方提议与回应`)
    const verb = { proposal: '提出', response: '回应', statement: '表示' } as const
    for (const e of d.exchanges) {
      kit.paragraph([
        { text: `${sideName(e.side)}${verb[e.kind]}：`, style: S.bodyBold },
        { text: e.text, style: S.body },
      ])
    }
    kit.heading(`${itemLabel(n++)}双方达成一致的事项`)
    subItemsOrNone(kit, d.agreedItems)
    kit.heading(`${itemLabel(n++)}尚未达成一致的事项`)
    subItemsOrNone(kit, d.openItems)
    kit.heading(`${itemLabel(n++)}会议结果`)
    kit.paragraph(outcomeText(d))

    const signers = d.signers ?? ctx.wording.minutesSigners
    kit.paragraph(
      `本纪要经双方${signers === 'chiefs' ? '首席代表' : '全体协商代表'}核对无误后签字确认${ctx.wording.minutesSignersBasis ? `（${ctx.wording.minutesSignersBasis}）` : ''}。`,
      { before: 4 },
    )
    if (signers === 'chiefs') {
      const chief = (list: readonly TAttendee[]) => list.find((a) => a.isChief || a.isProxy)?.name ?? ''
      kit.signatureColumns([
        [{ label: '企业方首席代表（签字）：' }, { label: '　　　　　　', value: `（${chief(d.attendees.employer)}）` }],
        [{ label: '职工方首席代表（签字）：' }, { label: '　　　　　　', value: `（${chief(d.attendees.worker)}）` }],
      ])
    } else {
      const col = (side: 'employer' | 'worker', list: readonly TAttendee[]): TSignLine[] => [
        { label: `${sideName(side)}协商代表（签字）：`, value: '' },
        ...list.map((a) => ({ label: `${a.name}：` })),
      ]
      kit.signatureColumns([col('employer', d.attendees.employer), col('worker', d.attendees.worker)], { leading: 2.2 })
    }
    kit.signatureColumns([[{ label: '记录员（签字）：' }], [{ label: '日期：', value: formatDate(d.date) }]], { before: 4 })
  },
})

export const renderMinutes = minutesDocument.render
