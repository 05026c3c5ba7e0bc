import { national } from './national.js'
import type { TRulePack } from './types.js'

/**
 * Beijing: 北京市集体合同条例 (2005). Articles as given in statute.md §(f); the full text was not re-read here.
 * Where §(f) says "-" the national value is kept (information before meeting, publication).
 */
export const beijing: TRulePack = {
  ...national,
  id: 'beijing',
  name: { zh: '北京市', en: 'Beijing' },
  sources: ['北京市集体合同条例 (2005)', ...national.sources],
  requestReply: { length: 20, unit: 'calendarDays', article: 'Beijing 32; JHR 32' },
  refusal: {
    rule: 'notOnListedTopics',
    topics: ['pay', 'workingConditions', 'layoffs'],
    article: 'Beijing 32',
    note: 'A request concerning pay, working conditions or layoffs may not be refused.',
  },
  team: {
    ...national.team,
    minPerSide: { value: 3, article: 'Beijing 7; JHR 19' },
    maxPerSide: { value: 10, article: 'Beijing 7', note: '"一般为三至十人" (generally 3 to 10).' },
    sideBalance: { value: 'equal', article: 'Beijing 7; JHR 19' },
  },
  minutesSigners: { value: 'bothChiefs', article: 'Beijing 35(5)' },
  suspension: {
    ...national.suspension,
    maxDaysPerSuspension: { value: 60, article: 'Beijing 37' },
    longerByAgreement: false,
  },
  coordination: {
    ...national.coordination,
    period: { length: 30, unit: 'calendarDays', article: 'Beijing 50; JHR 52' },
    extension: { length: 15, unit: 'calendarDays', article: 'Beijing 50; JHR 52' },
  },
  congress: {
    ...national.congress,
    quorum: { value: 'twoThirds', article: 'Beijing 38; JHR 36', note: 'Beijing 38 also allows a 职工代表会议.' },
    threshold: { value: 'atLeastHalf', article: 'Beijing 38; JHR 36; CC 1259' },
  },
  filing: {
    ...national.filing,
    materials: [
      // Beijing 46: each negotiator's name, sex, age, employer, post and ID number; the congress resolution; the text.
      ...national.filing.materials.map((m) =>
        m.material === 'representativeList' || m.material === 'congressResolution'
          ? { ...m, article: `Beijing 46; ${m.article}`, basis: 'statute' as const }
          : m,
      ),
    ],
    wageAgreement: {
      ...national.filing.wageAgreement,
      conflict: 'Beijing 39 and JHR 42: 10 days from signing; GZ 21: 7 days (statute §(g)1). 7 days satisfies both.',
    },
    collectiveContract: {
      period: { length: 10, unit: 'calendarDays', article: 'Beijing 39; JHR 42' },
      countsFrom: 'signing',
    },
  },
  review: {
    ...national.review,
    period: { length: 15, unit: 'calendarDays', article: 'Beijing 39; JHR 47' },
  },
  term: {
    ...national.term,
    collectiveContract: {
      minMonths: 12,
      maxMonths: 36,
      typicalMonths: 36,
      article: 'Beijing 36; JHR 38',
      note: 'Beijing 36 "一般为三年".',
    },
  },
  renewalWindow: {
    ...national.renewalWindow,
    collectiveContract: { length: 3, unit: 'months', article: 'Beijing 43; JHR 38' },
  },
}
