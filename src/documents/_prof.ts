import { Kit } from './layout/kit.js'
import { articleLabel } from './format.js'
const para = '甲方（企业方）与乙方（职工方）依据《中华人民共和国劳动法》《中华人民共和国劳动合同法》及《工资集体协商试行办法》的规定，本着平等协商、诚实守信的原则，就本年度职工工资调整事项进行集体协商。双方确认：职工年度工资平均增长幅度为6.5%，最低工资标准不低于当地政府公布标准的百分之一百一十（2,350.00元）；会议于2026年6月24日举行。'
for (let r = 0; r < 6; r++) {
  const t1 = performance.now()
  const kit2 = new Kit({ title: '测试', subject: 'test', author: 'x', keywords: 'k', documentId: 'ab'.repeat(16), documentDate: '2026-06-24' })
  for (let i = 1; i <= 60; i++) kit2.article(articleLabel(i), para + i)
  const t2 = performance.now()
  const b = await kit2.finish()
  console.log('layout', (t2 - t1).toFixed(1), 'finish', (performance.now() - t2).toFixed(1), b.length)
}
