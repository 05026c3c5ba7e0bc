/**
 * Preparation data (JHR 33; GZ 8, 18): the figures the two sides weigh when they set the wage level, and the
 * worker opinions collected before the talks.
 *
 * GZ 8 lists what "综合参考" covers: the labour cost of the region, industry and enterprise; regional and industry
 * average wages; the wage guideline (工资指导线) and market wage guide prices (劳动力市场工资指导价位); the local urban
 * CPI; labour productivity and economic performance; last year's total payroll and average wage. Shanghai 14(6) and
 * Shandong 18(3) add the minimum wage (LCL 55 makes it a floor for collective contracts).
 *
 * Every figure carries the year it describes and its source, so a later figure (a corrected payroll, the new minimum
 * wage) replaces the earlier one field by field while the case keeps every recorded version
 * (`preparation.figuresRecorded`, see negotiation/reducers.ts).
 *
 * Units: money in integer fen, rates in integer basis points (1% = 100), as in src/regions/wage-standards.ts.
 */
import { z } from 'zod'
import {
  MAX_ENTERPRISE_FEN,
  MAX_HEADCOUNT,
  MAX_MONTHLY_FEN,
  ZAppliesToSchema,
  ZGroupIdSchema,
  ZMonthlyFenSchema,
} from './clauses.js'

const text = (max: number) => z.string().trim().min(1).max(max)

/** A figure with the year it describes and where it comes from. */
export function figure<T extends z.ZodType>(value: T) {
  return z.object({
    value,
    /** The year the figure describes (e.g. 2025 for last year's payroll), not the year it was recorded. */
    year: z.number().int().min(1990).max(2100),
    /** Where it comes from: 2025年度财务决算报表; 广东省人民政府关于调整全省最低工资标准的通知 (粤府函〔2025〕…). */
    source: text(500),
    /** A tier (一类/二类 …), a caveat, a URL. */
    note: z.string().trim().max(1_000).optional(),
  })
}
export type TFigure<T> = { value: T; year: number; source: string; note?: string }

const ZEnterpriseFenSchema = z.number().int().min(0).max(MAX_ENTERPRISE_FEN)

/**
 * A group or grade of employees with its average monthly wage. `averageMonthlyWageFen` is the regular monthly pay
 * per employee (wages, allowances and subsidies paid monthly), excluding the yearly bonus pools listed separately
 * in `currentBonusPools`; the costing raises it, so give grades rather than broad groups where precision matters.
 */
export const ZEmployeeGroupSchema = z.object({
  id: ZGroupIdSchema,
  /** As printed: 一线生产职工. */
  name: text(200),
  headcount: z.number().int().min(0).max(MAX_HEADCOUNT),
  averageMonthlyWageFen: ZMonthlyFenSchema,
  /** Grade or post sequence, as printed. */
  grade: z.string().trim().max(100).optional(),
})
export type TEmployeeGroup = z.infer<typeof ZEmployeeGroupSchema>

export const ZEmployeeGroupsSchema = z
  .array(ZEmployeeGroupSchema)
  .min(1)
  .max(200)
  .superRefine((groups, ctx) => {
    const seen = new Set<string>()
    groups.forEach((g, i) => {
      if (seen.has(g.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `group ${g.id} listed twice` })
      seen.add(g.id)
    })
    const total = groups.reduce((sum, g) => sum + g.headcount, 0)
    if (total > MAX_HEADCOUNT) ctx.addIssue({ code: 'custom', message: `at most ${MAX_HEADCOUNT} employees in all` })
  })

/** An allowance the enterprise already pays (included in the groups' average wages). */
export const ZCurrentAllowanceSchema = z.object({
  name: text(100),
  fenPerMonth: ZMonthlyFenSchema,
  appliesTo: ZAppliesToSchema,
})
export type TCurrentAllowance = z.infer<typeof ZCurrentAllowanceSchema>

/** Enterprise figures (GZ 8 (1), (5), (7)); every field optional in one recording, replaced field by field. */
export const ZEnterpriseFiguresSchema = z
  .object({
    /** Headcount and average monthly wage by group or grade: the basis of the costing. */
    groups: figure(ZEmployeeGroupsSchema),
    /** GZ 8(7): last year's total payroll (工资总额). */
    lastYearPayrollFen: figure(ZEnterpriseFenSchema),
    /** GZ 8(7): last year's average wage, per employee per month. */
    lastYearAverageMonthlyWageFen: figure(ZMonthlyFenSchema),
    /** GZ 8(5): economic performance. */
    revenueFen: figure(ZEnterpriseFenSchema),
    /** May be negative (a loss). */
    profitFen: figure(z.number().int().min(-MAX_ENTERPRISE_FEN).max(MAX_ENTERPRISE_FEN)),
    /** GZ 8(5): labour productivity, value added (or revenue; say which in `note`) per employee per year. */
    labourProductivityFen: figure(ZEnterpriseFenSchema),
    /** Allowances paid today; a proposed allowance of the same name is costed as the difference. */
    currentAllowances: figure(z.array(ZCurrentAllowanceSchema).max(100)),
    /** Yearly bonus pools paid last year; a proposed bonus of the same name replaces its pool in the costing. */
    currentBonusPools: figure(z.array(z.object({ name: text(100), yearlyFen: ZEnterpriseFenSchema })).max(100)),
  })
  .partial()
