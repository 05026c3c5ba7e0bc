/**
 * The costing of a proposal (workflows/proposals/costing.ts) in the 协商准备材料 and the 情况说明 of the filing
 * package: which clause sets are costed at all, and their tables (GZ 8 (3)-(4); LCL 55), which are built in
 * src/documents/costing-table.ts so that the sample documents print the same layout.
 */
import type { TClause } from '../../../workflows/proposals/clauses.js'

export { cellsUnder, columnTitle, costingDocument } from '../../documents/costing-table.js'

/** The clause kinds that change the payroll: a clause set without any of them is not costed (nothing would rise). */
const PAYROLL_CLAUSE_KINDS: ReadonlySet<TClause['kind']> = new Set(['averageWageIncrease', 'groupIncrease', 'allowance', 'bonus'])
export const changesPayroll = (clauses: readonly TClause[]): boolean => clauses.some((c) => PAYROLL_CLAUSE_KINDS.has(c.kind))
