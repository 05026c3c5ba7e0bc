/**
 * 集体合同: chapters after the matters of JHR 8 (第一章…), articles numbered continuously across chapters
 * (第一条…), the term and the closing clauses added from the data and the jurisdiction's wording.
 */
import { ZCollectiveContractSchema, type TClause, type TContractTopic } from '../types.js'
import { defineDocument } from '../render.js'
import { articleLabel, chapterLabel } from '../format.js'
import { header, subItems } from './common.js'
import { closingClauses, parties, preamble, signing, termSentence } from './agreement-common.js'

/** Default chapter titles for the matters listed in JHR 8. */
export const CONTRACT_TOPIC_TITLES: Readonly<Record<TContractTopic, string>> = {
  general: '总则',
  pay: '劳动报酬',
  hours: '工作时间',
  rest: '休息休假',
  safety: '劳动安全与卫生',
  insurance: '补充保险和福利',
  specialProtection: '女职工和未成年工特殊保护',
  training: '职业技能培训',
  laborContracts: '劳动合同管理',
  rewards: '奖惩',
  layoffs: '裁员',
  term: '集体合同期限',
  changeProcedure: '变更、解除集体合同的程序',
  disputes: '履行集体合同发生争议时的协商处理办法',
  liability: '违反集体合同的责任',
  other: '附则',
}

export const collectiveContractDocument = defineDocument({
  kind: 'collectiveContract',
  schema: ZCollectiveContractSchema,
  names: { zh: '集体合同', en: 'Collective Contract' },
  title: (d) => ({ zh: d.title, en: 'Collective Contract' }),
  author: (d) => `${d.enterprise.name}；${d.workerParty.name}`,
  draw: (kit, d, ctx) => {
    header(kit, d, ctx)
    parties(kit, d)
    preamble(kit, d, 'collective')
    const term = termSentence(d.term)
    const chapters: { title: string; clauses: TClause[] }[] = d.chapters.map((c) => ({
      title: c.title ?? CONTRACT_TOPIC_TITLES[c.topic],
      clauses: c.topic === 'term' ? [term, ...c.clauses] : [...c.clauses],
    }))
    const hasTerm = d.chapters.some((c) => c.topic === 'term')
    const closing = [...(hasTerm ? [] : [term]), ...closingClauses('collective', ctx.wording)]
    const last = d.chapters[d.chapters.length - 1]!
    if (last.topic === 'other') chapters[chapters.length - 1]!.clauses.push(...closing)
    else chapters.push({ title: CONTRACT_TOPIC_TITLES.other, clauses: closing })

    let article = 1
    chapters.forEach((ch, i) => {
      kit.chapter(`${chapterLabel(i + 1)}　${ch.title}`)
      for (const c of ch.clauses) {
        if (typeof c === 'string') {
          kit.article(articleLabel(article++), c)
        } else {
          kit.article(articleLabel(article++), c.text)
          subItems(kit, c.items)
        }
      }
    })
    signing(kit, d)
  },
})

export const renderCollectiveContract = collectiveContractDocument.render
