import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { countryName, EU_COUNTRIES } from '../../../core/countries.ts';
import { hasControl } from '../../../core/http/input.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import type { FieldErrors } from '../../../core/views/components.tsx';
import { eventsByIds, eventsOfOwner, type OwnedEvent } from '../../content/index.ts';
import { municipalitiesByIds } from '../../municipalities/index.ts';
import * as repo from '../repo.ts';
import { ACTIVITY_KINDS, type ActivityKind, type Project, type ProjectActivity, type ProjectPartner } from '../schema.ts';

/** Countries participants come from: the EU's, the candidates' and Europe's other neighbours taking part in its programmes. */
export const PARTICIPANT_COUNTRIES: readonly string[] = [
  ...EU_COUNTRIES,
  ...['AL', 'BA', 'CH', 'GB', 'GE', 'IS', 'LI', 'MD', 'ME', 'MK', 'NO', 'RS', 'TR', 'UA', 'XK'],
];
/** More people than this at one meeting is a typing error, not an event of a town network. */
export const MAX_PARTICIPANTS = 100_000;
export const REPORT_MAX = 5000;
/** Rows of the report form: as many countries as a large partnership has, and a few more. */
export const COUNTRY_ROWS = 12;

/** A partner as the activity pages name it: a town of the directory or an organisation, and its place. */
export interface HostView {
  id: number;
  name: string;
  country: string;
}

export async function hostsOf(ctx: ModuleContext, projectId: number): Promise<HostView[]> {
  const partners = (await repo.partnersOfProject(ctx.database.db, projectId)).filter((p) => p.status === 'confirmed');
  const towns = await municipalitiesByIds(
    ctx.database.db,
    partners.flatMap((p) => (p.municipality_id ? [p.municipality_id] : [])),
  );
  const name = (p: ProjectPartner) => (p.municipality_id ? (towns.get(p.municipality_id)?.name ?? '') : p.organisation);
  return partners.map((p) => ({ id: p.id, name: name(p), country: p.country }));
}

export interface ActivityView {
  activity: ProjectActivity;
  event: OwnedEvent;
  host: HostView | undefined;
  participants: [string, number][];
}

/** A project's activities with their events, soonest first; `publicOnly` leaves out events the public cannot read yet. */
export async function activityViews(ctx: ModuleContext, project: Project, lang: string, publicOnly: boolean): Promise<ActivityView[]> {
  const activities = await repo.activitiesOf(ctx.database.db, project.id);
  const [events, hosts] = await Promise.all([
    eventsByIds(
      ctx,
      activities.map((a) => a.event_id),
      lang,
    ),
    hostsOf(ctx, project.id),
  ]);
  return events
    .filter((e) => !publicOnly || e.visible)
    .flatMap((event) => {
      const activity = activities.find((a) => a.event_id === event.id);
      if (!activity) return [];
      const participants = Object.entries(JSON.parse(activity.participants) as Record<string, number>);
      return [{ activity, event, host: hosts.find((h) => h.id === activity.host_partner_id), participants }];
    });
}

/** The project's events not yet an activity: what the staff choose from. */
export async function freeEvents(ctx: ModuleContext, project: Project, lang: string): Promise<OwnedEvent[]> {
  const [events, activities] = await Promise.all([
    eventsOfOwner(ctx, { type: 'project', id: project.id }, lang),
    repo.activitiesOf(ctx.database.db, project.id),
  ]);
  return events.filter((e) => !activities.some((a) => a.event_id === e.id));
}

type Body = Record<string, unknown>;
const str = (b: Body, k: string) => (typeof b[k] === 'string' ? (b[k] as string).trim() : '');

export type Saved = { ok: true; id: number } | { ok: false; errors: FieldErrors };

