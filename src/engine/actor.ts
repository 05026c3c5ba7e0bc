/** Who sends an event: a signed-in user with a role, or the system (deadline scheduler, certified results). */
export const ROLES = [
  'unionNegotiator',
  'employerNegotiator',
  'workerRepresentative',
  'bureauReviewer',
  'admin',
  'system',
] as const
export type TRole = (typeof ROLES)[number]

export type TActor = { id: string | null; role: TRole }

export const systemActor: TActor = { id: null, role: 'system' }
