import type { ApiDescription } from '../../../core/modules.ts';
import { TWINNING_KINDS } from '../schema.ts';

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
    '/twinnings': {
      get: {
        operationId: 'listTwinnings',
        summary: 'Twinnings both towns confirmed, newest first, 100 a page',
        parameters: [
          { name: 'municipality', in: 'query', description: 'only this town’s twinnings', schema: { type: 'integer', minimum: 1 } },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        ],
        responses: {
          200: {
            description: 'a page of twinnings',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/TwinningPage' } } },
          },
          400: {
            description: 'a parameter is unknown or invalid',
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
        },
      },
    },
  },
  schemas: {
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
            },
          },
        },
        total: { type: 'integer' },
        page: { type: 'integer' },
        next: { type: ['integer', 'null'] },
      },
    },
  },
};