/** Makes one of the project's own events an activity; an event of another owner or another project is refused. */
export async function addActivity(ctx: ModuleContext, actor: Actor, project: Project, body: Body, ip?: string): Promise<Saved> {
  const errors: FieldErrors = {};
  const eventId = Number(str(body, 'event'));
  const [event] = Number.isInteger(eventId) && eventId > 0 ? await eventsByIds(ctx, [eventId], 'en') : [];
  const own = event?.owner.type === 'project' && event.owner.id === project.id;
  if (!event || !own) errors.event = { key: 'projects.activity.error.event' };
  else if (await repo.activityOfEvent(ctx.database.db, event.id)) errors.event = { key: 'projects.activity.error.taken' };
  const kind = str(body, 'kind');
  if (!ACTIVITY_KINDS.includes(kind as ActivityKind)) errors.kind = { key: 'projects.activity.error.kind' };
  const hostRaw = str(body, 'host');
  const hosts = await hostsOf(ctx, project.id);
  const host = hostRaw ? hosts.find((h) => String(h.id) === hostRaw) : undefined;
  if (hostRaw && !host) errors.host = { key: 'projects.activity.error.host' };
  if (Object.keys(errors).length || !event) return { ok: false, errors };
  const id = await repo.insertActivity(ctx.database.db, {
    project_id: project.id,
    event_id: event.id,
    kind: kind as ActivityKind,
    host_partner_id: host?.id ?? null,
    participants_total: null,
    participants: '{}',
    report: '',
    reported_at: null,
    reported_by: null,
    created_by: actor.id,
    created_at: new Date().toISOString(),
  });
  await audit(
    ctx.database.db,
    actor,
    { action: 'project.activity.add', subjectType: 'project', subjectId: project.id, details: { id } },
    ip,
  );
  return { ok: true, id };
}

/** The country rows of a report form, as typed: country_1 / number_1 … */
export function typedRows(body: Body): { country: string; number: string }[] {
  return Array.from({ length: COUNTRY_ROWS }, (_, i) => ({
    country: str(body, `country_${i + 1}`).toUpperCase(),
    number: str(body, `number_${i + 1}`),
  }));
}

/** Reads a report: each country once, known, with a whole number of people; the total is their sum. */
export function readReport(body: Body): { participants: Record<string, number>; total: number; report: string; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const participants: Record<string, number> = {};
  for (const [i, row] of typedRows(body).entries()) {
    const n = i + 1;
    if (!row.country && !row.number) continue;
    if (!PARTICIPANT_COUNTRIES.includes(row.country)) errors[`country_${n}`] = { key: 'projects.activity.error.country' };
    else if (row.country in participants) errors[`country_${n}`] = { key: 'projects.activity.error.twice' };
    if (!/^\d{1,6}$/.test(row.number) || Number(row.number) > MAX_PARTICIPANTS)
      errors[`number_${n}`] = { key: 'projects.activity.error.number', values: { max: MAX_PARTICIPANTS } };
    if (!errors[`country_${n}`] && !errors[`number_${n}`]) participants[row.country] = Number(row.number);
  }
  const report = typeof body.report === 'string' ? body.report.replace(/\r\n/g, '\n').trim() : '';
  if (report.length > REPORT_MAX) errors.report = { key: 'projects.activity.error.long', values: { max: REPORT_MAX } };
  else if (hasControl(report)) errors.report = { key: 'form.error.characters' };
  const total = Object.values(participants).reduce((a, b) => a + b, 0);
  if (!Object.keys(errors).length && total > MAX_PARTICIPANTS)
    errors.form = { key: 'projects.activity.error.total', values: { max: MAX_PARTICIPANTS } };
  return { participants, total, report, errors };
}

export async function saveReport(
  ctx: ModuleContext,
  actor: Actor,
  activity: ProjectActivity,
  startsAt: string,
  body: Body,
  ip?: string,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const read = readReport(body);
  // Who came is known once the event has begun; a report before it would be a forecast.
  if (!Object.keys(read.errors).length && new Date(startsAt).getTime() > Date.now())
    read.errors.form = { key: 'projects.activity.error.notYet' };
  if (Object.keys(read.errors).length) return { ok: false, errors: read.errors };
  await repo.updateActivity(ctx.database.db, activity.id, {
    participants: JSON.stringify(read.participants),
    participants_total: read.total,
    report: read.report,
    reported_at: new Date().toISOString(),
    reported_by: actor.id,
  });
  const details = { id: activity.id, total: read.total };
  await audit(
    ctx.database.db,
    actor,
    { action: 'project.activity.report', subjectType: 'project', subjectId: activity.project_id, details },
    ip,
  );
  return { ok: true };
}

/** "Slovenia 40, Bulgaria 12" in the reader's language, most first. */
export const byCountry = (rows: [string, number][], lang: string) =>
  [...rows].sort((a, b) => b[1] - a[1]).map(([c, n]) => ({ code: c, name: countryName(c, lang), n }));
