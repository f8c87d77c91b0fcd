// What the page bench aims for, and its table with a verdict per row.
import type { PageRow } from './pages.ts';

interface Goal {
  text: string;
  met: boolean;
}

const share = (r: PageRow) => (r.baseline.rps ? (100 * r.rps) / r.baseline.rps : 0);

/** Uncached, the pages people land on most must still keep up with a busy day. */
const UNCACHED_RPS: Record<string, number> = { home: 3000, profile: 3000, country: 1500, search: 1500 };
const SIGNED_IN_RPS = 2000;

export function goalOf(r: PageRow): Goal | undefined {
  // New searches each time are there to show what a first visit costs; no cache can help them.
  if (r.varied) return undefined;
  if (r.signedIn) return { text: `≥ ${SIGNED_IN_RPS.toLocaleString('en')} req/s`, met: r.rps >= SIGNED_IN_RPS };
  // /healthz answers no-store and asks the database every time: it is there to see the floor, not to be cached.
  if (r.cache === 'on' && r.page !== 'healthz') return { text: '≥ 50 % of baseline, p99 < 5 ms', met: share(r) >= 50 && r.p99 < 5 };
  const rps = UNCACHED_RPS[r.page];
  return rps === undefined ? undefined : { text: `≥ ${rps.toLocaleString('en')} req/s`, met: r.rps >= rps };
}

function errors(r: PageRow): string {
  const notes = [r.timeouts ? `${r.timeouts} timed out` : '', r.baseline.errors ? `baseline ${r.baseline.errors}` : ''].filter(Boolean);
  return notes.length ? `${r.errors} (${notes.join(', ')})` : String(r.errors);
}

export function pagesTable(rows: PageRow[]): string {
  const head = ['page', 'database', 'cache', 'req/s', 'p50 ms', 'p99 ms', 'baseline', 'baseline req/s', 'share %', 'errors', 'goal'];
  const body = rows.map((r) => {
    const goal = goalOf(r);
    return [
      r.page,
      r.database,
      r.cache,
      r.rps.toFixed(0),
      r.p50.toFixed(2),
      r.p99.toFixed(2),
      r.baseline.kind,
      r.baseline.rps.toFixed(0),
      share(r).toFixed(0),
      errors(r),
      goal ? `${goal.met ? '✓' : '✗'} ${goal.text}` : '',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const right = new Set([3, 4, 5, 7, 8, 9]);
  const pad = (c: string, i: number) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!));
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  const goals = rows.map(goalOf).filter((g) => g !== undefined);
  const met = goals.filter((g) => g.met).length;
  return [line(head), rule, ...body.map(line), '', `Goals met: ${met} of ${goals.length}.`].join('\n');
}
