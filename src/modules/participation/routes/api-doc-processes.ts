import { jsonResponse as json, pageFields, problemResponse as problem } from '../../../core/http/api-doc.ts';
import type { ApiDescription } from '../../../core/modules.ts';

const lang = {
  name: 'lang',
  in: 'query',
  description: 'the language of the texts, else the original',
  schema: { type: 'string', default: 'en' },
};

/** The process endpoints in the OpenAPI document. */
export const processApiDoc: ApiDescription = {
  paths: {
    '/processes': {
      get: {
        operationId: 'listProcesses',
        summary: 'Published participatory processes and shared visions, the latest first, 50 a page',
        parameters: [
          { name: 'municipality', in: 'query', description: 'the id of the town that runs them', schema: { type: 'integer', minimum: 1 } },
          { name: 'network', in: 'query', description: 'the id of the network that runs them', schema: { type: 'integer', minimum: 1 } },
          { name: 'state', in: 'query', description: 'open today (default) or all', schema: { type: 'string', enum: ['open', 'all'] } },
          lang,
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        ],
        responses: { 200: json('a page of processes', 'ProcessPage'), 400: problem('a parameter is unknown or invalid') },
      },
    },
    '/processes/{id}': {
      get: {
        operationId: 'getProcess',
        summary: 'A published process with its phases',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }, lang],
        responses: {
          200: json('the process', 'Process'),
          400: problem('a parameter is invalid'),
          404: problem('no published process has this id'),
        },
      },
    },
  },
  schemas: {
    Process: {
      type: 'object',
      required: ['id', 'slug', 'kind', 'owner', 'title', 'language', 'areas', 'phases', 'url'],
      properties: {
        id: { type: 'integer' },
        slug: { type: 'string' },
        kind: { type: 'string', enum: ['participatory', 'vision'] },
        owner: {
          type: 'object',
          properties: {
            type: { type: 'string', enum: ['municipality', 'network'] },
            id: { type: 'integer' },
            name: { type: ['string', 'null'] },
          },
        },
        title: { type: 'string' },
        summary: { type: 'string' },
        description: { type: 'string', description: 'Markdown' },
        language: { type: 'string', description: 'the language the texts are in' },
        areas: { type: 'array', items: { type: 'string' } },
        startsOn: { type: 'string', format: 'date' },
        endsOn: { type: ['string', 'null'], format: 'date' },
        phases: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              kind: { type: 'string', enum: ['ideas', 'discussion', 'evaluation', 'monitoring'] },
              startsOn: { type: 'string', format: 'date' },
              endsOn: { type: 'string', format: 'date' },
              actions: { type: 'array', items: { type: 'string', enum: ['propose', 'support', 'comment', 'debate'] } },
            },
          },
        },
        currentPhase: { type: ['string', 'null'], description: 'the phase running today' },
        supportThreshold: { type: ['integer', 'null'], description: 'supports a proposal needs to be answered' },
        supportLimit: { type: ['integer', 'null'], description: 'proposals one person may support' },
        supporters: { type: 'string', enum: ['confirmed', 'census'] },
        stances: { type: 'boolean', description: 'comments take a stance' },
        url: { type: 'string', format: 'uri' },
      },
    },
    ProcessPage: {
      type: 'object',
      required: ['data', 'total', 'page', 'next'],
      properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Process' } }, ...pageFields },
    },
  },
};
