/** 协商代表名单: both sides' negotiators with chief, external experts and delegations, and the recorder. */
import { ZTeamListSchema, type TNegotiator } from '../types.js'
import { defineDocument } from '../render.js'
import { formatDate, itemLabel } from '../format.js'
import type { Kit } from '../layout/kit.js'
import { S, type TColumn } from '../layout/kit.js'
import { header, negotiationName, partyLabel, partyName } from './common.js'

// Widths in points of the 432 pt measure: the enterprise name (10 characters) and a delegation note fit on a line.
const columns: TColumn[] = [
  { header: '序号', width: 30, align: 'center' },
  { header: '姓名', width: 40, align: 'center' },
  { header: '性别', width: 30, align: 'center' },
  { header: '协商职责', width: 62, align: 'center' },
  { header: '工作单位', width: 114 },
  { header: '职务/岗位', width: 50 },
  { header: '委托情况', width: 106 },
]

function role(m: TNegotiator): string {
  if (m.isChief) return m.delegation ? '首席代表（受委托）' : '首席代表'
  return m.isExternal ? '协商代表（外聘）' : '协商代表'
}

function team(kit: Kit, members: readonly TNegotiator[]): void {
  // Chief first, then the others in the given order.
  const ordered = [...members.filter((m) => m.isChief), ...members.filter((m) => !m.isChief)]
  kit.table(
    columns,
    ordered.map((m, i) => [String(i + 1), m.name, m.gender ?? '', role(m), m.employer, m.post, m.delegation ?? '—']),
  )
}

export const teamListDocument = defineDocument({
  kind: 'teamList',
  schema: ZTeamListSchema,
  names: { zh: '协商代表名单', en: 'List of Negotiators' },
  title: (d) => ({ zh: `${negotiationName(d.agreementType)}代表名单`, en: 'List of Negotiators' }),
  author: (d) => d.enterprise.name,
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    kit.field('企业名称：', d.enterprise.name, { indent: 0 })
    kit.field('协商事项：', `${negotiationName(d.agreementType)}（案号：${d.caseNumber}）`, { indent: 0, after: 6 })
    const sides = [
      ['employer', d.employerTeam],
      ['worker', d.workerTeam],
    ] as const
    sides.forEach(([side, members], i) => {
      const external = members.filter((m) => m.isExternal).length
      kit.heading(`${itemLabel(i + 1)}${partyLabel(side)}协商代表`)
      kit.paragraph(
        `${partyName(d, side)}：共${members.length}人，其中首席代表1人${external ? `，本单位以外的专业人员${external}人` : ''}。`,
        { style: S.small, leading: 1.7 },
      )
      team(kit, members)
    })
    kit.heading(`${itemLabel(3)}记录员`)
    kit.table(
      [
        { header: '姓名', width: 1.3, align: 'center' },
        { header: '工作单位', width: 2.6 },
        { header: '职务/岗位', width: 1.8 },
        { header: '确定方式', width: 2.8 },
      ],
      [[d.recorder.name, d.recorder.employer, d.recorder.post, '双方共同指定，非协商代表']],
    )
    kit.paragraph('说明：', { style: S.smallBold, indent: 0 })
    for (const line of [
      '1. 双方协商代表人数对等，每方至少3人，并各确定1名首席代表（《集体合同规定》第十九条）。',
      '2. 委托本单位以外的专业人员作为协商代表的，不得超过本方代表的三分之一；首席代表不得由非本单位人员代理（《集体合同规定》第二十三条）。',
      '3. 记录员由双方共同指定，应保持中立、公正，并为集体协商双方保密（《集体合同规定》第三十三条）。',
    ])
      kit.paragraph(line, { style: S.small, indent: 2, leading: 1.7 })
    kit.signatureColumns([
      [{ label: '企业方首席代表（签字）：' }, { label: '日期：', value: formatDate(d.listDate) }],
      [{ label: '职工方首席代表（签字）：' }, { label: '日期：', value: formatDate(d.listDate) }],
    ])
  },
})

export const renderTeamList = teamListDocument.render
