/**
 * The words of the web pages: Chinese first (the default), English second. A page gets `t(zh, en)` for its own
 * sentences; the tables here name the things the machine and the engine name in English (states, events, roles,
 * deadline kinds, fields of the event schemas, enum values).
 */
import type { TBilingual } from '../errors/app-error.js'

export type TLang = 'zh' | 'en'
export const LANGS: readonly TLang[] = ['zh', 'en']

export const pick = (lang: TLang, b: TBilingual): string => (lang === 'en' ? b.en : b.zh)

const B = (zh: string, en: string): TBilingual => ({ zh, en })

export const ROLE_NAMES: Record<string, TBilingual> = {
  unionNegotiator: B('职工方协商代表', 'Union negotiator'),
  employerNegotiator: B('企业方协商代表', 'Employer negotiator'),
  workerRepresentative: B('职工代表', 'Worker representative'),
  bureauReviewer: B('劳动保障行政部门审查人员', 'Bureau reviewer'),
  admin: B('系统管理员', 'Administrator'),
  system: B('系统', 'System'),
}

export const CASE_KIND_NAMES: Record<string, TBilingual> = {
  wageAgreement: B('工资专项集体合同（工资协议）', 'Wage agreement'),
  collectiveContract: B('集体合同', 'Collective contract'),
  specialWomenWorkers: B('女职工权益保护专项集体合同', 'Special contract: women workers'),
  specialSafety: B('劳动安全卫生专项集体合同', 'Special contract: safety and health'),
}

/** Every state of the negotiation machine, with a sentence for the case page. */
export const STATE_NAMES: Record<string, { name: TBilingual; hint?: TBilingual }> = {
  draftingRequest: { name: B('准备要约', 'Preparing the request'), hint: B('一方书面提出协商要求（要约书）。', 'Either side sends a written negotiation request.') },
  requestSent: { name: B('要约已发出', 'Request sent'), hint: B('登记对方收到要约的日期及证明，答复期限自收到之日起计算。', 'Record when the other side received it: the reply period runs from receipt.') },
  awaitingReply: { name: B('等待书面答复', 'Awaiting the reply'), hint: B('收到要约的一方应在期限内书面答复。', 'The side that received the request answers in writing within the period.') },
  replyOverdue: { name: B('逾期未答复', 'Reply overdue'), hint: B('提出要约的一方可以请求劳动保障行政部门处理。', 'The requesting side may ask the labour bureau to intervene.') },
  refused: { name: B('已拒绝协商', 'Request refused'), hint: B('提出要约的一方可以请求劳动保障行政部门处理。', 'The requesting side may ask the labour bureau to intervene.') },
  bureauIntervention: { name: B('劳动保障行政部门处理中', 'Bureau intervening') },
  bargaining: { name: B('协商中', 'Negotiating') },
  appointingTeams: { name: B('确定协商代表', 'Appointing the teams'), hint: B('双方各自确定协商代表和首席代表，并共同指定记录员。', 'Each side appoints its negotiators and chief; both appoint a recorder.') },
  preparing: { name: B('协商准备', 'Preparing'), hint: B('征集意见、登记工资数据、拟定议题、确定时间地点，然后召开第一次协商会议。', 'Collect opinions, record the figures, draft the agenda, fix time and place, then hold the first round.') },
  negotiating: { name: B('协商会议', 'Negotiation rounds'), hint: B('登记每次协商会议及纪要；达成一致后由双方首席代表签署合同草案。', 'Record each round and its minutes; when agreed, both chiefs sign the draft.') },
  suspended: { name: B('中止协商', 'Suspended') },
  limitReached: { name: B('超过协商期限', 'Negotiation limit passed') },
  coordinationRequested: { name: B('已申请协调处理', 'Coordination requested') },
  coordinating: { name: B('协调处理中', 'Coordinating') },
  withinPeriod: { name: B('协调期限内', 'Within the coordination period') },
  extended: { name: B('协调期限已延长', 'Coordination extended') },
  awaitingCongress: { name: B('提交职工代表大会审议', 'Awaiting the congress vote'), hint: B('召开职工代表大会（或职工大会），无记名投票表决合同草案。', 'The workers’ congress (or all-staff assembly) votes on the draft by secret ballot.') },
  signing: { name: B('首席代表签字', 'Signing'), hint: B('草案已获通过，双方首席代表签字（盖章）。', 'The draft passed; both chiefs sign (and seal) the agreement.') },
  filing: { name: B('报送备案', 'Filing'), hint: B('用人单位一方在期限内将合同文本报送劳动保障行政部门。', 'The employer files the signed text with the labour bureau within the period.') },
  filingOverdue: { name: B('逾期未报送', 'Filing overdue'), hint: B('报送期限已过，仍可报送，记录为逾期。', 'The filing period passed; a late filing is still accepted and recorded as late.') },
  terminationFiling: { name: B('解除合同报送', 'Filing the rescission') },
  awaitingRegistration: { name: B('等待登记收件', 'Awaiting registration'), hint: B('劳动保障行政部门登记收到报送文本的日期，审查期限自该日起计算。', 'The bureau registers the receipt; the review period runs from that date.') },
  correctionRequested: { name: B('补正材料', 'Correction requested'), hint: B('用人单位补正报送材料。', 'The employer completes the filing.') },
  underReview: { name: B('审查中', 'Under review'), hint: B('劳动保障行政部门自收到之日起15日内审查；期满未提出异议的，合同即行生效。', 'The bureau reviews within 15 days of receipt; without an objection the agreement takes effect.') },
  inForce: { name: B('已生效', 'In force') },
  awaitingPublication: { name: B('已生效，待公布', 'In force, to be published'), hint: B('双方分别向本方全体人员公布。', 'Each side publishes the agreement to all its members.') },
  published: { name: B('已生效并公布', 'In force and published') },
  closed: { name: B('已结案', 'Closed') },
  renewed: { name: B('已提出续订', 'Renewal requested') },
  expired: { name: B('已期满', 'Expired') },
  terminated: { name: B('已解除或终止', 'Terminated') },
}

