/**
 * Who may send which event: a data table read by the engine and the HTTP layer. For each event type, the roles
 * that may send it and, where the law cares, a side constraint:
 *   - `ownSide`: the event's `side`/`by`/`draftedBy` field must be the sender's side (each side appoints its own
 *     team, JHR 19-21); the values `both` and `joint` name both sides and pass;
 *   - `requestingSide` / `respondingSide`: the side that sent the current request, or the other one (JHR 32: the
 *     side that did NOT send the request answers it);
 *   - `employerSide`: only the employer side (JHR 42: the employer files);
 *   - `chief`: only a chief negotiator (JHR 34(4), 37: the chiefs sign).
 * The machine's rules (./rules.ts) are about the law of the case; this table is about the sender. Admins administer
 * accounts and reference data and do not act in cases; `system` sends deadlines and the congress module's certified
 * results.
 */
import type { TViolation } from '../rules/violations.js'
import type { TNegotiationContext } from './context.js'
import type { TNegotiationEvent, TNegotiationEventType, TSide } from './events.js'
import { chiefOf } from './teams.js'

export const negotiationRoles = [
  'unionNegotiator',
  'employerNegotiator',
  'workerRepresentative',
  'bureauReviewer',
  'admin',
  'system',
] as const
export type TNegotiationRole = (typeof negotiationRoles)[number]

export type TSenderConstraint =
  | { kind: 'ownSide'; field: 'side' | 'by' | 'draftedBy' }
  | { kind: 'requestingSide' }
  | { kind: 'respondingSide' }
  | { kind: 'employerSide' }
  | { kind: 'chief' }

export type TPolicyEntry = {
  roles: readonly TNegotiationRole[]
  constraints: readonly TSenderConstraint[]
  article: string
  note: { zh: string; en: string }
}

const sides = ['unionNegotiator', 'employerNegotiator'] as const
const bureau = ['bureauReviewer'] as const

