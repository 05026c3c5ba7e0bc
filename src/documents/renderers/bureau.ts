/** Shared parts of the bureau's documents. */
import type { Kit } from '../layout/kit.js'
import { formatDate } from '../format.js'
import type { TBureau } from '../types.js'
import { S } from '../layout/kit.js'

/** The bureau's seal block (落款): name, seal mark and date. */
export function bureauSeal(kit: Kit, bureau: TBureau, date: string): void {
  kit.sealBlock([`${bureau.name}（印章）`, formatDate(date)])
}

/** Contact line of the bureau, when known. */
export function bureauContact(kit: Kit, bureau: TBureau): void {
  const parts = [bureau.contact ? `联系人：${bureau.contact}` : '', bureau.phone ? `联系电话：${bureau.phone}` : '', bureau.address ? `地址：${bureau.address}` : '']
  const line = parts.filter(Boolean).join('　　')
  if (line) kit.paragraph(line, { style: S.small, indent: 0, before: 12, align: 'left' })
}

/**
 * JHR 45 (1)-(2): both parties' names and addresses, the contract, and the date the bureau received it — the head
 * rows of both review opinions. `noAddress` is what is printed for a worker side without a recorded address.
 */
export function reviewedPartiesRows(
  d: {
    enterprise: { name: string; address: string }
    workerParty: { name: string; address?: string | undefined }
    contractTitle: string
    receivedDate: string
  },
  labels: { contract: string; received: string },
  noAddress: string,
): [string, string][] {
  return [
    ['用人单位名称', d.enterprise.name],
    ['用人单位住所', d.enterprise.address],
    ['职工方名称', d.workerParty.name],
    ['职工方住所', d.workerParty.address ?? noAddress],
    [labels.contract, `《${d.contractTitle}》`],
    [labels.received, formatDate(d.receivedDate)],
  ]
}
