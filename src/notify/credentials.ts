/**
 * Voting credentials in mail (`notify.voteCredential` from src/congress): the congress seals each credential for
 * the outbox; the MailMessage keeps it sealed and carries placeholders, and only the sender opens it, at send time,
 * with CONGRESS_CREDENTIAL_KEY. So neither the database nor the admin mail listing ever shows a credential.
 */
import { openSealedToken } from '../congress/credentials.js'

export const CREDENTIAL_LINK = '{{credential.link}}'
export const CREDENTIAL_CODE = '{{credential.code}}'

export type TSealedCredential = { kind: 'voteCredential'; sealedToken: string; credentialId: string; sessionId: string }

/**
 * The voting page of a session with the credential in the URL fragment (#…): a fragment is not sent to servers,
 * so it does not end up in access logs or Referer headers; the page reads it and posts it with the ballot.
 */
export const votingLink = (publicUrl: string, sessionId: string, token: string) =>
  `${publicUrl}/vote/${encodeURIComponent(sessionId)}#${token}`

/** For the mail sender: sealed JSON → placeholder values. Throws when the seal does not open (wrong key, tampered). */
export function createCredentialUnsealer(key: Buffer, publicUrl: string) {
  return (sealed: string): Record<string, string> => {
    const s = JSON.parse(sealed) as Partial<TSealedCredential>
    if (s.kind !== 'voteCredential' || !s.sealedToken || !s.credentialId || !s.sessionId) throw new Error('unknown sealed secret')
    const { token, code } = openSealedToken(key, s.sealedToken, s.credentialId)
    return { [CREDENTIAL_LINK]: votingLink(publicUrl, s.sessionId, token), [CREDENTIAL_CODE]: code }
  }
}
