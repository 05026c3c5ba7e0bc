import { national } from './national.js'
import type { TRulePack } from './types.js'

/**
 * Ningbo: 宁波市企业工资集体协商条例 (2014), read in full (LawRefBook/Laws DLC). Wage agreements only; other kinds
 * follow the Zhejiang pack. Where §(f) says "-" the national value is kept (coordination: JHR 52, the same as
 * Zhejiang 39; term: JHR 38). The congress threshold is not stated in Ningbo 20; the Zhejiang 24 strict majority
 * is used (it satisfies both readings, statute §(b)).
 */
export const ningbo: TRulePack = {
  ...national,
  id: 'ningbo',
  name: { zh: '宁波市', en: 'Ningbo' },
  sources: ['宁波市企业工资集体协商条例 (2014)', '浙江省集体合同条例 (2010)', ...national.sources],
  scope: { kinds: ['wageAgreement'], otherKindsPack: 'zhejiang', note: 'Wage agreements only (Ningbo 2-3).' },
  requestReply: { length: 10, unit: 'workingDays', article: 'Ningbo 14' },
  refusal: { rule: 'never', topics: [], article: 'Ningbo 14' },
  team: {
    ...national.team,
    minPerSide: { value: 3, article: 'Ningbo 8' },
    maxPerSide: { value: 10, article: 'Ningbo 8' },
    largeFirm: { minPerSide: 5, definition: 'aboveDesignatedSize', article: 'Ningbo 8' },
    sideBalance: { value: 'employerNotMoreThanWorker', article: 'Ningbo 8' },
    externalMaxShare: { value: { numerator: 1, denominator: 3 }, article: 'Ningbo 9 ¶2' },
    womenRepresentation: {
      rule: 'proportionalWhenNumerous',
      staffShare: null,
      article: 'Ningbo 8 ¶3',
      note: '"女性…较多的企业…应当有相当比例": no threshold, shown as guidance.',
    },
    unionStaffMayRepresentEmployer: { value: false, article: 'Ningbo 8 ¶2' },
    executivesMayRepresentWorkers: { value: false, article: 'Ningbo 8 ¶2', note: '"企业负责人不得担任职工方协商代表"' },
  },
  informationBeforeMeeting: {
    wageAgreement: { length: 7, unit: 'calendarDays', article: 'Ningbo 17' },
    collectiveContract: null,
  },
  firstRoundPresidedByRequester: { value: true, article: 'Ningbo 16', note: '"首次协商会议执行主席，由协商提出方首席代表担任"' },
  minutesSigners: { value: 'bothChiefs', article: 'Ningbo 18' },
  suspension: {
    ...national.suspension,
    maxDaysCumulative: { value: 60, article: 'Ningbo 19', note: '"中止期限累计不得超过六十日"' },
  },
  negotiationLimit: {
    // Art 16 ¶2: "在协商会议开始之日起三十个工作日内完成协商".
    period: { length: 30, unit: 'workingDays', article: 'Ningbo 16 ¶2' },
    countsFrom: 'firstMeeting',
    endsAt: 'draftAgreed',
    suspensionExcluded: false,
    afterLimit: null,
  },
  congress: {
    ...national.congress,
    quorum: { value: 'twoThirds', article: 'Zhejiang 24; JHR 36', note: 'Ningbo 20 states no quorum.' },
    threshold: { value: 'moreThanHalf', article: 'Zhejiang 24', note: 'Ningbo 20 states no threshold; provincial rule.' },
    secretBallotRequired: { value: true, article: 'Zhejiang 企业民主管理条例 15' },
    submission: { length: 15, unit: 'workingDays', article: 'Ningbo 20' },
    resubmission: { length: 5, unit: 'workingDays', article: 'Zhejiang 24 ¶3' },
  },
  filing: {
    ...national.filing,
    wageAgreement: {
      period: { length: 10, unit: 'calendarDays', article: 'Ningbo 34' },
      countsFrom: 'signing',
      conflict: 'GZ 21: 7 days; Ningbo 34 (local, wage-specific): 10 days from signing.',
    },
    termination: { length: 5, unit: 'workingDays', article: 'Zhejiang 33' },
  },
  review: { ...national.review, period: { length: 15, unit: 'calendarDays', article: 'Ningbo 35' } },
  publication: {
    ...national.publication,
    // Local wage-specific period; GZ 23 says 5 (calendar) days.
    wageAgreement: { length: 5, unit: 'workingDays', article: 'Ningbo 35 ¶2' },
    by: { value: 'employer', article: 'Ningbo 35 ¶2' },
  },
  renewalWindow: {
    ...national.renewalWindow,
    wageAgreement: { length: 90, unit: 'calendarDays', article: 'Ningbo 22 ¶2' },
  },
}
