/**
 * The bureau's review workbench of a filing (JHR 42-47; GZ 21-22): the automatic legality checks next to each
 * item (team composition, procedure, content), the completeness of the filing package against the jurisdiction's
 * list with the correction request it allows, the routing of the filing (JHR 43) and the review clock (day N of 15).
 */
import { z } from 'zod'
import { caseAccess, requireReceivingBureau, requireRoleOn } from '../../auth/case-access.js'
import { getCase } from '../../engine/queries.js'
import { getReviewWorkbench } from '../../engine/review-checks.js'
import { ZCaseParams } from './cases.js'
import { now, type TResource } from '../services.js'

const ZBilingual = z.object({ zh: z.string(), en: z.string() })

const ZReviewWorkbenchSchema = z.object({
  caseId: z.string(),
  state: z.unknown(),
  routedTo: z
    .object({ regionCode: z.string(), level: z.string(), reason: z.string(), article: z.string() })
    .nullable()
    .describe('JHR 43: the bureau the filing was routed to at filing'),
  review: z
    .object({
      receivedOn: z.string(),
      day: z.number().int(),
      of: z.number().int(),
      lastDay: z.string(),
      dueAt: z.string(),
      provisional: z.boolean(),
      flagged: z.boolean(),
    })
    .nullable()
    .describe('the review clock while the filing is under review: day N of 15 from receipt, the last day, flagged from day 13'),
  checks: z.array(
    z.object({
      id: z.string(),
      group: z.enum(['team', 'procedure', 'content', 'completeness']),
      title: ZBilingual,
      article: z.string(),
      result: z.enum(['pass', 'fail', 'notApplicable']),
      explanation: ZBilingual,
    }),
  ),
  counts: z.object({ pass: z.number().int(), fail: z.number().int(), notApplicable: z.number().int() }),
  correction: z.object({
    allowed: z.boolean(),
    article: z.string(),
    missing: z.array(z.object({ material: z.string(), title: ZBilingual, article: z.string() })),
  }),
})

export const reviewResource: TResource = (add, s) => {
  add({
    method: 'get',
    path: '/cases/:caseId/review-checks',
    operationId: 'getReviewChecks',
    tag: 'review',
    summary: { zh: '备案审查工作台：自动合法性审查和材料完整性', en: 'Review workbench: automatic legality and completeness checks' },
    description: {
      zh: '逐项列出协商代表构成、程序（职代会出席和表决、表决后签字、按期报送）、内容（不低于最低工资、必备条款、期限）和报送材料的审查结果，注明条款；并给出审查期限（第N天/共15天）和受理部门。限受理该备案的劳动保障行政部门和管理员；尚未报送的案件返回 409。',
      en: 'Each check of team composition, procedure (congress quorum and vote, signed after the vote, filed in time), content (not below the minimum wage, required clauses, term) and the filing materials, with its article; the review clock (day N of 15) and the receiving bureau. For the bureau the filing was routed to and admins; 409 before the case is filed.',
    },
    access: ['bureauReviewer', 'admin'],
    params: ZCaseParams,
    responses: { 200: { description: { zh: '审查结果', en: 'The checks' }, schema: ZReviewWorkbenchSchema } },
    errors: [403, 404, 409],
    handler: async ({ params }, { principal }) => {
      const { roles } = await caseAccess(s.engine, principal, params.caseId)
      requireRoleOn(roles, ['bureauReviewer', 'admin'], { zh: '审查此备案', en: 'review this filing' })
      await requireReceivingBureau(s.engine, principal, (await getCase(s.engine.db, params.caseId)).context)
      return { status: 200, body: await getReviewWorkbench(s.engine.db, params.caseId, now(s)) }
    },
  })
}
