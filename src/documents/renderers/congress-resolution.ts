/**
 * 职工代表大会表决结果及决议: attendance against the 2/3 quorum and the yes votes of each item against ALL seats
 * (JHR 36: "全体职工代表半数以上"; some jurisdictions "过半数"). The counts are computed here from the data.
 */
import { ZCongressResolutionSchema, type TCongressResolution, type TThreshold } from '../types.js'
import { defineDocument } from '../render.js'
import { formatDate, formatPercent, itemLabel, subItemLabel } from '../format.js'
import { S } from '../layout/kit.js'
import { agreementName, header, names } from './common.js'

/** Quorum: at least two thirds of all seats present ("三分之二以上" includes the bound). */
export const quorumNeeded = (seats: number): number => Math.ceil((2 * seats) / 3)
export const isQuorate = (present: number, seats: number): boolean => present * 3 >= seats * 2
/** Yes votes needed: 半数以上 → yes*2 ≥ seats; 过半数 → yes*2 > seats. */
export const yesNeeded = (seats: number, t: TThreshold): number => (t === '半数以上' ? Math.ceil(seats / 2) : Math.floor(seats / 2) + 1)
export const hasPassed = (yes: number, seats: number, t: TThreshold): boolean => (t === '半数以上' ? yes * 2 >= seats : yes * 2 > seats)

function bodyName(d: TCongressResolution): { body: string; member: string } {
  return d.body === 'congress' ? { body: '职工代表大会', member: '职工代表' } : { body: '职工大会', member: '职工' }
}

export const congressResolutionDocument = defineDocument({
  kind: 'congressResolution',
  schema: ZCongressResolutionSchema,
  names: { zh: '职工代表大会表决结果及决议', en: 'Congress Vote Result and Resolution' },
  title: (d) => ({ zh: `${bodyName(d).body}表决结果及决议`, en: "Workers' Congress: Vote Result and Resolution" }),
  author: (d) => d.workerParty.name,
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    const { body, member } = bodyName(d)
    const threshold = d.threshold ?? ctx.wording.congressThreshold
    const article = d.article ?? ctx.wording.congressBasis
    const quorate = isQuorate(d.present, d.seats)
    const need = yesNeeded(d.seats, threshold)

    kit.paragraph(`${d.enterprise.name}${d.sessionName}`, { style: S.chapter, align: 'center', indent: 0, after: 6, balance: true })
    let n = 1
    kit.heading(`${itemLabel(n++)}会议基本情况`)
    kit.formTable4([
      ['会议时间', formatDate(d.date), '会议地点', d.place],
      ['主持人', d.presiding, '表决方式', d.ballot === 'secret' ? '无记名投票，分项表决' : '举手表决，分项表决'],
    ])

    kit.heading(`${itemLabel(n++)}出席情况与法定人数`)
    kit.table(
      [
        { header: `全体${member}`, width: 1.3, align: 'center' },
        { header: '实到', width: 0.9, align: 'center' },
        { header: '缺席', width: 0.9, align: 'center' },
        { header: '出席比例', width: 1.2, align: 'center' },
        { header: '法定人数要求', width: 2.7, align: 'center' },
        { header: '结论', width: 1.8, align: 'center' },
      ],
      [
        [
          `${d.seats}名`,
          `${d.present}名`,
          `${d.seats - d.present}名`,
          formatPercent((d.present / d.seats) * 100),
          `三分之二以上（${quorumNeeded(d.seats)}名）`,
          quorate ? '符合法定人数' : '不符合法定人数',
        ],
      ],
    )
    kit.paragraph(
      `依照${article}，${body}须有三分之二以上${member}出席，${agreementName(d.agreementType)}草案须经全体${member}${threshold}同意方获通过。` +
        `同意票数按全体${member}人数（${d.seats}名）计算，而非按出席人数计算；本次会议通过所需同意票数为${need}票。`,
      { style: S.small, leading: 1.7, before: 4 },
    )

    kit.heading(`${itemLabel(n++)}表决结果`)
    kit.table(
      [
        { header: '序号', width: 0.7, align: 'center' },
        { header: '表决事项', width: 3.4 },
        { header: '同意', width: 0.9, align: 'center' },
        { header: '不同意', width: 0.9, align: 'center' },
        { header: '弃权', width: 0.9, align: 'center' },
        { header: '未投票', width: 0.9, align: 'center' },
        { header: '通过所需', width: 1.1, align: 'center' },
        { header: '结果', width: 1.0, align: 'center' },
      ],
      d.items.map((it, i) => [
        String(i + 1),
        it.title,
        String(it.yes),
        String(it.no),
        String(it.abstain),
        String(d.present - it.yes - it.no - it.abstain),
        `≥${need}`,
        quorate && hasPassed(it.yes, d.seats, threshold) ? '通过' : '未通过',
      ]),
    )

    kit.heading(`${itemLabel(n++)}决议`)
    if (!quorate) {
      kit.paragraph(`出席本次会议的${member}不足全体${member}的三分之二，未达到法定人数，本次会议的表决不发生效力。`)
    } else {
      kit.paragraph(`${d.sessionName}应到${member}${d.seats}名，实到${d.present}名，符合法定人数。经${d.ballot === 'secret' ? '无记名投票' : '举手'}表决，会议决定：`)
      d.items.forEach((it, i) => {
        const passed = hasPassed(it.yes, d.seats, threshold)
        kit.paragraph(
          `${subItemLabel(i + 1)}${passed ? `审议通过${it.title}` : `${it.title}未获通过（同意${it.yes}票，未达到${need}票），由双方协商代表重新协商后再行提交审议`}。`,
        )
      })
    }
    kit.heading(`${itemLabel(n++)}监票与计票`)
    kit.paragraph(`监票人：${names(d.scrutineers)}；计票人：${names(d.tellers)}。`)
    kit.signatureColumns([
      [{ label: '主持人（签字）：' }, { label: '监票人（签字）：' }],
      [{ label: '计票人（签字）：' }, { label: '记录人（签字）：' }],
    ])
    kit.sealBlock([`${d.workerParty.name}（盖章）`, formatDate(d.date)])
  },
})

export const renderCongressResolution = congressResolutionDocument.render
