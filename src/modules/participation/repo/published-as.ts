import type { Db } from './db.ts';

// What people published as an organisation: on its profile, and in their own personal data.

/** An organisation's recent proposals that readers may see: in published processes, neither hidden nor withdrawn. */
export const proposalsOfOrganisation = (db: Db, organisationId: number, limit: number) =>
  db
    .selectFrom('proposals')
    .innerJoin('processes', 'processes.id', 'proposals.process_id')
    .where('proposals.organisation_id', '=', organisationId)
    .where('proposals.hidden', '=', 0)
    .where('proposals.withdrawn', '=', 0)
    .where('processes.published', '=', 1)
    .select(['proposals.id', 'proposals.title', 'proposals.language', 'proposals.published_at as at', 'processes.slug as process_slug'])
    .orderBy('proposals.published_at', 'desc')
    .orderBy('proposals.id', 'desc')
    .limit(limit)
    .execute();

/** An organisation's recent debates that readers may see: in published processes, not hidden. */
export const debatesOfOrganisation = (db: Db, organisationId: number, limit: number) =>
  db
    .selectFrom('debates')
    .innerJoin('processes', 'processes.id', 'debates.process_id')
    .where('debates.organisation_id', '=', organisationId)
    .where('debates.hidden', '=', 0)
    .where('processes.published', '=', 1)
    .select(['debates.id', 'debates.title', 'debates.language', 'debates.created_at as at', 'processes.slug as process_slug'])
    .orderBy('debates.created_at', 'desc')
    .orderBy('debates.id', 'desc')
    .limit(limit)
    .execute();

/** The debates and comments a person wrote as an organisation (their proposals are exported whole elsewhere). */
export const debatesAsOrganisationBy = (db: Db, userId: number) =>
  db
    .selectFrom('debates')
    .select(['id', 'organisation_id', 'title', 'body', 'created_at'])
    .where('author_id', '=', userId)
    .where('organisation_id', 'is not', null)
    .orderBy('id')
    .execute();

export const commentsAsOrganisationBy = (db: Db, userId: number) =>
  db
    .selectFrom('comments')
    .select(['id', 'organisation_id', 'subject_type', 'subject_id', 'body', 'created_at'])
    .where('author_id', '=', userId)
    .where('organisation_id', 'is not', null)
    .orderBy('id')
    .execute();
