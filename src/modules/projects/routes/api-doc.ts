import { POLICY_AREAS } from '../../../core/areas.ts';
import {
  jsonResponse as json,
  langParameter,
  pageParameter as page,
  pageSchema,
  problemResponse as problem,
} from '../../../core/http/api-doc.ts';
import type { ApiDescription } from '../../../core/modules.ts';
import { APPLICANTS, CALL_STATES } from '../schema.ts';
import { projectApiDoc } from './project-api-doc.ts';

const lang = langParameter('the language of names, titles and links');
const areas = { type: 'array', items: { type: 'string', enum: [...POLICY_AREAS] } };

/** The programmes and calls endpoints in the OpenAPI document. */
export const projectsApiDoc: ApiDescription = {
  paths: {
    '/programmes': {
      get: {
        operationId: 'listProgrammes',
        summary: 'EU funding programmes for local authorities, with their strands; active ones first, 100 a page',
        parameters: [lang, page],
        responses: { 200: json('a page of programmes', 'ProgrammePage'), 400: problem('a parameter is unknown or invalid') },
      },
    },
    '/calls': {
      get: {
        operationId: 'listFundingCalls',
        summary: 'Calls of the programmes: open ones by nearest deadline, then forthcoming, then closed; 100 a page',
        parameters: [
          { name: 'area', in: 'query', schema: { type: 'string', enum: [...POLICY_AREAS] }, description: 'a policy area' },
          { name: 'applicant', in: 'query', schema: { type: 'string', enum: [...APPLICANTS] }, description: 'who may apply' },
          { name: 'open', in: 'query', schema: { type: 'string', enum: ['true', 'false'] }, description: 'true: only calls open now' },
          {
            name: 'deadline_before',
            in: 'query',
            schema: { type: 'string', format: 'date' },
            description: 'only calls whose deadline is before this day begins (UTC)',
          },
          lang,
          page,
        ],
        responses: { 200: json('a page of calls', 'FundingCallPage'), 400: problem('a parameter is unknown or invalid') },
      },
    },
    ...projectApiDoc.paths,
  },
  schemas: {
    ...projectApiDoc.schemas,
    ProgrammePage: pageSchema({
      type: 'object',
      properties: {
        slug: { type: 'string' },
        acronym: { type: 'string' },
        name: { type: 'string' },
        summary: { type: 'string' },
        language: { type: 'string', description: 'the language of name and summary: the one asked for, else the original' },
        managingBody: { type: ['string', 'null'] },
        website: { type: ['string', 'null'], format: 'uri' },
        areas,
        active: { type: 'boolean' },
        strands: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, name: { type: 'string' } } } },
        url: { type: 'string', format: 'uri' },
      },
    }),
    FundingCallPage: pageSchema({
      type: 'object',
      properties: {
        id: { type: 'integer' },
        reference: { type: 'string' },
        title: { type: 'string' },
        summary: { type: 'string' },
        language: { type: 'string' },
        programme: { type: 'string', description: 'the programme’s slug' },
        strand: { type: ['string', 'null'] },
        state: { type: 'string', enum: [...CALL_STATES] },
        areas,
        applicants: { type: 'array', items: { type: 'string', enum: [...APPLICANTS] } },
        countries: {
          type: 'array',
          items: { type: 'string' },
          description: 'ISO codes; empty: EU member states and associated countries',
        },
        minPartners: { type: 'integer' },
        minCountries: { type: 'integer' },
        durationMonths: {
          type: 'object',
          properties: { min: { type: ['integer', 'null'] }, max: { type: ['integer', 'null'] } },
        },
        budgetEur: { type: ['integer', 'null'] },
        lumpSumEur: { type: ['integer', 'null'] },
        opensAt: { type: 'string', format: 'date-time' },
        deadlineAt: { type: 'string', format: 'date-time' },
        timeZone: { type: 'string', description: 'the IANA zone the programme states its dates in' },
        officialUrl: { type: 'string', format: 'uri' },
        url: { type: 'string', format: 'uri' },
      },
    }),
  },
};
