/**
 * The regional wage figures shipped for the demo regions: only values that could be checked against a published
 * report, each with its source. Where the official notice itself was not at hand, `source.title`/`issuer` name the
 * notice as the report describes it, `source.url` is the report that was checked, and `note` says so. Document numbers
 * (文号) are given only where seen. An admin replaces or extends these through the upload (wage-standards.ts).
 *
 * Not shipped because they could not be verified (see the report in the change that added this file): the
 * Guangdong tiers other than Guangzhou and Shenzhen and all Guangdong hourly rates; Shandong's current standard;
 * the county-by-county tier maps of Zhejiang and Henan (their tiers are on the province, so a lookup answers
 * `tierUnknown`); any 2025/2026 wage guideline (工资指导线), urban CPI or average wage of the demo regions.
 */
import type { TDatabase } from '../db/database.js'
import {
  upsertWageStandards,
  yuanToFen,
  ZWageStandardUpload,
  type TUpsertWageStandardsResult,
  type TWageStandardEntryInput,
} from './wage-standards.js'

const SHANGHAI_2025 = {
  title: '上海市调整最低工资标准（2025年7月1日起）',
  issuer: '上海市人力资源和社会保障局',
  url: 'https://www.10100.com/article/1972071',
} as const
const SHANGHAI_NOTE =
  'Checked against two reports: 10100.com (China Briefing text) and focus.cbbc.org "What does Shanghai\'s minimum wage ' +
  'rise imply for the economy?" (2025-07-20): monthly 2,690 → 2,740 yuan, hourly 24 → 25 yuan from 1 July 2025. ' +
  'Shanghai\'s minimum wage excludes the employee\'s social insurance and housing fund contributions.'

const BEIJING_2025 = {
  title: '北京市调整最低工资标准（2025年9月1日起）',
  issuer: '北京市人力资源和社会保障局',
  url: 'https://www.talent-spot.com/key-adjustments-in-chinese-cities.html',
} as const
const BEIJING_NOTE =
  'Checked against talent-spot.com "Key Adjustments in Chinese Cities" (2025-09-22, citing the Beijing HRSS Bureau, ' +
  'No. 7 [2025]; full document prefix not seen) and globalneighbours.org (2025-09-02): monthly 2,420 → 2,540 yuan ' +
  'from 1 September 2025; non-full-time hourly 27.7 yuan (full-time hourly 14.6 and holiday hourly 65.1 yuan are ' +
  'not stored). Excludes the employee\'s social insurance and housing fund contributions.'

const GUANGDONG_2025 = {
  title: '广东省调整企业职工最低工资标准（2025年3月1日起）',
  issuer: '广东省人民政府',
  url: 'https://www.futuresstocktrading.com/?p=14747',
} as const

const CHONGQING_2025 = {
  title: '重庆市调整全市最低工资标准（2025年1月1日起）',
  issuer: '重庆市人民政府',
  url: 'http://www.a-zlf.com.cn/jap_shownews.asp?id=2686&smallclass=%E6%B3%95%E5%BE%8B%E6%9C%9F%E5%88%8A',
} as const
const CHONGQING_NOTE =
  'Checked against the law-firm bulletin a-zlf.com.cn (2025-01-27, "複数の省が最低賃金を改定、2025年1月1日から施行"): ' +
  '"万州区など29区" 2,330 yuan/month and 23 yuan/hour; "城口県など12県" 2,200 yuan/month and 22 yuan/hour. ' +
  'Chongqing has exactly 12 counties (GB/T 2260 5002xx), so the second tier is stored on each of them and the ' +
  'first on the municipality, which then covers every district (the report\'s count of 29 presumably adds ' +
  'management zones without a division code to the 26 districts; the full list was not seen).'

const ZHEJIANG_2024 = {
  title: '浙江省人民政府关于调整全省最低工资标准的通知（2024年1月1日起）',
  issuer: '浙江省人民政府',
  url: 'http://en.people.cn/n3/2024/0116/c90000-20122698.html',
} as const
const ZHEJIANG_NOTE =
  'Checked against Xinhua via People\'s Daily Online (2024-01-16) and ECNS (2024-05-21): 2,490 / 2,260 / 2,010 ' +
  'yuan a month "in the province\'s different cities" from 1 January 2024. Which county applies which tier is set ' +
  'by the cities and is not loaded; the hourly rates were not verified. Check whether a later adjustment superseded it.'

const HENAN_2025 = {
  title: '河南省调整最低工资标准（2025年12月1日起）',
  issuer: '河南省人民政府',
  url: 'https://www.china-payroll.com/china-updates-minimum-wage-standards-across-multiple-provinces-2025-overview',
} as const
const HENAN_NOTE =
  'Checked against china-payroll.com "China Updates Minimum Wage Standards Across Multiple Provinces (2025 Overview)" ' +
  '(as of 2025-12-09): monthly 2,350 / 2,150 / 2,000 yuan, hourly 23 / 21.1 / 19.6 yuan, effective 1 December 2025. ' +
  'The tier of each city and county is not loaded.'

