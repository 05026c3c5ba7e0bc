/** Time is injected everywhere, so tests move a clock instead of waiting. */
export type TClock = { now(): Date }

export const systemClock: TClock = { now: () => new Date() }

/** A clock that stands still until moved. */
export class ManualClock implements TClock {
  private t: number
  constructor(start: Date | string) {
    this.t = new Date(start).getTime()
  }
  now(): Date {
    return new Date(this.t)
  }
  set(to: Date | string): void {
    this.t = new Date(to).getTime()
  }
  advance(ms: number): void {
    this.t += ms
  }
  advanceDays(days: number): void {
    this.t += days * 86_400_000
  }
}
