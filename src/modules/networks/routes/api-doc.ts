import { EU_COUNTRIES } from '../../../core/countries.ts';
import { jsonResponse as json, pageFields, problemResponse as problem } from '../../../core/http/api-doc.ts';
import type { ApiDescription } from '../../../core/modules.ts';
import { NETWORK_KINDS } from '../schema.ts';

const lang = {
  name: 'lang',
  in: 'query',
  description: 'the language of names and texts (falls back to the original)',
  schema: { type: 'string', default: 'en' },
};
const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const memberFilters = [
  { name: 'country', in: 'query', schema: { type: 'string', enum: [...EU_COUNTRIES, ...EU_COUNTRIES.map((c) => c.toLowerCase())] } },
  { name: 'kind', in: 'query', description: 'a membership id, as in `memberships[].id`', schema: { type: 'integer', minimum: 1 } },
  { name: 'year', in: 'query', description: 'joined in this year', schema: { type: 'integer', minimum: 1900, maximum: 2100 } },
  lang,
];

/** The network endpoints in the OpenAPI document. */
export const networkApiDoc: ApiDescription = {
  paths: {
    '/networks': {
      get: {
        operationId: 'listNetworks',
        summary: 'List networks of towns',
        parameters: [{ name: 'kind', in: 'query', schema: { type: 'string', enum: [...NETWORK_KINDS] } }, lang],
        responses: { 200: json('every network', 'NetworkList'), 400: problem('a parameter is unknown or invalid') },
      },
    },
    '/networks/{id}': {
      get: {
        operationId: 'getNetwork',
        summary: 'A network, with its kinds of membership and who may apply',
        parameters: [id, lang],
        responses: {
          200: json('the network', 'NetworkDetail'),
          400: problem('a parameter is unknown or invalid'),
          404: problem('no network has this id'),
        },
      },
    },
    '/networks/{id}/members': {
      get: {
        operationId: 'listNetworkMembers',
        summary: 'The public members of a network, longest-standing first, 50 a page',
        description: 'Members on hold, refused, withdrawn or ended, and applications, are not public.',
        parameters: [id, ...memberFilters, { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } }],
        responses: {
          200: json('a page of members', 'NetworkMemberPage'),
          400: problem('a parameter is unknown or invalid'),
          404: problem('no network has this id'),
        },
      },
    },
    '/networks/{id}/members.geojson': {
      get: {
        operationId: 'networkMembersGeoJson',
        summary: 'The public member towns of a network as GeoJSON points',
        parameters: [id, ...memberFilters],
        responses: {
          200: { description: 'a FeatureCollection', content: { 'application/geo+json': { schema: { type: 'object' } } } },
          400: problem('a parameter is unknown or invalid'),
          404: problem('no network has this id'),
        },
      },
    },
  },
  schemas: {
    Network: {
      type: 'object',
      required: ['id', 'slug', 'name', 'kind', 'members', 'url'],
      properties: {
        id: { type: 'integer' },
        slug: { type: 'string' },
        name: { type: 'string' },
        acronym: { type: ['string', 'null'] },
        description: { type: 'string' },
        language: { type: 'string', description: 'the language of name and description' },
        kind: { type: 'string', enum: [...NETWORK_KINDS] },
        foundedYear: { type: ['integer', 'null'] },
        website: { type: ['string', 'null'] },
        areas: { type: 'array', items: { type: 'string' } },
        logo: { type: ['string', 'null'], format: 'uri', description: 'a WebP picture, 320 pixels wide at most' },
        members: { type: 'integer', description: 'public members' },
        url: { type: 'string', format: 'uri' },
      },
    },
    NetworkList: {
      type: 'object',
      required: ['data'],
      properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Network' } } },
    },
    NetworkDetail: {
      allOf: [
        { $ref: '#/components/schemas/Network' },
        {
          type: 'object',
          properties: {
            memberships: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'integer' },
                  code: { type: 'string' },
                  label: { type: 'string' },
                  applicants: { type: 'string', enum: ['municipality', 'organisation', 'both'] },
                  countries: { type: 'array', items: { type: 'string' }, description: 'empty: every country' },
                  population: { type: 'object', properties: { min: { type: ['integer', 'null'] }, max: { type: ['integer', 'null'] } } },
                  reportEveryYears: { type: 'integer' },
                },
              },
            },
          },
        },
      ],
    },
    NetworkMemberPage: {
      type: 'object',
      required: ['data', 'total', 'page', 'next'],
      properties: {
        data: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              member: {
                type: 'object',
                properties: {
                  type: { type: 'string', enum: ['municipality', 'organisation'] },
                  id: { type: 'integer' },
                  name: { type: ['string', 'null'] },
                  country: { type: ['string', 'null'] },
                  url: { type: ['string', 'null'], format: 'uri' },
                },
              },
              membership: {
                type: ['object', 'null'],
                properties: { id: { type: 'integer' }, code: { type: 'string' }, label: { type: 'string' } },
              },
              since: { type: ['string', 'null'], format: 'date' },
              status: { type: 'string', enum: ['active'] },
            },
          },
        },
        ...pageFields,
      },
    },
  },
};
