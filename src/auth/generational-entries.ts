/**
 * Entries that expire, and a generation that every clear() moves on. A caller takes the generation
 * before a slow lookup and hands it back to set(): an answer looked up before the last clear (say,
 * a key read just before its revocation) is dropped instead of outliving the clear until it expires.
 */
export class GenerationalEntries<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  private current = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  generation(): number {
    return this.current;
  }

  get(key: string, now: number = Date.now()): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.until < now) return undefined;
    return entry.value;
  }

  /** Stores the value unless a clear() happened since `generation` was taken; answers whether it did. */
  set(key: string, value: T, generation: number, now: number = Date.now()): boolean {
    if (generation !== this.current) return false;
    // A full map is emptied rather than evicted entry by entry; nothing stale survives either way.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, until: now + this.ttlMs });
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.current += 1;
  }
}
