/**
 * A bounded least-recently-used map: the per-process caches of the engine (computed deadlines, the events a state
 * accepts) hold at most `capacity` entries, so memory does not grow with the number of cases a process touches.
 */
export class Lru<K, V> {
  private readonly map = new Map<K, V>()
  constructor(readonly capacity: number) {
    if (!(capacity > 0)) throw new Error('Lru: capacity must be positive')
  }
  get size(): number {
    return this.map.size
  }
  get(key: K): V | undefined {
    const v = this.map.get(key)
    if (v !== undefined) {
      // Map keeps insertion order: re-inserting makes the entry the most recent.
      this.map.delete(key)
      this.map.set(key, v)
    }
    return v
  }
  set(key: K, value: V): void {
    this.map.delete(key)
    this.map.set(key, value)
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K)
  }
  clear(): void {
    this.map.clear()
  }
}
