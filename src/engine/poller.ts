/** Runs `work` every `intervalMs` (after each run finishes) until stopped; stop() waits for the run in progress. */
export function startPoller(work: () => Promise<unknown>, intervalMs: number, onError: (e: unknown) => void) {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let inFlight: Promise<unknown> = Promise.resolve()
  const tick = () => {
    if (stopped) return
    inFlight = work()
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs)
      })
  }
  timer = setTimeout(tick, 0)
  return async () => {
    stopped = true
    if (timer) clearTimeout(timer)
    await inFlight
  }
}
