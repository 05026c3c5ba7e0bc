/**
 * The human-readable API page (/api/v1/docs), rendered on the server from the OpenAPI document: no scripts, no
 * external assets (the page must work offline). Chinese first, English second.
 */
type TJson = Record<string, unknown>

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const pre = (v: unknown) => `<pre>${esc(JSON.stringify(v, null, 2))}</pre>`

const METHOD_ORDER = ['get', 'post', 'patch', 'delete']

export function renderDocsPage(doc: TJson): string {
  const info = doc.info as { title: string; version: string; description: string }
  const paths = doc.paths as Record<string, Record<string, TJson>>
  const byTag = new Map<string, { method: string; path: string; op: TJson }[]>()
  for (const [path, ops] of Object.entries(paths)) {
    for (const method of METHOD_ORDER) {
      const op = ops[method]
      if (!op) continue
      const tag = (op.tags as string[])[0] ?? 'other'
      if (!byTag.has(tag)) byTag.set(tag, [])
      byTag.get(tag)!.push({ method, path, op })
    }
  }
  const sections = [...byTag.entries()].map(([tag, ops]) => {
    const items = ops.map(({ method, path, op }) => {
      const params = (op.parameters as TJson[] | undefined) ?? []
      const body = (op.requestBody as { content: Record<string, { schema: unknown }> } | undefined)?.content['application/json']?.schema
      const responses = op.responses as Record<string, TJson>
      const id = esc(String(op.operationId))
      return `<section class="op" id="${id}">
  <h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>
  <p class="summary">${esc(String(op.summary))}</p>
  ${op.description ? `<p class="desc">${esc(String(op.description)).replace(/\n/g, '<br>')}</p>` : ''}
  ${
    params.length
      ? `<table><tr><th>参数 Parameter</th><th>位置 In</th><th>必填 Required</th><th>类型 Schema</th></tr>${params
          .map(
            (p) =>
              `<tr><td><code>${esc(String(p.name))}</code></td><td>${esc(String(p.in))}</td><td>${p.required ? '是 yes' : '否 no'}</td><td><code>${esc(JSON.stringify(p.schema))}</code></td></tr>`,
          )
          .join('')}</table>`
      : ''
  }
  ${body ? `<details><summary>请求正文 Request body (JSON Schema)</summary>${pre(body)}</details>` : ''}
  <details><summary>响应 Responses</summary><ul>${Object.entries(responses)
    .map(([status, r]) => {
      const ref = typeof r.$ref === 'string' ? r.$ref.split('/').pop() : undefined
      const schema = (r.content as Record<string, { schema: unknown }> | undefined)?.['application/json']?.schema
      return `<li><b>${esc(status)}</b> ${ref ? esc(String(((doc.components as TJson).responses as Record<string, TJson>)[ref]?.description ?? '')) : esc(String(r.description ?? ''))}${schema ? pre(schema) : ''}</li>`
    })
    .join('')}</ul></details>
</section>`
    })
    return `<h2 id="tag-${esc(tag)}">${esc(tag)}</h2>\n${items.join('\n')}`
  })
  const toc = [...byTag.entries()]
    .map(([tag, ops]) => `<li><a href="#tag-${esc(tag)}">${esc(tag)}</a> (${ops.length})</li>`)
    .join('')
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)} — 接口文档 API reference</title>
<style>
  body { font-family: system-ui, "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1d1d1f; }
  h1 { font-size: 1.6rem; } h2 { border-bottom: 2px solid #c00; padding-bottom: .2rem; margin-top: 2.5rem; }
  .op { border: 1px solid #ddd; border-radius: 6px; padding: .6rem 1rem; margin: .8rem 0; }
  .op h3 { margin: .2rem 0; font-size: 1rem; }
  .m { display: inline-block; min-width: 4.2rem; text-align: center; color: #fff; border-radius: 4px; padding: .1rem .3rem; font-size: .8rem; }
  .get { background: #1565c0; } .post { background: #2e7d32; } .patch { background: #ef6c00; } .delete { background: #c62828; }
  table { border-collapse: collapse; font-size: .85rem; margin: .4rem 0; } td, th { border: 1px solid #ddd; padding: .2rem .4rem; text-align: left; vertical-align: top; }
  pre { background: #f6f6f6; padding: .5rem; overflow-x: auto; font-size: .8rem; max-height: 30rem; }
  .summary { font-weight: 600; margin: .3rem 0; } .desc { color: #444; font-size: .9rem; }
</style>
</head>
<body>
<h1>${esc(info.title)} <small>v${esc(info.version)}</small></h1>
<p>${esc(info.description).replace(/\n/g, '<br>')}</p>
<p>机器可读文档 Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1)</p>
<ul>${toc}</ul>
${sections.join('\n')}
</body>
</html>`
}
