import { POLICY_AREAS } from '../../../core/areas.ts';
import {
  jsonResponse as json,
  langParameter,
  pageParameter as page,
  pageSchema,
  problemResponse as problem,
} from '../../../core/http/api-doc.ts';
import { LANGUAGE_CODES } from '../../../core/i18n/languages.ts';
import type { ApiDescription } from '../../../core/modules.ts';
import { DELIVERABLE_KINDS, LICENCES } from '../schema.ts';

const text = { type: 'object', properties: { language: { type: 'string' }, title: { type: 'string' }, summary: { type: 'string' } } };

/** The deliverables' endpoint in the OpenAPI document. */
export const deliverablesApiDoc: ApiDescription = {
  paths: {
    '/deliverables': {
      get: {
        operationId: 'listDeliverables',
        summary: 'The deliverables of every project: newest publication first (by relevance when searching), 100 a page',
        parameters: [
          {
            name: 'q',
            in: 'query',
            schema: { type: 'string', maxLength: 200 },
            description: 'words of the title or summary, in any language',
          },
          { name: 'area', in: 'query', schema: { type: 'string', enum: [...POLICY_AREAS] }, description: 'a policy area' },
          { name: 'programme', in: 'query', schema: { type: 'string' }, description: 'a programme’s slug' },
          {
            name: 'language',
            in: 'query',
            schema: { type: 'string', enum: [...LANGUAGE_CODES] },
            description: 'only those with a file in it',
          },
          { name: 'project', in: 'query', schema: { type: 'string' }, description: 'a project’s slug' },
          langParameter(),
          page,
        ],
        responses: { 200: json('a page of deliverables', 'DeliverablePage'), 400: problem('a parameter is unknown or invalid') },
      },
    },
  },
  schemas: {
    DeliverablePage: pageSchema({
      type: 'object',
      properties: {
        id: { type: 'integer' },
        title: { type: 'string' },
        summary: { type: 'string' },
        language: { type: 'string', description: 'the language of title and summary: the one asked for, else the original' },
        texts: { type: 'array', items: text },
        kind: { type: 'string', enum: [...DELIVERABLE_KINDS] },
        workPackage: { type: ['string', 'null'] },
        licence: { type: 'string', enum: Object.keys(LICENCES) },
        publishedOn: { type: 'string', format: 'date' },
        areas: { type: 'array', items: { type: 'string', enum: [...POLICY_AREAS] } },
        project: {
          type: 'object',
          properties: { slug: { type: 'string' }, acronym: { type: 'string' }, url: { type: 'string', format: 'uri' } },
        },
        files: {
          type: 'array',
          description: 'every version of every language, newest version first within a language',
          items: {
            type: 'object',
            properties: {
              language: { type: 'string' },
              version: { type: 'integer' },
              name: { type: 'string' },
              type: { type: 'string' },
              size: { type: 'integer' },
              sha256: { type: 'string' },
              downloads: { type: 'integer' },
              uploadedAt: { type: 'string', format: 'date-time' },
              url: { type: 'string', format: 'uri', description: 'the download' },
            },
          },
        },
        url: { type: 'string', format: 'uri' },
      },
    }),
  },
};
