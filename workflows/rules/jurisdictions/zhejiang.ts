import { national } from './national.js'
import type { TRulePack } from './types.js'

/**
 * Zhejiang: 浙江省集体合同条例 (2010 revision, in force 2011-01-01), read in full (LawRefBook/Laws DLC), and
 * 浙江省企业民主管理条例 (2010) Art 15 for the congress ballot. It governs every kind of collective contract,
 * including 工资专项集体合同 (Art 3, 19).
 */
export const zhejiang: TRulePack = {
  ...national,
  id: 'zhejiang',
  name: { zh: '浙江省', en: 'Zhejiang' },
  sources: ['浙江省集体合同条例 (2010)', '浙江省企业民主管理条例 (2010)', ...national.sources],
  // Art 7: "另一方不得拒绝，并应当在收到书面要求之日起十个工作日内予以书面答复".
  requestReply: { length: 10, unit: 'workingDays', article: 'Zhejiang 7' },
  refusal: { rule: 'never', topics: [], article: 'Zhejiang 7' },
  team: {
    ...national.team,
    minPerSide: { value: 3, article: 'Zhejiang 10' },
    largeFirm: { minPerSide: 5, definition: 'aboveDesignatedSize', article: 'Zhejiang 10' },
    sideBalance: { value: 'employerNotMoreThanWorker', article: 'Zhejiang 10' },
    externalMaxShare: { value: { numerator: 1, denominator: 3 }, article: 'Zhejiang 10 ¶4; JHR 23' },
    // Art 10 ¶2: "女性、残疾人劳动者较多的用人单位，劳动者一方的协商代表中应当有相应比例的女性、残疾人代表" — no number.
    // (statute.md §(f) reads this as "≥1/5 women"; the text has no fraction.)
    womenRepresentation: {
      rule: 'proportionalWhenNumerous',
      staffShare: null,
      article: 'Zhejiang 10 ¶2',
      note: 'No threshold in the text: shown as guidance, not checked.',
    },
  },
  informationBeforeMeeting: {
    // Art 16 ¶2: agenda, representative list and requested information "在举行集体协商会议的七日前".
    wageAgreement: { length: 7, unit: 'calendarDays', article: 'Zhejiang 16' },
    collectiveContract: { length: 7, unit: 'calendarDays', article: 'Zhejiang 16' },
  },
  minutesSigners: { value: 'bothChiefs', article: 'Zhejiang 16 ¶3' },
  suspension: {
    ...national.suspension,
    consent: { value: 'workerSide', article: 'Zhejiang 17', note: '"经劳动者一方同意，可以中止协商"' },
  },
  coordination: {
    ...national.coordination,
    period: { length: 30, unit: 'calendarDays', article: 'Zhejiang 39; JHR 52' },
    extension: { length: 15, unit: 'calendarDays', article: 'Zhejiang 39; JHR 52' },
    extensionNeedsWrittenReasons: { value: true, article: 'Zhejiang 39' },
  },
  congress: {
    ...national.congress,
    quorum: { value: 'twoThirds', article: 'Zhejiang 24' },
    threshold: { value: 'moreThanHalf', article: 'Zhejiang 24', note: '"全体代表过半数": strictly more than half.' },
    secretBallotRequired: { value: true, article: 'Zhejiang 企业民主管理条例 15' },
    submission: { length: 15, unit: 'workingDays', article: 'Zhejiang 24' },
    resubmission: { length: 5, unit: 'workingDays', article: 'Zhejiang 24 ¶3' },
  },
  filing: {
    ...national.filing,
    wageAgreement: {
      ...national.filing.wageAgreement,
      conflict: 'Zhejiang 34 and JHR 42: 10 days from the chiefs\' signature; GZ 21: 7 days (statute §(g)1). 7 days satisfies both.',
    },
    collectiveContract: {
      period: { length: 10, unit: 'calendarDays', article: 'Zhejiang 34' },
      countsFrom: 'signing',
    },
    copies: { value: 5, article: 'Zhejiang 34', note: '"一式五份及说明等材料"' },
    explanatoryNote: { wageAgreement: true, collectiveContract: true, article: 'Zhejiang 34; GZ 21' },
    termination: { length: 5, unit: 'workingDays', article: 'Zhejiang 33' },
  },
  review: { ...national.review, period: { length: 15, unit: 'calendarDays', article: 'Zhejiang 34; JHR 47' } },
  publication: {
    // GZ 23 (5 calendar days) is shorter than Zhejiang 35 (5 working days) and satisfies both for wage agreements.
    wageAgreement: { length: 5, unit: 'calendarDays', article: 'GZ 23; Zhejiang 35' },
    collectiveContract: { length: 5, unit: 'workingDays', article: 'Zhejiang 35' },
    by: { value: 'employer', article: 'Zhejiang 35', note: 'The employer publishes the text to all workers.' },
  },
  term: {
    wageAgreement: {
      minMonths: 12,
      maxMonths: 36,
      typicalMonths: 12,
      article: 'Zhejiang 30',
      note: 'Zhejiang 30 ¶2: a wage contract is generally for one year.',
    },
    collectiveContract: { minMonths: 12, maxMonths: 36, typicalMonths: null, article: 'Zhejiang 30' },
  },
  renewalWindow: {
    wageAgreement: { length: 90, unit: 'calendarDays', article: 'Zhejiang 30 ¶3' },
    collectiveContract: { length: 90, unit: 'calendarDays', article: 'Zhejiang 30 ¶3' },
  },
}
