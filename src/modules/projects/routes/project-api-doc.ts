import { POLICY_AREAS } from '../../../core/areas.ts';
import {
  jsonResponse as json,
  langParameter,
  pageParameter as page,
  pageSchema,
  problemResponse as problem,
} from '../../../core/http/api-doc.ts';
import type { ApiDescription } from '../../../core/modules.ts';
import { INDICATOR_KINDS, ORGANISATION_TYPES, PARTNER_ROLES, PROJECT_STATES } from '../schema.ts';

const lang = langParameter();
const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 }, description: 'the project’s id' };
const nullableInt = { type: ['integer', 'null'] };

const project = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    slug: { type: 'string' },
    acronym: { type: 'string' },
    title: { type: 'string' },
    summary: { type: 'string' },
    language: { type: 'string', description: 'the language of title and summary: the one asked for, else the original' },
    programme: { type: ['string', 'null'], description: 'the programme’s slug' },
    callId: nullableInt,
    reference: { type: ['string', 'null'] },
    startsOn: { type: 'string', format: 'date' },
    endsOn: { type: 'string', format: 'date' },
    budgetEur: nullableInt,
    euContributionEur: nullableInt,
    areas: { type: 'array', items: { type: 'string', enum: [...POLICY_AREAS] } },
    website: { type: ['string', 'null'], format: 'uri' },
    state: { type: 'string', enum: [...PROJECT_STATES] },
    partners: { type: 'integer', description: 'confirmed partners' },
    countries: { type: 'integer', description: 'their countries' },
    url: { type: 'string', format: 'uri' },
  },
};

/** The projects endpoints in the OpenAPI document. */
export const projectApiDoc: ApiDescription = {
  paths: {
    '/projects': {
      get: {
        operationId: 'listProjects',
        summary: 'Projects towns run with partners: running ones first, then planned, then closed, newest start first; 100 a page',
        parameters: [
          { name: 'programme', in: 'query', schema: { type: 'string' }, description: 'a programme’s slug' },
          { name: 'area', in: 'query', schema: { type: 'string', enum: [...POLICY_AREAS] }, description: 'a policy area' },
          { name: 'country', in: 'query', schema: { type: 'string', pattern: '^[A-Z]{2}$' }, description: 'a confirmed partner’s country' },
          { name: 'state', in: 'query', schema: { type: 'string', enum: [...PROJECT_STATES] } },
          lang,
          page,
        ],
        responses: { 200: json('a page of projects', 'ProjectPage'), 400: problem('a parameter is unknown or invalid') },
      },
    },
    '/projects/{id}': {
      get: {
        operationId: 'getProject',
        summary: 'A project, with its indicators',
        parameters: [id, lang],
        responses: { 200: json('the project', 'Project'), 400: problem('a parameter is invalid'), 404: problem('no such project') },
      },
    },
    '/projects/{id}/partners': {
      get: {
        operationId: 'listProjectPartners',
        summary: 'A project’s confirmed partners, the coordinator first',
        parameters: [id],
        responses: {
          200: json('the partners', 'ProjectPartners'),
          400: problem('a parameter is invalid'),
          404: problem('no such project'),
        },
      },
    },
    '/projects/{id}/partners.geojson': {
      get: {
        operationId: 'mapProjectPartners',
        summary: 'A project’s partners located in towns of the directory, as GeoJSON points',
        parameters: [id],
        responses: {
          200: { description: 'a GeoJSON FeatureCollection', content: { 'application/geo+json': { schema: { type: 'object' } } } },
          400: problem('a parameter is invalid'),
          404: problem('no such project'),
        },
      },
    },
  },
  schemas: {
    ProjectPage: pageSchema(project),
    Project: {
      ...project,
      properties: {
        ...project.properties,
        indicators: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              kind: { type: 'string', enum: [...INDICATOR_KINDS] },
              label: { type: 'string' },
              unit: { type: 'string' },
              target: { type: ['number', 'null'] },
              achieved: { type: ['number', 'null'] },
            },
          },
        },
      },
    },
    ProjectPartners: {
      type: 'object',
      properties: {
        data: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              kind: { type: 'string', enum: ['town', 'organisation'] },
              name: { type: 'string' },
              country: { type: 'string' },
              type: { type: 'string', enum: ['municipality', ...ORGANISATION_TYPES] },
              role: { type: 'string', enum: [...PARTNER_ROLES] },
              joined: { type: ['string', 'null'], format: 'date' },
              left: { type: ['string', 'null'], format: 'date' },
              municipalityId: nullableInt,
              profileUrl: { type: ['string', 'null'], format: 'uri' },
            },
          },
        },
      },
    },
  },
};
