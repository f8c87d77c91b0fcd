/**
 * Answers a process keeps for a while, per database (a process serves one; tests open many) and
 * per purpose. Other processes see a change when their copy expires, so keep lifetimes short.
 */
export class Remembered<T> {
  private readonly byDatabase = new WeakMap<object, Map<string, { at: number; value: Promise<T> }>>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 1000,
  ) {}

  get(db: object, key: string, load: () => Promise<T>): Promise<T> {
    let entries = this.byDatabase.get(db);
    if (!entries) {
      entries = new Map();
      this.byDatabase.set(db, entries);
    }
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    if (entries.size >= this.max) entries.delete(entries.keys().next().value!);
    const value = load();
    entries.set(key, { at: Date.now(), value });
    value.catch(() => entries!.delete(key));
    return value;
  }

  /** After a change made in this process, its answers are read again. */
  forget(db: object): void {
    this.byDatabase.delete(db);
  }
}
