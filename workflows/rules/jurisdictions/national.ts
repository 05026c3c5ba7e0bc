import type { TRulePack } from './types.js'

/** National rules: 集体合同规定 2004 (JHR), 工资集体协商试行办法 2000 (GZ). */
export const national: TRulePack = {
  id: 'national',
  name: { zh: '全国（国家规定）', en: 'National rules' },
  timeZone: 'Asia/Shanghai',
  // JHR 32: "20日内以书面形式给以回应"; GZ 17: "20日内予以书面答复".
  requestReply: { length: 20, unit: 'calendarDays', article: 'JHR 32; GZ 17' },
}