export type TEnterpriseFigures = z.infer<typeof ZEnterpriseFiguresSchema>

/** The wage guideline (工资指导线) of the year, in basis points of wage growth. */
export const ZWageGuidelineSchema = z
  .object({
    baselineBasisPoints: z.number().int().min(-10_000).max(10_000),
    upperBasisPoints: z.number().int().min(-10_000).max(10_000).optional(),
    lowerBasisPoints: z.number().int().min(-10_000).max(10_000).optional(),
  })
  .refine((g) => g.lowerBasisPoints === undefined || g.lowerBasisPoints <= g.baselineBasisPoints, {
    message: 'the lower line is not above the baseline',
    path: ['lowerBasisPoints'],
  })
  .refine((g) => g.upperBasisPoints === undefined || g.upperBasisPoints >= g.baselineBasisPoints, {
    message: 'the upper line is not below the baseline',
    path: ['upperBasisPoints'],
  })
export type TWageGuideline = z.infer<typeof ZWageGuidelineSchema>

/** Regional figures (GZ 8 (2)-(4); LCL 55), each with its year and source. */
export const ZRegionalFiguresSchema = z
  .object({
    /** 最低工资标准 per month (LCL 55: the floor of the agreement's pay standards); the tier in `note`. */
    minimumWage: figure(z.number().int().positive().max(MAX_MONTHLY_FEN)),
    /** GZ 8(3): the wage guideline. */
    wageGuideline: figure(ZWageGuidelineSchema),
    /** GZ 8(4): local urban CPI, change on the previous year (102.0 → 200). */
    urbanCpi: figure(z.number().int().min(-5_000).max(5_000)),
    /** GZ 8(2): regional average wage per employee per month. */
    regionalAverageWage: figure(ZMonthlyFenSchema),
    /** GZ 8(2): average wage of the industry per employee per month. */
    industryAverageWage: figure(z.object({ industry: text(200), fenPerMonth: ZMonthlyFenSchema })),
    /** GZ 8(3): labour-market wage guide prices (劳动力市场工资指导价位) per month, by occupation. */
    marketWagePrices: figure(
      z
        .array(
          z.object({
            occupation: text(200),
            lowFen: ZMonthlyFenSchema.optional(),
            medianFen: ZMonthlyFenSchema,
            highFen: ZMonthlyFenSchema.optional(),
          }),
        )
        .min(1)
        .max(500),
    ),
  })
  .partial()
export type TRegionalFigures = z.infer<typeof ZRegionalFiguresSchema>

export type TEnterpriseFigureName = keyof TEnterpriseFigures
export type TRegionalFigureName = keyof TRegionalFigures

/** The current figures of a case: the latest recorded value of each field. */
export type TPreparationFigures = { enterprise: TEnterpriseFigures; regional: TRegionalFigures }

export const emptyFigures = (): TPreparationFigures => ({ enterprise: {}, regional: {} })

/** One `preparation.figuresRecorded`, kept in the case's history. */
export type TFigureRecord = {
  by: 'worker' | 'employer'
  recordedOn: string
  at: string
  enterprise?: TEnterpriseFigures
  regional?: TRegionalFigures
}

/** The current figures after a recording: each field given replaces the earlier one; the others stay. */
export function mergeFigures(
  current: TPreparationFigures,
  recorded: { enterprise?: TEnterpriseFigures; regional?: TRegionalFigures },
): TPreparationFigures {
  const defined = <T extends object>(o: T | undefined): Partial<T> =>
    Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>
  return {
    enterprise: { ...current.enterprise, ...defined(recorded.enterprise) },
    regional: { ...current.regional, ...defined(recorded.regional) },
  }
}

/** Every recorded version of one figure, oldest first, with who recorded it and when. */
export function figureVersions<S extends 'enterprise' | 'regional'>(
  history: readonly TFigureRecord[],
  scope: S,
  field: S extends 'enterprise' ? TEnterpriseFigureName : TRegionalFigureName,
): { by: TFigureRecord['by']; recordedOn: string; at: string; figure: TFigure<unknown> }[] {
  return history.flatMap((r) => {
    const figures = r[scope] as Record<string, TFigure<unknown> | undefined> | undefined
    const f = figures?.[field as string]
    return f ? [{ by: r.by, recordedOn: r.recordedOn, at: r.at, figure: f }] : []
  })
}

/** A worker survey (JHR 33(2)): topics and how many respondents raised each (several topics per respondent). */
export const ZSurveySchema = z
  .object({
    respondents: z.number().int().min(0).max(MAX_HEADCOUNT),
    topics: z
      .array(z.object({ topic: text(200), count: z.number().int().min(0).max(MAX_HEADCOUNT) }))
      .min(1)
      .max(100),
    /** How it was collected or where it was imported from: 问卷星线上问卷; 车间座谈会 … */
    method: z.string().trim().max(500).optional(),
  })
  .superRefine((s, ctx) => {
    s.topics.forEach((t, i) => {
      if (t.count > s.respondents) {
        ctx.addIssue({ code: 'custom', path: ['topics', i, 'count'], message: `more than the ${s.respondents} respondents` })
      }
    })
  })
export type TSurvey = z.infer<typeof ZSurveySchema>
