import { audit } from '../../../core/audit.ts';
import type { Actor } from '../../../core/authz.ts';
import { transaction } from '../../../core/db/client.ts';
import { type FormRefusal, validateForm } from '../../../core/http/forms.ts';
import type { Translator } from '../../../core/i18n/catalog.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { scopeContacts } from '../../accounts/index.ts';
import * as repo from '../repo.ts';
import { LIMITS, responseInput, type Topic, topicInput } from '../schema.ts';

/** What a town without answers of its own promises: a couple of working weeks. */
export const DEFAULT_RESPONSE_DAYS = 14;
export const GENERAL = 'general';
const STAFF_ROLES = ['municipality_admin', 'municipality_editor'] as const;

/** A topic as the form offers it: the town's own, or the one general enquiry of a town that has none yet. */
export interface TopicChoice {
  value: string;
  name: string;
  topicId: number | null;
}

export async function topicChoices(ctx: ModuleContext, town: number, t: Translator): Promise<TopicChoice[]> {
  const topics = await repo.topicsOf(ctx.database.db, town);
  if (!topics.length) return [{ value: GENERAL, name: t('townContact.topic.general'), topicId: null }];
  return topics.map((x) => ({ value: String(x.id), name: x.name, topicId: x.id }));
}

/** Where an enquiry on a topic goes: its department, else the town's contact address, else the town's staff. */
export async function departmentAddresses(
  ctx: ModuleContext,
  town: { id: number; email: string | null },
  topic: Topic | undefined,
): Promise<{ email: string; language: string | null }[]> {
  if (topic) return [{ email: topic.email, language: null }];
  if (town.email) return [{ email: town.email, language: null }];
  const staff = await scopeContacts(ctx.database.db, STAFF_ROLES, town.id);
  return staff.map((s) => ({ email: s.email, language: s.language }));
}

export async function responseDays(ctx: ModuleContext, town: number): Promise<{ days: number; set: boolean }> {
  const s = await repo.settingsOf(ctx.database.db, town);
  return s ? { days: s.response_days, set: true } : { days: DEFAULT_RESPONSE_DAYS, set: false };
}

type Saved = { ok: true } | FormRefusal;
const normalised = (d: { name: string; department: string; email: string }) => ({ ...d, email: d.email.toLowerCase() });

export async function addTopic(ctx: ModuleContext, actor: Actor, town: number, body: unknown, ip: string): Promise<Saved> {
  const form = validateForm(topicInput, body, { ...LIMITS, name: LIMITS.topic });
  if (!form.ok) return form;
  await transaction(ctx.database.db, async (trx) => {
    const id = await repo.insertTopic(trx, town, normalised(form.data));
    await audit(trx, actor, { action: 'contact.topic.add', subjectType: 'contact_topic', subjectId: id, details: { town } }, ip);
  });
  return { ok: true };
}

export async function editTopic(ctx: ModuleContext, actor: Actor, topic: Topic, body: unknown, ip: string): Promise<Saved> {
  const form = validateForm(topicInput, body, { ...LIMITS, name: LIMITS.topic });
  if (!form.ok) return form;
  await transaction(ctx.database.db, async (trx) => {
    await repo.updateTopic(trx, topic.id, normalised(form.data));
    await audit(trx, actor, { action: 'contact.topic.edit', subjectType: 'contact_topic', subjectId: topic.id }, ip);
  });
  return { ok: true };
}

export async function removeTopic(ctx: ModuleContext, actor: Actor, topic: Topic, ip: string): Promise<void> {
  await transaction(ctx.database.db, async (trx) => {
    await repo.deleteTopic(trx, topic.id);
    await audit(
      trx,
      actor,
      { action: 'contact.topic.remove', subjectType: 'contact_topic', subjectId: topic.id, details: { name: topic.name } },
      ip,
    );
  });
}

export async function saveResponseDays(ctx: ModuleContext, actor: Actor, town: number, body: unknown, ip: string): Promise<Saved> {
  const form = validateForm(responseInput, body);
  if (!form.ok) return form;
  await transaction(ctx.database.db, async (trx) => {
    await repo.saveResponseDays(trx, town, form.data.response_days);
    const details = { days: form.data.response_days };
    await audit(trx, actor, { action: 'contact.response_days', subjectType: 'municipality', subjectId: town, details }, ip);
  });
  return { ok: true };
}
