/**
 * The demo: a Guangzhou manufacturing enterprise whose union has sent a wage-negotiation request, reached through
 * real events (never written snapshots). Seeded only into an empty database.
 */
import type { TDatabase } from '../db/database.js'
import { one, run } from '../db/sql.js'
import type { TEngine } from '../engine/engine.js'
import type { TActor } from '../engine/actor.js'

export const DEMO_ENTERPRISE_ID = 'demo-enterprise-tianhe-precision'
/** GB 32100 check character verified by workflows/rules/credit-code.ts. */
export const DEMO_CREDIT_CODE = '91440106MA5C00001Y'

const REGIONS = [
  { code: '440000', name: '广东省', nameEn: 'Guangdong', level: 'province', parentCode: null },
  { code: '440100', name: '广州市', nameEn: 'Guangzhou', level: 'prefecture', parentCode: '440000' },
  { code: '440106', name: '天河区', nameEn: 'Tianhe District', level: 'county', parentCode: '440100' },
] as const

export async function seedDemo(db: TDatabase, engine: TEngine): Promise<{ seeded: boolean; caseId?: string }> {
  const now = engine.clock.now().toISOString()
  const existing = await db.read(function* () {
    return yield* one<{ id: string }>(`SELECT "id" FROM "Enterprise" LIMIT 1`)
  })
  if (existing) return { seeded: false }
  await db.transaction(function* () {
    for (const r of REGIONS) {
      yield* run(`INSERT INTO "Region" ("code", "name", "nameEn", "level", "parentCode", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`, [
        r.code,
        r.name,
        r.nameEn,
        r.level,
        r.parentCode,
        now,
      ])
    }
    yield* run(
      `INSERT INTO "Enterprise" ("id", "creditCode", "name", "regionCode", "industryCode", "headcount", "hasUnion",
         "legalRepresentative", "address", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        DEMO_ENTERPRISE_ID,
        DEMO_CREDIT_CODE,
        '广州市天河精工制造有限公司',
        '440106',
        'C3484', // GB/T 4754-2017: 机械零部件加工
        420,
        true,
        '陈建国',
        '广州市天河区高新技术产业开发区科韵路 18 号',
        now,
        now,
      ],
    )
  })
  const union: TActor = { id: null, role: 'unionNegotiator' }
  const opened = await engine.openCase(
    { enterpriseId: DEMO_ENTERPRISE_ID, kind: 'wageAgreement', jurisdiction: 'national' },
    union,
  )
  const today = now.slice(0, 10)
  await engine.sendEvent(
    opened.caseId,
    {
      type: 'request.sent',
      by: 'worker',
      sentOn: today,
      proposedTime: '收到要约后第十个工作日上午9时',
      proposedPlace: '公司行政楼三楼第一会议室',
      content:
        '依据《工资集体协商试行办法》第十七条，公司工会代表全体职工提出就2027年度工资调整事项进行集体协商：' +
        '职工年度平均工资增长幅度、企业内部最低工资、加班工资计发基数、岗位津贴及发放办法。',
    },
    union,
  )
  await engine.sendEvent(opened.caseId, { type: 'request.received', receivedOn: today, proof: '企业行政部签收回执（编号 XZ-2026-118）' }, union)
  return { seeded: true, caseId: opened.caseId }
}
