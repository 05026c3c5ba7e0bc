import { describe, expect, it } from 'vitest'
import {
  DocumentDataError,
  hasPassed,
  isQuorate,
  quorumNeeded,
  renderCongressResolution,
  renderDocument,
  renderMinutes,
  renderRequestLetter,
  renderRequestResponse,
  renderTeamList,
  renderWageReviewOpinion,
  renderReviewOpinion,
  wordingFor,
  yesNeeded,
  documentRegistry,
  documentKinds,
  ZWageAgreementSchema,
} from '../../src/documents/index.js'
import { articleLabel, chapterLabel, chineseNumeral, formatAmount, formatDate, formatPercent, formatTime } from '../../src/documents/format.js'
import { samples } from '../../src/documents/samples.js'
import { pdfPages, squash, writePdf } from './pdf-tools.js'

const textOf = (name: string, bytes: Buffer) => squash(pdfPages(writePdf(name, bytes)).join('\n'))

describe('formatting', () => {
  it('writes Chinese numerals as in legal numbering', () => {
    const cases: [number, string][] = [[1, '一'], [10, '十'], [11, '十一'], [20, '二十'], [21, '二十一'], [100, '一百'], [101, '一百零一'], [110, '一百一十'], [1005, '一千零五']]
    for (const [n, s] of cases) expect(chineseNumeral(n)).toBe(s)
    expect(articleLabel(12)).toBe('第十二条')
    expect(chapterLabel(3)).toBe('第三章')
  })
  it('formats dates, times, amounts and percentages', () => {
    expect(formatDate('2026-06-24')).toBe('2026年6月24日')
    expect(formatDate('2026-10-01')).toBe('2026年10月1日')
    expect(formatTime('09:30')).toBe('9时30分')
    expect(formatTime('14:00')).toBe('14时')
    expect(formatAmount(2350)).toBe('2,350.00')
    expect(formatPercent(6.5)).toBe('6.5%')
    expect(() => formatDate('2026-02-30x')).toThrow()
  })
})

describe('congress rule (JHR 36) and its rendering', () => {
  it('counts quorum and threshold against all seats', () => {
    expect(quorumNeeded(60)).toBe(40)
    expect(isQuorate(40, 60)).toBe(true)
    expect(isQuorate(39, 60)).toBe(false)
    expect(yesNeeded(60, '半数以上')).toBe(30)
    expect(yesNeeded(60, '过半数')).toBe(31)
    expect(hasPassed(30, 60, '半数以上')).toBe(true)
    expect(hasPassed(30, 60, '过半数')).toBe(false)
    expect(yesNeeded(61, '半数以上')).toBe(31)
  })

  it('prints 通过 for 30 of 60 under 半数以上 and 未通过 under 过半数', async () => {
    const data = structuredClone(samples.congressResolution)
    data.items = [{ title: '《工资专项集体合同（草案）》', yes: 30, no: 15, abstain: 7 }]
    const inclusive = textOf('congress-30-inclusive', await renderCongressResolution(data))
    expect(inclusive).toContain('≥30通过')
    expect(inclusive).toContain('审议通过《工资专项集体合同（草案）》')
    data.threshold = '过半数'
    const strict = textOf('congress-30-strict', await renderCongressResolution(data))
    expect(strict).toContain('≥31未通过')
    expect(strict).toContain('须经全体职工代表过半数同意')
    expect(strict).toContain('未获通过（同意30票，未达到31票）')
  })

  it('takes the threshold from the jurisdiction when the data has none (Zhejiang: 过半数)', async () => {
    const data = { ...structuredClone(samples.congressResolution), jurisdiction: { id: 'zhejiang', name: '浙江省杭州市' } }
    const text = textOf('congress-zhejiang', await renderCongressResolution(data))
    expect(text).toContain('《浙江省集体合同条例》第二十四条')
    expect(text).toContain('过半数同意')
  })

  it('declares the vote void without quorum', async () => {
    const data = structuredClone(samples.congressResolution)
    data.present = 39
    data.items = [{ title: '《草案》', yes: 35, no: 2, abstain: 2 }]
    const text = textOf('congress-no-quorum', await renderCongressResolution(data))
    expect(text).toContain('不符合法定人数')
    expect(text).toContain('本次会议的表决不发生效力')
    expect(text).not.toContain('审议通过')
  })

  it('rejects more votes than representatives present', async () => {
    const data = structuredClone(samples.congressResolution)
    data.items = [{ title: '《草案》', yes: 50, no: 2, abstain: 1 }]
    await expect(renderCongressResolution(data)).rejects.toBeInstanceOf(DocumentDataError)
  })
})

