import { jsonResponse as json, pageFields, problemResponse as problem } from '../../../core/http/api-doc.ts';
import type { ApiDescription } from '../../../core/modules.ts';
import { PARTNER_SIZES, TWINNING_KINDS } from '../schema.ts';

const town = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: ['string', 'null'] },
    country: { type: ['string', 'null'] },
    url: { type: ['string', 'null'], format: 'uri' },
  },
};

/** The twinning endpoint in the OpenAPI document. */
export const twinningApiDoc: ApiDescription = {
  paths: {
    '/partner-calls': {
      get: {
        operationId: 'listPartnerCalls',
        summary: 'Open calls of towns looking for partners, the nearest deadline first',
        parameters: [
          { name: 'area', in: 'query', schema: { type: 'string' }, description: 'a policy area' },
          { name: 'country', in: 'query', schema: { type: 'string' }, description: 'calls that want partners from this country (or any)' },
          { name: 'q', in: 'query', schema: { type: 'string', maxLength: 100 }, description: 'words in the title or description' },
        ],
        responses: {
          200: json('open calls', 'PartnerCallList'),
          400: problem('a parameter is unknown or invalid'),
        },
      },
    },
    '/twinnings': {
      get: {
        operationId: 'listTwinnings',
        summary: 'Twinnings both towns confirmed (or that platform editors recorded from a source), newest first, 100 a page',
        parameters: [
          { name: 'municipality', in: 'query', description: 'only this town’s twinnings', schema: { type: 'integer', minimum: 1 } },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        ],
        responses: {
          200: json('a page of twinnings', 'TwinningPage'),
          400: problem('a parameter is unknown or invalid'),
        },
      },
    },
  },
  schemas: {
    PartnerCallList: {
      type: 'object',
      required: ['data'],
      properties: {
        data: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              title: { type: 'string' },
              description: { type: 'string' },
              language: { type: 'string' },
              town,
              areas: { type: 'array', items: { type: 'string' } },
              countries: { type: 'array', items: { type: 'string' }, description: 'empty: any country' },
              size: { type: 'string', enum: [...PARTNER_SIZES] },
              programme: { type: ['string', 'null'] },
              funding_call: {
                type: ['object', 'null'],
                description: 'The EU call of the programmes catalogue it is for',
                properties: { id: { type: 'integer' }, url: { type: 'string', format: 'uri' } },
              },
              deadline: { type: 'string', format: 'date' },
              url: { type: 'string', format: 'uri' },
            },
          },
        },
      },
    },
    TwinningPage: {
      type: 'object',
      required: ['data', 'total', 'page', 'next'],
      properties: {
        data: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              towns: { type: 'array', items: town, minItems: 2, maxItems: 2 },
              kind: { type: 'string', enum: [...TWINNING_KINDS] },
              sinceYear: { type: ['integer', 'null'] },
              source: {
                type: ['string', 'null'],
                maxLength: 500,
                description:
                  'where a twinning older than the portal is documented (a web address or a citation), for one a platform editor recorded; null for one both towns confirmed on the portal',
              },
            },
          },
        },
        ...pageFields,
      },
    },
  },
};
