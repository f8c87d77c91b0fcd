import { jsonResponse as json, langParameter, problemResponse as problem } from '../../../core/http/api-doc.ts';
import type { ApiDescription } from '../../../core/modules.ts';

const lang = langParameter('the language of titles, names and links');
const PHASES = ['nominations', 'shortlisting', 'voting', 'jury', 'results'];
const date = { type: 'string', format: 'date-time' };

const editionFields = {
  slug: { type: 'string' },
  year: { type: 'integer' },
  title: { type: 'string' },
  phase: { type: 'string', enum: PHASES },
  nominationsClose: date,
  voteOpens: date,
  voteCloses: date,
  juryCloses: date,
  resultsOn: date,
  juryWeight: { type: 'integer', description: "the jury's share of the final score, in per cent" },
  url: { type: 'string', format: 'uri' },
};

/** The awards endpoints in the OpenAPI document. */
export const awardsApiDoc: ApiDescription = {
  paths: {
    '/awards': {
      get: {
        operationId: 'listAwardEditions',
        summary: 'Award editions (Mayor of the Year…), current and past, newest first',
        parameters: [lang],
        responses: { 200: json('the editions', 'AwardEditionList'), 400: problem('a parameter is unknown or invalid') },
      },
    },
    '/awards/{edition}': {
      get: {
        operationId: 'getAwardEdition',
        summary: 'An edition with its categories, public nominees or shortlist, and published results',
        parameters: [{ name: 'edition', in: 'path', required: true, schema: { type: 'string' }, description: "the edition's slug" }, lang],
        responses: {
          200: json('the edition', 'AwardEdition'),
          400: problem('a parameter is unknown or invalid'),
          404: problem('no such edition'),
        },
      },
    },
  },
  schemas: {
    AwardEditionSummary: { type: 'object', properties: editionFields },
    AwardEditionList: {
      type: 'object',
      properties: { data: { type: 'array', items: { $ref: '#/components/schemas/AwardEditionSummary' } } },
    },
    AwardEdition: {
      type: 'object',
      properties: {
        ...editionFields,
        rules: { type: 'string' },
        categories: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              slug: { type: 'string' },
              name: { type: 'string' },
              kind: { type: 'string', enum: ['mayor', 'practice'] },
              nominees: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'integer' },
                    mayor: { type: ['string', 'null'] },
                    practice: { type: ['string', 'null'] },
                    municipality: { type: 'string' },
                    country: { type: 'string' },
                    shortlisted: { type: 'boolean' },
                  },
                },
              },
              results: {
                type: ['object', 'null'],
                properties: {
                  publishedAt: date,
                  votesCounted: { type: 'integer' },
                  votesVoided: { type: 'integer' },
                  ranking: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        rank: { type: 'integer' },
                        nominee: { type: 'integer' },
                        votes: { type: 'integer' },
                        juryScore: { type: 'number' },
                        finalScore: { type: 'number' },
                        criteria: {
                          type: 'array',
                          description: "the jury's mean score of the nominee on each of the edition's criteria, in their order",
                          items: {
                            type: 'object',
                            properties: {
                              name: { type: 'string' },
                              weight: { type: 'integer' },
                              mean: { type: ['number', 'null'] },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
              url: { type: 'string', format: 'uri' },
            },
          },
        },
      },
    },
  },
};
