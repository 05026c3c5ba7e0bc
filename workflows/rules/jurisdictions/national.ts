import type { TRequiredMaterial, TRulePack } from './types.js'

/**
 * National rules: 集体合同规定 2004 (JHR), 工资集体协商试行办法 2000 (GZ), with 劳动合同法 (LCL) and 民法典 (CC).
 * The base of every local pack: a local pack overrides only what its instrument says (statute.md §(f)).
 */
/**
 * JHR 42: the text (3 copies); GZ 21: for a wage agreement also an explanatory note. The other parts are what the
 * legality review of JHR 44 (the parties' qualifications, the procedure, the content) cannot be done without [D];
 * local lists name them (Shanghai 23, Beijing 46).
 */
export const nationalMaterials: TRequiredMaterial[] = [
  { material: 'agreementText', for: 'all', article: 'JHR 42; GZ 21', basis: 'statute' },
  { material: 'explanatoryNote', for: 'wageAgreement', article: 'GZ 21', basis: 'statute' },
  { material: 'wageData', for: 'wageAgreement', article: 'GZ 8; GZ 21', basis: 'practice', note: 'The explanatory note accounts for the GZ 8 factors: the enterprise\'s wage figures.' },
  { material: 'congressResolution', for: 'all', article: 'JHR 36; JHR 44(2)', basis: 'practice', note: 'Attendance and vote counts show the draft passed (JHR 36).' },
  { material: 'representativeList', for: 'all', article: 'JHR 19-23; JHR 44(1)', basis: 'practice' },
  { material: 'minutes', for: 'all', article: 'JHR 33(5); JHR 44(2)', basis: 'practice' },
]

