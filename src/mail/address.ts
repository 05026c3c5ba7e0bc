/** Addresses and the stable identity of one mail: recipient key, mail id, Message-ID. */
import crypto from 'node:crypto'
import { z } from 'zod'

const ZEmail = z.email()

export const normalizeAddress = (address: string) => address.trim().toLowerCase()

/** A syntactically valid address we are willing to hand to SMTP (no display-name tricks, no spaces). */
export const isDeliverableAddress = (address: string | null | undefined): address is string =>
  !!address && address.length <= 254 && ZEmail.safeParse(address.trim()).success

/**
 * A short, stable key of the recipient within one notification: the lower-cased address, or — when there is none —
 * the role and user that could not be addressed (so a missing address is recorded once, not once per retry).
 */
export function recipientKeyOf(r: { address?: string | null; role?: string | undefined; userId?: string | undefined }): string {
  const basis = r.address ? `addr:${normalizeAddress(r.address)}` : `none:${r.role ?? ''}:${r.userId ?? ''}`
  return crypto.createHash('sha256').update(basis).digest('hex').slice(0, 16)
}

/** The MailMessage id: the source outbox row and the recipient; the same on every retry and after a crash. */
export const mailIdOf = (sourceOutboxId: string, recipientKey: string) => `${sourceOutboxId}.${recipientKey}`

/** `<mailId@domain>`: RFC 5322 msg-id (the id is made of hex, dashes and a dot). */
export const messageIdOf = (mailId: string, domain: string) => `<${mailId}@${domain}>`