describe('wording per jurisdiction', () => {
  it('minutes are signed by both chiefs nationally and by all negotiators in Shandong', async () => {
    const national = textOf('minutes-national', await renderMinutes(samples.minutes))
    expect(national).toContain('企业方首席代表（签字）')
    expect(national).not.toContain('企业方协商代表（签字）')
    const shandong = textOf('minutes-shandong', await renderMinutes({ ...samples.minutes, jurisdiction: { id: 'shandong', name: '山东省济南市' } }))
    expect(shandong).toContain('本纪要经双方全体协商代表核对无误后签字确认（《山东省企业工资集体协商条例》第二十六条）')
    expect(shandong).toContain('企业方协商代表（签字）')
    for (const name of ['陈志强：', '黄丽萍：', '郑海燕：', '李秀英：', '梁淑芬：']) expect(shandong).toContain(name)
    // A parameter overrides the jurisdiction.
    const override = textOf('minutes-override', await renderMinutes({ ...samples.minutes, signers: 'allNegotiators' }))
    expect(override).toContain('职工方协商代表（签字）')
  })

  it('the request letter states the reply period of the jurisdiction', async () => {
    expect(textOf('request-national', await renderRequestLetter(samples.requestLetter))).toContain('之日起20日内')
    const zj = textOf('request-zhejiang', await renderRequestLetter({ ...samples.requestLetter, jurisdiction: { id: 'zhejiang', name: '浙江省' } }))
    expect(zj).toContain('之日起10个工作日内')
    expect(zj).toContain('《浙江省集体合同条例》第七条')
  })

  it('the agreement states the number of copies filed (national 3, Zhejiang 5)', async () => {
    expect(wordingFor('national').filingCopies).toBe(3)
    expect(wordingFor('nowhere').filingCopies).toBe(3)
    const zj = textOf('wage-zhejiang', await renderDocument('wageAgreement', { ...samples.wageAgreement, jurisdiction: { id: 'zhejiang', name: '浙江省' } }))
    expect(zj).toContain('本合同一式7份，甲乙双方各执一份，5份报送')
  })
})

describe('document variants', () => {
  it('a refusal states its reasons; a refusal without reasons is rejected (JHR 32)', async () => {
    const refusal = { ...samples.requestResponse, decision: 'refuse' as const, meeting: undefined, refusalReasons: ['本公司已于2026年3月与工会签订2026年度工资专项集体合同，尚在有效期内。'] }
    const text = textOf('refusal', await renderRequestResponse(refusal))
    expect(text).toContain('决定暂不接受本次协商要约，理由如下')
    expect(text).toContain('（一）本公司已于2026年3月与工会签订')
    await expect(renderRequestResponse({ ...refusal, refusalReasons: [] })).rejects.toThrow(/refusalReasons/)
  })

  it('a team list needs exactly one chief per side who is not an external expert (JHR 19, 23)', async () => {
    const two = structuredClone(samples.teamList)
    two.workerTeam[1]!.isChief = true
    await expect(renderTeamList(two)).rejects.toBeInstanceOf(DocumentDataError)
    const outsider = structuredClone(samples.teamList)
    outsider.employerTeam[0]!.isExternal = true
    await expect(renderTeamList(outsider)).rejects.toThrow(/JHR 23/)
  })

  it('the wage review opinion with objection lists the opinions', async () => {
    const data = { ...samples.wageReviewOpinion, conclusion: 'objection' as const, opinions: [{ issue: '第三条约定的企业最低工资标准低于本市最低工资标准。', basis: '《最低工资规定》第十二条' }] }
    const text = textOf('wage-review-objection', await renderWageReviewOpinion(data))
    expect(text).toContain('有异议')
    expect(text).toContain('一、第三条约定的企业最低工资标准低于本市最低工资标准。（依据：《最低工资规定》第十二条）')
    expect(text).toContain('第二十二条第三款')
  })

  it('the review opinion needs both parties addresses (JHR 45)', async () => {
    const data = structuredClone(samples.reviewOpinion)
    delete (data.workerParty as { address?: string }).address
    await expect(renderReviewOpinion(data)).rejects.toThrow(/JHR 45/)
  })

  it('refuses dates that do not exist and schema mismatches with a typed error', async () => {
    const bad = { ...samples.wageAgreement, term: { start: '2026-02-30', end: '2027-06-30' } }
    const error = await renderDocument('wageAgreement', bad).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DocumentDataError)
    expect((error as DocumentDataError).issues[0]!.path).toBe('term.start')
    expect(ZWageAgreementSchema.safeParse(samples.wageAgreement).success).toBe(true)
  })

  it('a table continued on the next page repeats its header row', async () => {
    const data = structuredClone(samples.wageData)
    data.rows = Array.from({ length: 45 }, (_, i) => ({ label: `第${i + 1}项测算数据`, unit: '元', previous: 1000 + i, current: 1065 + i, decimals: 2 }))
    const pages = pdfPages(writePdf('long-table', await renderDocument('wageData', data))).map(squash)
    expect(pages.length).toBeGreaterThan(1)
    for (const p of pages.slice(0, -1)) expect(p).toContain('序号项目单位上年度本年度增减备注')
    expect(pages[1]!.indexOf('序号项目单位上年度本年度增减备注')).toBeLessThan(pages[1]!.indexOf('项测算数据'))
    for (let i = 1; i <= 45; i++) expect(pages.join('')).toContain(`第${i}项测算数据`)
  })

  it('every kind has Chinese and English names in the registry', () => {
    // Every kind has its sample (src/documents/samples.ts), and nothing else is there.
    expect([...documentKinds].sort()).toEqual(Object.keys(samples).sort())
    for (const k of documentKinds) {
      expect(documentRegistry[k].names.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(documentRegistry[k].names.en).toMatch(/^[A-Z]/)
    }
  })
})
