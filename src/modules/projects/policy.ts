import { type Actor, definePolicy, hasRole, isPlatformAdmin } from '../../core/authz.ts';
import { rolesOf } from '../../core/scopes.ts';

/** The catalogue of programmes is the platform's: its editors and administrators keep it. */
const keepsCatalogue = (actor: Actor | null) =>
  !!actor?.confirmed && (hasRole(actor, 'platform_editor') || hasRole(actor, 'platform_admin'));

type ProjectRef = { id: number };

/** The staff of a town: its administrators and editors. */
const staffOf = (actor: Actor | null, town: number) => rolesOf('municipality').some((role) => hasRole(actor, role, town));

/** The coordinator's staff (role project_coordinator on the project) and the platform's administrators. */
const coordinates = (actor: Actor | null, projectId: number) =>
  !!actor?.confirmed && (isPlatformAdmin(actor) || hasRole(actor, 'project_coordinator', projectId));
/** Everyone working on the project: the coordinator's staff and the partners' staff. */
const worksOn = (actor: Actor | null, projectId: number) =>
  coordinates(actor, projectId) || (!!actor?.confirmed && hasRole(actor, 'project_partner_staff', projectId));

export const projectsPolicy = definePolicy({
  /** Adding or changing a programme, its texts and strands. */
  'programme.edit': (actor, _subject: null) => keepsCatalogue(actor),
  /** Adding or changing a programme's calls. */
  'call.edit': (actor, _subject: null) => keepsCatalogue(actor),
  /** Starting a project with a town as its coordinator: that town's staff, or the platform's editors. */
  'project.create': (actor, town: { id: number }) =>
    !!actor?.confirmed && (staffOf(actor, town.id) || hasRole(actor, 'platform_editor') || isPlatformAdmin(actor)),
  /** Confirming or declining an invitation to be a partner: the invited town's staff. */
  'partner.decide': (actor, partner: { municipality_id: number | null }) =>
    !!actor?.confirmed && partner.municipality_id !== null && staffOf(actor, partner.municipality_id),
  /** Changing a project's texts, dates, state, indicators and its partner list: the coordinator only. */
  'project.edit': (actor, p: ProjectRef) => coordinates(actor, p.id),
  /** Publishing its activities and deliverables: every partner's staff. */
  'project.publish': (actor, p: ProjectRef) => worksOn(actor, p.id),
  /**
   * Its private workspace (members, documents, tasks, notices): every partner's staff and no one
   * else, not even the platform's administrators unless given a role in the project (which is audited).
   */
  'project.workspace': (actor, p: ProjectRef) =>
    !!actor?.confirmed && (hasRole(actor, 'project_coordinator', p.id) || hasRole(actor, 'project_partner_staff', p.id)),
});
