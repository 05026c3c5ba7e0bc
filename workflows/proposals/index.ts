/**
 * Proposals, clause versions and wage costing (issue 10): structured clauses (GZ 7, JHR 8), preparation figures
 * (GZ 8), the history and diff of clauses across rounds, the agreement assembled from the agreed clauses, and the
 * payroll costing of a proposal. Pure: xstate/zod/workflows only, no clock.
 */
export * from './clauses.js'
export * from './preparation.js'
export * from './diff.js'
export * from './costing.js'
export {
  changeInBasisPoints,
  divHalfUp,
  percent,
  percentFixed,
  raiseByBasisPoints,
  shareOf,
  toSafeNumber,
  yuan,
  yuanFixed,
} from './money.js'
