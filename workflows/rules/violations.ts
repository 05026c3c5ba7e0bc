/**
 * A statutory rule that blocks a step, as a value: the engine maps a non-empty list to HTTP 422 with the articles.
 * A statutory *outcome* (a vote that fails) is a transition, not a violation.
 */
export type TViolation = {
  /** Stable code, UPPER_SNAKE, e.g. TEAM_TOO_SMALL. */
  code: string
  /** The article that sets the rule, e.g. "JHR 19". */
  article: string
  /** Path of the offending field in the event payload, e.g. "members.2.isExternal". */
  field?: string
  message: { zh: string; en: string }
}
