import { national } from './national.js'
import type { TRulePack } from './types.js'

/**
 * Shandong: 山东省企业工资集体协商条例 (2016, in force 2017-01-01), read in full (LawRefBook/Laws DLC). It governs
 * wage agreements only; other kinds follow the national rules. Where it is silent the national value is kept
 * (renewal window: GZ 24; external experts: JHR 23 — Art 12 speaks only of external advisers).
 * The local periods for wage agreements are used where the text sets them (filing 10 days, publication 7 days);
 * the GZ periods they differ from are cited in `conflict`/notes.
 */
export const shandong: TRulePack = {
  ...national,
  id: 'shandong',
  name: { zh: '山东省', en: 'Shandong' },
  sources: ['山东省企业工资集体协商条例 (2016)', ...national.sources],
  scope: { kinds: ['wageAgreement'], otherKindsPack: 'national', note: 'Wage agreements only (Shandong 2-3).' },
  requestReply: { length: 10, unit: 'calendarDays', article: 'Shandong 21' },
  refusal: { rule: 'withStatedReason', topics: [], article: 'Shandong 21', note: '"无正当理由不得拒绝进行协商"' },
  team: {
    ...national.team,
    minPerSide: { value: 3, article: 'Shandong 7' },
    sideBalance: { value: 'equal', article: 'Shandong 7', note: '"代表人数应当对等"' },
    frontLineMinShare: { value: { numerator: 1, denominator: 3 }, article: 'Shandong 7 ¶2' },
    unionStaffMayRepresentEmployer: { value: false, article: 'Shandong 10 ¶2' },
    executivesMayRepresentWorkers: {
      value: false,
      article: 'Shandong 10 ¶2',
      note: 'Enterprise heads, investors and their close relatives may not represent workers.',
    },
  },
  vacancy: {
    fillWithin: { length: 15, unit: 'calendarDays', article: 'JHR 31; Shandong 14' },
    beforeNextMeeting: { value: false, article: 'Shandong 14', note: '"及时" (promptly), with written notice.' },
  },
  informationBeforeMeeting: {
    wageAgreement: { length: 10, unit: 'calendarDays', article: 'Shandong 23' },
    collectiveContract: national.informationBeforeMeeting.collectiveContract,
    note: 'Shandong 24 (report to the upper-level union 5 days before) is not modelled.',
  },
  firstRoundPresidedByRequester: { value: true, article: 'Shandong 25 ¶2' },
  minutesSigners: { value: 'allNegotiators', article: 'Shandong 26 ¶2', note: '"由参加协商会议的全体协商代表签字确认"' },
  suspension: {
    ...national.suspension,
    forceMajeureOnly: { value: true, article: 'Shandong 28 ¶2' },
  },
  negotiationLimit: {
    // Art 28: 60 days from the accepting side's agreement to negotiate until both chiefs sign; suspension excluded.
    period: { length: 60, unit: 'calendarDays', article: 'Shandong 28' },
    countsFrom: 'requestAccepted',
    endsAt: 'signed',
    suspensionExcluded: true,
    afterLimit: null,
  },
  coordination: {
    ...national.coordination,
    period: { length: 30, unit: 'calendarDays', article: 'Shandong 45' },
    extension: { length: 15, unit: 'calendarDays', article: 'Shandong 45' },
    extensionNeedsWrittenReasons: { value: true, article: 'Shandong 45' },
  },
  congress: {
    ...national.congress,
    quorum: {
      value: 'twoThirds',
      article: 'JHR 36',
      note: 'Shandong 27 states no quorum; the national JHR 36 quorum is kept.',
    },
    threshold: { value: 'moreThanHalf', article: 'Shandong 27', note: '"经全体职工代表或者全体职工过半数通过"' },
  },
  filing: {
    ...national.filing,
    materials: [
      ...national.filing.materials,
      // Shandong 29: also a copy of the business licence.
      { material: 'businessLicence', for: 'all', article: 'Shandong 29', basis: 'statute' },
    ],
    wageAgreement: {
      period: { length: 10, unit: 'calendarDays', article: 'Shandong 29' },
      countsFrom: 'signing',
      conflict: 'GZ 21: 7 days after signing; Shandong 29 (local, wage-specific): 10 days (statute §(g)1).',
    },
    explanatoryNote: { wageAgreement: true, collectiveContract: false, article: 'Shandong 29(1); GZ 21' },
    termination: { length: 7, unit: 'calendarDays', article: 'Shandong 41 ¶2' },
  },
  review: { ...national.review, period: { length: 15, unit: 'calendarDays', article: 'Shandong 30' } },
  publication: {
    ...national.publication,
    // Local wage-specific period; GZ 23 says 5 days.
    wageAgreement: { length: 7, unit: 'calendarDays', article: 'Shandong 31' },
    by: { value: 'eachSide', article: 'Shandong 31' },
  },
  term: {
    ...national.term,
    wageAgreement: {
      minMonths: 12,
      maxMonths: 36,
      typicalMonths: 12,
      article: 'Shandong 17 ¶3',
      note: '"一般为一年，最长不超过三年"',
    },
  },
}