export const negotiationPolicy: { readonly [T in TNegotiationEventType]: TPolicyEntry } = {
  'request.sent': {
    roles: sides,
    constraints: [{ kind: 'ownSide', field: 'by' }],
    article: 'JHR 32; GZ 17',
    note: { zh: '任何一方均可书面提出协商要求', en: 'Either side may request negotiation in writing' },
  },
  'request.received': {
    roles: sides,
    constraints: [],
    article: 'JHR 32',
    note: { zh: '记录对方收到要约的日期及证明', en: 'Either side records the date of receipt with proof' },
  },
  'request.answered': {
    roles: sides,
    constraints: [{ kind: 'respondingSide' }],
    article: 'JHR 32; GZ 17',
    note: { zh: '由收到要约的一方书面答复', en: 'The side that did not send the request answers it' },
  },
  'request.refused': {
    roles: sides,
    constraints: [{ kind: 'respondingSide' }],
    article: 'JHR 32',
    note: { zh: '由收到要约的一方以正当理由拒绝', en: 'The recipient refuses, with a stated reason' },
  },
  'request.withdrawn': {
    roles: sides,
    constraints: [{ kind: 'requestingSide' }],
    article: 'JHR 32',
    note: { zh: '由提出要约的一方撤回', en: 'The requesting side withdraws' },
  },
  'intervention.requested': {
    roles: sides,
    constraints: [{ kind: 'requestingSide' }],
    article: 'JHR 56; TUL 54(4)',
    note: { zh: '提出要约的一方请求劳动保障行政部门处理', en: 'The requesting side asks the bureau to intervene' },
  },
  'team.appointed': {
    roles: sides,
    constraints: [{ kind: 'ownSide', field: 'side' }],
    article: 'JHR 19-21',
    note: { zh: '双方各自确定本方协商代表', en: 'Each side appoints its own negotiators' },
  },
  'recorder.appointed': {
    roles: sides,
    constraints: [{ kind: 'chief' }],
    article: 'JHR 33(5)',
    note: { zh: '双方共同指定记录员，由首席代表记录', en: 'The recorder is appointed jointly; a chief records it' },
  },
  'member.vacated': {
    roles: sides,
    constraints: [{ kind: 'ownSide', field: 'side' }],
    article: 'JHR 30-31',
    note: { zh: '本方记录协商代表空缺', en: 'A side records a vacancy in its own team' },
  },
  'vacancy.filled': {
    roles: sides,
    constraints: [{ kind: 'ownSide', field: 'side' }],
    article: 'JHR 30-31',
    note: { zh: '本方补齐空缺', en: 'A side fills its own vacancy' },
  },
  'opinions.collected': {
    roles: sides,
    constraints: [{ kind: 'ownSide', field: 'side' }],
    article: 'JHR 33(2)',
    note: { zh: '各方收集本方意见', en: 'Each side collects its own members\' opinions' },
  },
  'preparation.figuresRecorded': {
    roles: sides,
    constraints: [{ kind: 'ownSide', field: 'by' }],
    article: 'GZ 8; GZ 18; JHR 33',
    note: {
      zh: '任何一方的协商代表可登记本方提供或收集的企业和地区工资数据',
      en: 'Either side\'s negotiators record the enterprise and regional figures they supply or collected',
    },
  },
  'agenda.drafted': {
    roles: sides,
    constraints: [{ kind: 'ownSide', field: 'draftedBy' }],
    article: 'JHR 33(3)',
    note: { zh: '议题由提出协商一方起草或双方共同起草', en: 'The requesting side drafts the agenda, or both jointly' },
  },
  'meeting.scheduled': {
    roles: sides,
    constraints: [],
    article: 'JHR 33(4)',
    note: { zh: '双方共同确定协商时间、地点', en: 'Both sides fix the time and place' },
  },
  'information.requested': {
    roles: sides,
    constraints: [{ kind: 'ownSide', field: 'by' }],
    article: 'GZ 18',
    note: { zh: '一方要求对方提供资料', en: 'A side asks the other for information' },
  },
  'information.supplied': {
    roles: sides,
    constraints: [{ kind: 'ownSide', field: 'by' }],
    article: 'GZ 18',
    note: { zh: '被要求方提供资料', en: 'The side asked supplies the information' },
  },
  'round.held': {
    roles: sides,
    constraints: [{ kind: 'chief' }],
    article: 'JHR 33(5); JHR 34',
    note: { zh: '首席代表提交记录员的会议记录', en: 'A chief submits the recorder\'s minutes' },
  },
  'negotiation.suspended': {
    roles: sides,
    constraints: [{ kind: 'chief' }],
    article: 'JHR 35',
    note: { zh: '经双方商定中止，由首席代表记录', en: 'Suspended by agreement; a chief records it' },
  },
  'negotiation.resumed': {
    roles: sides,
    constraints: [{ kind: 'chief' }],
    article: 'JHR 35',
    note: { zh: '恢复协商', en: 'Negotiation resumes' },
  },
  'coordination.requested': {
    roles: sides,
    constraints: [{ kind: 'ownSide', field: 'by' }],
    article: 'JHR 49',
    note: { zh: '一方或双方书面申请协调处理', en: 'One or both sides apply in writing' },
  },
  'coordination.accepted': {
    roles: bureau,
    constraints: [],
    article: 'JHR 49-51',
    note: { zh: '劳动保障行政部门受理或主动协调', en: 'The bureau accepts, or acts on its own initiative' },
  },
  'coordination.extended': {
    roles: bureau,
    constraints: [],
    article: 'JHR 52',
    note: { zh: '劳动保障行政部门延长协调期限', en: 'The bureau extends the period' },
  },
  'coordination.agreed': {
    roles: bureau,
    constraints: [],
    article: 'JHR 53-54',
    note: { zh: '制作《协调处理协议书》', en: 'The bureau records the coordination agreement' },
  },
  'coordination.failed': {
    roles: bureau,
    constraints: [],
    article: 'JHR 53; Henan 38',
    note: { zh: '协调未达成一致', en: 'The coordination ends without agreement' },
  },
  'draft.agreed': {
    roles: sides,
    constraints: [{ kind: 'chief' }],
    article: 'JHR 34(4)',
    note: { zh: '草案由双方首席代表签字', en: 'The draft is signed by both chiefs' },
  },
  'congress.resultCertified': {
    roles: ['system'],
    constraints: [],
    article: 'JHR 36',
    note: {
      zh: '职工代表大会表决结果由表决模块核实后发出（纸质表决经计票、监票确认）',
      en: 'The certified result from the congress module (paper ballots via its confirmed tally)',
    },
  },
  'agreement.signed': {
    roles: sides,
    constraints: [{ kind: 'chief' }],
    article: 'JHR 37; GZ 20',
    note: { zh: '双方首席代表签字', en: 'The chiefs sign' },
  },
  'agreement.filed': {
    roles: ['employerNegotiator'],
    constraints: [{ kind: 'employerSide' }],
    article: 'JHR 42; GZ 21',
    note: { zh: '由用人单位一方报送', en: 'Only the employer side files' },
  },
  'filing.registered': {
    roles: bureau,
    constraints: [],
    article: 'JHR 42 ¶2',
    note: { zh: '劳动保障行政部门登记收件', en: 'The bureau registers the receipt' },
  },
  'correction.requested': {
    roles: bureau,
    constraints: [],
    article: 'JHR 42 ¶2',
    note: { zh: '劳动保障行政部门要求补正', en: 'The bureau asks for missing materials' },
  },
  'correction.supplied': {
    roles: ['employerNegotiator'],
    constraints: [{ kind: 'employerSide' }],
    article: 'JHR 42',
    note: { zh: '用人单位补正材料', en: 'The employer completes the filing' },
  },
  'review.objected': {
    roles: bureau,
    constraints: [],
    article: 'JHR 45-46; GZ 22',
    note: { zh: '送达审查意见书（异议）', en: 'The bureau serves an objection' },
  },
  'review.approved': {
    roles: bureau,
    constraints: [],
    article: 'GZ 22',
    note: { zh: '送达无异议的审查意见书', en: 'The bureau serves a no-objection opinion' },
  },
  'agreement.published': {
    roles: sides,
    constraints: [{ kind: 'ownSide', field: 'side' }],
    article: 'JHR 48; GZ 23',
    note: { zh: '各方向本方全体人员公布', en: 'Each side publishes to its own members' },
  },
  'renewal.requested': {
    roles: sides,
    constraints: [{ kind: 'ownSide', field: 'by' }],
    article: 'JHR 38; GZ 24',
    note: { zh: '任何一方均可提出续订要求', en: 'Either side may request renewal' },
  },
  'amendment.requested': {
    roles: sides,
    constraints: [{ kind: 'ownSide', field: 'by' }],
    article: 'JHR 39-41',
    note: { zh: '任何一方可提出变更要求', en: 'Either side may request an amendment' },
  },
  'termination.requested': {
    roles: sides,
    constraints: [{ kind: 'ownSide', field: 'by' }],
    article: 'JHR 39-41',
    note: { zh: '任何一方可提出解除要求', en: 'Either side may request rescission' },
  },
  'agreement.ended': {
    roles: sides,
    constraints: [],
    article: 'JHR 38',
    note: { zh: '约定的终止条件出现或用人单位终止', en: 'An agreed termination condition occurred, or the employer ceased' },
  },
  'deadline.elapsed': {
    roles: ['system'],
    constraints: [],
    article: 'CC 201-203',
    note: { zh: '期限届满由系统发出', en: 'Only the scheduler sends it' },
  },
}

