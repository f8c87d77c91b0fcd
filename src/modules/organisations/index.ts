// The organisations module's public face: other modules import from this file only.
export { organisations } from './manifest.ts';
export type { Organisation, OrganisationKind } from './schema.ts';
export { ORGANISATION_KINDS } from './schema.ts';
export { type OrganisationRef, organisationRefBySlug, organisationRefs, organisationsRepresentedBy } from './service/represented.ts';