/** The innermost state names of a state value, outermost first: { bargaining: 'negotiating' } → [bargaining, negotiating]. */
export function statePath(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (value && typeof value === 'object') {
    const [k, v] = Object.entries(value as Record<string, unknown>)[0] ?? []
    return k ? [k, ...statePath(v)] : []
  }
  return []
}

/** The name of the innermost state, in the page language. */
export function stateName(lang: TLang, value: unknown): string {
  const path = statePath(value)
  const inner = path.at(-1)
  if (!inner) return ''
  // A nested state whose name says little alone (coordinating.withinPeriod) is shown with its parent.
  const parent = path.at(-2)
  const name = STATE_NAMES[inner]?.name ?? B(inner, inner)
  if (parent === 'coordinating') return `${pick(lang, STATE_NAMES.coordinating!.name)}（${pick(lang, name)}）`
  return pick(lang, name)
}

export function stateHint(lang: TLang, value: unknown): string | undefined {
  const inner = statePath(value).at(-1)
  const hint = inner ? STATE_NAMES[inner]?.hint : undefined
  return hint ? pick(lang, hint) : undefined
}

export const EVENT_NAMES: Record<string, TBilingual> = {
  'case.opened': B('立案', 'Case opened'),
  'request.sent': B('发出协商要约', 'Negotiation request sent'),
  'request.received': B('登记要约送达', 'Receipt of the request recorded'),
  'request.answered': B('书面答复要约（同意协商）', 'Request answered (agreed to negotiate)'),
  'request.refused': B('拒绝协商（说明理由）', 'Request refused (with a reason)'),
  'request.withdrawn': B('撤回要约', 'Request withdrawn'),
  'intervention.requested': B('请求劳动保障行政部门处理', 'Bureau intervention requested'),
  'team.appointed': B('确定本方协商代表', 'Negotiators appointed'),
  'recorder.appointed': B('指定记录员', 'Recorder appointed'),
  'member.vacated': B('协商代表出缺', 'Negotiator vacancy'),
  'vacancy.filled': B('补充协商代表', 'Vacancy filled'),
  'opinions.collected': B('征集意见', 'Opinions collected'),
  'preparation.figuresRecorded': B('登记工资数据', 'Wage figures recorded'),
  'agenda.drafted': B('拟定协商议题', 'Agenda drafted'),
  'meeting.scheduled': B('确定协商时间地点', 'Meeting scheduled'),
  'information.requested': B('要求提供资料', 'Information requested'),
  'information.supplied': B('提供资料', 'Information supplied'),
  'round.held': B('协商会议及纪要', 'Negotiation round and minutes'),
  'negotiation.suspended': B('中止协商', 'Negotiation suspended'),
  'negotiation.resumed': B('恢复协商', 'Negotiation resumed'),
  'coordination.requested': B('申请协调处理', 'Coordination requested'),
  'coordination.accepted': B('受理协调处理', 'Coordination accepted'),
  'coordination.extended': B('延长协调期限', 'Coordination extended'),
  'coordination.agreed': B('达成协调处理协议书', 'Coordination agreement'),
  'coordination.failed': B('协调未果', 'Coordination failed'),
  'draft.agreed': B('形成合同草案（首席代表签字）', 'Draft agreed (signed by the chiefs)'),
  'congress.resultCertified': B('职工代表大会表决结果', 'Congress vote result'),
  'agreement.signed': B('首席代表签字', 'Agreement signed'),
  'agreement.filed': B('报送备案（生成报送材料）', 'Filed with the bureau (filing package)'),
  'filing.registered': B('登记收件', 'Filing registered'),
  'correction.requested': B('要求补正材料', 'Correction requested'),
  'correction.supplied': B('补正报送材料', 'Correction supplied'),
  'review.objected': B('出具审查意见书（有异议）', 'Review opinion with objections'),
  'review.approved': B('出具审查意见书（无异议）', 'Review opinion without objection'),
  'agreement.published': B('向本方全体人员公布', 'Published to one side'),
  'renewal.requested': B('提出续订', 'Renewal requested'),
  'amendment.requested': B('提出变更', 'Amendment requested'),
  'termination.requested': B('提出解除', 'Rescission requested'),
  'agreement.ended': B('登记合同终止', 'End of the agreement recorded'),
  'deadline.elapsed': B('期限届满', 'Deadline elapsed'),
}

