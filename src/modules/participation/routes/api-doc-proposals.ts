import { jsonResponse as json, problemResponse as problem } from '../../../core/http/api-doc.ts';
import type { ApiDescription } from '../../../core/modules.ts';
import { ANSWER_STATES } from '../schema.ts';

const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, 'null'], ...extra });

/** The proposal endpoints in the OpenAPI document. */
export const proposalApiDoc: ApiDescription = {
  paths: {
    '/proposals': {
      get: {
        operationId: 'listProposals',
        summary: 'Public proposals of published processes, newest first, 50 a page',
        description: 'Hidden and withdrawn proposals are not public. Follow `next` as `cursor` for the next page.',
        parameters: [
          { name: 'process', in: 'query', description: 'a process, by its slug', schema: { type: 'string', maxLength: 80 } },
          { name: 'area', in: 'query', description: 'a policy area, e.g. environment', schema: { type: 'string', maxLength: 20 } },
          {
            name: 'state',
            in: 'query',
            description: 'the state of the published answer',
            schema: { type: 'string', enum: [...ANSWER_STATES] },
          },
          { name: 'cursor', in: 'query', description: 'the `next` of the previous page', schema: { type: 'integer', minimum: 1 } },
        ],
        responses: {
          200: json('a page of proposals', 'ProposalPage'),
          400: problem('a parameter is unknown or invalid'),
          404: problem('no published process has this slug'),
        },
      },
    },
    '/proposals/{id}': {
      get: {
        operationId: 'getProposal',
        summary: 'A public proposal, with its published answer',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
        responses: {
          200: json('the proposal', 'ProposalDetail'),
          400: problem('a parameter is unknown or invalid'),
          404: problem('no public proposal has this id'),
        },
      },
    },
  },
  schemas: {
    Proposal: {
      type: 'object',
      required: ['id', 'process', 'title', 'body', 'area', 'author', 'supports', 'comments', 'publishedAt', 'url'],
      properties: {
        id: { type: 'integer' },
        process: { type: 'string', description: 'the slug of its process' },
        language: { type: 'string' },
        title: { type: 'string' },
        body: { type: 'string', description: 'sanitised HTML' },
        area: { type: 'string' },
        author: {
          type: 'object',
          description:
            'a person by name, or the organisation it was published as (with its profile when known); all null for a deleted account',
          properties: { name: nullable('string'), organisation: nullable('string'), organisationUrl: nullable('string') },
        },
        location: {
          type: ['object', 'null'],
          properties: { latitude: { type: 'number' }, longitude: { type: 'number' }, address: nullable('string') },
        },
        supports: { type: 'integer' },
        comments: { type: 'integer' },
        answerState: nullable('string', { enum: [...ANSWER_STATES, null] }),
        publishedAt: { type: 'string', format: 'date-time' },
        editedAt: nullable('string', { format: 'date-time' }),
        url: { type: 'string', format: 'uri' },
      },
    },
    ProposalPage: {
      type: 'object',
      required: ['data', 'next'],
      properties: {
        data: { type: 'array', items: { $ref: '#/components/schemas/Proposal' } },
        next: { type: ['string', 'null'], description: 'the cursor of the next page; null on the last' },
      },
    },
    ProposalDetail: {
      allOf: [
        { $ref: '#/components/schemas/Proposal' },
        {
          type: 'object',
          properties: {
            answer: {
              type: ['object', 'null'],
              properties: {
                state: { type: 'string', enum: [...ANSWER_STATES] },
                text: { type: 'string', description: 'sanitised HTML' },
                costCents: nullable('integer'),
              },
            },
          },
        },
      ],
    },
  },
};
