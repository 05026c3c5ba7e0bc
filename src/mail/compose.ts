/**
 * Builds the RFC 5322 message once, with the stable Message-ID and the Date of the MailMessage row, so every
 * attempt hands the server the same message.
 */
import MailComposer from 'nodemailer/lib/mail-composer'

export type TComposeInput = {
  messageId: string
  /** ISO instant: the Date header. */
  date: string
  from: { name: string; address: string }
  to: { name: string; address: string }
  subject: string
  text: string
  html: string
  attachments: { filename: string; contentType: string; content: Buffer | string }[]
  headers?: Record<string, string>
}

export async function composeMime(m: TComposeInput): Promise<Buffer> {
  const composer = new MailComposer({
    messageId: m.messageId,
    date: new Date(m.date),
    from: { name: m.from.name, address: m.from.address },
    to: { name: m.to.name, address: m.to.address },
    subject: m.subject,
    text: m.text,
    html: m.html,
    textEncoding: 'base64',
    attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', ...m.headers },
    disableFileAccess: true,
    disableUrlAccess: true,
  })
  return new Promise<Buffer>((resolve, reject) => {
    composer.compile().build((err, message) => (err ? reject(err) : resolve(message)))
  })
}