export const eventName = (lang: TLang, type: string) => pick(lang, EVENT_NAMES[type] ?? B(type, type))

export const DEADLINE_NAMES: Record<string, TBilingual> = {
  requestReply: B('书面答复要约', 'Reply to the request'),
  vacancyFill: B('补齐协商代表', 'Fill the vacancy'),
  suspensionEnd: B('中止期限届满', 'End of the suspension'),
  negotiationLimit: B('协商总期限', 'Overall negotiation limit'),
  coordination: B('协调处理期限', 'Coordination period'),
  congressSubmission: B('提交职工代表大会', 'Submit to the congress'),
  filing: B('报送备案', 'File with the bureau'),
  review: B('审查期限', 'Review period'),
  publication: B('公布', 'Publication'),
  renewalWindow: B('可以提出续订', 'Renewal window opens'),
  expiry: B('合同期满', 'Term ends'),
  informationSupply: B('提供资料', 'Supply information'),
  coordinationAcceptance: B('受理协调申请', 'Accept the coordination application'),
  coordinationApplication: B('申请协调处理', 'Apply for coordination'),
}

/** Labels of the fields of the event schemas (and the congress and clause schemas), by field name. */
export const FIELD_LABELS: Record<string, TBilingual> = {
  by: B('提出方', 'By'),
  side: B('一方', 'Side'),
  sentOn: B('发出日期', 'Sent on'),
  proposedTime: B('建议协商时间', 'Proposed time'),
  proposedPlace: B('建议协商地点', 'Proposed place'),
  content: B('内容', 'Content'),
  topics: B('协商事项', 'Topics'),
  ground: B('理由', 'Ground'),
  receivedOn: B('收到日期', 'Received on'),
  proof: B('送达证明', 'Proof of receipt'),
  answeredOn: B('答复日期', 'Answered on'),
  text: B('文本', 'Text'),
  reason: B('理由', 'Reason'),
  requestedOn: B('申请日期', 'Requested on'),
  appointedOn: B('确定日期', 'Appointed on'),
  members: B('协商代表', 'Negotiators'),
  workforce: B('职工人数情况', 'Workforce'),
  aboveDesignatedSize: B('规模以上企业', 'Above designated size'),
  staffCount: B('职工人数', 'Staff'),
  womenStaffCount: B('女职工人数', 'Women staff'),
  id: B('编号', 'Id'),
  name: B('姓名', 'Name'),
  position: B('职务', 'Position'),
  isChief: B('首席代表', 'Chief negotiator'),
  chiefBasis: B('首席代表依据', 'Basis of the chief'),
  isExternal: B('本单位以外的专业人员', 'External expert'),
  writtenAuthority: B('书面委托或授权', 'Written authority'),
  isFrontLine: B('一线职工', 'Front-line worker'),
  gender: B('性别', 'Gender'),
  isUnionStaff: B('工会专职或兼职人员', 'Union staff'),
  isEmployerExecutive: B('企业负责人、出资人、人力资源负责人或其近亲属', 'Employer executive or relative'),
  recorder: B('记录员', 'Recorder'),
  memberId: B('协商代表编号', 'Negotiator id'),
  vacatedOn: B('出缺日期', 'Vacated on'),
  filledOn: B('补充日期', 'Filled on'),
  member: B('协商代表', 'Negotiator'),
  collectedOn: B('征集日期', 'Collected on'),
  summary: B('意见摘要', 'Summary'),
  survey: B('问卷调查', 'Survey'),
  recordedOn: B('登记日期', 'Recorded on'),
  enterprise: B('企业数据', 'Enterprise figures'),
  regional: B('地区数据', 'Regional figures'),
  draftedOn: B('拟定日期', 'Drafted on'),
  draftedBy: B('拟定方', 'Drafted by'),
  items: B('事项', 'Items'),
  title: B('标题', 'Title'),
  scheduledOn: B('确定日期', 'Scheduled on'),
  meetingOn: B('会议日期', 'Meeting date'),
  time: B('时间', 'Time'),
  place: B('地点', 'Place'),
  suppliedOn: B('提供日期', 'Supplied on'),
  number: B('第几次会议', 'Round number'),
  heldOn: B('召开日期', 'Held on'),
  startTime: B('开始时间', 'Start time'),
  endTime: B('结束时间', 'End time'),
  presidingSide: B('主持方', 'Presiding side'),
  attendees: B('出席的协商代表（编号）', 'Negotiators present (ids)'),
  worker: B('职工方', 'Worker side'),
  employer: B('企业方', 'Employer side'),
  agenda: B('议题', 'Agenda'),
  proposals: B('各方提议（文字）', 'Proposals (text)'),
  response: B('对方回应', 'Response'),
  agreedItems: B('达成一致的事项', 'Agreed items'),
  openItems: B('尚未一致的事项', 'Open items'),
  outcome: B('会议结果', 'Outcome'),
  minutesSignedBy: B('纪要签字人（编号）', 'Minutes signed by (ids)'),
  clauseProposals: B('结构化提议（条款）', 'Structured proposals (clauses)'),
  clauses: B('条款', 'Clauses'),
  withdrawn: B('撤回的条款（键）', 'Withdrawn clause keys'),
  agreedClauses: B('本次会议达成一致的条款', 'Clauses agreed at this round'),
  withdrawnAgreedKeys: B('取消的已达成条款（键）', 'Dropped agreed clause keys'),
  suspendedOn: B('中止日期', 'Suspended on'),
  periodDays: B('中止期限（天）', 'Period (days)'),
  nextMeeting: B('下次协商', 'Next meeting'),
  on: B('日期', 'Date'),
  forceMajeure: B('不可抗力', 'Force majeure'),
  workerConsent: B('职工方同意', 'Worker side consents'),
  longerPeriodAgreed: B('双方约定较长期限', 'Longer period agreed'),
  resumedOn: B('恢复日期', 'Resumed on'),
  disputedItems: B('争议事项', 'Disputed items'),
  acceptedOn: B('受理日期', 'Accepted on'),
  onOwnInitiative: B('主动协调', 'On own initiative'),
  extendedOn: B('延长日期', 'Extended on'),
  days: B('天数', 'Days'),
  agreedOn: B('日期', 'Agreed on'),
  resolvedItems: B('已解决事项', 'Resolved items'),
  signedBy: B('签字的首席代表（编号）', 'Signed by the chiefs (ids)'),
  coordinators: B('协调人员', 'Coordinators'),
  sealed: B('已盖章', 'Sealed'),
  endedOn: B('结束日期', 'Ended on'),
  termMonths: B('期限（月）', 'Term (months)'),
  termStartsOn: B('起始日期', 'Term starts on'),
  signedOn: B('签字日期', 'Signed on'),
  passageNoticeOn: B('工会通知通过日期', 'Union notice of passage'),
  filedOn: B('报送日期', 'Filed on'),
  copies: B('份数', 'Copies'),
  explanatoryNote: B('附情况说明', 'Explanatory note'),
  materials: B('报送材料', 'Materials'),
  registrationNumber: B('登记编号', 'Registration number'),
  receiptNoticeRef: B('受理回执编号', 'Receipt notice reference'),
  opinionDate: B('意见日期', 'Opinion date'),
  deliveredOn: B('送达日期', 'Delivered on'),
  opinion: B('审查意见', 'Opinion'),
  opinionRef: B('意见书编号', 'Opinion reference'),
  publishedOn: B('公布日期', 'Published on'),
  channel: B('公布方式', 'Channel'),
  evidence: B('证明', 'Evidence'),
  // clauses
  kind: B('条款类型', 'Clause kind'),
  basisPoints: B('百分比（%）', 'Percent (%)'),
  fenPerMonth: B('金额（元/月）', 'Amount (yuan per month)'),
  dayOfMonth: B('每月几日', 'Day of month'),
  basis: B('计算基数', 'Basis'),
  type: B('类型', 'Type'),
  eligible: B('发放对象', 'Eligible'),
  appliesTo: B('适用范围（测算）', 'Applies to (costing)'),
  groups: B('职工群体', 'Groups'),
  headcount: B('人数', 'Headcount'),
  rule: B('发放办法', 'Rule'),
  pool: B('奖金总额', 'Pool'),
  fen: B('金额（元）', 'Amount (yuan)'),
  group: B('职工群体编号', 'Group id'),
  groupName: B('职工群体名称', 'Group name'),
  increase: B('增幅', 'Increase'),
  months: B('月数', 'Months'),
  startsOn: B('起始日期', 'Starts on'),
  item: B('工资协议事项（第七条）', 'Wage agreement item (GZ 7)'),
  chapter: B('集体合同章节（第八条）', 'Contract chapter (JHR 8)'),
  // figures
  value: B('数值', 'Value'),
  year: B('年度', 'Year'),
  source: B('来源', 'Source'),
  note: B('备注', 'Note'),
  // congress
  online: B('网上投票', 'Online voting'),
  opensAt: B('投票开始时间', 'Voting opens'),
  closesAt: B('投票截止时间', 'Voting closes'),
  documentSha256: B('表决的草案文件', 'Draft document voted on'),
  candidates: B('候选人（代表编号）', 'Candidates (representative ids)'),
  scrutineers: B('监票人', 'Scrutineers'),
  tellers: B('计票人', 'Tellers'),
  userId: B('账号编号', 'Account id'),
  representativeId: B('职工代表编号', 'Representative id'),
  presiding: B('主持人', 'Presiding'),
  reminderAt: B('提醒时间', 'Reminder'),
  delivery: B('投票凭证发放方式', 'Credential delivery'),
  body: B('表决机构', 'Voting body'),
  totalSeats: B('应到人数（代表总数）', 'Total seats'),
}

