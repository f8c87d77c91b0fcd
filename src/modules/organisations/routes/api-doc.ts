import { POLICY_AREAS } from '../../../core/areas.ts';
import { jsonResponse as json, pageParameter as page, pageSchema, problemResponse as problem } from '../../../core/http/api-doc.ts';
import type { ApiDescription } from '../../../core/modules.ts';
import { ORGANISATION_KINDS } from '../schema.ts';

const area = { name: 'area', in: 'query', schema: { type: 'string', enum: [...POLICY_AREAS] }, description: 'a policy area' };
const country = { name: 'country', in: 'query', schema: { type: 'string' }, description: 'an ISO country code, e.g. bg' };
const organisation = {
  type: 'object',
  properties: {
    slug: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string', enum: [...ORGANISATION_KINDS] },
    country: { type: ['string', 'null'] },
    description: { type: ['string', 'null'] },
    website: { type: ['string', 'null'], format: 'uri' },
    areas: { type: 'array', items: { type: 'string', enum: [...POLICY_AREAS] } },
    url: { type: 'string', format: 'uri' },
  },
};

/** The organisations and partnerships endpoints in the OpenAPI document. */
export const organisationsApiDoc: ApiDescription = {
  paths: {
    '/organisations': {
      get: {
        operationId: 'listOrganisations',
        summary: 'Organisation profiles by name, 100 a page',
        parameters: [{ name: 'kind', in: 'query', schema: { type: 'string', enum: [...ORGANISATION_KINDS] } }, country, area, page],
        responses: { 200: json('a page of organisations', 'OrganisationPage'), 400: problem('a parameter is unknown or invalid') },
      },
    },
    '/organisations/{slug}': {
      get: {
        operationId: 'getOrganisation',
        summary: 'One organisation profile',
        parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: json('the organisation', 'Organisation'), 404: problem('no such organisation') },
      },
    },
    '/partnerships': {
      get: {
        operationId: 'listPartnerships',
        summary: 'Confirmed partnerships of towns with organisations, the newest start first, 100 a page',
        parameters: [country, area, page],
        responses: { 200: json('a page of partnerships', 'PartnershipPage'), 400: problem('a parameter is unknown or invalid') },
      },
    },
  },
  schemas: {
    Organisation: organisation,
    OrganisationPage: pageSchema(organisation),
    PartnershipPage: pageSchema({
      type: 'object',
      properties: {
        id: { type: 'integer' },
        area: { type: 'string', enum: [...POLICY_AREAS] },
        country: { type: 'string' },
        town: { type: ['string', 'null'] },
        organisations: { type: 'array', items: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' } } } },
        description: { type: 'string' },
        results: { type: 'string' },
        startsOn: { type: 'string', format: 'date' },
        endsOn: { type: ['string', 'null'], format: 'date' },
        url: { type: 'string', format: 'uri' },
      },
    }),
  },
};
