import { EU_COUNTRIES } from '../../../core/countries.ts';
import { problemResponse as problem } from '../../../core/http/api-doc.ts';
import { MAX_ID } from '../../../core/http/input.ts';
import { LANGUAGE_CODES } from '../../../core/i18n/languages.ts';
import type { ApiDescription } from '../../../core/modules.ts';
import { CONTENT_TYPES, POLICY_AREAS, TYPE_PATHS } from '../schema.ts';

const lang = {
  name: 'lang',
  in: 'query',
  description: "the reader's language: texts in it where translated, else the original",
  schema: { type: 'string', enum: LANGUAGE_CODES, default: 'en' },
};
const filters = [
  {
    name: 'q',
    in: 'query',
    description: 'full-text search in every language; results best first with facet counts',
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  },
  {
    name: 'country',
    in: 'query',
    description: 'ISO 3166-1 code of an EU member state (any case)',
    schema: { type: 'string', enum: [...EU_COUNTRIES, ...EU_COUNTRIES.map((c) => c.toLowerCase())] },
  },
  {
    name: 'municipality',
    in: 'query',
    description: 'id of the owning municipality',
    schema: { type: 'integer', minimum: 1, maximum: MAX_ID },
  },
  {
    name: 'network',
    in: 'query',
    description: 'id of the owning network of towns',
    schema: { type: 'integer', minimum: 1, maximum: MAX_ID },
  },
  {
    name: 'project',
    in: 'query',
    description: 'id of the owning EU project',
    schema: { type: 'integer', minimum: 1, maximum: MAX_ID },
  },
  {
    name: 'organisation',
    in: 'query',
    description: 'id of the owning organisation',
    schema: { type: 'integer', minimum: 1, maximum: MAX_ID },
  },
  { name: 'area', in: 'query', description: 'a policy area', schema: { type: 'string', enum: POLICY_AREAS } },
  {
    name: 'language',
    in: 'query',
    description: 'only items written or translated in this language',
    schema: { type: 'string', enum: LANGUAGE_CODES },
  },
  { name: 'tag', in: 'query', schema: { type: 'string', maxLength: 40 } },
  lang,
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 1 } },
  {
    name: 'limit',
    in: 'query',
    description: 'page size (a search has pages of 20)',
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
];
const page = {
  200: {
    description: 'a page of published items, newest first (upcoming events soonest first)',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ContentPage' } } },
  },
  400: problem('a parameter is unknown or invalid'),
};
const LABEL = {
  news: 'news articles',
  event: 'events',
  initiative: 'initiatives',
  practice: 'good practices',
} as const;

/** The newsroom's read endpoints in the OpenAPI document. */
export const contentApiDoc: ApiDescription = {
  paths: {
    '/content': {
      get: {
        operationId: 'listContent',
        summary: 'News, events, initiatives and good practices, filtered or searched',
        parameters: [{ name: 'type', in: 'query', schema: { type: 'string', enum: CONTENT_TYPES } }, ...filters],
        responses: page,
      },
    },
    ...Object.fromEntries(
      CONTENT_TYPES.map((type) => [
        `/${TYPE_PATHS[type]}`,
        {
          get: {
            operationId: `list_${type}`,
            summary: `Published ${LABEL[type]}`,
            parameters: [
              ...filters,
              ...(type === 'event'
                ? [
                    {
                      name: 'upcoming',
                      in: 'query',
                      description: 'false to include past events',
                      schema: { type: 'string', enum: ['true', 'false'], default: 'true' },
                    },
                  ]
                : []),
            ],
            responses: page,
          },
        },
      ]),
    ),
    '/content/{id}': {
      get: {
        operationId: 'getContent',
        summary: 'One published item',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1, maximum: MAX_ID } }, lang],
        responses: {
          200: {
            description: 'the item',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ContentItem' } } },
          },
          400: problem('the id or language is invalid'),
          404: problem('no published item has this id'),
        },
      },
    },
  },
  schemas: {
    ContentItem: {
      type: 'object',
      required: [
        'id',
        'type',
        'url',
        'owner',
        'language',
        'originalLanguage',
        'languages',
        'title',
        'summary',
        'bodyHtml',
        'areas',
        'tags',
        'publishedAt',
      ],
      properties: {
        id: { type: 'integer' },
        type: { type: 'string', enum: CONTENT_TYPES },
        url: { type: 'string', format: 'uri' },
        owner: {
          type: 'object',
          properties: {
            type: { type: 'string', enum: ['platform', 'municipality', 'network', 'project', 'organisation'] },
            id: { type: 'integer' },
            name: { type: 'string' },
            country: { type: ['string', 'null'], description: 'a town’s country; null for a network or a project' },
          },
        },
        language: { type: 'string', description: 'language of the texts given' },
        originalLanguage: { type: 'string' },
        languages: { type: 'array', items: { type: 'string' } },
        title: { type: 'string' },
        summary: { type: 'string' },
        bodyHtml: { type: 'string', description: 'sanitised HTML: structure and links only' },
        areas: { type: 'array', items: { type: 'string', enum: POLICY_AREAS } },
        tags: { type: 'array', items: { type: 'string' } },
        publishedAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
        image: { type: ['object', 'null'], properties: { url: { type: 'string' }, alt: { type: ['string', 'null'] } } },
        event: {
          type: 'object',
          description: 'events only',
          properties: {
            startsAt: { type: 'string', format: 'date-time' },
            endsAt: { type: ['string', 'null'] },
            timeZone: { type: 'string' },
            allDay: { type: 'boolean' },
            venue: { type: ['object', 'null'] },
            onlineUrl: { type: ['string', 'null'] },
            organiser: { type: ['string', 'null'] },
            registration: { type: ['object', 'null'] },
            ics: { type: 'string', format: 'uri' },
          },
        },
        initiative: {
          type: 'object',
          description: 'initiatives only',
          properties: { goal: { type: ['string', 'null'] }, deadline: { type: ['string', 'null'], format: 'date' } },
        },
        practice: { type: 'object', description: 'good practices only' },
      },
    },
    ContentPage: {
      type: 'object',
      required: ['items', 'total', 'page', 'next'],
      properties: {
        items: { type: 'array', items: { $ref: '#/components/schemas/ContentItem' } },
        total: { type: 'integer' },
        totalIsLowerBound: { type: 'boolean', description: 'true when there are more than the counted total' },
        page: { type: 'integer' },
        next: { type: ['integer', 'null'], description: 'the next page number, null on the last' },
        facets: { type: 'object', description: 'with `q` only: counts per type, area, country and language' },
      },
    },
  },
};
