/** 工资专项集体合同 (工资协议): the nine items of GZ 7 as 第一条…第九条. */
import { ZWageAgreementSchema, type TClause, type TWageAgreement } from '../types.js'
import { defineDocument } from '../render.js'
import { articleLabel } from '../format.js'
import type { Kit } from '../layout/kit.js'
import { S } from '../layout/kit.js'
import { clause, header } from './common.js'
import { closingClauses, parties, preamble, signing, termSentence } from './agreement-common.js'

/** GZ 7 (1)–(9), in the order of the article. */
export const WAGE_AGREEMENT_ITEMS = [
  ['term', '协议期限'],
  ['paySystem', '工资分配制度、工资标准和工资分配形式'],
  ['wageLevel', '职工年度平均工资水平及其调整幅度'],
  ['bonuses', '奖金、津贴、补贴等分配办法'],
  ['payment', '工资支付办法'],
  ['changeProcedure', '变更、解除工资协议的程序'],
  ['termination', '工资协议的终止条件'],
  ['liability', '工资协议的违约责任'],
  ['other', '双方认为应当协商约定的其他事项'],
] as const satisfies readonly (readonly [keyof TWageAgreement['items'], string])[]

/** 第一条　协议期限 as a bold line, then its clauses. */
function article(kit: Kit, n: number, title: string, clauses: readonly TClause[]): void {
  kit.paragraph(`${articleLabel(n)}　${title}`, { style: S.bodyBold, indent: 2, align: 'left', before: 4, keepWithNext: 2 * 21 })
  for (const c of clauses) clause(kit, c)
}

export const wageAgreementDocument = defineDocument({
  kind: 'wageAgreement',
  schema: ZWageAgreementSchema,
  names: { zh: '工资专项集体合同', en: 'Wage Agreement' },
  title: (d) => ({ zh: d.title, en: 'Wage Agreement (Special Collective Contract on Wages)' }),
  author: (d) => `${d.enterprise.name}；${d.workerParty.name}`,
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    parties(kit, d)
    preamble(kit, d, 'wage')
    if (d.annexTo) kit.paragraph(`本合同为《${d.annexTo}》的附件，与其具有同等效力（《工资集体协商试行办法》第三条）。`)
    WAGE_AGREEMENT_ITEMS.forEach(([key, title], i) => {
      const extra: TClause[] = []
      if (key === 'term') extra.push(termSentence(d.term))
      const clauses = [...extra, ...d.items[key]]
      if (key === 'other') clauses.push(...closingClauses('wage', ctx.wording))
      article(kit, i + 1, title, clauses)
    })
    signing(kit, d)
  },
})

export const renderWageAgreement = wageAgreementDocument.render
