/** zod schemas shared by several resources: identifiers, paging, bilingual text, errors, accounts. */
import { z } from 'zod'

export const ZBilingualSchema = z.object({ zh: z.string(), en: z.string() })

export const ZIdSchema = z.string().min(1).max(100)
export const ZUuidLikeSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'expected an identifier (letters, digits, - and _)')
export const ZRegionCodeSchema = z.string().regex(/^\d{6}$/, 'expected a 6-digit GB/T 2260 administrative division code')
export const ZInstantOutSchema = z.string()

/** Query-string booleans: `true` / `false` (also 1 / 0). */
export const ZQueryBoolSchema = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

export const ZPagingQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
}

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })

export const ZErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: ZBilingualSchema,
    details: z.record(z.string(), z.unknown()).optional(),
  }),
})

export const ZRoleSchema = z.enum(['unionNegotiator', 'employerNegotiator', 'workerRepresentative', 'bureauReviewer', 'admin'])

export const ZMembershipSchema = z.object({
  id: z.string(),
  role: ZRoleSchema,
  enterpriseId: z.string().nullable(),
  regionCode: z.string().nullable(),
  createdAt: z.string(),
})

export const ZUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  memberships: z.array(ZMembershipSchema),
})

export const ZRegionSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  level: z.string(),
  parentCode: z.string().nullable(),
})

export const ZEnterpriseSchema = z.object({
  id: z.string(),
  creditCode: z.string(),
  name: z.string(),
  regionCode: z.string(),
  industryCode: z.string(),
  headcount: z.number().int(),
  hasUnion: z.boolean(),
  legalRepresentative: z.string().nullable(),
  address: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})

/** The result of a command on a case (open, event). */
export const ZAppliedSchema = z.object({
  caseId: z.string(),
  seq: z.number().int(),
  revision: z.number().int(),
  state: z.unknown(),
  status: z.string(),
  allowedEvents: z.array(z.string()),
})

export const ZDocumentMetaSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.string(),
  title: z.string(),
  mediaType: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  caseSeq: z.number().int().nullable(),
  createdAt: z.string(),
  /** The case's document hash chain; null on documents stored before it existed. */
  prevHash: z.string().nullable(),
  chainHash: z.string().nullable(),
})

export const ZDeadlineSchema = z.object({
  id: z.string(),
  kind: z.string(),
  lastDay: z.string(),
  dueAt: z.string(),
  provisional: z.boolean(),
  status: z.string(),
  explanation: z.unknown(),
})
