/** Parts shared by the wage agreement and the collective contract: parties, preamble, closing clauses. */
import type { Kit } from '../layout/kit.js'
import { S } from '../layout/kit.js'
import { formatDate } from '../format.js'
import type { TWording } from '../wording.js'
import type { TAgreementTerm, TAgreementType, TCollectiveContract, TWageAgreement } from '../types.js'
import { chiefsSignatures } from './common.js'

type TAgreement = TWageAgreement | TCollectiveContract

/**
 * The term sentence: its dates once known, else its length counted from the day the contract takes effect
 * (JHR 38: 1 to 3 years; GZ 7(1): the term is an item of the wage agreement).
 */
export function termSentence(term: TAgreementTerm): string {
  return 'months' in term
    ? `本合同期限为${term.months}个月，自生效之日起计算。`
    : `本合同期限自${formatDate(term.start)}起至${formatDate(term.end)}止。`
}

export function parties(kit: Kit, d: TAgreement): void {
  const rows: [string, string][] = [
    ['甲方（企业方）：', d.enterprise.name],
    ['住所：', d.enterprise.address],
    ['法定代表人：', d.enterprise.legalRepresentative],
    ['首席代表：', d.employerChief],
  ]
  const rowsB: [string, string][] = [
    ['乙方（职工方）：', d.workerParty.name],
    ...(d.workerParty.address ? ([['住所：', d.workerParty.address]] as [string, string][]) : []),
    ['首席代表：', d.workerChief],
  ]
  for (const [l, v] of rows) kit.field(l, v, { indent: 0, align: 'left', leading: 1.7 })
  kit.space(6)
  for (const [l, v] of rowsB) kit.field(l, v, { indent: 0, align: 'left', leading: 1.7 })
  kit.space(8)
}

export function preamble(kit: Kit, d: TAgreement, type: TAgreementType): void {
  const laws =
    type === 'wage'
      ? '《中华人民共和国劳动法》《中华人民共和国劳动合同法》《集体合同规定》《工资集体协商试行办法》'
      : '《中华人民共和国劳动法》《中华人民共和国劳动合同法》《中华人民共和国工会法》《集体合同规定》'
  const paragraphs = d.preamble.length
    ? d.preamble
    : [
        `为维护职工和企业的合法权益，构建和谐稳定的劳动关系，根据${laws}等法律、法规和规章的规定，甲乙双方经平等协商，订立本合同。`,
      ]
  for (const p of paragraphs) kit.paragraph(p)
  if (d.congress) {
    kit.paragraph(`本合同草案已经${d.congress.name}于${formatDate(d.congress.date)}审议通过。`)
  }
}

/** Clauses every agreement ends with: copies, filing, effect. */
export function closingClauses(type: TAgreementType, w: TWording): string[] {
  const effect =
    type === 'wage'
      ? `本合同由甲方报送${w.bureauTerm}审查。${w.bureauTerm}自收到文本之日起15日内未提出异议的，本合同即行生效；收到《工资协议审查意见书》的，依照其意见办理（《工资集体协商试行办法》第二十一条、第二十二条）。`
      : `本合同由甲方报送${w.bureauTerm}审查。${w.bureauTerm}自收到文本之日起15日内未提出异议的，本合同即行生效（${w.reviewBasis}）。`
  return [
    effect,
    `本合同生效后，甲乙双方应当及时以适当的形式向本方全体人员公布（《集体合同规定》第四十八条）。`,
    `本合同一式${w.filingCopies + 2}份，甲乙双方各执一份，${w.filingCopies}份报送${w.bureauTerm}（${w.filingCopiesBasis}），具有同等法律效力。`,
  ]
}

export function signing(kit: Kit, d: TAgreement): void {
  kit.endOfText()
  chiefsSignatures(kit, d, { date: d.signingDate, dateLabel: '签订日期：' })
  if (d.signingPlace) kit.paragraph(`签订地点：${d.signingPlace}`, { indent: 0, style: S.body, before: 6 })
}
