import { national } from './national.js'
import type { TRulePack } from './types.js'

/**
 * Shanghai: 上海市集体合同条例 (no amendment date in the stored copy) and 上海市职工代表大会条例 (2017).
 * Articles as given in statute.md §(f)/(b). Where §(f) says "-" or "none" the national value is kept (information
 * before meeting, suspension, publication, renewal window, coordination periods: Shanghai 34 sets no timer, so
 * JHR 52 applies).
 */
export const shanghai: TRulePack = {
  ...national,
  id: 'shanghai',
  name: { zh: '上海市', en: 'Shanghai' },
  sources: ['上海市集体合同条例', '上海市职工代表大会条例 (2017)', ...national.sources],
  requestReply: { length: 15, unit: 'calendarDays', article: 'Shanghai 15' },
  refusal: {
    rule: 'notOnListedTopics',
    topics: ['massLayoffs', 'collectiveStoppage', 'majorHazard'],
    article: 'Shanghai 15',
    note: 'May not refuse a request on layoffs of ≥20 people or ≥10% of staff, collective stoppages or petitions, or major hazards.',
  },
  team: {
    ...national.team,
    minPerSide: { value: 3, article: 'Shanghai 6; JHR 19' },
    sideBalance: {
      value: 'employerNotMoreThanWorker',
      article: 'Shanghai 6',
      note: 'Local relaxation of JHR 19 ("对等"): the employer side may not outnumber the worker side.',
    },
  },
  minutesSigners: { value: 'bothChiefs', article: 'Shanghai 18' },
  coordination: {
    ...national.coordination,
    period: {
      length: 30,
      unit: 'calendarDays',
      article: 'JHR 52',
    },
    extension: { length: 15, unit: 'calendarDays', article: 'JHR 52' },
    failureEndsNegotiation: {
      value: false,
      article: 'Shanghai 34; JHR 53-54',
      note: 'Shanghai 34: the upper union or employer organisation guides first, then the bureau coordinates; no local timer.',
    },
  },
  congress: {
    ...national.congress,
    quorum: {
      value: 'twoThirds',
      article: 'Shanghai 职代会条例 28; JHR 36',
      note: 'Shanghai 集体合同条例 22 states no quorum; the congress itself needs ≥2/3 of all representatives (职代会条例 28).',
    },
    threshold: { value: 'atLeastHalf', article: 'Shanghai 22; Shanghai 职代会条例 31; CC 1259' },
    secretBallotRequired: { value: true, article: 'Shanghai 职代会条例 31' },
  },
  filing: {
    ...national.filing,
    materials: [
      // Shanghai 23: the text signed by both chiefs, the parties and representatives, the negotiation, the congress vote.
      ...national.filing.materials.map((m) =>
        m.material === 'representativeList' || m.material === 'congressResolution' || m.material === 'explanatoryNote'
          ? { ...m, for: 'all' as const, article: `Shanghai 23; ${m.article}`, basis: 'statute' as const }
          : m,
      ),
    ],
    wageAgreement: {
      ...national.filing.wageAgreement,
      conflict:
        'Shanghai 23: 10 days from the union\'s written notice of passage; JHR 42: 10 days; GZ 21: 7 days after signing (statute §(g)1). 7 days from signing satisfies all.',
    },
    collectiveContract: {
      period: { length: 10, unit: 'calendarDays', article: 'Shanghai 23' },
      countsFrom: 'unionNoticeOfPassage',
    },
  },
  term: {
    wageAgreement: {
      minMonths: 12,
      maxMonths: 36,
      typicalMonths: 12,
      article: 'Shanghai 25; JHR 38',
      note: 'Shanghai 25: a wage contract is normally for 1 year.',
    },
    collectiveContract: { minMonths: 12, maxMonths: 36, typicalMonths: null, article: 'Shanghai 25; JHR 38' },
  },
}
