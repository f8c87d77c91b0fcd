// npm run bench: the portal's pages beside nginx sending the same bytes (bench/pages.ts), the
// municipality directory (bench/directory.ts), the content at growing sizes (bench/content.ts)
// and Lighthouse (bench/lighthouse.ts, also npm run bench:lighthouse).
// BENCH_DURATION (seconds per page, default 5), BENCH_DATABASE_URL (a postgres:// URL to measure on
// PostgreSQL as well), BENCH_SKIP_PORTAL=1, BENCH_SKIP_CONTENT=1, BENCH_SKIP_NETWORKS=1,
// BENCH_SKIP_PARTICIPATION=1, BENCH_SKIP_SIGNALS=1, BENCH_SKIP_PROJECTS=1, BENCH_SKIP_AWARDS=1 and BENCH_SKIP_LIGHTHOUSE=1 leave parts out.

import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { type AwardsFigures, awardsTable, benchAwards } from './awards.ts';
import { benchContent, type ContentFigures, contentTables } from './content.ts';
import { benchDirectory, freshSqliteUrl } from './directory.ts';
import { pagesTable } from './goals.ts';
import { benchLighthouse, lighthouseTable } from './lighthouse.ts';
import { tools } from './load.ts';
import { benchNetworks, type NetworkFigures, networkTable } from './networks.ts';
import { benchPages, type PageRow } from './pages.ts';
import { benchParticipation, type ParticipationFigures, participationTable } from './participation.ts';
import { onFreshSchema } from './portal.ts';
import { benchProjects, type ProjectsFigures, projectsTable } from './projects.ts';
import { benchSignals, type SignalsFigures, signalsTable } from './signals.ts';

const duration = Number(process.env.BENCH_DURATION ?? 5);
const pgUrl = process.env.BENCH_DATABASE_URL;

/** The load on the machine, so that figures from a busy one are read as such. */
const machine = () => {
  const [one, five, fifteen] = readFileSync('/proc/loadavg', 'utf8').split(' ');
  return `load average ${one} ${five} ${fifteen} on ${availableParallelism()} cores`;
};
const atStart = machine();
console.error(`Starting on ${atStart}`);

const pageRows: PageRow[] = [];
if (!process.env.BENCH_SKIP_PORTAL) {
  pageRows.push(...(await benchPages('SQLite', duration)));
  if (pgUrl) pageRows.push(...(await onFreshSchema(pgUrl, (url) => benchPages('PostgreSQL', duration, url))));
}
const directory = [await benchDirectory('SQLite', freshSqliteUrl())];
if (pgUrl) directory.push(await onFreshSchema(pgUrl, (url) => benchDirectory('PostgreSQL', url)));
const content: ContentFigures[] = [];
if (!process.env.BENCH_SKIP_CONTENT) {
  content.push(await benchContent('SQLite'));
  if (pgUrl) content.push(await onFreshSchema(pgUrl, (url) => benchContent('PostgreSQL', url)));
}
const networkFigures: NetworkFigures[] = [];
if (!process.env.BENCH_SKIP_NETWORKS) {
  networkFigures.push(await benchNetworks('SQLite'));
  if (pgUrl) networkFigures.push(await onFreshSchema(pgUrl, (url) => benchNetworks('PostgreSQL', url)));
}
const participationFigures: ParticipationFigures[] = [];
if (!process.env.BENCH_SKIP_PARTICIPATION) {
  participationFigures.push(await benchParticipation('SQLite'));
  if (pgUrl) participationFigures.push(await onFreshSchema(pgUrl, (url) => benchParticipation('PostgreSQL', url)));
}
const signalsFigures: SignalsFigures[] = [];
if (!process.env.BENCH_SKIP_SIGNALS) {
  signalsFigures.push(await benchSignals('SQLite'));
  if (pgUrl) signalsFigures.push(await onFreshSchema(pgUrl, (url) => benchSignals('PostgreSQL', url)));
}
const projectsFigures: ProjectsFigures[] = [];
if (!process.env.BENCH_SKIP_PROJECTS) {
  projectsFigures.push(await benchProjects('SQLite'));
  if (pgUrl) projectsFigures.push(await onFreshSchema(pgUrl, (url) => benchProjects('PostgreSQL', url)));
}
const awardsFigures: AwardsFigures[] = [];
if (!process.env.BENCH_SKIP_AWARDS) {
  awardsFigures.push(await benchAwards('SQLite'));
  if (pgUrl) awardsFigures.push(await onFreshSchema(pgUrl, (url) => benchAwards('PostgreSQL', url)));
}

console.log(`\nNode ${process.version}; at the start: ${atStart}; at the end: ${machine()}`);
if (pageRows.length) {
  const how =
    tools === 'wrk'
      ? 'wrk, 1 thread; baseline: nginx (1 worker, sendfile)'
      : 'autocannon (wrk or nginx missing); baseline: a bare Node server';
  console.log(`\nPages: 32 connections, ${duration} s after a warm-up run, ${how}, sending the same bytes\n`);
  console.log(pagesTable(pageRows));
}
console.log('\nMunicipality directory: import of the GeoNames set, and search latency over 25 queries x 40 rounds\n');
console.log('| database | places | import s | re-import s | search p50 ms | search p95 ms | max ms |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const d of directory) {
  console.log(
    `| ${d.label} | ${d.places} | ${(d.importMs / 1000).toFixed(2)} | ${(d.reimportMs / 1000).toFixed(2)} | ${d.searchP50.toFixed(2)} | ${d.searchP95.toFixed(2)} | ${d.searchMax.toFixed(1)} |`,
  );
}
if (content.length) {
  console.log('\nContent: the pages that read news, events, initiatives and practices, at each size of one growing database');
  console.log('(search: latency of one query at a time over common and rare words, p95 in the p99 column)\n');
  console.log(contentTables(content));
}
if (networkFigures.length) {
  const f = networkFigures[0]!;
  console.log(
    `\nA network of ${f.members} members with ${f.reports} reports, ${process.env.BENCH_CONNECTIONS ?? 10} connections, asked as a browser asks\n`,
  );
  console.log(networkTable(networkFigures));
}
if (participationFigures.length) {
  const f = participationFigures[0]!;
  console.log(
    `\nA process of ${f.proposals} proposals with ${f.supports} supports, ${process.env.BENCH_CONNECTIONS ?? 10} connections, asked as a browser asks\n`,
  );
  console.log(participationTable(participationFigures));
}
if (signalsFigures.length) {
  const f = signalsFigures[0]!;
  console.log(`\n${f.reports} problem reports over ${f.towns} towns, ${process.env.BENCH_CONNECTIONS ?? 10} connections\n`);
  console.log(signalsTable(signalsFigures));
}
if (projectsFigures.length) {
  console.log(`\nProjects: 20,000 with 200,000 partners and 100,000 deliverables, ${process.env.BENCH_CONNECTIONS ?? 10} connections\n`);
  console.log(projectsTable(projectsFigures));
}
if (awardsFigures.length) {
  const counted = awardsFigures.map((f) => `${f.label} ${f.counted.toLocaleString('en')}`).join(', ');
  console.log(`\nThe Mayor of the Year in its vote: 40 nominees, 200,000 votes; then 2,000 people cast (votes after: ${counted})\n`);
  console.log(awardsTable(awardsFigures));
}

if (!process.env.BENCH_SKIP_LIGHTHOUSE) {
  console.log('\nLighthouse 12.2.3, mobile, on SQLite with the demo content (bar: performance ≥ 95, the others 100)\n');
  console.log(lighthouseTable(await benchLighthouse()));
}