/** Enum values, by value (the same word means the same thing in every schema). */
export const VALUE_LABELS: Record<string, TBilingual> = {
  worker: B('职工方', 'Worker side'),
  employer: B('企业方', 'Employer side'),
  joint: B('双方共同', 'Jointly'),
  both: B('双方', 'Both sides'),
  female: B('女', 'Female'),
  male: B('男', 'Male'),
  unionChair: B('工会主席', 'Union chair'),
  unionPrincipalOfficer: B('工会主要负责人', 'Union principal officer'),
  delegatedByUnionChair: B('工会主席书面委托', 'Delegated by the union chair'),
  electedByRepresentatives: B('职工代表民主推举', 'Elected by the representatives'),
  legalRepresentative: B('法定代表人', 'Legal representative'),
  authorisedManager: B('法定代表人书面授权的管理人员', 'Authorised manager'),
  continued: B('继续协商', 'Continued'),
  agreed: B('达成一致', 'Agreed'),
  suspended: B('中止', 'Suspended'),
  deadlocked: B('未能达成一致', 'Deadlocked'),
  pay: B('劳动报酬', 'Pay'),
  workingConditions: B('劳动条件', 'Working conditions'),
  layoffs: B('裁员', 'Layoffs'),
  massLayoffs: B('较大规模裁员', 'Mass layoffs'),
  collectiveStoppage: B('集体停工、上访', 'Collective stoppage'),
  majorHazard: B('重大安全隐患', 'Major hazard'),
  other: B('其他', 'Other'),
  mutualAgreement: B('双方协商一致', 'Mutual agreement'),
  mergerDissolutionBankruptcy: B('合并、解散、破产', 'Merger, dissolution or bankruptcy'),
  forceMajeure: B('不可抗力', 'Force majeure'),
  agreedCondition: B('约定的条件出现', 'Agreed condition'),
  lawChanged: B('法律法规变化', 'Change of law'),
  enterpriseDissolved: B('用人单位终止', 'Enterprise dissolved'),
  workersCongress: B('职工代表大会', 'Workers’ congress'),
  allStaffAssembly: B('职工大会', 'All-staff assembly'),
  secret: B('无记名投票', 'Secret ballot'),
  open: B('公开表决', 'Open vote'),
  return: B('打印凭证当场发放', 'Printed credentials handed out'),
  email: B('电子邮件发送（未填邮箱的打印发放）', 'By e-mail (printed where no e-mail)'),
  // clause kinds
  averageWageIncrease: B('平均工资增幅', 'Average wage increase'),
  enterpriseMinimumWage: B('企业最低工资', 'Enterprise minimum wage'),
  payDay: B('工资支付日', 'Pay day'),
  overtimeBasis: B('加班工资计算基数', 'Overtime basis'),
  allowance: B('津贴', 'Allowance'),
  bonus: B('奖金', 'Bonus'),
  groupIncrease: B('群体工资增幅', 'Group increase'),
  term: B('协议期限', 'Term'),
  paymentMethod: B('工资支付方式', 'Payment method'),
  changeProcedure: B('变更、解除程序', 'Change procedure'),
  termination: B('终止条件', 'Termination conditions'),
  liability: B('违约责任', 'Liability'),
  text: B('文字条款', 'Text clause'),
  baseWage: B('基本工资', 'Base wage'),
  standardWage: B('标准工资', 'Standard wage'),
  amount: B('金额', 'Amount'),
  profitShare: B('利润比例', 'Share of profit'),
  fenPerMonth: B('每月金额', 'Amount per month'),
  basisPoints: B('百分比', 'Percent'),
  all: B('全体职工', 'All employees'),
  groups: B('部分职工群体', 'Some groups'),
  headcount: B('按人数', 'A number of employees'),
  // GZ 7 items / JHR 8 chapters
  paySystem: B('工资分配制度、工资标准和分配形式', 'Pay system'),
  wageLevel: B('平均工资水平及调整幅度', 'Wage level'),
  bonuses: B('奖金、津贴、补贴分配办法', 'Bonuses and allowances'),
  payment: B('工资支付办法', 'Payment'),
  general: B('总则', 'General'),
  hours: B('工作时间', 'Working hours'),
  rest: B('休息休假', 'Rest and leave'),
  safety: B('劳动安全与卫生', 'Safety and health'),
  insurance: B('补充保险和福利', 'Insurance and welfare'),
  specialProtection: B('女职工和未成年工特殊保护', 'Special protection'),
  training: B('职业技能培训', 'Training'),
  laborContracts: B('劳动合同管理', 'Labour contracts'),
  rewards: B('奖惩', 'Rewards and penalties'),
  disputes: B('争议处理', 'Disputes'),
  agree: B('同意', 'Agree'),
  disagree: B('不同意', 'Disagree'),
  abstain: B('弃权', 'Abstain'),
}

