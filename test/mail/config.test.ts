import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, parseMailbox } from '../../src/config/config.js'
import { classifySmtpError } from '../../src/mail/smtp.js'

const issuesOf = (env: Record<string, string>) => {
  try {
    loadConfig(env)
    return []
  } catch (e) {
    if (e instanceof ConfigError) return e.issues.map((i) => i.variable)
    throw e
  }
}

describe('mail configuration', () => {
  it('holds mail by default (no SMTP), reminders 5 and 1 days before', () => {
    const { mail } = loadConfig({})
    expect(mail.smtp).toBeNull()
    expect(mail.from.address).toBe('noreply@wagepact.local')
    expect(mail.reminderLeadDays).toEqual([5, 1])
    expect(mail.messageIdDomain).toBe('wagepact.local')
  })

  it('reads an SMTP server with STARTTLS, authentication and a named sender', () => {
    const { mail } = loadConfig({
      SMTP_HOST: 'smtp.example.cn',
      SMTP_STARTTLS: 'required',
      SMTP_USER: 'wagepact',
      SMTP_PASSWORD: 's3cret',
      MAIL_FROM: '工资集体协商系统 <noreply@example.cn>',
      REMINDER_LEAD_DAYS: '1, 7,7 ,3',
      PUBLIC_URL: 'https://xieshang.example.cn/',
    })
    expect(mail.smtp).toEqual({ host: 'smtp.example.cn', port: 587, secure: false, starttls: 'required', auth: { user: 'wagepact', pass: 's3cret' }, timeoutMs: 60_000 })
    expect(mail.from).toEqual({ address: 'noreply@example.cn', name: '工资集体协商系统' })
    expect(mail.reminderLeadDays).toEqual([7, 3, 1])
    expect(mail.publicUrl).toBe('https://xieshang.example.cn')
    expect(loadConfig({ SMTP_HOST: 'h', SMTP_SECURE: 'true', MAIL_FROM: 'a@b.cn' }).mail.smtp?.port).toBe(465)
    expect(loadConfig({ REMINDER_LEAD_DAYS: '' }).mail.reminderLeadDays).toEqual([])
  })

  it('refuses inconsistent or invalid mail settings at boot, naming the variable', () => {
    expect(issuesOf({ SMTP_HOST: 'smtp.example.cn' })).toEqual(['MAIL_FROM'])
    expect(issuesOf({ SMTP_HOST: 'h', MAIL_FROM: 'a@b.cn', SMTP_USER: 'u' })).toEqual(['SMTP_PASSWORD'])
    expect(issuesOf({ MAIL_FROM: 'not an address' })).toEqual(['MAIL_FROM'])
    expect(issuesOf({ SMTP_PORT: '25' })).toEqual(['SMTP_PORT'])
    expect(issuesOf({ SMTP_HOST: 'h', MAIL_FROM: 'a@b.cn', SMTP_SECURE: 'true', SMTP_STARTTLS: 'required' })).toEqual(['SMTP_STARTTLS'])
    expect(issuesOf({ REMINDER_LEAD_DAYS: '5;1' })).toEqual(['REMINDER_LEAD_DAYS'])
    expect(issuesOf({ SMTP_STARTTLS: 'maybe' })).toEqual(['SMTP_STARTTLS'])
    expect(parseMailbox('"王 强" <wq@example.cn>')).toEqual({ address: 'wq@example.cn', name: '王 强' })
  })

  it('classifies SMTP failures: 5xx and unusable addresses are permanent; 4xx, connection and auth problems are retried', () => {
    const err = (o: object) => Object.assign(new Error('x'), o)
    expect(classifySmtpError(err({ code: 'EENVELOPE', responseCode: 550 }), false).permanent).toBe(true)
    expect(classifySmtpError(err({ code: 'EENVELOPE', responseCode: 452 }), false).permanent).toBe(false)
    expect(classifySmtpError(err({ code: 'EENVELOPE' }), false).permanent).toBe(true)
    expect(classifySmtpError(err({ code: 'EAUTH', responseCode: 535 }), false).permanent).toBe(false)
    expect(classifySmtpError(err({ code: 'ECONNECTION' }), false)).toMatchObject({ permanent: false, ambiguous: false })
    // No answer after the final "." : the server may have the message.
    expect(classifySmtpError(err({ code: 'ETIMEDOUT' }), true)).toMatchObject({ permanent: false, ambiguous: true })
    expect(classifySmtpError(err({ code: 'EMESSAGE', responseCode: 554 }), true)).toMatchObject({ permanent: true, ambiguous: false })
  })
})
