import { beforeAll, describe, expect, it } from 'vitest'
import { documentId, documentKinds, documentRegistry, renderDocument, sha256, type TDocumentKind } from '../../src/documents/index.js'
import { samples, tenPageCollectiveContract } from '../../src/documents/samples.js'
import { pdfFonts, pdfInfo, pdfPages, qpdfCheck, squash, writePdf } from './pdf-tools.js'

/** Strings each kind's sample must show (compared with all whitespace removed). */
const expected: Record<TDocumentKind, string[]> = {
  requestLetter: [
    '工资集体协商要约书',
    'Request for Collective Wage Negotiation',
    '广州市某制造有限公司：',
    '广州市某制造有限公司工会委员会（以下简称“本方”）',
    '协商时间：2026年5月12日9时30分',
    '协商地点：公司行政楼三楼第一会议室',
    '（一）2026年度职工平均工资水平及其调整幅度；',
    '请贵方自收到本要约书之日起20日内以书面形式予以答复',
    '基准线6.5%',
    '2026年4月20日',
  ],
  requestResponse: [
    '关于工资集体协商要约的书面答复',
    '贵方于2026年4月20日发出的《工资集体协商要约书》，本方已于2026年4月21日收到',
    '本方同意与贵方进行工资集体协商',
    '建议增加“技能等级津贴标准”议题',
    '首席代表陈志强',
    '2026年5月6日',
  ],
  teamList: [
    '工资集体协商代表名单',
    '一、甲方（企业方）协商代表',
    '二、乙方（职工方）协商代表',
    '三、记录员',
    '陈志强',
    '首席代表',
    '（受委托）',
    '郑海燕',
    '（外聘）',
    '李秀英',
    '工会主席',
    '王芳',
    '双方共同指定，非协商代表',
    '（2026年4月28日）',
    '本单位以外的专业人员1人',
    '《集体合同规定》第十九条',
  ],
  minutes: [
    '工资集体协商第一次会议纪要',
    'Minutes of Negotiation Round 1',
    '2026年5月12日9时30分',
    '至11时45分',
    '李秀英（职工方首席代表）',
    '陈志强（副总经理，首席代表）',
    '郑海燕（律师，外聘专业人员）',
    '主持人宣布本次会议议题和会议纪律',
    '职工方提出：2026年度职工平均工资增长8.0%',
    '企业方回应：',
    '一、会议议题',
    '三、双方达成一致的事项',
    '四、尚未达成一致的事项',
    '（三）技能等级津贴标准。',
    '下次协商会议定于2026年5月26日在公司行政楼三楼第一会议室举行',
    '本纪要经双方首席代表核对无误后签字确认',
    '企业方首席代表（签字）：',
    '职工方首席代表（签字）：',
    '记录员（签字）：',
  ],
  suspensionRecord: [
    '中止工资集体协商记录',
    '根据《集体合同规定》第三十五条的规定',
    '自2026年5月27日起至2026年6月3日止',
    '2026年6月4日9时',
    '恢复协商内容',
    '双方对职工平均工资增长幅度分歧较大',
    '企业方5.8%',
  ],
  coordinationAgreement: [
    '集体协商争议协调处理协议书',
    '黄人社协〔2026〕3号',
    '一、协调处理申请',
    '二、协调处理争议的事实',
    '三、协调处理结果',
    '四、双方需要继续协商的事项',
    '职工方于2026年7月20日',
    '于2026年7月22日受理',
    '《集体合同规定》第五十四条',
    '赵明（黄埔区人力资源和社会保障局）',
    '协调处理人员（签字）：',
    '广州市黄埔区人力资源和社会保障局（盖章）',
    '2026年8月18日',
  ],
  wageAgreement: [
    '广州市某制造有限公司2026年度工资专项集体合同',
    '甲方（企业方）：广州市某制造有限公司',
    '乙方（职工方）：广州市某制造有限公司工会委员会',
    '第一条协议期限',
    '本合同期限自2026年7月1日起至2027年6月30日止。',
    '第二条工资分配制度、工资标准和工资分配形式',
    '第三条职工年度平均工资水平及其调整幅度',
    '第四条奖金、津贴、补贴等分配办法',
    '第五条工资支付办法',
    '第六条变更、解除工资协议的程序',
    '第七条工资协议的终止条件',
    '第八条工资协议的违约责任',
    '第九条双方认为应当协商约定的其他事项',
    '2026年度职工平均工资增长6.5%',
    '每月2,350.00元',
    '（一）一线生产岗位：每月2,600.00元至4,200.00元；',
    '本合同一式5份，甲乙双方各执一份，3份报送人力资源社会保障行政部门',
    '已经公司第三届职工代表大会第二次会议于2026年6月20日审议通过',
    '（以下无正文）',
    '甲方（盖章）：广州市某制造有限公司',
    '首席代表（签字）：',
    '签订日期：2026年6月24日',
  ],
  collectiveContract: [
    '广州市某制造有限公司集体合同',
    '第一章总则',
    '第二章劳动报酬',
    '第三章工作时间',
    '第七章女职工和未成年工特殊保护',
    '第十四章违反集体合同的责任',
    '第十五章附则',
    '第一条本合同适用于甲方及与甲方建立劳动关系的全体职工。',
    '第二条',
    '第十条',
    '第二十条',
    '（一）安排延长工作时间的，支付不低于工资的150%的工资报酬；',
    '本合同期限自2026年7月1日起至2029年6月30日止。',
    '（以下无正文）',
  ],
  congressResolution: [
    '职工代表大会表决结果及决议',
    '广州市某制造有限公司第三届职工代表大会第二次会议',
    '60名',
    '52名',
    '86.67%',
    '三分之二以上（40名）',
    '符合法定人数',
    '须经全体职工代表半数以上同意方获通过',
    '同意票数按全体职工代表人数（60名）计算，而非按出席人数计算',
    '本次会议通过所需同意票数为30票',
    '4921',
    '≥30',
    '无记名投票，分项表决',
    '审议通过《广州市某制造有限公司2026年度工资专项集体合同（草案）》',
    '监票人：何建国、苏永红；计票人：林小红、陈晓燕。',
    '《集体合同规定》第三十六条',
  ],
  situationReport: [
    '关于签订《广州市某制造有限公司2026年度工资专项集体合同》的情况说明',
    '广州市黄埔区人力资源和社会保障局：',
    '一、协商的发起和准备',
    '三、工资调整的测算和参考因素',
    '年工资总额由39,921,600元增至42,732,504元，增加2,810,904元，增幅7.04%',
    '扣除物价因素后实际增幅6.09%',
    '一线生产职工3405,620.005,985.30365.306.50%',
    '合计39,921,600.0042,732,504.002,810,904.007.04%',
    '五、协商会议一览',
    '第四次',
    '2026年6月10日',
    '同意49票',
    '特此说明。',
  ],
  preparationBrief: [
    '工资集体协商准备材料',
    '材料范围：截至第2次协商会议（2026年5月19日）',
    '一、企业数据（《工资集体协商试行办法》第八条）',
    '上年度工资总额',
    '27,500,000.00元',
    '二、地区数据',
    '2,500.00元',
    '地区职工月平均工资12,500.00元2024',
    '机械加工操作工4,200.005,600.007,800.00',
    '三、职工意见汇总（《集体合同规定》第三十三条）',
    '87.5%',
    '四、各方方案及工资测算',
    '（一）职工方方案（截至第2次协商会议）',
    '（1）各类职工月平均工资测算',
    '5,149.20',
    '29,256,703.20',
    '2,048,558.40',
    '实际工资增幅7.31%',
    '工资总额增幅7.53%高于工资指导线上线7.5%',
    '（二）企业方方案',
    '1,360,419.60',
    '（三）已商定的条款',
    '不作工资总额测算',
  ],
  wageData: [
    '2026年度工资集体协商数据表',
    '91440101MA59C0001U',
    '职工月平均工资',
    '6,842.50',
    '7,287.26',
    '+6.50%',
    '+0.5个百分点',
    '2,350.00',
    '《工资集体协商试行办法》第八条',
  ],
  filingReceipt: [
    '工资专项集体合同报送受理回执',
    '黄人社集审〔2026〕31号',
    '本局已于2026年6月30日收到',
    '审查期限至2026年7月15日',
    '工资协议审查意见书',
    '视为已经同意',
    '特此回执。',
    '广州市黄埔区人力资源和社会保障局（印章）',
  ],
  correctionNotice: [
    '工资专项集体合同报送材料补正通知书',
    '黄人社集补〔2026〕7号',
    '于2026年6月30日报送',
    '需补正事项',
    '职工代表大会决议',
    '请你单位于2026年7月7日前补正',
    '特此通知。',
  ],
  reviewOpinion: [
    '审查意见书',
    '黄人社集审意〔2026〕12号',
    '用人单位名称',
    '广州市某制造有限公司',
    '用人单位住所',
    '广州市黄埔区科学大道188号',
    '职工方住所',
    '广州市黄埔区科学大道188号行政楼二楼',
    '收到合同文本日期',
    '2026年6月30日',
    '《中华人民共和国劳动合同法》第二十条',
    '《集体合同规定》第四十六条',
    '广州市黄埔区人力资源和社会保障局（印章）',
    '2026年7月10日',
  ],
  wageReviewOpinion: [
    '工资协议审查意见书',
    '无异议',
    '本局对该工资协议无异议',
    '该工资协议自本意见书送达之日起生效',
    '《工资集体协商试行办法》第二十二条第二款',
    '2026年7月10日',
  ],
  interventionRequest: [
    '关于请求处理拒绝工资集体协商问题的申请书',
    '广州市黄埔区人力资源和社会保障局：',
    '申请人（职工方）',
    '被申请人（企业方）',
    '一、请求事项',
    '《集体合同规定》第五十六条、《中华人民共和国工会法》第五十四条',
    '本方于2026年4月20日以书面形式向广州市某制造有限公司提出工资集体协商要约',
    '于2026年5月6日书面答复拒绝协商，所述理由为：“公司今年经营压力较大，暂不考虑工资调整事项”',
    '不属于《集体合同规定》第三十二条所称的正当理由',
    '广州市某制造有限公司工会委员会（盖章）',
    '2026年5月15日',
  ],
  coordinationApplication: [
    '工资集体协商争议协调处理申请书',
    '申请人（职工方）',
    '对方（企业方）',
    '自2026年6月8日起进行工资集体协商，共举行三次协商会议',
    '根据《集体合同规定》第四十九条的规定',
    '一、申请协调处理的争议事项',
    '（一）2026年度职工平均工资增长幅度（职工方6.5%，企业方5.0%）；',
    '第三次',
    '2026年7月13日',
    '自受理之日起30日内结束协调处理工作（《集体合同规定》第五十二条）',
    '2026年7月20日',
  ],
  publicationNotice: [
    '关于公布工资专项集体合同的通知',
    '全体职工：',
    '《广州市某制造有限公司2026年度工资专项集体合同》（登记编号：黄人社集审〔2026〕31号）',
    '已送达无异议的《工资协议审查意见书》，本合同自2026年7月10日起生效（《工资集体协商试行办法》第二十二条）',
    '本合同期限自2026年7月1日起至2027年6月30日止',
    '《集体合同规定》第四十八条、《工资集体协商试行办法》第二十三条',
    '（二）企业最低工资标准为每月2,350.00元；',
    '公司厂务公开栏',
    '广州市某制造有限公司（盖章）',
    '2026年7月13日',
  ],
  renewalRequest: [
    '续订工资专项集体合同要求书',
    '广州市某制造有限公司：',
    '将于2027年6月30日期满',
    '《集体合同规定》第三十八条、《工资集体协商试行办法》第二十四条',
    '（一）2027年度职工平均工资水平及其调整幅度；',
    '请贵方自收到本要求书之日起20日内以书面形式予以答复',
    '2027年5月6日',
  ],
  amendmentRequest: [
    '变更工资专项集体合同要求书',
    '合同所依据的法律、法规、规章发生变化（《集体合同规定》第四十条第四项）',
    '变更集体合同适用集体协商程序（《集体合同规定》第四十一条）',
    '一、要求变更的内容',
    '二、协商时间：2026年10月26日14时30分',
    '首席代表李秀英；协商代表张伟、林小红。',
    '在变更协议生效前，原合同继续有效',
    '2026年10月12日',
  ],
  terminationRequest: [
    '解除工资专项集体合同要求书',
    '广州市某制造有限公司工会委员会：',
    '企业因被兼并、解散、破产等原因，致使合同无法履行（《集体合同规定》第四十条第一项）',
    '一、要求解除的理由',
    '二、协商时间：2026年12月2日9时30分',
    '首席代表陈志强',
    '广州市某制造有限公司（盖章）',
    '2026年11月20日',
  ],
  filingPackage: [
    '工资专项集体合同报送材料',
    '统一社会信用代码',
    '91440101MA59C0001U',
    '行政区划代码440112',
    '2026年7月1日至2027年6月30日',
    '目录',
    'SHA-256（前16位）',
    '关于签订《广州市某制造有限公司2026年度工资专项集体合同》的情况说明',
    '工资集体协商第四次会议纪要',
    '第九条双方认为应当协商约定的其他事项',
    '职工代表大会表决结果及决议',
  ],
}

