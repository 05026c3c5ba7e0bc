/**
 * Pieces shared by the renderers: party names, title block, numbered lists, clauses.
 */
import type { Kit, TSignLine } from '../layout/kit.js'
import { formatDate, formatTime, subItemLabel } from '../format.js'
import type { TAgreementType, TClause, TCommon, TContractRef, TSide } from '../types.js'
import type { TDrawContext } from '../render.js'

export const sideName = (side: TSide): string => (side === 'employer' ? '企业方' : '职工方')
/** 甲方 is the employer, 乙方 the worker side, as in the usual contract templates. */
export const partyLabel = (side: TSide): string => (side === 'employer' ? '甲方（企业方）' : '乙方（职工方）')
export const partyName = (data: TCommon, side: TSide): string => (side === 'employer' ? data.enterprise.name : data.workerParty.name)
export const otherSide = (side: TSide): TSide => (side === 'employer' ? 'worker' : 'employer')

/** 工资集体协商 / 集体协商 */
export const negotiationName = (t: TAgreementType): string => (t === 'wage' ? '工资集体协商' : '集体协商')
/** 工资专项集体合同 / 集体合同 */
export const agreementName = (t: TAgreementType): string => (t === 'wage' ? '工资专项集体合同' : '集体合同')

export const dateTime = (date: string, time?: string): string => (time ? `${formatDate(date)}${formatTime(time)}` : formatDate(date))

/** Title block: Chinese title, optional English subtitle, document number. */
export function header(kit: Kit, data: TCommon, ctx: TDrawContext): void {
  kit.titleBlock(ctx.title.zh, data.bilingualTitle ? ctx.title.en : undefined, data.documentNumber)
}

/** （一）…（二）… paragraphs, each indented two characters. */
export function subItems(kit: Kit, items: readonly string[]): void {
  items.forEach((it, i) => kit.paragraph(`${subItemLabel(i + 1)}${it}`))
}

/** A list or "无" when empty. */
export function subItemsOrNone(kit: Kit, items: readonly string[]): void {
  if (items.length === 0) kit.paragraph('无。')
  else subItems(kit, items)
}

/** A clause (款) with its items (项). */
export function clause(kit: Kit, c: TClause): void {
  if (typeof c === 'string') {
    kit.paragraph(c)
  } else {
    kit.paragraph(c.text)
    subItems(kit, c.items)
  }
}

/** Joins names with the Chinese enumeration comma: 张三、李四. */
export const names = (list: readonly string[]): string => list.join('、')

/** The two chiefs' signature blocks with the parties' seals and a date line. */
export function chiefsSignatures(kit: Kit, data: TCommon, opts: { date?: string; seal?: boolean; dateLabel?: string } = {}): void {
  const col = (side: TSide): TSignLine[] => [
    { label: `${side === 'employer' ? '甲方' : '乙方'}${opts.seal === false ? '' : '（盖章）'}：`, value: partyName(data, side) },
    { label: '首席代表（签字）：' },
    opts.date ? { label: opts.dateLabel ?? '日期：', value: formatDate(opts.date) } : { label: opts.dateLabel ?? '日期：　　　　年　　月　　日', value: '' },
  ]
  kit.signatureColumns([col('employer'), col('worker')])
}


/** 《title》（登记编号：…）: the contract in force as named in a notice or request. */
export const contractRefText = (c: TContractRef): string => `《${c.title}》${c.registrationNumber ? `（登记编号：${c.registrationNumber}）` : ''}`

/** The requesting side's seal, its chief's signature line and the date: the foot of a letter from one party. */
export function partySeal(kit: Kit, data: TCommon, side: TSide, date: string): void {
  kit.sealBlock([`${partyName(data, side)}（盖章）`, '首席代表（签字）：　　　　　　', formatDate(date)])
}

/** 联系人 and phone of a letter, when given. */
export function contactLine(kit: Kit, contact: { name: string; phone: string } | undefined): void {
  if (contact) kit.paragraph(`联系人：${contact.name}　　联系电话：${contact.phone}`, { before: 6 })
}