export const sideOfRole = (role: TNegotiationRole): TSide | undefined =>
  role === 'unionNegotiator' ? 'worker' : role === 'employerNegotiator' ? 'employer' : undefined

export type TSender = {
  role: TNegotiationRole
  /** The negotiator id of the sender in the case's team, if a negotiator (for the `chief` constraint). */
  negotiatorId?: string
}

/**
 * Why `sender` may not send `event` in this case, as violations (empty: allowed). Side constraints apply to the
 * negotiator roles; the bureau and the system act for no side.
 */
export function explainPolicy(sender: TSender, context: TNegotiationContext, event: TNegotiationEvent): TViolation[] {
  const entry = negotiationPolicy[event.type]
  if (!entry.roles.includes(sender.role)) {
    return [
      {
        code: 'ROLE_NOT_ALLOWED',
        article: entry.article,
        message: {
          zh: `${sender.role} 无权发出 ${event.type}（${entry.note.zh}）`,
          en: `${sender.role} may not send ${event.type} (${entry.note.en})`,
        },
      },
    ]
  }
  const side = sideOfRole(sender.role)
  if (!side) return []
  const out: TViolation[] = []
  for (const c of entry.constraints) {
    let ok = true
    let field: string | undefined
    switch (c.kind) {
      case 'ownSide': {
        const value = (event as Record<string, unknown>)[c.field]
        ok = value === side || value === 'both' || value === 'joint'
        field = c.field
        break
      }
      case 'requestingSide':
        ok = context.request === undefined || context.request.by === side
        break
      case 'respondingSide':
        ok = context.request === undefined || context.request.by !== side
        break
      case 'employerSide':
        ok = side === 'employer'
        break
      case 'chief':
        ok = sender.negotiatorId !== undefined && chiefOf(context.teams[side]?.members)?.id === sender.negotiatorId
        break
    }
    if (!ok) {
      out.push({
        code: 'SIDE_NOT_ALLOWED',
        article: entry.article,
        ...(field ? { field } : {}),
        message: { zh: `不能由本方发出：${entry.note.zh}`, en: `Not for this sender: ${entry.note.en}` },
      })
    }
  }
  return out
}