type TRenderedSample = { bytes: Buffer; file: string; pages: string[]; text: string }
const rendered = new Map<TDocumentKind, TRenderedSample>()

beforeAll(async () => {
  for (const kind of documentKinds) {
    const bytes = await renderDocument(kind, samples[kind] as never)
    const file = writePdf(kind, bytes)
    const pages = pdfPages(file)
    rendered.set(kind, { bytes, file, pages, text: squash(pages.join('\n')) })
  }
})

describe.each(documentKinds)('%s', (kind) => {
  const get = () => rendered.get(kind)!

  it('reads back the expected Chinese text', () => {
    const { text } = get()
    for (const s of expected[kind]) expect(text, `missing: ${s}`).toContain(squash(s))
    expect(text).toContain(squash(documentRegistry[kind].names.zh).slice(0, 2))
  })

  it('numbers every page "第 n 页 共 m 页"', () => {
    const { pages } = get()
    pages.forEach((p, i) => expect(squash(p)).toContain(`第${i + 1}页共${pages.length}页`))
  })

  it('embeds a subset of Noto Sans SC and no other font', () => {
    const fonts = pdfFonts(get().file)
    expect(fonts.length).toBeGreaterThan(0)
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+NotoSansSC-(Regular|Bold)$/)
      expect(f.embedded).toBe(true)
      expect(f.subset).toBe(true)
      expect(f.unicode).toBe(true)
    }
    expect(fonts.some((f) => f.name.endsWith('NotoSansSC-Regular'))).toBe(true)
  })

  it('passes qpdf --check', () => {
    const r = qpdfCheck(get().file)
    expect(r.output).toContain('No syntax or stream encoding errors found')
    expect(r.status).toBe(0)
  })

  it('is an A4 PDF with metadata dates from documentDate and a Chinese title', () => {
    const info = pdfInfo(get().file)
    expect(info['Page size']).toMatch(/^595\.28 x 841\.89 pts \(A4\)/)
    const date = (samples[kind] as { documentDate: string }).documentDate
    // Midnight in China (UTC+8) is 16:00 UTC the day before.
    const utc = new Date(`${date}T00:00:00+08:00`).toISOString().slice(0, 19)
    expect(info.CreationDate).toContain(utc)
    expect(info.ModDate).toContain(utc)
    expect(info.Title).toMatch(/[\u4e00-\u9fff]/)
  })

  it('takes the trailer /ID from the data (no random file identifier)', () => {
    const raw = get().bytes.toString('latin1')
    const id = /\/ID \[<([0-9a-f]+)> <([0-9a-f]+)>\]/.exec(raw)
    expect(id).not.toBeNull()
    const parsed = documentRegistry[kind].schema.parse(samples[kind])
    expect(id![1]).toBe(documentId(kind, parsed))
    expect(id![2]).toBe(id![1])
    expect(raw).toContain(`(${(samples[kind] as { caseNumber: string }).caseNumber} ${kind} ${id![1]})`)
  })

  it('is deterministic: same data, same bytes; one field changed, other bytes', async () => {
    const again = await renderDocument(kind, samples[kind] as never)
    expect(sha256(again)).toBe(sha256(get().bytes))
    const changed = structuredClone(samples[kind]) as { enterprise: { legalRepresentative: string } }
    changed.enterprise.legalRepresentative = '刘建国'
    const other = await renderDocument(kind, changed as never)
    expect(sha256(other)).not.toBe(sha256(get().bytes))
  })
})

describe('size and concurrency', () => {
  it('keeps the samples and a 10-page agreement well under 300 KB', async () => {
    for (const [kind, r] of rendered) expect(r.bytes.length, kind).toBeLessThan(300 * 1024)
    const long = await renderDocument('collectiveContract', tenPageCollectiveContract)
    const pages = pdfPages(writePdf('ten-pages', long))
    expect(pages).toHaveLength(10)
    expect(long.length).toBeLessThan(300 * 1024)
  })

  it('renders concurrently with the same bytes as one at a time', async () => {
    const all = await Promise.all(documentKinds.map((k) => renderDocument(k, samples[k] as never)))
    all.forEach((bytes, i) => expect(sha256(bytes)).toBe(sha256(rendered.get(documentKinds[i]!)!.bytes)))
  })
})
