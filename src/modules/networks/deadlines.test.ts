import assert from 'node:assert/strict';
import { sampleTowns } from '../../../test/content.ts';
import { person } from '../../../test/factories.ts';
import { appTest } from '../../../test/helpers/app.ts';
import type { TestDatabase } from '../../../test/helpers/db.ts';
import { sampleMembership, sampleNetwork } from '../../../test/scopes.ts';
import * as repo from './repo.ts';
import type { Membership } from './schema.ts';
import { runDeadlines } from './service/deadlines.ts';
import { takeStep } from './service/memberships.ts';
import { kindsOf } from './service/networks.ts';

const DAY = 86_400_000;
const DUE = Date.parse('2027-06-01T00:00:00.000Z');
const day = (offset: number) => new Date(DUE + offset * DAY);

const subjects = async (database: TestDatabase, to: string) =>
  (await database.db.selectFrom('mail_outbox').select('subject').where('to_address', '=', to).orderBy('id').execute()).map(
    (m) => m.subject,
  );

appTest(
  'reminders go 60, 30 and 7 days before a report’s deadline and on the day, each once; late goes overdue, then on hold, then back to active',
  async (app, database) => {
    const towns = await sampleTowns(database);
    const net = await sampleNetwork(database);
    await person(database, { roles: [['municipality_admin', towns.botevgrad]], email: 'mayor@botevgrad.example' });
    await person(database, { roles: [['network_coordinator', net.id]], email: 'coord@green.example' });
    const id = await sampleMembership(database, net, towns.botevgrad, 'active', {
      since: '2025-06-01T00:00:00.000Z',
      due: new Date(DUE).toISOString(),
    });
    const ctx = app.context;
    const mayorMails = () => subjects(database, 'mayor@botevgrad.example');

    assert.deepEqual(await runDeadlines(ctx, day(-61)), { reminded: 0, overdue: 0, onHold: 0 }, 'nothing yet 61 days before');
    await runDeadlines(ctx, day(-60));
    await runDeadlines(ctx, day(-59));
    assert.deepEqual(await mayorMails(), ['Botevgrad: the report to Green Towns is due in 60 days'], 'sent once, though run twice');
    await runDeadlines(ctx, day(-30));
    await runDeadlines(ctx, day(-7));
    await runDeadlines(ctx, day(-6));
    assert.equal((await mayorMails()).length, 3);
    assert.equal((await repo.membershipById(database.db, id))?.state, 'active');

    assert.deepEqual(await runDeadlines(ctx, day(0)), { reminded: 1, overdue: 1, onHold: 0 });
    const m = (await repo.membershipById(database.db, id)) as Membership;
    assert.equal(m.state, 'report_overdue');
    assert.ok((await mayorMails()).includes('Botevgrad: the report to Green Towns is due today'));
    assert.ok(
      (await subjects(database, 'coord@green.example')).includes('Botevgrad in Green Towns: Report overdue'),
      'the coordinators hear of it',
    );

    assert.deepEqual(await runDeadlines(ctx, day(89)), { reminded: 0, overdue: 0, onHold: 0 }, 'within the 90 days of grace');
    assert.deepEqual(await runDeadlines(ctx, day(90)), { reminded: 0, overdue: 0, onHold: 1 });
    const held = (await repo.membershipById(database.db, id)) as Membership;
    assert.equal(held.state, 'on_hold');
    assert.ok(!(await app.inject({ url: '/en/networks/green-towns' })).body.includes('botevgrad">'), 'on hold: out of the public list');

    const [kind] = await kindsOf(ctx, [net.id]);
    assert.ok((await takeStep(ctx, held, kind!, 'acceptReport', { actor: null, now: day(100) })).ok);
    const back = (await repo.membershipById(database.db, id)) as Membership;
    assert.equal(back.state, 'active', 'an accepted report makes it active again');
    assert.ok(Date.parse(back.report_due_at ?? '') > day(100 + 729).getTime(), 'the next report is due two years on');
    assert.match((await app.inject({ url: '/en/networks/green-towns' })).body, /botevgrad">Botevgrad/);
  },
);

appTest('two runs at once send each reminder once and take each step once', async (app, database) => {
  const towns = await sampleTowns(database);
  const net = await sampleNetwork(database);
  await person(database, { roles: [['municipality_admin', towns.staraZagora]], email: 'mayor@sz.example' });
  const id = await sampleMembership(database, net, towns.staraZagora, 'active', {
    since: '2025-06-01T00:00:00.000Z',
    due: new Date(DUE).toISOString(),
  });
  const runs = await Promise.allSettled([
    runDeadlines(app.context, day(1)),
    runDeadlines(app.context, day(1)),
    runDeadlines(app.context, day(1)),
  ]);
  assert.ok(
    runs.every((r) => r.status === 'fulfilled'),
    'no run fails on the other’s work',
  );
  assert.deepEqual(await subjects(database, 'mayor@sz.example'), [
    'Stara Zagora: the report to Green Towns is due today',
    'Stara Zagora in Green Towns: Report overdue',
  ]);
  assert.deepEqual(
    (await repo.eventsOf(database.db, id)).map((e) => e.to_state),
    ['report_overdue'],
  );
});
