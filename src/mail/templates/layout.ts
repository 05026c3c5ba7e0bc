/**
 * One layout for every mail: Simplified Chinese first, English below, as plain text and as HTML (escaped).
 * Templates describe a mail as a spec (subject, paragraphs, facts, a link); this turns it into the content.
 */
import { caseKindName, escapeHtml, ROLE_NAMES } from './format.js'
import type { TAttachmentContent, TBilingual, TMailContent, TMailFacts } from './types.js'

export type TFact = { label: TBilingual; value: TBilingual | string }

export type TMailSpec = {
  subject: TBilingual
  paragraphs: TBilingual[]
  facts?: (TFact | undefined | false)[]
  /** A list of items (agreed items, objections …) with its heading. */
  list?: { title: TBilingual; items: string[] }
  /** The link to act on; defaults to the case page. */
  action?: { label: TBilingual; url: string }
  attachments?: TAttachmentContent[]
}

const valueOf = (v: TBilingual | string, lang: 'zh' | 'en') => (typeof v === 'string' ? v : v[lang])

const FOOTER: TBilingual = {
  zh: '此邮件由工资集体协商系统自动发送，请勿直接回复。如对期限或内容有疑问，请登录系统查看案件记录。',
  en: 'This message was sent automatically by WagePact. Please do not reply to it; the case record in the system is authoritative.',
}

export function render(f: TMailFacts, spec: TMailSpec): TMailContent {
  const kind = caseKindName(f.caseKind)
  const facts: TFact[] = [
    { label: { zh: '企业', en: 'Enterprise' }, value: f.enterprise.name },
    { label: { zh: '协商事项', en: 'Subject matter' }, value: kind },
    ...(spec.facts ?? []).filter((x): x is TFact => !!x),
  ]
  const role = f.recipient.role ? ROLE_NAMES[f.recipient.role] : undefined
  const action = spec.action ?? { label: { zh: '在系统中查看案件', en: 'Open the case in the system' }, url: f.caseUrl }
  const attachmentLine = (lang: 'zh' | 'en') =>
    f.attachmentNames.length || spec.attachments?.length
      ? [
          `${lang === 'zh' ? '附件' : 'Attachments'}: ${[...f.attachmentNames, ...(spec.attachments ?? []).map((a) => a.filename)].join(', ')}`,
        ]
      : []
  const missing = (lang: 'zh' | 'en') =>
    f.missingAttachments
      ? [lang === 'zh' ? '（相关文书尚在生成，请在系统中查看。）' : '(The related document was not ready yet; see it in the system.)']
      : []

  const block = (lang: 'zh' | 'en') => {
    const greeting =
      lang === 'zh'
        ? `${f.recipient.name || '您好'}${f.recipient.name ? '，您好' : ''}${role ? `（${role.zh}）` : ''}：`
        : `Dear ${f.recipient.name || 'Sir or Madam'}${role ? ` (${role.en})` : ''},`
    const lines: string[] = [greeting, '', ...spec.paragraphs.flatMap((p) => [p[lang], ''])]
    for (const fact of facts) lines.push(`${fact.label[lang]}${lang === 'zh' ? '：' : ': '}${valueOf(fact.value, lang)}`)
    if (spec.list && spec.list.items.length) {
      lines.push('', `${spec.list.title[lang]}${lang === 'zh' ? '：' : ':'}`)
      spec.list.items.forEach((item, i) => lines.push(`  ${i + 1}. ${item}`))
    }
    lines.push('', ...attachmentLine(lang), ...missing(lang), `${action.label[lang]}${lang === 'zh' ? '：' : ': '}${action.url}`, '', FOOTER[lang])
    return lines.join('\n')
  }

  const htmlBlock = (lang: 'zh' | 'en') => {
    const e = escapeHtml
    const greeting = block(lang).split('\n')[0]!
    const rows = facts
      .map(
        (x) =>
          `<tr><th style="text-align:left;padding:2px 12px 2px 0;font-weight:normal;color:#555">${e(x.label[lang])}</th><td style="padding:2px 0">${e(valueOf(x.value, lang))}</td></tr>`,
      )
      .join('')
    const list =
      spec.list && spec.list.items.length
        ? `<p>${e(spec.list.title[lang])}${lang === 'zh' ? '：' : ':'}</p><ol>${spec.list.items.map((i) => `<li>${e(i)}</li>`).join('')}</ol>`
        : ''
    const attach = [...attachmentLine(lang), ...missing(lang)].map((l) => `<p style="color:#555">${e(l)}</p>`).join('')
    return [
      `<div lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
      `<p>${e(greeting)}</p>`,
      ...spec.paragraphs.map((p) => `<p>${e(p[lang])}</p>`),
      `<table style="border-collapse:collapse">${rows}</table>`,
      list,
      attach,
      `<p><a href="${e(action.url)}">${e(action.label[lang])}</a></p>`,
      `<p style="color:#888;font-size:12px">${e(FOOTER[lang])}</p>`,
      `</div>`,
    ].join('\n')
  }

  const subject = `【${f.enterprise.name}】${spec.subject.zh} / ${spec.subject.en}`
  const text = `${block('zh')}\n\n———— English ————\n\n${block('en')}\n`
  const html = [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8"><title>' + escapeHtml(subject) + '</title></head>',
    '<body style="font-family:\'Noto Sans SC\',\'PingFang SC\',\'Microsoft YaHei\',sans-serif;line-height:1.6;color:#222">',
    htmlBlock('zh'),
    '<hr style="border:none;border-top:1px solid #ddd;margin:24px 0">',
    htmlBlock('en'),
    '</body></html>',
  ].join('\n')
  return { subject, text, html, ...(spec.attachments?.length ? { attachments: spec.attachments } : {}) }
}
