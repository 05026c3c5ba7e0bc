/** JHR 43 routing of a filing to its receiving bureau (workflows/review/routing.ts). */
import { describe, expect, it } from 'vitest'
import { receivesFiling, routeFiling, type TRegionPath } from '../../../workflows/review/routing.js'
import { getRulePack } from '../../../workflows/rules/jurisdictions/index.js'

const rule = getRulePack('national')!.routing
const gd = { code: '440000', level: 'province' }
const gz = { code: '440100', level: 'prefecture' }
const sz = { code: '440300', level: 'prefecture' }
const tianhe: TRegionPath = [{ code: '440106', level: 'county' }, gz, gd]
const huangpu: TRegionPath = [{ code: '440112', level: 'county' }, gz, gd]
const nanshan: TRegionPath = [{ code: '440305', level: 'county' }, sz, gd]
const xihu: TRegionPath = [{ code: '330106', level: 'county' }, { code: '330100', level: 'prefecture' }, { code: '330000', level: 'province' }]

describe('routeFiling (JHR 43)', () => {
  it('territorial: an enterprise in one district files with that district\'s bureau', () => {
    const r = routeFiling({ seat: tianhe, establishments: [], centralEnterprise: false, rule })
    expect(r).toMatchObject({ regionCode: '440106', level: 'county', reason: 'territorial', article: 'JHR 43' })
    expect(r.explanation.zh).toContain('属地管辖')
  })

  it('an establishment in the same district changes nothing', () => {
    expect(routeFiling({ seat: tianhe, establishments: [tianhe], centralEnterprise: false, rule })).toMatchObject({ regionCode: '440106', reason: 'territorial' })
  })

  it('two districts of one city → the city bureau', () => {
    expect(routeFiling({ seat: tianhe, establishments: [huangpu], centralEnterprise: false, rule })).toMatchObject({ regionCode: '440100', level: 'prefecture', reason: 'multiRegion' })
  })

  it('two cities of one province → the provincial bureau', () => {
    expect(routeFiling({ seat: tianhe, establishments: [nanshan], centralEnterprise: false, rule })).toMatchObject({ regionCode: '440000', level: 'province', reason: 'multiRegion' })
  })

  it('an enterprise spanning provinces → the ministry or the province it designates (the seat\'s province)', () => {
    const r = routeFiling({ seat: tianhe, establishments: [xihu], centralEnterprise: false, rule })
    expect(r).toMatchObject({ regionCode: '440000', level: 'province', reason: 'crossProvince' })
    expect(r.explanation.zh).toContain('跨2个省级行政区')
  })

  it('a central enterprise goes to the provincial level even with one establishment', () => {
    expect(routeFiling({ seat: tianhe, establishments: [], centralEnterprise: true, rule })).toMatchObject({ regionCode: '440000', reason: 'centralEnterprise' })
  })

  it('a seat registered at city level is received by the city bureau (never below the seat)', () => {
    expect(routeFiling({ seat: [gz, gd], establishments: [], centralEnterprise: false, rule })).toMatchObject({ regionCode: '440100', level: 'prefecture' })
  })

  it('a pack with provincial territorial level routes every filing to the province', () => {
    expect(routeFiling({ seat: tianhe, establishments: [], centralEnterprise: false, rule: { ...rule, territorialLevel: 'province' } })).toMatchObject({ regionCode: '440000' })
  })

  it('receivesFiling: the routed bureau and those above it receive; a sibling or a bureau below does not', () => {
    const routedPath = ['440100', '440000']
    expect(receivesFiling(['440100'], routedPath)).toBe(true)
    expect(receivesFiling(['440000'], routedPath)).toBe(true)
    expect(receivesFiling(['440106'], routedPath)).toBe(false)
    expect(receivesFiling(['440300'], routedPath)).toBe(false)
  })
})
