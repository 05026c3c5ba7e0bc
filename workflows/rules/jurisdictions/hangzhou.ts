import { national } from './national.js'
import type { TRulePack } from './types.js'

/**
 * Hangzhou: 杭州市企业工资集体协商条例 (2014), read in full (LawRefBook/Laws DLC). Wage agreements only; other kinds
 * follow the Zhejiang pack (provincial regulation). Disputes follow Zhejiang 39 (Hangzhou 44).
 */
export const hangzhou: TRulePack = {
  ...national,
  id: 'hangzhou',
  name: { zh: '杭州市', en: 'Hangzhou' },
  sources: ['杭州市企业工资集体协商条例 (2014)', '浙江省集体合同条例 (2010)', ...national.sources],
  scope: { kinds: ['wageAgreement'], otherKindsPack: 'zhejiang', note: 'Wage agreements only (Hangzhou 2).' },
  requestReply: { length: 10, unit: 'workingDays', article: 'Hangzhou 24' },
  refusal: { rule: 'never', topics: [], article: 'Hangzhou 24' },
  team: {
    ...national.team,
    minPerSide: { value: 3, article: 'Hangzhou 16' },
    maxPerSide: { value: 9, article: 'Hangzhou 16' },
    largeFirm: { minPerSide: 5, definition: 'aboveDesignatedSize', article: 'Hangzhou 16' },
    sideBalance: { value: 'employerNotMoreThanWorker', article: 'Hangzhou 16' },
    externalMaxShare: { value: { numerator: 1, denominator: 3 }, article: 'Hangzhou 17' },
    womenRepresentation: {
      rule: 'proportionalWhenNumerous',
      staffShare: null,
      article: 'Hangzhou 18',
      note: '"女性…较多的企业…应当有相应比例": no threshold, shown as guidance.',
    },
  },
  informationBeforeMeeting: {
    wageAgreement: { length: 7, unit: 'workingDays', article: 'Hangzhou 25 ¶2' },
    collectiveContract: null,
  },
  minutesSigners: { value: 'bothChiefs', article: 'Hangzhou 26 ¶3' },
  suspension: {
    ...national.suspension,
    maxDaysCumulative: { value: 30, article: 'Hangzhou 27 ¶2', note: '"中止协商的期限累计不得超过三十日"' },
    consent: { value: 'workerChief', article: 'Hangzhou 27 ¶2' },
  },
  negotiationLimit: {
    // Art 29: finish within 60 days of the day one side sent the request (fines: Art 47).
    period: { length: 60, unit: 'calendarDays', article: 'Hangzhou 29' },
    countsFrom: 'requestSent',
    endsAt: 'draftAgreed',
    suspensionExcluded: false,
    afterLimit: null,
  },
  coordination: {
    ...national.coordination,
    period: { length: 30, unit: 'calendarDays', article: 'Hangzhou 44; Zhejiang 39' },
    extension: { length: 15, unit: 'calendarDays', article: 'Hangzhou 44; Zhejiang 39' },
    extensionNeedsWrittenReasons: { value: true, article: 'Hangzhou 44; Zhejiang 39' },
  },
  congress: {
    ...national.congress,
    quorum: { value: 'twoThirds', article: 'Hangzhou 28 ¶2' },
    threshold: { value: 'moreThanHalf', article: 'Hangzhou 28 ¶2' },
    secretBallotRequired: { value: true, article: 'Zhejiang 企业民主管理条例 15' },
    submission: { length: 15, unit: 'workingDays', article: 'Hangzhou 28' },
    resubmission: { length: 5, unit: 'workingDays', article: 'Hangzhou 28 ¶3' },
  },
  filing: {
    ...national.filing,
    wageAgreement: {
      period: { length: 10, unit: 'calendarDays', article: 'Hangzhou 40' },
      countsFrom: 'signing',
      conflict: 'GZ 21: 7 days; Hangzhou 40 (local, wage-specific): 10 days from the chiefs\' signature.',
    },
    termination: { length: 5, unit: 'workingDays', article: 'Zhejiang 33' },
  },
  review: { ...national.review, period: { length: 15, unit: 'calendarDays', article: 'Hangzhou 40' } },
  publication: {
    ...national.publication,
    // Local wage-specific period; GZ 23 says 5 (calendar) days.
    wageAgreement: { length: 5, unit: 'workingDays', article: 'Hangzhou 41' },
    by: { value: 'employer', article: 'Hangzhou 41' },
  },
  term: {
    ...national.term,
    wageAgreement: {
      minMonths: 12,
      maxMonths: 36,
      typicalMonths: 12,
      article: 'Hangzhou 23; JHR 38',
      note: 'Hangzhou 23: "一般为一年".',
    },
  },
  renewalWindow: {
    ...national.renewalWindow,
    wageAgreement: { length: 90, unit: 'calendarDays', article: 'Hangzhou 23 ¶2' },
  },
}
