/**
 * A jurisdiction rule pack: the statutory parameters of one jurisdiction as data, each citing its article.
 * Adding a jurisdiction = adding one data file and listing it in ./index.ts.
 */
import { z } from 'zod'
import { ZPeriodRuleSchema } from '../../effects.js'

export const ZJurisdictionIdSchema = z.string().regex(/^[a-z][a-zA-Z0-9]*$/)

export const ZRulePackSchema = z.object({
  id: ZJurisdictionIdSchema,
  name: z.object({ zh: z.string(), en: z.string() }),
  /** IANA time zone in which statutory days are counted. */
  timeZone: z.string(),
  /** JHR 32 / GZ 17 and local variants: the written reply to a negotiation request. */
  requestReply: ZPeriodRuleSchema,
})
export type TRulePack = z.infer<typeof ZRulePackSchema>
