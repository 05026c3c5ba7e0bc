/**
 * What an event form starts with: today's date, the sender's side, the chiefs' ids, the next round number, the
 * clauses agreed so far … taken from the case, so that the usual step is one click and the unusual one an edit.
 * Only defaults: the schema and the machine's rules decide.
 */
import type { TPrincipal } from '../auth/principal.js'
import type { TNegotiationContext } from '../../workflows/negotiation/context.js'
import type { TSide } from '../../workflows/negotiation/events.js'
import { agreedClausesOf } from '../../workflows/proposals/diff.js'
import { clauseText, type TClause } from '../../workflows/proposals/clauses.js'
import { addDays, formatDateZh } from '../../workflows/rules/calendar/dates.js'

export type TPrefillInput = {
  type: string
  context: TNegotiationContext
  principal: TPrincipal
  side: TSide | undefined
  today: string
  enterpriseName: string
}

/** A display name without its parenthesis: 李红梅（工会主席） → 李红梅. */
export const personName = (displayName: string) => displayName.replace(/[（(].*$/, '').trim() || displayName

const chiefId = (c: TNegotiationContext, side: TSide) => c.teams[side]?.members.find((m) => m.isChief)?.id ?? ''
const memberIds = (c: TNegotiationContext, side: TSide) => c.teams[side]?.members.map((m) => m.id) ?? []

function termOf(clauses: TClause[]) {
  const t = clauses.find((c) => c.kind === 'term')
  return t?.kind === 'term' ? t : undefined
}

export function prefill(p: TPrefillInput): Record<string, unknown> {
  const { context: c, today, side } = p
  const year = Number(today.slice(0, 4))
  const me = p.principal.user
  const chiefs = { worker: chiefId(c, 'worker'), employer: chiefId(c, 'employer') }
  const place = c.preparation?.meeting?.place ?? c.request?.proposedPlace ?? ''
  const requestFields = {
    by: side,
    sentOn: today,
    proposedTime: `${formatDateZh(addDays(today, 14))}上午9时30分`,
    proposedPlace: '',
    content: `依据《工资集体协商试行办法》，就${year}年度职工工资调整事项提出集体协商要求：职工年度平均工资调整幅度、企业内部最低工资、津贴补贴标准及工资支付办法。`,
  }
  switch (p.type) {
    case 'request.sent':
      return { ...requestFields, topics: ['pay'] }
    case 'amendment.requested':
    case 'termination.requested':
      return { ...requestFields, content: '' }
    case 'request.received':
      return { receivedOn: today }
    case 'request.answered':
      return { answeredOn: today, text: '同意贵方提出的协商要约，按要约书提出的时间、地点进行协商。' }
    case 'request.refused':
      return { answeredOn: today }
    case 'intervention.requested':
      return { requestedOn: today }
    case 'team.appointed':
      return {
        side,
        appointedOn: today,
        members: [
          {
            id: me.id,
            name: personName(me.displayName),
            isChief: true,
            chiefBasis: side === 'employer' ? 'authorisedManager' : 'unionChair',
            ...(side === 'employer' ? { writtenAuthority: `法定代表人书面授权书（${today}）` } : {}),
            isExternal: false,
          },
        ],
      }
    case 'recorder.appointed':
      return { appointedOn: today, recorder: { id: 'recorder-1', name: '' } }
    case 'member.vacated':
      return { side, vacatedOn: today }
    case 'vacancy.filled':
      return { side, filledOn: today, member: { isChief: false, isExternal: false } }
    case 'opinions.collected':
      return { side, collectedOn: today }
    case 'preparation.figuresRecorded':
      return { by: side, recordedOn: today }
    case 'agenda.drafted':
      return { draftedOn: today, draftedBy: 'joint', items: [{ id: 'a1', title: '职工年度平均工资调整幅度' }] }
    case 'meeting.scheduled':
      return { scheduledOn: today, meetingOn: addDays(today, 7), place: c.request?.proposedPlace ?? '' }
    case 'information.requested':
      return { by: side, requestedOn: today }
    case 'information.supplied':
      return { by: side, suppliedOn: today }
    case 'round.held': {
      const number = (c.rounds?.length ?? 0) + 1
      const first = c.request?.by ?? 'worker'
      const other: TSide = first === 'worker' ? 'employer' : 'worker'
      return {
        number,
        heldOn: today,
        startTime: '09:30',
        place,
        presidingSide: number % 2 === 1 ? first : other,
        attendees: { worker: memberIds(c, 'worker'), employer: memberIds(c, 'employer') },
        agenda: c.preparation?.agenda?.items.map((i) => i.title) ?? [],
        proposals: [],
        agreedItems: [],
        openItems: c.rounds?.at(-1)?.openItems ?? [],
        outcome: 'continued',
        minutesSignedBy: [chiefs.worker, chiefs.employer].filter(Boolean),
      }
    }
    case 'negotiation.suspended':
      return { suspendedOn: today, periodDays: 7, forceMajeure: false, workerConsent: true, nextMeeting: { on: addDays(today, 7), place } }
    case 'negotiation.resumed':
      return { resumedOn: today }
    case 'coordination.requested':
      return { requestedOn: today, by: side }
    case 'coordination.accepted':
      return { acceptedOn: today, onOwnInitiative: false }
    case 'coordination.extended':
      return { extendedOn: today, days: 15 }
    case 'coordination.agreed':
      return { agreedOn: today, signedBy: chiefs, sealed: true }
    case 'coordination.failed':
      return { endedOn: today }
    case 'draft.agreed': {
      const clauses = agreedClausesOf(c)
      const term = termOf(clauses)
      const kindTitle = c.kind === 'wageAgreement' ? '工资专项集体合同' : '集体合同'
      return {
        agreedOn: today,
        title: `${p.enterpriseName}${term?.startsOn?.slice(0, 4) ?? year}年度${kindTitle}`,
        text: clauses.length ? clauses.map((cl, i) => `${i + 1}. ${clauseText(cl).zh}`).join('\n') : '',
        items: c.rounds?.flatMap((r) => r.agreedItems) ?? [],
        ...(clauses.length ? { clauses } : {}),
        termMonths: term?.months ?? 12,
        ...(term?.startsOn ? { termStartsOn: term.startsOn } : {}),
        signedBy: chiefs,
      }
    }
    case 'agreement.signed':
      return { signedOn: today, signedBy: chiefs, sealed: true }
    case 'agreement.filed':
      return {
        filedOn: today,
        copies: 3,
        explanatoryNote: true,
        materials: ['合同文本', '情况说明', '职工代表大会决议', '协商代表名单', '协商会议纪要'],
      }
    case 'filing.registered':
      return { receivedOn: today, registrationNumber: '' }
    case 'correction.requested':
      return { requestedOn: today }
    case 'correction.supplied':
      return { suppliedOn: today }
    case 'review.objected':
      return { opinionDate: today, deliveredOn: today, sealed: true }
    case 'review.approved':
      return { opinionDate: today, deliveredOn: today, sealed: true }
    case 'agreement.published':
      return { side, publishedOn: today, channel: side === 'employer' ? '企业内部网站及厂务公开栏' : '工会公告栏及职工微信群' }
    case 'renewal.requested':
      return { by: side, sentOn: today }
    case 'agreement.ended':
      return { endedOn: today }
    default:
      return {}
  }
}
