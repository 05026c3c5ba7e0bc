/**
 * 协商要约书 (request.sent) and 书面答复 (request.answered / request.refused) from the case's request and reply.
 */
import type { TDocumentInputs } from '../../documents/index.js'
import type { TNegotiationContext } from '../../../workflows/negotiation/context.js'
import type { TRequestTopic } from '../../../workflows/rules/jurisdictions/types.js'
import { missing } from '../errors.js'
import {
  agreementTypeOf,
  chiefName,
  commonOf,
  FILL_IN,
  negotiatorNames,
  otherSide,
  parseDateTime,
  requireFacts,
} from './common.js'
import type { TCaseSources } from './sources.js'

const topicNames: Readonly<Record<TRequestTopic, string>> = {
  pay: '劳动报酬',
  workingConditions: '劳动条件',
  layoffs: '裁员',
  massLayoffs: '裁减人员二十人以上或者占职工总数百分之十以上',
  collectiveStoppage: '集体停工、集体上访',
  majorHazard: '重大安全隐患',
  other: '其他事项',
}

/**
 * The proposed meeting of the request: GZ 17 wants time, place and content. The structured date and start time win;
 * otherwise they are read from the free-text time.
 */
export function proposedMeeting(kind: string, context: TNegotiationContext) {
  const request = context.request!
  const parsed = parseDateTime(request.proposedTime, request.sentOn)
  const date = request.proposedDate ?? parsed.date
  const time = request.proposedStartTime ?? parsed.time
  requireFacts(kind, [
    !date &&
      missing(
        'request.proposedTime',
        `要约书提出的协商时间“${request.proposedTime}”未载明日期`,
        `the proposed time "${request.proposedTime}" of the request gives no date`,
      ),
  ])
  return { date: date!, ...(time ? { time } : {}), place: request.proposedPlace }
}

/** The topics of a request as printed; without structured topics, its content. */
export const requestTopics = (request: NonNullable<TNegotiationContext['request']>): string[] =>
  request.topics?.length ? request.topics.map((t) => topicNames[t]) : [request.content]

/** The contact of a request letter: the person named, else the chief; a phone the case does not keep is a blank. */
export const requestContact = (request: NonNullable<TNegotiationContext['request']>, chief: string) => ({
  name: request.contact?.name ?? chief,
  phone: request.contact?.phone ?? FILL_IN,
})

/**
 * The part that the request letter and the requests to amend or rescind the contract in force (in-force.ts) state
 * alike: the proposed meeting (GZ 17), the requesting side's chief and negotiators, and whom to contact. `kind` names
 * the document in a missing-facts error.
 */
export function requestingSideParts(s: TCaseSources, context: TNegotiationContext, kind: string) {
  const request = context.request!
  const meeting = proposedMeeting(kind, context)
  const chief = chiefName(s, context, request.by)
  return {
    proposedDate: meeting.date,
    ...(meeting.time ? { proposedTime: meeting.time } : {}),
    proposedPlace: meeting.place,
    chief,
    negotiators: negotiatorNames(context, request.by),
    contact: requestContact(request, chief),
  }
}

export function requestLetterData(s: TCaseSources, seq: number): TDocumentInputs['requestLetter'] {
  const context = s.contextAt(seq)
  const request = context.request
  requireFacts('requestLetter', [!request && missing('request', '协商要约', 'the negotiation request')])
  const parts = requestingSideParts(s, context, 'requestLetter')
  return {
    ...commonOf(s, context, request!.sentOn),
    agreementType: agreementTypeOf(s.caseKind),
    requestingSide: request!.by,
    topics: requestTopics(request!),
    background: request!.topics?.length ? [request!.content] : [],
    ...parts,
    sentDate: request!.sentOn,
  }
}

/** The written reply: an acceptance states the meeting (the one the request proposed), a refusal its reasons. */
export function requestResponseData(s: TCaseSources, seq: number): TDocumentInputs['requestResponse'] {
  const context = s.contextAt(seq)
  const { request, reply } = context
  requireFacts('requestResponse', [
    !request && missing('request', '协商要约', 'the negotiation request'),
    !reply && missing('reply', '书面答复', 'the written reply'),
    request && !request.receivedOn && missing('request.receivedOn', '要约书的收到日期', 'the date the request was received'),
  ])
  const side = otherSide(request!.by)
  const accepted = reply!.accepted
  const meeting = accepted ? proposedMeeting('requestResponse', context) : undefined
  return {
    ...commonOf(s, context, reply!.answeredOn),
    agreementType: agreementTypeOf(s.caseKind),
    respondingSide: side,
    requestDate: request!.sentOn,
    receivedDate: request!.receivedOn!,
    decision: accepted ? 'accept' : 'refuse',
    refusalReasons: accepted ? [] : [reply!.text],
    ...(meeting
      ? {
          meeting: {
            date: meeting.date,
            ...(meeting.time ? { time: meeting.time } : {}),
            place: meeting.place,
            topics: request!.topics?.length ? request!.topics.map((t) => topicNames[t]) : [],
          },
        }
      : {}),
    chief: chiefName(s, context, side),
    negotiators: negotiatorNames(context, side),
    remarks: accepted ? [reply!.text] : [],
    replyDate: reply!.answeredOn,
  }
}
