/**
 * Wording that differs by jurisdiction, keyed by the rule-pack id (workflows/rules/jurisdictions). National
 * defaults apply to every field a jurisdiction does not set. Sources: /work/shared/statute.md §(a), (b), (d), (f).
 */
import type { TThreshold } from './types.js'

export type TWording = {
  /** Who signs the minutes of a round. National rules are silent (statute §(d)); most local rules say the chiefs. */
  minutesSigners: 'chiefs' | 'allNegotiators'
  /** The article printed beside the minutes' signature lines; empty when none applies. */
  minutesSignersBasis: string
  /** Copies of the contract filed with the bureau (JHR 42: 3; Zhejiang 34: 5). */
  filingCopies: number
  filingCopiesBasis: string
  /** Period for the written reply to a negotiation request. */
  replyPeriod: { length: number; unit: 'calendarDays' | 'workingDays' }
  replyBasis: string
  /** Threshold of yes votes against all representatives. */
  congressThreshold: TThreshold
  congressBasis: string
  /** The review period of the bureau from receipt of the text. */
  reviewBasis: string
  /** How the labour bureau is named in running text. */
  bureauTerm: string
}

export const nationalWording: TWording = {
  minutesSigners: 'chiefs',
  minutesSignersBasis: '',
  filingCopies: 3,
  filingCopiesBasis: '《集体合同规定》第四十二条',
  replyPeriod: { length: 20, unit: 'calendarDays' },
  replyBasis: '《集体合同规定》第三十二条、《工资集体协商试行办法》第十七条',
  congressThreshold: '半数以上',
  congressBasis: '《集体合同规定》第三十六条',
  reviewBasis: '《集体合同规定》第四十四条至第四十七条',
  bureauTerm: '人力资源社会保障行政部门',
}

/** Local differences only; everything else falls back to nationalWording. */
export const wordingByJurisdiction: Readonly<Record<string, Partial<TWording>>> = {
  national: {},
  beijing: {
    minutesSignersBasis: '《北京市集体合同条例》第三十五条',
    congressBasis: '《北京市集体合同条例》第三十八条',
  },
  shanghai: {
    minutesSignersBasis: '《上海市集体合同条例》第十八条',
    replyPeriod: { length: 15, unit: 'calendarDays' },
    replyBasis: '《上海市集体合同条例》第十五条',
    congressBasis: '《上海市集体合同条例》第二十二条',
  },
  zhejiang: {
    minutesSignersBasis: '《浙江省集体合同条例》第十六条',
    filingCopies: 5,
    filingCopiesBasis: '《浙江省集体合同条例》第三十四条',
    replyPeriod: { length: 10, unit: 'workingDays' },
    replyBasis: '《浙江省集体合同条例》第七条',
    congressThreshold: '过半数',
    congressBasis: '《浙江省集体合同条例》第二十四条',
  },
  chongqing: {
    minutesSignersBasis: '《重庆市集体合同条例》第二十二条',
    replyBasis: '《重庆市集体合同条例》第十九条',
    congressBasis: '《重庆市集体合同条例》第二十六条',
    filingCopiesBasis: '《重庆市集体合同条例》第二十八条',
  },
  shandong: {
    minutesSigners: 'allNegotiators',
    minutesSignersBasis: '《山东省企业工资集体协商条例》第二十六条',
    replyPeriod: { length: 10, unit: 'calendarDays' },
    replyBasis: '《山东省企业工资集体协商条例》第二十一条',
    congressThreshold: '过半数',
    congressBasis: '《山东省企业工资集体协商条例》第二十七条',
  },
  henan: {
    minutesSigners: 'allNegotiators',
    minutesSignersBasis: '《河南省企业工资集体协商条例》第二十五条',
    replyPeriod: { length: 10, unit: 'workingDays' },
    replyBasis: '《河南省企业工资集体协商条例》第二十一条',
  },
  hangzhou: {
    minutesSignersBasis: '《杭州市企业工资集体协商条例》第二十六条',
    replyPeriod: { length: 10, unit: 'workingDays' },
    replyBasis: '《杭州市企业工资集体协商条例》第二十四条',
    congressThreshold: '过半数',
    congressBasis: '《杭州市企业工资集体协商条例》第二十八条',
  },
  ningbo: {
    minutesSignersBasis: '《宁波市企业工资集体协商条例》第十八条',
    replyPeriod: { length: 10, unit: 'workingDays' },
    replyBasis: '《宁波市企业工资集体协商条例》第十四条',
  },
}

/** The wording of a jurisdiction, national defaults filled in. Unknown ids get the national wording. */
export function wordingFor(jurisdictionId: string): TWording {
  const local = Object.hasOwn(wordingByJurisdiction, jurisdictionId) ? wordingByJurisdiction[jurisdictionId] : undefined
  return { ...nationalWording, ...local }
}

/** "20日" or "10个工作日" */
export function periodText(p: { length: number; unit: 'calendarDays' | 'workingDays' }): string {
  return p.unit === 'workingDays' ? `${p.length}个工作日` : `${p.length}日`
}
