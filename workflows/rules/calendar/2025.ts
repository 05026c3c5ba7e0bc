/**
 * 2025 official holiday calendar.
 *
 * Source: 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, issued 2024-11-12 (published by
 * Xinhua the same day; text checked against the Xinhua reprint at m.gmw.cn/2024-11/12/content_1303894933.htm).
 * The notice, item by item:
 *   一、元旦：1月1日（周三）放假1天，不调休。
 *   二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
 *   三、清明节：4月4日（周五）至6日（周日）放假，共3天。
 *   四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
 *   五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
 *   六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
 * 28 holidays, 5 adjusted working days.
 */
import type { TCalendarYear } from './types.js'

const NEW_YEAR = { zh: '元旦', en: "New Year's Day" }
const SPRING = { zh: '春节', en: 'Spring Festival' }
const QINGMING = { zh: '清明节', en: 'Qingming Festival' }
const LABOUR = { zh: '劳动节', en: 'Labour Day' }
const DRAGON_BOAT = { zh: '端午节', en: 'Dragon Boat Festival' }
const NATIONAL_MID_AUTUMN = { zh: '国庆节、中秋节', en: 'National Day and Mid-Autumn Festival' }

const SPRING_WORK = { zh: '春节调休上班', en: 'Working day (Spring Festival adjustment)' }
const LABOUR_WORK = { zh: '劳动节调休上班', en: 'Working day (Labour Day adjustment)' }
const NATIONAL_MID_AUTUMN_WORK = {
  zh: '国庆节、中秋节调休上班',
  en: 'Working day (National Day and Mid-Autumn Festival adjustment)',
}

export const calendar2025: TCalendarYear = {
  year: 2025,
  source: {
    issuer: '国务院办公厅',
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    documentNo: '国办发明电〔2024〕12号',
    issuedOn: '2024-11-12',
    url: 'https://www.gov.cn/zhengce/content/202411/content_6986382.htm',
  },
  holidays: [
    // 一、元旦
    { date: '2025-01-01', name: NEW_YEAR },
    // 二、春节
    { date: '2025-01-28', name: SPRING },
    { date: '2025-01-29', name: SPRING },
    { date: '2025-01-30', name: SPRING },
    { date: '2025-01-31', name: SPRING },
    { date: '2025-02-01', name: SPRING },
    { date: '2025-02-02', name: SPRING },
    { date: '2025-02-03', name: SPRING },
    { date: '2025-02-04', name: SPRING },
    // 三、清明节
    { date: '2025-04-04', name: QINGMING },
    { date: '2025-04-05', name: QINGMING },
    { date: '2025-04-06', name: QINGMING },
    // 四、劳动节
    { date: '2025-05-01', name: LABOUR },
    { date: '2025-05-02', name: LABOUR },
    { date: '2025-05-03', name: LABOUR },
    { date: '2025-05-04', name: LABOUR },
    { date: '2025-05-05', name: LABOUR },
    // 五、端午节
    { date: '2025-05-31', name: DRAGON_BOAT },
    { date: '2025-06-01', name: DRAGON_BOAT },
    { date: '2025-06-02', name: DRAGON_BOAT },
    // 六、国庆节、中秋节
    { date: '2025-10-01', name: NATIONAL_MID_AUTUMN },
    { date: '2025-10-02', name: NATIONAL_MID_AUTUMN },
    { date: '2025-10-03', name: NATIONAL_MID_AUTUMN },
    { date: '2025-10-04', name: NATIONAL_MID_AUTUMN },
    { date: '2025-10-05', name: NATIONAL_MID_AUTUMN },
    { date: '2025-10-06', name: NATIONAL_MID_AUTUMN },
    { date: '2025-10-07', name: NATIONAL_MID_AUTUMN },
    { date: '2025-10-08', name: NATIONAL_MID_AUTUMN },
  ],
  adjustedWorkingDays: [
    { date: '2025-01-26', name: SPRING_WORK }, // 周日
    { date: '2025-02-08', name: SPRING_WORK }, // 周六
    { date: '2025-04-27', name: LABOUR_WORK }, // 周日
    { date: '2025-09-28', name: NATIONAL_MID_AUTUMN_WORK }, // 周日
    { date: '2025-10-11', name: NATIONAL_MID_AUTUMN_WORK }, // 周六
  ],
}
