import { changesOf } from './db/changes.ts';

/**
 * Answers a process keeps for a while, per database (a process serves one; tests open many) and
 * per purpose. A change to the data, in this process or another (see Changes), makes them be read
 * again; the lifetime bounds what changes with the clock alone.
 */
export class Remembered<T> {
  private readonly byDatabase = new WeakMap<object, Map<string, { at: number; version: number; value: Promise<T> }>>();

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
    const version = changesOf(db)?.current() ?? 0;
    const hit = entries.get(key);
    if (hit && hit.version === version && Date.now() - hit.at < this.ttlMs) return hit.value;
    if (entries.size >= this.max) entries.delete(entries.keys().next().value!);
    const value = load();
    entries.set(key, { at: Date.now(), version, value });
    value.catch(() => entries!.delete(key));
    return value;
  }
}