/** Chongqing's 12 counties (GB/T 2260 5002xx, under 500000 in our hierarchy). */
const CHONGQING_COUNTIES = ['500229', '500230', '500231', '500233', '500235', '500236', '500237', '500238', '500240', '500241', '500242', '500243']

const tiers = (
  regionCode: string,
  year: number,
  effectiveFrom: string,
  kind: 'minimumMonthly' | 'minimumHourly',
  values: readonly string[],
  source: TWageStandardEntryInput['source'],
  note: string,
): TWageStandardEntryInput[] =>
  values.map((yuan, i) => ({ regionCode, year, kind, tier: `第${'一二三四五'[i]}档`, value: yuanToFen(yuan), effectiveFrom, source, note }))

export const SEED_WAGE_STANDARDS: TWageStandardEntryInput[] = [
  // 上海 (one city-wide standard)
  { regionCode: '310000', year: 2025, kind: 'minimumMonthly', value: yuanToFen('2740'), effectiveFrom: '2025-07-01', source: SHANGHAI_2025, note: SHANGHAI_NOTE },
  { regionCode: '310000', year: 2025, kind: 'minimumHourly', value: yuanToFen('25'), effectiveFrom: '2025-07-01', source: SHANGHAI_2025, note: SHANGHAI_NOTE },
  // 北京 (one city-wide standard)
  { regionCode: '110000', year: 2025, kind: 'minimumMonthly', value: yuanToFen('2540'), effectiveFrom: '2025-09-01', source: BEIJING_2025, note: BEIJING_NOTE },
  { regionCode: '110000', year: 2025, kind: 'minimumHourly', value: yuanToFen('27.7'), effectiveFrom: '2025-09-01', source: BEIJING_2025, note: BEIJING_NOTE },
  // 广东: 广州 is the first tier (第一类); 深圳 sets its own standard.
  {
    regionCode: '440100',
    year: 2025,
    kind: 'minimumMonthly',
    tier: '第一类',
    value: yuanToFen('2500'),
    effectiveFrom: '2025-03-01',
    source: GUANGDONG_2025,
    note:
      'Checked against futuresstocktrading.com (first-half 2025 round-up: "Guangdong: Guangzhou (2,500 yuan) and ' +
      'Shenzhen (2,520 yuan) lead tier-1 cities (March 1)") and mintdora.com (2025-07-27: "Guangdong (excluding ' +
      'Shenzhen) at RMB 2,500"). The other Guangdong tiers and the hourly rate were not verified.',
  },
  {
    regionCode: '440300',
    year: 2025,
    kind: 'minimumMonthly',
    value: yuanToFen('2520'),
    effectiveFrom: '2025-03-01',
    source: { title: '深圳市调整最低工资标准（2025年）', issuer: '深圳市人民政府', url: GUANGDONG_2025.url },
    note:
      'Checked against futuresstocktrading.com and mintdora.com ("Shenzhen at RMB 2,520"). The effective date is the ' +
      'March 1 given for the Guangdong round in the same report; Shenzhen\'s own notice was not seen.',
  },
  // 重庆: districts first tier (on the municipality), the 12 counties second tier.
  { regionCode: '500000', year: 2025, kind: 'minimumMonthly', tier: '第一档', value: yuanToFen('2330'), effectiveFrom: '2025-01-01', source: CHONGQING_2025, note: CHONGQING_NOTE },
  { regionCode: '500000', year: 2025, kind: 'minimumHourly', tier: '第一档', value: yuanToFen('23'), effectiveFrom: '2025-01-01', source: CHONGQING_2025, note: CHONGQING_NOTE },
  ...CHONGQING_COUNTIES.flatMap((regionCode): TWageStandardEntryInput[] => [
    { regionCode, year: 2025, kind: 'minimumMonthly', tier: '第二档', value: yuanToFen('2200'), effectiveFrom: '2025-01-01', source: CHONGQING_2025, note: CHONGQING_NOTE },
    { regionCode, year: 2025, kind: 'minimumHourly', tier: '第二档', value: yuanToFen('22'), effectiveFrom: '2025-01-01', source: CHONGQING_2025, note: CHONGQING_NOTE },
  ]),
  // 浙江 and 河南: tiers on the province until the tier maps are loaded.
  ...tiers('330000', 2024, '2024-01-01', 'minimumMonthly', ['2490', '2260', '2010'], ZHEJIANG_2024, ZHEJIANG_NOTE),
  ...tiers('410000', 2025, '2025-12-01', 'minimumMonthly', ['2350', '2150', '2000'], HENAN_2025, HENAN_NOTE),
  ...tiers('410000', 2025, '2025-12-01', 'minimumHourly', ['23', '21.1', '19.6'], HENAN_2025, HENAN_NOTE),
]

/** Upserts the shipped figures (the demo regions must have been imported). */
export async function seedWageStandards(db: TDatabase, now: string): Promise<TUpsertWageStandardsResult> {
  const { entries } = ZWageStandardUpload.parse({ entries: SEED_WAGE_STANDARDS })
  return db.transaction(() => upsertWageStandards(entries, { loadedBy: 'seed', now }))
}