export const valueLabel = (lang: TLang, v: string) => pick(lang, VALUE_LABELS[v] ?? B(v, v))

export function fieldLabel(lang: TLang, key: string): string {
  const l = FIELD_LABELS[key]
  return l ? pick(lang, l) : key
}

export const DOCUMENT_KIND_NAMES: Record<string, TBilingual> = {
  requestLetter: B('要约书', 'Request letter'),
  replyLetter: B('答复书', 'Reply'),
  refusalLetter: B('拒绝协商答复书', 'Refusal'),
  teamList: B('协商代表名单', 'Team list'),
  minutes: B('协商会议纪要', 'Minutes'),
  suspensionRecord: B('中止协商记录', 'Suspension record'),
  coordinationAgreement: B('协调处理协议书', 'Coordination agreement'),
  draft: B('合同草案', 'Draft'),
  agreement: B('合同文本', 'Agreement'),
  filingPackage: B('报送备案材料', 'Filing package'),
  congressResolution: B('职工代表大会表决结果及决议', 'Congress resolution'),
  preparationBrief: B('协商准备材料', 'Preparation brief'),
  filingReceipt: B('受理回执', 'Filing receipt'),
  correctionNotice: B('补正通知', 'Correction notice'),
  reviewOpinion: B('审查意见书', 'Review opinion'),
  wageReviewOpinion: B('工资协议审查意见书', 'Wage agreement review opinion'),
  interventionRequest: B('请求劳动保障行政部门处理的申请书', 'Request to intervene'),
  coordinationApplication: B('协调处理申请书', 'Application for coordination'),
  publicationNotice: B('集体合同公布通知', 'Publication notice'),
  renewalRequest: B('续订要求书', 'Renewal request'),
  amendmentRequest: B('变更要求书', 'Amendment request'),
  terminationRequest: B('解除要求书', 'Rescission request'),
}

/** The kinds of regional wage figures (src/regions/wage-standards.ts WAGE_STANDARD_KINDS). */
export const WAGE_STANDARD_KIND_NAMES: Record<string, TBilingual> = {
  minimumMonthly: B('月最低工资标准', 'Monthly minimum wage'),
  minimumHourly: B('小时最低工资标准（非全日制）', 'Hourly minimum wage (part-time)'),
  guidelineBaseline: B('工资指导线基准线', 'Wage guideline baseline'),
  guidelineUpper: B('工资指导线上线', 'Wage guideline upper line'),
  guidelineLower: B('工资指导线下线', 'Wage guideline lower line'),
  urbanCpi: B('城镇居民消费价格指数涨幅', 'Urban CPI change'),
  averageWage: B('月平均工资', 'Average monthly wage'),
}
