import { jsonResponse as json, pageFields, problemResponse as problem } from '../../../core/http/api-doc.ts';
import type { ApiDescription } from '../../../core/modules.ts';
import { RESULT_STATUSES } from '../schema.ts';

const nullableString = { type: ['string', 'null'] };
const lang = {
  name: 'lang',
  in: 'query',
  description: 'the language of the pages `url` leads to',
  schema: { type: 'string', default: 'en' },
};

/** The monitoring endpoints in the OpenAPI document. */
export const resultApiDoc: ApiDescription = {
  paths: {
    '/results': {
      get: {
        operationId: 'listResults',
        summary: 'What towns do with their processes: the results of public processes, newest first, 50 a page',
        parameters: [
          { name: 'process', in: 'query', description: 'a process’s slug, as in its address', schema: { type: 'string' } },
          { name: 'status', in: 'query', schema: { type: 'string', enum: [...RESULT_STATUSES] } },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
          lang,
        ],
        responses: {
          200: json('a page of results', 'ResultPage'),
          400: problem('a parameter is unknown or invalid'),
          404: problem('no public process has this slug'),
        },
      },
    },
    '/results/{id}': {
      get: {
        operationId: 'getResult',
        summary: 'A result, with the proposals it came from and its timeline, newest first',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }, lang],
        responses: {
          200: json('the result', 'ResultDetail'),
          400: problem('a parameter is unknown or invalid'),
          404: problem('no public result has this id'),
        },
      },
    },
  },
  schemas: {
    Result: {
      type: 'object',
      required: ['id', 'process', 'title', 'status', 'progress', 'proposals', 'url'],
      properties: {
        id: { type: 'integer' },
        process: { type: 'object', properties: { slug: { type: 'string' }, url: { type: 'string', format: 'uri' } } },
        externalId: { ...nullableString, description: 'the town’s own id, as in its CSV files' },
        title: { type: 'string' },
        description: { type: 'string' },
        language: { type: 'string', description: 'the language of title and description' },
        area: { ...nullableString, description: 'a policy area' },
        status: { type: 'string', enum: [...RESULT_STATUSES] },
        progress: { type: 'integer', minimum: 0, maximum: 100, description: 'per cent done' },
        startsOn: { ...nullableString, format: 'date' },
        endsOn: { ...nullableString, format: 'date' },
        proposals: {
          type: 'array',
          items: {
            type: 'object',
            properties: { id: { type: 'integer' }, title: { type: 'string' }, url: { type: 'string', format: 'uri' } },
          },
        },
        updatedAt: { type: 'string', format: 'date-time' },
        url: { type: 'string', format: 'uri' },
      },
    },
    ResultPage: {
      type: 'object',
      required: ['data', 'total', 'page', 'next'],
      properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Result' } }, ...pageFields },
    },
    ResultDetail: {
      allOf: [
        { $ref: '#/components/schemas/Result' },
        {
          type: 'object',
          properties: {
            timeline: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  date: { type: 'string', format: 'date' },
                  text: { type: 'string' },
                  progress: { type: ['integer', 'null'] },
                },
              },
            },
          },
        },
      ],
    },
  },
};
