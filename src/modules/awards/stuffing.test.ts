import assert from 'node:assert/strict';
import { sampleAward, voters } from '../../../test/awards.ts';
import { person, submit } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import * as repo from './repo.ts';
import type { Category, Edition } from './schema.ts';
import { castVote } from './service/votes.ts';

/** Twenty people, each signing up thirty times with spellings Gmail delivers to one mailbox. */
function gmailVariants(): string[] {
  const out: string[] = [];
  for (let p = 0; p < 20; p++) {
    const name = `anna${String.fromCharCode(97 + p)}marie`;
    for (let v = 0; v < 30; v++) {
      const dotted = name
        .split('')
        .join(v % 3 === 0 ? '.' : '')
        .replace(/\.+/g, '.');
      const local = v % 2 ? `${dotted}+${v}` : v % 5 === 0 ? dotted.toUpperCase() : `${name.slice(0, 3)}.${name.slice(3)}+x${v}`;
      out.push(`${local}@${v % 4 === 0 ? 'googlemail.com' : 'gmail.com'}`);
    }
  }
  return out;
}

const DISPOSABLE = ['mailinator.com', 'yopmail.com', 'guerrillamail.com', '10minutemail.com'];

appTest('1,000 sign-ups with Gmail, Outlook and throwaway variants cast only the votes of real mailboxes', async (app, database) => {
  const award = await sampleAward(database, 'voting');
  const { db } = database;
  const emails = [
    ...gmailVariants(),
    ...Array.from({ length: 200 }, (_, i) => `stuffer${i}@${DISPOSABLE[i % DISPOSABLE.length]}`),
    ...Array.from({ length: 100 }, (_, i) => `Bob${i % 10}+vote${i}@Outlook.com`),
    ...Array.from({ length: 100 }, (_, i) => `resident${i}@example.eu`),
  ];
  assert.equal(emails.length, 1000);
  const actors = await voters(database, emails);
  const edition = (await repo.editionBySlug(db, 'mayor-of-the-year-2026')) as Edition;
  const [category] = (await repo.categoriesByIds(db, [award.category])) as Category[];
  const outcomes = new Map<string, number>();
  for (const [i, actor] of actors.entries()) {
    // Each from a network of its own: only the address rules are at work here.
    const caller = { ip: `10.${i >> 8}.${i & 255}.7`, userAgent: 'script/1.0' };
    const r = await castVote(app.context, actor, edition, category!, award.nominees[i % 2], caller);
    const key = r.ok ? 'ok' : Object.values(r.errors)[0]!.key;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  }
  assert.equal(outcomes.get('awards.error.disposable'), 200, 'every throwaway address is refused');
  assert.equal(outcomes.get('ok'), 800);
  const rows = await repo.votesOf(db, award.category);
  assert.equal(rows.length, 20 + 10 + 100, 'one vote per Gmail mailbox, per Outlook mailbox, per other address');
  assert.ok(
    rows.every((r) => !JSON.stringify(r).includes('@gmail') && !JSON.stringify(r).includes('anna')),
    'no address is stored',
  );

  // One refusal of each kind through the form, as a person would meet it.
  const stuffer = await person(database, { email: 'one.more@mailinator.com' });
  const res = await submit(app, `/en${award.path}`, { nomination: String(award.nominees[0]) }, stuffer, `/en${award.path}/vote`);
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /throwaway email addresses are not accepted/);
  assert.equal((await repo.votesOf(db, award.category)).length, 130, 'nothing changed');
});

appTest('200 casts of one person at once count one vote, and the limits per address and network hold', async (app, database) => {
  const award = await sampleAward(database, 'voting');
  const { db } = database;
  const edition = (await repo.editionBySlug(db, 'mayor-of-the-year-2026')) as Edition;
  const [category] = (await repo.categoriesByIds(db, [award.category])) as Category[];
  const [one] = await voters(database, ['Maria.Ivanova@gmail.com']);
  const results = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      castVote(app.context, one!, edition, category!, award.nominees[i % 2], { ip: `10.1.${i}.1`, userAgent: 'x' }),
    ),
  );
  assert.ok(results.some((r) => r.ok));
  assert.ok(
    results.filter((r) => !r.ok).every((r) => !r.ok && r.retryAfter),
    'the others are too many attempts',
  );
  assert.equal((await repo.votesOf(db, award.category)).length, 1);

  // The upsert alone, without the limits in front of it: 200 concurrent writes of one voter are one row.
  const row = (await repo.votesOf(db, award.category))[0]!;
  await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      repo.upsertVote(db, { ...row, nomination_id: award.nominees[i % 2]!, voted_at: new Date().toISOString() }),
    ),
  );
  const after = await repo.votesOf(db, award.category);
  assert.equal(after.length, 1);
  assert.ok(after[0]!.changes >= 200, 'each cast changed the one vote');

  // One address: 20 votes an hour; one /24 network: 60.
  const crowd = await voters(
    database,
    Array.from({ length: 90 }, (_, i) => `neighbour${i}@example.eu`),
  );
  const cast = (i: number, ip: string) => castVote(app.context, crowd[i]!, edition, category!, award.nominees[0], { ip, userAgent: 'x' });
  const sameAddress = [];
  for (let i = 0; i < 21; i++) sameAddress.push(await cast(i, '198.51.100.9'));
  assert.equal(sameAddress.filter((r) => r.ok).length, 20);
  assert.ok(!sameAddress[20]!.ok && sameAddress[20]!.retryAfter);
  const sameNetwork = [];
  for (let i = 21; i < 90; i++) sameNetwork.push(await cast(i, `198.51.100.${i + 20}`));
  assert.equal(sameNetwork.filter((r) => r.ok).length, 40, '60 from the network in all');
  const v6 = await voters(database, ['v6-a@example.eu', 'v6-b@example.eu']);
  const ok6 = await castVote(app.context, v6[0]!, edition, category!, award.nominees[0], { ip: '2001:db8:1:2::1', userAgent: 'x' });
  assert.ok(ok6.ok, 'another network is not held back');
  assert.equal((await repo.votesOf(db, award.category)).length, 1 + 20 + 40 + 1);
});
