import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { dbTest } from '../../test/helpers/db.ts';
import { Remembered } from './cache.ts';
import { openDatabase } from './db/client.ts';

type Two = { kept_a: { n: number }; kept_b: { n: number } };

dbTest(
  'an answer kept for its tables is read again when one of them changes, here or in another process, not when another does',
  async (database) => {
    const db = database.db as unknown as Kysely<Two>;
    for (const t of ['kept_a', 'kept_b'] as const) await db.schema.createTable(t).addColumn('n', 'integer').execute();
    await database.changes.listen();
    await database.changes.settle();
    const kept = new Remembered<number>(60_000, 10, ['kept_a']);
    let reads = 0;
    const count = () =>
      kept.get(database.db, 'count', async () => {
        reads++;
        return (await db.selectFrom('kept_a').select('n').execute()).length;
      });
    assert.equal(await count(), 0);
    await count();
    assert.equal(reads, 1, 'kept');
    await db.insertInto('kept_b').values({ n: 1 }).execute();
    await database.changes.settle();
    await count();
    assert.equal(reads, 1, 'a write to another table leaves it kept');
    await db.insertInto('kept_a').values({ n: 1 }).execute();
    assert.equal(await count(), 1, 'a write to its table is seen at once');
    // Told to everyone once settled, which drops what was read meanwhile once more.
    await database.changes.settle();
    await count();

    const other = openDatabase(database.url);
    const written = async (table: keyof Two) => {
      const heard = new Promise((resolve) => database.changes.once('change', resolve));
      await (other.db as unknown as Kysely<Two>).insertInto(table).values({ n: 2 }).execute();
      await other.changes.settle();
      // On PostgreSQL the word comes by LISTEN/NOTIFY, naming the table; SQLite sees a commit, not its
      // tables, and looks once per turn of the event loop.
      if (database.dialect === 'postgres') await heard;
      else await new Promise((resolve) => setImmediate(resolve));
    };
    try {
      const settled = reads;
      await written('kept_b');
      await count();
      assert.equal(reads, settled + (database.dialect === 'postgres' ? 0 : 1), "another process's write elsewhere");
      await written('kept_a');
      assert.equal(await count(), 2, "another process's write to its table is seen");
    } finally {
      await other.close();
    }
  },
);
