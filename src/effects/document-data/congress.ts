/**
 * 职工代表大会表决结果及决议 (congress.resultCertified, JHR 36): the certified counts from the case; the sitting's
 * name, place, presiding officer, scrutineers and tellers from the congress session that certified it
 * (src/congress), or blank lines when the result was certified without one.
 */
import type { TDocumentInputs } from '../../documents/index.js'
import { missing } from '../errors.js'
import { agreementTypeOf, commonOf, FILL_IN, requireFacts } from './common.js'
import type { TCaseSources } from './sources.js'

/** The resolution of the vote certified at `seq` (default: the last vote at `seq`). */
export function congressResolutionData(s: TCaseSources, seq: number): TDocumentInputs['congressResolution'] {
  const context = s.contextAt(seq)
  const vote = context.congressVotes.at(-1)
  requireFacts('congressResolution', [!vote && missing('congressVotes', '职工代表大会的表决结果', 'the congress vote')])
  const v = vote!
  const voteSeq = [...s.log].reverse().find((e) => e.seq <= seq && e.type === 'congress.resultCertified')?.seq
  const session = s.congressSessions.find((x) => x.certifiedSeq !== null && x.certifiedSeq === voteSeq)
  const draft = context.drafts.find((d) => d.version === v.draftVersion)
  const title = `《${draft?.title ?? '合同'}（草案）》`
  return {
    ...commonOf(s, context, v.heldOn),
    agreementType: agreementTypeOf(s.caseKind),
    body: v.body === 'allStaffAssembly' ? 'assembly' : 'congress',
    sessionName: session?.name ?? (v.body === 'allStaffAssembly' ? '全体职工大会' : '职工代表大会'),
    date: v.heldOn,
    place: session?.place ?? FILL_IN,
    presiding: session?.presiding ?? FILL_IN,
    seats: v.totalSeats,
    present: v.present,
    ballot: v.ballot === 'open' ? 'show' : 'secret',
    items: v.items?.length
      ? v.items.map((i) => ({ title: i.title ?? i.itemId, yes: i.yes, no: i.no, abstain: i.abstain }))
      : [{ title, yes: v.yes, no: v.no, abstain: v.abstain }],
    scrutineers: session?.scrutineers.length ? session.scrutineers : [FILL_IN],
    tellers: session?.tellers.length ? session.tellers : [FILL_IN],
  }
}
