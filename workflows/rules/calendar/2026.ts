/**
 * 2026 official holiday calendar.
 *
 * Source: 国务院办公厅关于2026年部分节假日安排的通知, dated 2025-11-04, 国办发明电〔2025〕7号. The day lists were
 * checked against the full text published by Xinhua on 2025-11-04 (reprinted at
 * politics.gmw.cn/2025-11/04/content_38391083.htm and several other outlets, all identical). The Xinhua reprint
 * does not print the document number; 国办发明电〔2025〕7号 is taken from secondary sources that agree with each
 * other (it was not read on gov.cn itself).
 * The notice, item by item:
 *   一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
 *   二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
 *   三、清明节：4月4日（周六）至6日（周一）放假，共3天。
 *   四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
 *   五、端午节：6月19日（周五）至21日（周日）放假，共3天。
 *   六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
 *   七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
 * 33 holidays, 6 adjusted working days.
 */
import type { TCalendarYear } from './types.js'

const NEW_YEAR = { zh: '元旦', en: "New Year's Day" }
const SPRING = { zh: '春节', en: 'Spring Festival' }
const QINGMING = { zh: '清明节', en: 'Qingming Festival' }
const LABOUR = { zh: '劳动节', en: 'Labour Day' }
const DRAGON_BOAT = { zh: '端午节', en: 'Dragon Boat Festival' }
const MID_AUTUMN = { zh: '中秋节', en: 'Mid-Autumn Festival' }
const NATIONAL = { zh: '国庆节', en: 'National Day' }

const NEW_YEAR_WORK = { zh: '元旦调休上班', en: "Working day (New Year's Day adjustment)" }
const SPRING_WORK = { zh: '春节调休上班', en: 'Working day (Spring Festival adjustment)' }
const LABOUR_WORK = { zh: '劳动节调休上班', en: 'Working day (Labour Day adjustment)' }
const NATIONAL_WORK = { zh: '国庆节调休上班', en: 'Working day (National Day adjustment)' }

export const calendar2026: TCalendarYear = {
  year: 2026,
  source: {
    issuer: '国务院办公厅',
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    documentNo: '国办发明电〔2025〕7号',
    issuedOn: '2025-11-04',
    url: 'https://www.gov.cn/zhengce/content/202511/content_7047090.htm',
  },
  holidays: [
    // 一、元旦
    { date: '2026-01-01', name: NEW_YEAR },
    { date: '2026-01-02', name: NEW_YEAR },
    { date: '2026-01-03', name: NEW_YEAR },
    // 二、春节
    { date: '2026-02-15', name: SPRING },
    { date: '2026-02-16', name: SPRING },
    { date: '2026-02-17', name: SPRING },
    { date: '2026-02-18', name: SPRING },
    { date: '2026-02-19', name: SPRING },
    { date: '2026-02-20', name: SPRING },
    { date: '2026-02-21', name: SPRING },
    { date: '2026-02-22', name: SPRING },
    { date: '2026-02-23', name: SPRING },
    // 三、清明节
    { date: '2026-04-04', name: QINGMING },
    { date: '2026-04-05', name: QINGMING },
    { date: '2026-04-06', name: QINGMING },
    // 四、劳动节
    { date: '2026-05-01', name: LABOUR },
    { date: '2026-05-02', name: LABOUR },
    { date: '2026-05-03', name: LABOUR },
    { date: '2026-05-04', name: LABOUR },
    { date: '2026-05-05', name: LABOUR },
    // 五、端午节
    { date: '2026-06-19', name: DRAGON_BOAT },
    { date: '2026-06-20', name: DRAGON_BOAT },
    { date: '2026-06-21', name: DRAGON_BOAT },
    // 六、中秋节
    { date: '2026-09-25', name: MID_AUTUMN },
    { date: '2026-09-26', name: MID_AUTUMN },
    { date: '2026-09-27', name: MID_AUTUMN },
    // 七、国庆节
    { date: '2026-10-01', name: NATIONAL },
    { date: '2026-10-02', name: NATIONAL },
    { date: '2026-10-03', name: NATIONAL },
    { date: '2026-10-04', name: NATIONAL },
    { date: '2026-10-05', name: NATIONAL },
    { date: '2026-10-06', name: NATIONAL },
    { date: '2026-10-07', name: NATIONAL },
  ],
  adjustedWorkingDays: [
    { date: '2026-01-04', name: NEW_YEAR_WORK }, // 周日
    { date: '2026-02-14', name: SPRING_WORK }, // 周六
    { date: '2026-02-28', name: SPRING_WORK }, // 周六
    { date: '2026-05-09', name: LABOUR_WORK }, // 周六
    { date: '2026-09-20', name: NATIONAL_WORK }, // 周日
    { date: '2026-10-10', name: NATIONAL_WORK }, // 周六
  ],
}
