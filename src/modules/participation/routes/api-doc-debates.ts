import { jsonResponse as json, pageFields, problemResponse as problem } from '../../../core/http/api-doc.ts';
import type { ApiDescription } from '../../../core/modules.ts';

/** The debate endpoints in the OpenAPI document. */
export const debateApiDoc: ApiDescription = {
  paths: {
    '/debates': {
      get: {
        operationId: 'listDebates',
        summary: 'Debates in published participation processes, newest first, 50 a page',
        description: 'A closed debate takes no more comments: staff closed it with conclusions, or its closing date has passed.',
        parameters: [
          { name: 'process', in: 'query', description: 'the slug of a process', schema: { type: 'string', maxLength: 80 } },
          { name: 'state', in: 'query', schema: { type: 'string', enum: ['open', 'closed'] } },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        ],
        responses: {
          200: json('a page of debates', 'DebatePage'),
          400: problem('a parameter is unknown or invalid'),
          404: problem('no published process has this slug'),
        },
      },
    },
    '/debates/{id}': {
      get: {
        operationId: 'getDebate',
        summary: 'A debate',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
        responses: {
          200: json('the debate', 'Debate'),
          400: problem('a parameter is invalid'),
          404: problem('no public debate has this id'),
        },
      },
    },
  },
  schemas: {
    Debate: {
      type: 'object',
      required: ['id', 'process', 'title', 'body', 'language', 'official', 'state', 'comments', 'createdAt', 'url'],
      properties: {
        id: { type: 'integer' },
        process: { type: 'string', description: 'the slug of its process' },
        title: { type: 'string' },
        body: { type: 'string', description: 'Markdown' },
        language: { type: 'string' },
        area: { type: ['string', 'null'], description: 'a policy area of the process' },
        official: { type: 'boolean', description: 'opened by staff of the process’s owner' },
        organisation: {
          type: ['object', 'null'],
          description: 'the organisation it was opened as, with its profile; null for a debate opened in a person’s own name',
          required: ['name', 'url'],
          properties: { name: { type: 'string' }, url: { type: 'string', format: 'uri' } },
        },
        state: { type: 'string', enum: ['open', 'closed', 'expired'], description: 'expired: past its closing date' },
        closesAt: { type: ['string', 'null'], format: 'date-time' },
        closedAt: { type: ['string', 'null'], format: 'date-time' },
        conclusions: { type: ['string', 'null'], description: 'Markdown, once staff closed it' },
        comments: { type: 'integer' },
        createdAt: { type: 'string', format: 'date-time' },
        url: { type: 'string', format: 'uri' },
      },
    },
    DebatePage: {
      type: 'object',
      required: ['data', 'total', 'page', 'next'],
      properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Debate' } }, ...pageFields },
    },
  },
};
