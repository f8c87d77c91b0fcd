import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SAMPLE_CSV } from '../../test/fixtures/municipalities.ts';
import { dbTest } from '../../test/helpers/db.ts';

const bin = new URL('../../bin/municipium.js', import.meta.url).pathname;
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });

test('municipium --help lists the commands', () => {
  const res = run(['--help']);
  assert.equal(res.status, 0);
  assert.match(res.stdout, /Usage: municipium/);
  assert.match(res.stdout, /migrate\s+bring the database schema up to date/);
  assert.match(res.stdout, /seed-demo\s+fill the portal with demo content/);
  assert.match(res.stdout, /create-admin \[options\]\s+create a platform administrator/);
});

test('an unknown command fails with help', () => {
  const res = run(['frobnicate']);
  assert.notEqual(res.status, 0);
  assert.match(res.stderr, /unknown command 'frobnicate'/);
});

dbTest('municipium migrate applies the migrations once', async (database) => {
  const env = { DATABASE_URL: database.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'municipium-cli-')) };
  const first = run(['migrate'], env);
  assert.equal(first.status, 0, first.stderr);
  assert.match(
    first.stdout,
    /Applied 45 migration\(s\):\n {2}20261121_00_mail_outbox:core\n {2}20261121_00_throttle:core\n {2}20261121_01_contact_messages:pages\n {2}20261121_02_accounts:accounts\n {2}20261121_03_municipalities:municipalities\n {2}20261121_04_profiles_and_claims:municipalities\n {2}20261121_05_content:content\n {2}20261121_06_search_inline:content\n {2}20261130_01_terms_version:accounts\n {2}20261130_02_follows:municipalities\n {2}20261130_02_mail_headers:core\n {2}20261130_03_newsletters:newsletters\n {2}20261201_01_country_order:municipalities\n {2}20261202_01_networks:networks\n {2}20261202_02_twinnings:twinning\n {2}20261203_01_reports:networks\n {2}20261203_01_twinning_sources:twinning\n {2}20261203_02_network_logo:networks\n {2}20261203_03_member_order:networks\n {2}20261204_01_participation:participation\n {2}20261204_02_proposals:participation\n {2}20261204_03_census:participation\n {2}20261204_05_moderation:moderation\n {2}20261204_06_blocked:accounts\n {2}20261204_06_following:participation\n {2}20261204_07_list_indexes:participation\n {2}20261204_08_filter_indexes:participation\n {2}20261205_01_signals:signals\n {2}20261205_03_photo_files:signals\n {2}20261205_04_staff:signals\n {2}20261207_01_programmes:projects\n {2}20261207_02_funding_call:twinning\n {2}20261208_01_projects:projects\n {2}20261208_02_deliverables:projects\n {2}20261208_03_activities:projects\n {2}20261208_04_workspace:projects\n {2}20261209_01_audit_subject:accounts\n {2}20261209_02_list_order:projects\n {2}20261210_01_awards:awards\n {2}20261211_01_contact:contact\n {2}20261212_01_organisation_profiles:organisations\n {2}20261212_02_partnerships:organisations\n {2}20261213_01_award_criteria:awards\n {2}20261213_02_partnership_proposer:organisations\n {2}20261213_03_as_organisation:participation/,
  );
  const second = run(['migrate'], env);
  assert.equal(second.status, 0);
  assert.match(second.stdout, /The database is up to date\./);
  assert.equal((await database.db.selectFrom('contact_messages').selectAll().execute()).length, 0);
});

dbTest('municipium seed-demo migrates first and says what it added', async (database) => {
  const env = { DATABASE_URL: database.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'municipium-cli-')) };
  const res = run(['seed-demo'], env);
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /No module has demo content yet\.|Demo content added: /);
  // Read the table itself: a catalog query may run in parallel workers, which a test schema can elude.
  assert.equal((await database.db.selectFrom('contact_messages').selectAll().execute()).length, 0, 'the tables are made');
});

test('municipium migrate with a bad setting names it', () => {
  const res = run(['migrate'], { DATABASE_URL: 'oracle://x' });
  assert.equal(res.status, 1);
  assert.match(res.stderr, /DATABASE_URL: must start with/);
});

dbTest('municipium create-admin creates a platform admin with a link to choose a password, or promotes an account', async (database) => {
  const env = {
    DATABASE_URL: database.url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'municipium-cli-')),
    BASE_URL: 'https://portal.example.eu',
  };
  const created = run(['create-admin', '--email', 'Admin@Example.eu', '--name', 'Ada Admin'], env);
  assert.equal(created.status, 0, created.stderr);
  assert.match(
    created.stdout,
    /Created Admin@Example\.eu as platform administrator\.\nChoose a password within 7 days at:\n {2}https:\/\/portal\.example\.eu\/en\/password\/reset\/[\w-]{43}/,
  );
  const user = await database.db.selectFrom('users').selectAll().where('email', '=', 'admin@example.eu').executeTakeFirstOrThrow();
  assert.equal(user.name, 'Ada Admin');
  assert.ok(user.email_confirmed_at);
  const grants = await database.db.selectFrom('role_grants').select(['role', 'scope_type']).where('user_id', '=', user.id).execute();
  assert.deepEqual(grants, [{ role: 'platform_admin', scope_type: 'platform' }]);
  const again = run(['create-admin', '--email', 'admin@example.eu'], env);
  assert.match(again.stdout, /admin@example\.eu is now a platform administrator\./);
  assert.equal((await database.db.selectFrom('users').selectAll().execute()).length, 1);
  const audit = await database.db.selectFrom('audit_log').select(['action', 'actor_id']).execute();
  assert.deepEqual(audit, [
    { action: 'admin.create', actor_id: null },
    { action: 'admin.create', actor_id: null },
  ]);
  const bad = run(['create-admin', '--email', 'not-an-address'], env);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /not an email address/);
  const missing = run(['create-admin'], env);
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /required option '--email <email>'/);
});

dbTest('municipium import-municipalities loads a CSV file, again safely, and names the bad lines of a wrong one', async (database) => {
  const dir = mkdtempSync(join(tmpdir(), 'municipium-cli-'));
  const env = { DATABASE_URL: database.url, DATA_DIR: dir };
  const good = join(dir, 'lau.csv');
  writeFileSync(good, SAMPLE_CSV);
  const first = run(['import-municipalities', '--csv', good], env);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /Imported 8 municipalities: 8 new, 0 refreshed\./);
  assert.match(run(['import-municipalities', '--csv', good], env).stdout, /Imported 8 municipalities: 0 new, 8 refreshed\./);
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'country,code,name,population,latitude,longitude\nXX,1,Atlantis,1,0,0\n');
  const refused = run(['import-municipalities', '--csv', bad], env);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /line 2: country "XX" is not an EU member state code/);
  assert.equal((await database.db.selectFrom('municipalities').selectAll().execute()).length, 8);
  const missing = run(['import-municipalities', '--csv', join(dir, 'nope.csv')], env);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /ENOENT|no such file/);
});
