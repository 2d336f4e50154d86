/** A small bounded memo for drawings of published versions, which never change within a process. */
export class RenderedCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity = 200) {}

  async getOrCreate(key: string, create: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = await create();
    // Oldest first out: Map iterates in insertion order.
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value ?? '');
    this.entries.set(key, value);
    return value;
  }
}
