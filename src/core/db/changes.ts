import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type SQLite from 'better-sqlite3';
import {
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  sql,
  type UnknownRow,
} from 'kysely';
import type pg from 'pg';

/**
 * The channel on which processes sharing a PostgreSQL database and schema tell each other of a
 * change: portals in other schemas of the same database have their own and are not heard.
 */
export const changesChannel = (schema?: string) =>
  schema ? `municipium_changes_${schema.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63) : 'municipium_changes';

/** The tables a write touched, or 'all' when that cannot be told (raw SQL, another connection). */
export type Touched = ReadonlySet<string> | 'all';

/** What two sets of touched tables touch together. */
function union(a: Touched | undefined, b: Touched): Touched {
  if (a === 'all' || b === 'all') return 'all';
  return a ? new Set([...a, ...b]) : b;
}

/** A notification names the tables after the sender, while they fit in PostgreSQL's 8,000 bytes. */
const MAX_NAMED = 7000;

/** Core's own tables that no page shows: writing them leaves every page as it was. */
const CORE_PRIVATE_TABLES = ['mail_outbox', 'throttle', 'audit_log'];

/**
 * Knows when the data pages are made of has changed, in this process or another: a write through
 * this process's database, a commit by another connection to the same SQLite file, or a
 * notification from another process on the same PostgreSQL database. What keeps rendered answers
 * (the page cache, remembered lists) compares `version` with the one it kept them at.
 */
export class Changes extends EventEmitter {
  version = 0;
  /** Writes made through this process so far: what a request or job compares when it settles. */
  writes = 0;
  private pending = false;
  private unsettled = false;
  private readonly privateTables = new Set(CORE_PRIVATE_TABLES);
  private readonly instance = randomUUID();
  private listener: pg.Client | undefined;
  private lastDataVersion: number | undefined;
  /** Set once data_version has been read in this turn of the event loop. */
  private readThisTurn = false;
  private stopped = false;
  /** The notification on its way, and the next one, which waits for it with the tables it will name. */
  private sending: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private queuedTables: Touched | undefined;
  /** Tables written since other processes were last told, and since the last settle. */
  private untold: Touched | undefined;
  private unsettledTables: Touched | undefined;
  /** Per table, how often it changed; `anyTable` counts changes whose tables are not known. */
  private readonly tableVersions = new Map<string, number>();
  private anyTable = 0;

  constructor(
    private readonly options: {
      /** Reads SQLite's data_version: it moves when another connection commits. */
      sqliteVersion?: () => number;
      /** A new client for LISTEN, on PostgreSQL. */
      listenClient?: () => pg.Client;
      /** The channel it listens on (changesChannel). */
      channel?: string;
      /** Sends the notification (on PostgreSQL). */
      notify?: (payload: string) => Promise<unknown>;
    } = {},
  ) {
    super();
    this.lastDataVersion = options.sqliteVersion?.();
  }

  /** Tables whose rows no page shows (sessions, tokens, private messages). */
  ignore(tables: readonly string[]): void {
    for (const t of tables) this.privateTables.add(t);
  }

  /** The current version, after looking for commits by other SQLite connections. */
  current(): number {
    const read = this.options.sqliteVersion;
    // A page asks many times while it renders; one read per turn of the event loop sees the same commits.
    if (read && !this.readThisTurn) {
      this.readThisTurn = true;
      setImmediate(() => {
        this.readThisTurn = false;
      });
      const v = read();
      if (v !== this.lastDataVersion) {
        this.lastDataVersion = v;
        this.bump();
      }
    }
    return this.version;
  }

  /**
   * A version that moves only when one of these tables changes (or a change whose tables are not
   * known): what keeps answers read from a few tables, so that writes elsewhere leave them be.
   */
  versionOf(tables: readonly string[]): number {
    this.current();
    return tables.reduce((sum, t) => sum + (this.tableVersions.get(t) ?? 0), this.anyTable);
  }

  /** A write in this process: pages change now, other processes hear of it at once and again when it settles. */
  written(tables: Touched = 'all'): void {
    this.writes++;
    this.bump(tables);
    this.unsettled = true;
    this.untold = union(this.untold, tables);
    this.unsettledTables = union(this.unsettledTables, tables);
    if (this.pending || !this.options.notify) return;
    this.pending = true;
    setImmediate(() => void this.flush());
  }

  /** Tells other processes of writes made since it last did (a write outside any request, or the command line's). */
  async flush(): Promise<void> {
    if (!this.pending) return;
    this.pending = false;
    const tables = this.untold ?? 'all';
    this.untold = undefined;
    this.bump(tables);
    await this.tell(tables);
  }

  /**
   * One notification that leaves after this call, shared by everyone who asks while it waits: busy
   * writers send one at a time, not one each, since PostgreSQL commits notifications one by one.
   */
  private tell(tables: Touched): Promise<void> {
    const notify = this.options.notify;
    if (!notify) return Promise.resolve();
    this.queuedTables = union(this.queuedTables, tables);
    this.queued ??= (this.sending ?? Promise.resolve()).then(() => {
      const named = this.queuedTables === 'all' ? '' : [...(this.queuedTables ?? [])].join(',');
      this.queued = undefined;
      this.queuedTables = undefined;
      const payload = named && named.length <= MAX_NAMED ? `${this.instance}:${named}` : this.instance;
      this.sending = notify(payload).then(
        () => undefined,
        () => undefined,
      );
      return this.sending;
    });
    return this.queued;
  }

  /**
   * Called once a request or job that wrote is done, its transactions committed: tells everyone
   * again, so a page another process rendered from data not yet committed when the first word
   * went out is dropped too.
   */
  async settle(writesBefore?: number): Promise<void> {
    // Given the count of writes when the request or job began, any write since then settles: two
    // that overlap each settle, the second after its own commit, whatever the first already told.
    if (writesBefore === undefined ? !this.unsettled : this.writes === writesBefore) return;
    this.unsettled = false;
    this.pending = true;
    this.untold = union(this.untold, this.unsettledTables ?? 'all');
    this.unsettledTables = undefined;
    await this.flush();
  }

  /** Starts hearing other processes' changes (PostgreSQL); reconnects when the connection drops. */
  listen(): Promise<void> {
    this.stopped = false;
    return this.connect();
  }

  private async connect(): Promise<void> {
    const make = this.options.listenClient;
    if (!make || this.listener || this.stopped) return;
    const client = make();
    this.listener = client;
    client.on('notification', (n) => {
      const [from, named] = (n.payload ?? '').split(':');
      if (from !== this.instance) this.bump(named ? new Set(named.split(',')) : 'all');
    });
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      void client.end().catch(() => {});
      // Whatever happened while deaf may have changed anything.
      this.bump();
      setTimeout(() => void this.connect(), 1000).unref();
    };
    client.on('error', lost);
    try {
      await client.connect();
      await client.query(`listen "${this.options.channel ?? changesChannel()}"`);
    } catch {
      // The database is out of reach: the health check says so; hearing resumes when it is back.
      lost();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.settle();
    const client = this.listener;
    this.listener = undefined;
    await client?.end().catch(() => {});
  }

  /** The Kysely plugin that sees every write. */
  plugin(): KyselyPlugin {
    const writes = new WeakMap<QueryId, Touched>();
    return {
      transformQuery: ({ node, queryId }: PluginTransformQueryArgs): RootOperationNode => {
        const tables = this.touched(node);
        if (tables) writes.set(queryId, tables);
        return node;
      },
      transformResult: async ({ queryId, result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => {
        const tables = writes.get(queryId);
        if (tables) this.written(tables);
        return result;
      },
    };
  }

  private bump(tables: Touched = 'all'): void {
    this.version++;
    if (tables === 'all') this.anyTable++;
    else for (const t of tables) this.tableVersions.set(t, (this.tableVersions.get(t) ?? 0) + 1);
    this.emit('change');
  }

  /** The tables a statement writes that pages may show; undefined when it writes none. */
  private touched(node: RootOperationNode): Touched | undefined {
    switch (node.kind) {
      case 'SelectQueryNode':
        return undefined;
      case 'InsertQueryNode':
        return this.shown([tableName(node.into)]);
      case 'UpdateQueryNode':
        return this.shown([tableName(node.table)]);
      case 'DeleteQueryNode':
        return this.shown(node.from.froms.map(tableName));
      case 'RawNode':
        return /^\s*(select|with|pragma|explain|show|listen|set)\b/i.test(node.sqlFragments[0] ?? '') ? undefined : 'all';
      default:
        return 'all';
    }
  }

  private shown(names: (string | undefined)[]): Touched | undefined {
    if (names.some((n) => n === undefined)) return 'all';
    const tables = (names as string[]).filter((n) => !this.privateTables.has(n));
    return tables.length ? new Set(tables) : undefined;
  }
}

function tableName(node: OperationNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'AliasNode') return tableName((node as unknown as { node: OperationNode }).node);
  if (node.kind === 'TableNode') return (node as unknown as { table: { identifier: { name: string } } }).table.identifier.name;
  return undefined;
}

const byDatabase = new WeakMap<object, Changes>();

/** The changes of the database a Kysely instance (not a transaction) belongs to. */
export function changesOf(db: object): Changes | undefined {
  return byDatabase.get(db);
}

export function watchChanges(db: object, changes: Changes): void {
  byDatabase.set(db, changes);
}

export function sqliteChanges(connection: SQLite.Database): Changes {
  const read = connection.prepare('pragma data_version').pluck();
  return new Changes({ sqliteVersion: () => read.get() as number });
}

/** The statement that tells the other processes. */
export const notifyStatement = (channel: string, payload: string) => sql`select pg_notify(${channel}, ${payload})`;
