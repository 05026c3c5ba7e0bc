import fs from 'node:fs'
import { Kit, S } from './layout/kit.js'
import { articleLabel } from './format.js'
const t0 = performance.now()
const kit = new Kit({ title: '测试', subject: 'test', author: 'x', keywords: 'k', documentId: 'ab'.repeat(16), documentDate: '2026-06-24' })
kit.titleBlock('广州市某制造有限公司2026年度工资专项集体合同', 'Wage Agreement 2026', '编号：GZ-2026-001')
kit.addressee('广州市某制造有限公司：')
const para = '甲方（企业方）与乙方（职工方）依据《中华人民共和国劳动法》《中华人民共和国劳动合同法》及《工资集体协商试行办法》的规定，本着平等协商、诚实守信的原则，就本年度职工工资调整事项进行集体协商。双方确认：职工年度工资平均增长幅度为6.5%，最低工资标准不低于当地政府公布标准的百分之一百一十（2,350.00元）；会议于2026年6月24日举行。English words such as collective bargaining are kept whole.'
for (let i = 1; i <= 40; i++) {
  if (i % 8 === 1) kit.chapter(`第${i}章　总则`)
  kit.article(articleLabel(i), para)
}
kit.table([{ header: '序号', width: 1, align: 'center' }, { header: '项目', width: 4 }, { header: '金额（元）', width: 2, align: 'right' }],
  Array.from({ length: 30 }, (_, i) => [String(i + 1), `第${i + 1}项工资调整项目说明，较长的文字需要换行以测试表格单元格中的中文断行是否正确。`, '2,350.00']))
kit.signatureColumns([[{ label: '甲方（企业方）：', value: '广州市某制造有限公司（盖章）' }, { label: '首席代表（签字）：' }, { label: '日期：', value: '2026年6月24日' }], [{ label: '乙方（职工方）：', value: '广州市某制造有限公司工会委员会（盖章）' }, { label: '首席代表（签字）：' }, { label: '日期：', value: '2026年6月24日' }]])
kit.sealBlock(['广州市人力资源和社会保障局', '2026年6月24日'], { sealLabel: '（盖章）' })
const buf = await kit.finish()
console.log('ms', performance.now() - t0, 'bytes', buf.length, 'pages', kit.pageCount)
fs.writeFileSync('/tmp/docwork/s.pdf', buf)
const t1 = performance.now()
const kit2 = new Kit({ title: '测试', subject: 'test', author: 'x', keywords: 'k', documentId: 'ab'.repeat(16), documentDate: '2026-06-24' })
for (let i = 1; i <= 40; i++) kit2.article(articleLabel(i), para)
await kit2.finish()
console.log('warm ms', performance.now() - t1)
