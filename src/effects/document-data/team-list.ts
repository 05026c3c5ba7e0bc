/**
 * 协商代表名单 (team.appointed, vacancy.filled): both teams and the recorder as appointed at the event. A side or a
 * recorder not yet appointed is printed as blank lines to fill in (the list is re-issued at each appointment).
 */
import type { TDocumentInputs, TNegotiator as TDocNegotiator } from '../../documents/index.js'
import type { TNegotiationContext } from '../../../workflows/negotiation/context.js'
import type { TNegotiator } from '../../../workflows/negotiation/events.js'
import { agreementTypeOf, commonOf, FILL_IN, latestDate, membersOf, postOf } from './common.js'
import { eventAt, type TCaseSources } from './sources.js'

function negotiator(s: TCaseSources, m: TNegotiator): TDocNegotiator {
  return {
    name: m.name,
    ...(m.gender ? { gender: m.gender === 'female' ? '女' : '男' } : {}),
    // An external expert's own employer is not recorded; the others work for the enterprise.
    employer: m.isExternal ? FILL_IN : s.enterprise.name,
    post: postOf(m),
    isChief: m.isChief,
    isExternal: m.isExternal,
    ...(m.writtenAuthority ? { delegation: m.writtenAuthority } : {}),
  }
}

function team(s: TCaseSources, context: TNegotiationContext, side: 'worker' | 'employer'): TDocNegotiator[] {
  const members = membersOf(context, side)
  if (members.length) return members.map((m) => negotiator(s, m))
  return [{ name: FILL_IN, employer: s.enterprise.name, post: FILL_IN, isChief: true, isExternal: false }]
}

/** The list as at event `seq`; its date is the appointment's date (the latest appointment when `seq` is another event). */
export function teamListData(s: TCaseSources, seq: number): TDocumentInputs['teamList'] {
  const context = s.contextAt(seq)
  const e = eventAt(s, seq)
  const { teams } = context
  const eventDate = typeof e.payload['appointedOn'] === 'string' ? e.payload['appointedOn'] : typeof e.payload['filledOn'] === 'string' ? e.payload['filledOn'] : undefined
  const listDate = eventDate ?? latestDate([teams.worker?.appointedOn, teams.employer?.appointedOn, teams.recorder?.appointedOn])!
  return {
    ...commonOf(s, context, listDate),
    agreementType: agreementTypeOf(s.caseKind),
    employerTeam: team(s, context, 'employer'),
    workerTeam: team(s, context, 'worker'),
    recorder: teams.recorder
      ? { name: teams.recorder.name, employer: FILL_IN, post: FILL_IN }
      : { name: FILL_IN, employer: FILL_IN, post: FILL_IN },
    listDate,
  }
}
