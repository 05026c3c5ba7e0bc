import { national } from './national.js'
import type { TRulePack } from './types.js'

/**
 * Henan: 河南省企业工资集体协商条例 (2013, in force 2014-01-01), read in full (LawRefBook/Laws DLC). Wage agreements
 * only. Collective contracts follow the national rules: the 1999 河南省企业集体合同条例 may be superseded (statute
 * §(g)8, [U]) and is not modelled.
 */
export const henan: TRulePack = {
  ...national,
  id: 'henan',
  name: { zh: '河南省', en: 'Henan' },
  sources: ['河南省企业工资集体协商条例 (2013)', ...national.sources],
  scope: {
    kinds: ['wageAgreement'],
    otherKindsPack: 'national',
    note: 'Henan 1999 集体合同条例 [U] (possibly superseded) is not used for collective contracts.',
  },
  requestReply: { length: 10, unit: 'workingDays', article: 'Henan 21' },
  refusal: { rule: 'withStatedReason', topics: [], article: 'Henan 21', note: '"被要约方无正当理由不得拒绝协商"' },
  team: {
    ...national.team,
    minPerSide: { value: 3, article: 'Henan 12' },
    sideBalance: { value: 'equal', article: 'Henan 12' },
    externalMaxShare: { value: { numerator: 1, denominator: 3 }, article: 'Henan 11' },
    frontLineMinShare: { value: { numerator: 1, denominator: 3 }, article: 'Henan 8 ¶3' },
    // Art 8 ¶4: women ≥10% of staff → "相应比例的女职工代表".
    womenRepresentation: {
      rule: 'proportionalWhenStaffShareReached',
      staffShare: { numerator: 1, denominator: 10 },
      article: 'Henan 8 ¶4',
      note: '"相应比例" read as at least the women\'s share of staff, rounded down, and at least one [D].',
    },
    unionStaffMayRepresentEmployer: { value: false, article: 'Henan 14' },
    executivesMayRepresentWorkers: {
      value: false,
      article: 'Henan 14',
      note: 'Enterprise heads, investors, the HR head and their relatives may not represent workers.',
    },
  },
  vacancy: {
    fillWithin: { length: 15, unit: 'calendarDays', article: 'JHR 31; Henan 8 ¶6' },
    beforeNextMeeting: { value: false, article: 'Henan 8 ¶6' },
  },
  informationBeforeMeeting: {
    wageAgreement: { length: 5, unit: 'workingDays', article: 'Henan 23' },
    collectiveContract: national.informationBeforeMeeting.collectiveContract,
  },
  firstRoundPresidedByRequester: { value: true, article: 'Henan 24' },
  minutesSigners: { value: 'allNegotiators', article: 'Henan 25', note: '"由全体与会协商代表签字确认"' },
  suspension: {
    ...national.suspension,
    forceMajeureOnly: { value: true, article: 'Henan 26 ¶2' },
  },
  negotiationLimit: {
    // Art 26: two months from the recipient's receipt of the request; suspension not counted.
    period: { length: 2, unit: 'months', article: 'Henan 26' },
    countsFrom: 'requestReceived',
    endsAt: 'draftAgreed',
    suspensionExcluded: true,
    // Art 37: within 15 days of the limit, either side may apply for coordination; otherwise this negotiation ends.
    afterLimit: { coordinationApplication: { length: 15, unit: 'calendarDays', article: 'Henan 37' } },
  },
  coordination: {
    ...national.coordination,
    acceptance: { length: 5, unit: 'workingDays', article: 'Henan 38' },
    period: { length: 30, unit: 'calendarDays', article: 'Henan 38' },
    extension: { length: 15, unit: 'calendarDays', article: 'Henan 38' },
    failureEndsNegotiation: { value: true, article: 'Henan 38', note: '"达不成一致的，本次协商终止"' },
  },
  congress: {
    ...national.congress,
    quorum: { value: 'twoThirds', article: 'JHR 36', note: 'Henan 27 states no quorum or threshold; JHR 36 applies.' },
    threshold: { value: 'atLeastHalf', article: 'JHR 36; CC 1259', note: 'Henan 27 states no threshold.' },
  },
  filing: {
    ...national.filing,
    materials: [
      ...national.filing.materials,
      // Henan 2013 Art 28: also the request letter (要约书) and the reply (答复书).
      { material: 'requestAndReply', for: 'all', article: 'Henan 28', basis: 'statute' },
    ],
    wageAgreement: {
      period: { length: 5, unit: 'workingDays', article: 'Henan 28' },
      countsFrom: 'signing',
      conflict: 'GZ 21: 7 days; JHR 42: 10 days; Henan 28 (local, wage-specific): 5 working days.',
    },
  },
  review: { ...national.review, period: { length: 15, unit: 'calendarDays', article: 'Henan 29' } },
  publication: {
    ...national.publication,
    wageAgreement: { length: 5, unit: 'calendarDays', article: 'Henan 30' },
    by: { value: 'employer', article: 'Henan 30' },
  },
  term: {
    ...national.term,
    wageAgreement: { minMonths: 12, maxMonths: 36, typicalMonths: null, article: 'Henan 31' },
  },
  renewalWindow: {
    ...national.renewalWindow,
    wageAgreement: { length: 2, unit: 'months', article: 'Henan 31 ¶2' },
  },
}