export const national: TRulePack = {
  id: 'national',
  name: { zh: '全国（国家规定）', en: 'National rules' },
  timeZone: 'Asia/Shanghai',
  sources: ['集体合同规定 (劳动和社会保障部令第22号, 2004)', '工资集体协商试行办法 (劳动保障部令第9号, 2000)'],
  scope: {
    kinds: ['wageAgreement', 'collectiveContract', 'specialWomenWorkers', 'specialSafety'],
    otherKindsPack: null,
  },

  // JHR 32: "20日内以书面形式给以回应"; GZ 17: "20日内予以书面答复".
  requestReply: { length: 20, unit: 'calendarDays', article: 'JHR 32; GZ 17' },
  refusal: {
    rule: 'withStatedReason',
    topics: [],
    article: 'JHR 32',
    note: 'JHR 32: refusal only with a legitimate reason (正当理由); an unjustified refusal is dealt with under TUL (JHR 56, TUL 54(4)).',
  },

  team: {
    // JHR 19 "每方至少3人". The "3-10" rule is the repealed 1994 JHR 8 (statute.md misreading 1).
    minPerSide: { value: 3, article: 'JHR 19' },
    maxPerSide: { value: null, article: 'JHR 19', note: 'No national maximum; GZ 10 sets no number at all.' },
    largeFirm: null,
    sideBalance: { value: 'equal', article: 'JHR 19', note: '"双方的协商代表人数应当对等"' },
    externalMaxShare: { value: { numerator: 1, denominator: 3 }, article: 'JHR 23; GZ 12' },
    frontLineMinShare: { value: null, article: 'JHR 20', note: 'No national front-line quota.' },
    womenRepresentation: { rule: 'none', staffShare: null, article: 'JHR 20', note: 'No national rule.' },
    unionStaffMayRepresentEmployer: {
      value: true,
      article: 'JHR 24',
      note: 'Nationally only "不得相互兼任" (nobody on both sides).',
    },
    executivesMayRepresentWorkers: { value: true, article: 'JHR 24', note: 'No national exclusion.' },
  },
  vacancy: {
    fillWithin: { length: 15, unit: 'calendarDays', article: 'JHR 31' },
    beforeNextMeeting: { value: false, article: 'JHR 31' },
  },

  informationBeforeMeeting: {
    // GZ 18 "在协商开始前5日内"; read as "at least 5 days before the meeting" [D]: statute §(g)4 leaves it open.
    wageAgreement: { length: 5, unit: 'calendarDays', article: 'GZ 18' },
    // JHR 25(3): a duty to supply information, with no period.
    collectiveContract: null,
    note: 'GZ 18 "前5日内" is read as "at least 5 days before the first meeting" (statute §(g)4, open question).',
  },

  firstRoundPresidedByRequester: {
    value: false,
    article: 'JHR 34; GZ 11',
    note: 'Chiefs chair in turn ("轮流主持"); the first chair is not fixed nationally.',
  },
  minutesSigners: {
    value: 'notStated',
    article: 'JHR 33(5)',
    note: 'The national rules do not say who signs the minutes (statute.md misreading 3); JHR 34(4) is the draft.',
  },

  suspension: {
    maxDaysPerSuspension: { value: null, article: 'JHR 35', note: '"中止期限…由双方商定": no national maximum.' },
    longerByAgreement: true,
    maxDaysCumulative: { value: null, article: 'JHR 35' },
    consent: { value: 'bothSides', article: 'JHR 35' },
    forceMajeureOnly: { value: false, article: 'JHR 35' },
  },
  negotiationLimit: null,

  coordination: {
    acceptance: null,
    period: { length: 30, unit: 'calendarDays', article: 'JHR 52' },
    extension: { length: 15, unit: 'calendarDays', article: 'JHR 52' },
    extensionNeedsWrittenReasons: { value: false, article: 'JHR 52' },
    failureEndsNegotiation: {
      value: false,
      article: 'JHR 53-54',
      note: 'Nationally a coordination without agreement leaves the negotiation open.',
    },
  },

  congress: {
    quorum: { value: 'twoThirds', article: 'JHR 36', note: '"应当有三分之二以上职工代表或者职工出席"' },
    threshold: {
      value: 'atLeastHalf',
      article: 'JHR 36; CC 1259',
      note: '"全体职工代表半数以上…同意": 以上 includes the number itself (CC 1259); the denominator is all seats.',
    },
    secretBallotRequired: { value: false, article: 'JHR 36', note: 'The ballot form is not specified nationally.' },
    submission: null,
    resubmission: null,
    revoteAfterObjection: {
      value: true,
      article: 'JHR 36-37; JHR 46',
      note: '[U] statute §(g)3: JHR 46 "经集体协商重新签订"; signing normally needs a passed draft (JHR 36-37), so the revised draft goes back to the congress.',
    },
  },

  filing: {
    // Statute §(g)1: JHR 42 (10 days, 2004, general) vs GZ 21 (7 days, 2000, special). Default 7 for wage agreements:
    // filing within 7 days satisfies both readings.
    wageAgreement: {
      period: { length: 7, unit: 'calendarDays', article: 'GZ 21' },
      countsFrom: 'signing',
      conflict: 'JHR 42: 10 days from the chiefs\' signature; GZ 21: 7 days after signing (statute §(g)1, LEG 92/95).',
    },
    collectiveContract: {
      period: { length: 10, unit: 'calendarDays', article: 'JHR 42' },
      countsFrom: 'signing',
    },
    copies: { value: 3, article: 'JHR 42; GZ 21' },
    explanatoryNote: { wageAgreement: true, collectiveContract: false, article: 'GZ 21' },
    termination: null,
    materials: nationalMaterials,
  },
  // JHR 43: "集体合同或专项集体合同审查实行属地管辖，具体管辖范围由省级劳动保障行政部门规定。中央管辖的企业以及跨省、自治区、
  // 直辖市的用人单位的集体合同应当报送劳动保障部或劳动保障部指定的省级劳动保障行政部门。"
  routing: {
    territorialLevel: 'county',
    multiRegion: 'commonAncestor',
    centralOrCrossProvince: 'designatedProvince',
    article: 'JHR 43',
    note: '[D] The province fixes the levels; absent its rule, the county-level bureau of the enterprise receives, an enterprise spanning several counties (prefectures) files with the bureau of the smallest region covering them, and a central or cross-province enterprise files with the provincial bureau of its seat as the one the ministry designates.',
  },
  correction: {
    allowed: true,
    article: 'JHR 42 ¶2',
    note: '[D] No article names 补正; the bureau registers what it receives (JHR 42 ¶2) and reviews "from receipt of the text" (JHR 45), so an incomplete filing is completed and the review counts from the completed receipt.',
  },

  review: {
    period: { length: 15, unit: 'calendarDays', article: 'JHR 44-47; GZ 22; LCL 54' },
    receiptNotice: { value: false, article: 'JHR 42 ¶2', note: 'The bureau registers the filing; no receipt notice is prescribed.' },
  },
  noObjectionEffect: {
    wageAgreement: { value: 'onDelivery', article: 'GZ 22 ¶2' },
    collectiveContract: {
      value: 'afterReviewPeriod',
      article: 'JHR 47',
      note: '[U] statute §(g)2: JHR is silent on an early no-objection opinion; the contract takes effect when the 15 days run out.',
    },
  },

  publication: {
    wageAgreement: { length: 5, unit: 'calendarDays', article: 'GZ 23' },
    collectiveContract: null, // JHR 48 "及时": no number of days.
    by: { value: 'eachSide', article: 'JHR 48; GZ 23' },
  },

  term: {
    wageAgreement: {
      minMonths: 12,
      maxMonths: 36,
      typicalMonths: 12,
      article: 'JHR 38; GZ 24',
      note: 'GZ 24: wage negotiation "一般情况下一年进行一次".',
    },
    collectiveContract: { minMonths: 12, maxMonths: 36, typicalMonths: null, article: 'JHR 38' },
  },
  renewalWindow: {
    wageAgreement: { length: 60, unit: 'calendarDays', article: 'GZ 24' },
    collectiveContract: { length: 3, unit: 'months', article: 'JHR 38' },
  },
}
