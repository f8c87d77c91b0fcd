import { changesOf } from './db/changes.ts';

/**
 * Answers a process keeps for a while, per database (a process serves one; tests open many) and
 * per purpose. A change to the data, in this process or another (see Changes), makes them be read
 * again; the lifetime bounds what changes with the clock alone.
 */
export class Remembered<T> {
  private readonly byDatabase = new WeakMap<object, Map<string, { at: number; version: number; value: Promise<T> }>>();

  /**
   * `tables`, when given, are all the tables the answers are read from: only a change to one of
   * them (or one whose tables are not known) makes them be read again, not a change anywhere.
   */
  constructor(
    private readonly ttlMs: number,
    private readonly max = 1000,
    private readonly tables?: readonly string[],
  ) {}

  get(db: object, key: string, load: () => Promise<T>): Promise<T> {
    let entries = this.byDatabase.get(db);
    if (!entries) {
      entries = new Map();
      this.byDatabase.set(db, entries);
    }
    const changes = changesOf(db);
    const version = (this.tables ? changes?.versionOf(this.tables) : changes?.current()) ?? 0;
    const hit = entries.get(key);
    if (hit && hit.version === version && Date.now() - hit.at < this.ttlMs) return hit.value;
    if (entries.size >= this.max) entries.delete(entries.keys().next().value!);
    const value = load();
    entries.set(key, { at: Date.now(), version, value });
    value.catch(() => entries!.delete(key));
    return value;
  }
}

/**
 * Something costly built from a table, e.g. a spatial index, per database. A cheap signature of the
 * table (a count and a latest change) is read at most every `checkMs`; the thing is built again
 * only when the signature changed, not after every change anywhere as Remembered would.
 */
export class Rebuilt<T> {
  private readonly byDatabase = new WeakMap<object, { checked: number; value: Promise<{ signature: string; value: T }> }>();

  constructor(
    private readonly signature: (db: never) => Promise<string>,
    private readonly build: (db: never) => Promise<T>,
    private readonly checkMs = 2000,
  ) {}

  async get<D extends object>(db: D): Promise<T> {
    const held = this.byDatabase.get(db);
    if (held && Date.now() - held.checked < this.checkMs) return (await held.value).value;
    const signature = await (this.signature as (db: D) => Promise<string>)(db);
    if (held && (await held.value).signature === signature) {
      held.checked = Date.now();
      return (await held.value).value;
    }
    const value = (this.build as (db: D) => Promise<T>)(db).then((v) => ({ signature, value: v }));
    this.byDatabase.set(db, { checked: Date.now(), value });
    value.catch(() => this.byDatabase.delete(db));
    return (await value).value;
  }

  /** Read the signature again on the next get, after this process changed the table. */
  forget(db: object): void {
    const held = this.byDatabase.get(db);
    if (held) held.checked = 0;
  }
}
