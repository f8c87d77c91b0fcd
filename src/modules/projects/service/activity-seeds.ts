import type { DemoSeed, ModuleContext } from '../../../core/modules.ts';
import { insertContentItem } from '../../content/index.ts';
import * as repo from '../repo.ts';
import type { ActivityKind } from '../schema.ts';
import { hostsOf } from './activities.ts';

interface DemoActivity {
  kind: ActivityKind;
  title: string;
  summary: string;
  startsAt: string;
  endsAt: string;
  online?: boolean;
  /** Which partner hosts it: the first whose name has this in it, else the n-th. */
  host: { name?: string; index: number };
  /** Demo numbers, not the project's real ones. */
  participants?: Record<string, number>;
  report?: string;
}

const EC_NET: DemoActivity[] = [
  {
    kind: 'kick_off',
    title: 'EC-NET kick-off meeting',
    summary: 'The partners meet online to start the project: its plan, its work packages and who does what.',
    startsAt: '2020-12-14T09:00:00.000Z',
    endsAt: '2020-12-15T15:00:00.000Z',
    online: true,
    host: { index: 0 },
    participants: { SI: 14, BG: 6, HR: 5, IT: 4, HU: 3 },
    report: 'Two half days online: the partners agreed on the work plan, the calendar of meetings and the first steps of the toolkit.',
  },
  {
    kind: 'partner_meeting',
    title: 'EC-NET partner meeting',
    summary: 'The partners review the first months of work and prepare the international event.',
    startsAt: '2021-03-02T09:00:00.000Z',
    endsAt: '2021-03-02T16:00:00.000Z',
    online: true,
    host: { index: 1 },
    participants: { SI: 8, BG: 4, HR: 3, IT: 3 },
    report: 'The partners compared what their towns had done since the kick-off and chose the themes of the international event.',
  },
  {
    kind: 'international_event',
    title: 'Promoting solidarity for active European citizenship',
    summary: 'An international event of the EC-NET towns: citizens, associations and local authorities on solidarity in Europe.',
    startsAt: '2021-06-07T08:00:00.000Z',
    endsAt: '2021-06-08T15:00:00.000Z',
    host: { name: 'Bistrica', index: 0 },
    participants: { SI: 62, BG: 11, HR: 9, IT: 8, HU: 7, SK: 5 },
    report: 'Two days of workshops and a public debate on solidarity between towns; the results feed the policy recommendations.',
  },
];

/** EC-NET's meetings and events, once the project is there (another seed makes it); safe to run again. */
export async function seedEcNetActivities(ctx: ModuleContext): Promise<void> {
  const { db } = ctx.database;
  const project = await repo.projectBySlug(db, 'ec-net');
  if (!project || (await repo.activitiesOf(db, project.id)).length) return;
  const hosts = await hostsOf(ctx, project.id);
  if (!hosts.length) return;
  for (const a of EC_NET) {
    const host = hosts.find((h) => a.host.name && h.name.includes(a.host.name)) ?? hosts[a.host.index] ?? hosts[0]!;
    const eventId = await insertContentItem(ctx, {
      type: 'event',
      owner: { type: 'project', id: project.id, country: null },
      language: 'en',
      publishedAt: '2020-11-20T09:00:00.000Z',
      areas: ['europe'],
      event: {
        startsAt: a.startsAt,
        endsAt: a.endsAt,
        timeZone: 'Europe/Ljubljana',
        ...(a.online ? { onlineUrl: 'https://example.eu/ec-net/meeting' } : { venueName: host.name }),
        organiser: project.acronym,
      },
      texts: { en: { title: a.title, summary: a.summary, body: a.summary } },
    });
    const past = a.endsAt < new Date().toISOString();
    const participants = past ? (a.participants ?? {}) : {};
    await repo.insertActivity(db, {
      project_id: project.id,
      event_id: eventId,
      kind: a.kind,
      host_partner_id: host.id,
      participants_total: past ? Object.values(participants).reduce((x, y) => x + y, 0) : null,
      participants: JSON.stringify(participants),
      report: past ? (a.report ?? '') : '',
      reported_at: past ? a.endsAt : null,
      reported_by: null,
      created_by: null,
      created_at: new Date().toISOString(),
    });
  }
}

export const demoActivities: DemoSeed = { name: 'projects-activities', run: seedEcNetActivities };
