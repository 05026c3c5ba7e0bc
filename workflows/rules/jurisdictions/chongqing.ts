import { national } from './national.js'
import type { TRulePack } from './types.js'

/**
 * Chongqing: 重庆市集体合同条例 (2016 revision, in force 2017-01-01), read in full (LawRefBook/Laws DLC). It governs
 * general and special collective contracts, wage contracts included (Art 2, 34).
 */
export const chongqing: TRulePack = {
  ...national,
  id: 'chongqing',
  name: { zh: '重庆市', en: 'Chongqing' },
  sources: ['重庆市集体合同条例 (2016)', ...national.sources],
  requestReply: { length: 20, unit: 'calendarDays', article: 'Chongqing 19' },
  refusal: { rule: 'never', topics: [], article: 'Chongqing 19', note: '"不得拒绝或者拖延"' },
  team: {
    ...national.team,
    minPerSide: { value: 3, article: 'Chongqing 8' },
    maxPerSide: { value: 15, article: 'Chongqing 8' },
    sideBalance: {
      value: 'employerNotMoreThanWorker',
      article: 'Chongqing 8',
      note: '"职工方的协商代表人数不得少于用人单位的协商代表人数"',
    },
    externalMaxShare: { value: { numerator: 1, denominator: 3 }, article: 'Chongqing 11; JHR 23' },
    // Art 10 ¶3: "女职工人数占全体职工人数五分之一以上的，职工方协商代表中应当有女代表".
    womenRepresentation: {
      rule: 'atLeastOneWhenStaffShareReached',
      staffShare: { numerator: 1, denominator: 5 },
      article: 'Chongqing 10 ¶3',
    },
    unionStaffMayRepresentEmployer: { value: false, article: 'Chongqing 9 ¶3' },
  },
  vacancy: {
    fillWithin: { length: 15, unit: 'calendarDays', article: 'JHR 31' },
    beforeNextMeeting: { value: true, article: 'Chongqing 15 ¶3', note: '"应当在下一次协商会议召开前…产生新的协商代表"' },
  },
  informationBeforeMeeting: {
    wageAgreement: { length: 10, unit: 'calendarDays', article: 'Chongqing 20' },
    collectiveContract: { length: 10, unit: 'calendarDays', article: 'Chongqing 20' },
  },
  minutesSigners: { value: 'bothChiefs', article: 'Chongqing 22 ¶1; Chongqing 13' },
  suspension: {
    ...national.suspension,
    maxDaysPerSuspension: {
      value: 30,
      article: 'Chongqing 22 ¶3',
      note: '"一般不超过三十日，双方另有约定的除外"',
    },
    longerByAgreement: true,
    consent: { value: 'bothSides', article: 'Chongqing 22 ¶3' },
  },
  coordination: {
    ...national.coordination,
    // Art 48: 60 days from acceptance, +30 with the bureau head's approval — longer than JHR 52.
    period: { length: 60, unit: 'calendarDays', article: 'Chongqing 48' },
    extension: { length: 30, unit: 'calendarDays', article: 'Chongqing 48' },
  },
  congress: {
    ...national.congress,
    quorum: { value: 'twoThirds', article: 'Chongqing 26' },
    threshold: { value: 'atLeastHalf', article: 'Chongqing 26; CC 1259', note: '"须经全体职工（代表）半数以上同意"' },
  },
  filing: {
    ...national.filing,
    wageAgreement: {
      ...national.filing.wageAgreement,
      conflict: 'Chongqing 28 and JHR 42: 10 days from the chiefs\' signature; GZ 21: 7 days (statute §(g)1). 7 days satisfies both.',
    },
    collectiveContract: {
      period: { length: 10, unit: 'calendarDays', article: 'Chongqing 28' },
      countsFrom: 'signing',
    },
    copies: { value: 3, article: 'Chongqing 28' },
  },
  review: {
    period: { length: 15, unit: 'calendarDays', article: 'Chongqing 28 ¶4' },
    receiptNotice: { value: true, article: 'Chongqing 28 ¶3', note: '"出具收件通知书，明确收件内容和收件时间"' },
  },
  publication: {
    // GZ 23 (5 days) is shorter than Chongqing 29 (10 days) and satisfies both for wage agreements.
    wageAgreement: { length: 5, unit: 'calendarDays', article: 'GZ 23; Chongqing 29' },
    collectiveContract: { length: 10, unit: 'calendarDays', article: 'Chongqing 29' },
    by: { value: 'employer', article: 'Chongqing 29', note: '"以书面形式向全体职工公布"' },
  },
  term: {
    wageAgreement: { ...national.term.wageAgreement, article: 'Chongqing 24; JHR 38; GZ 24' },
    collectiveContract: { minMonths: 12, maxMonths: 36, typicalMonths: null, article: 'Chongqing 24 ¶3' },
  },
  renewalWindow: {
    // Chongqing 33 covers every collective contract, wage contracts included; it is wider than GZ 24 (60 days).
    wageAgreement: { length: 3, unit: 'months', article: 'Chongqing 33; GZ 24' },
    collectiveContract: { length: 3, unit: 'months', article: 'Chongqing 33' },
  },
}
