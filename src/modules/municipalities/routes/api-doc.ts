import { EU_COUNTRIES } from '../../../core/countries.ts';
import { problemResponse as problem } from '../../../core/http/api-doc.ts';
import { MAX_ID } from '../../../core/http/input.ts';
import type { ApiDescription } from '../../../core/modules.ts';

const country = {
  name: 'country',
  in: 'query',
  description: 'ISO 3166-1 code of an EU member state (any case)',
  schema: { type: 'string', enum: [...EU_COUNTRIES, ...EU_COUNTRIES.map((c) => c.toLowerCase())] },
};
const region = {
  name: 'region',
  in: 'query',
  description: 'region code within the country, as in `region.code`',
  schema: { type: 'string', maxLength: 20 },
};

/** The municipality endpoints in the OpenAPI document. */
export const municipalityApiDoc: ApiDescription = {
  paths: {
    '/municipalities': {
      get: {
        operationId: 'listMunicipalities',
        summary: 'List or search municipalities',
        description:
          'Without `q`, pages through the filtered list with a cursor. With `q`, finds places by name in any script, ignoring accents and case, tolerating small typos; exact matches first, then prefixes, then near matches, bigger places first.',
        parameters: [
          {
            name: 'q',
            in: 'query',
            description: 'a name or the start of one, in any script',
            schema: { type: 'string', minLength: 1, maxLength: 200 },
          },
          country,
          region,
          {
            name: 'sort',
            in: 'query',
            schema: { type: 'string', enum: ['population', 'name'], default: 'population' },
          },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
          {
            name: 'cursor',
            in: 'query',
            description: 'the `next` value of the previous page',
            schema: { type: 'string', maxLength: 200 },
          },
        ],
        responses: {
          200: {
            description: 'a page of municipalities',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/MunicipalityPage' } } },
          },
          400: problem('a parameter is unknown or invalid'),
        },
      },
    },
    '/municipalities/{id}': {
      get: {
        operationId: 'getMunicipality',
        summary: 'One municipality',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1, maximum: MAX_ID } }],
        responses: {
          200: {
            description: 'the municipality',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Municipality' } } },
          },
          400: problem(`the id is not a whole number from 1 to ${MAX_ID}`),
          404: problem('no municipality has this id'),
        },
      },
    },
    '/municipalities.geojson': {
      get: {
        operationId: 'exportMunicipalitiesGeoJson',
        summary: 'All municipalities (filtered) as a GeoJSON FeatureCollection of points',
        parameters: [country, region],
        responses: {
          200: { description: 'GeoJSON', content: { 'application/geo+json': { schema: { type: 'object' } } } },
          400: problem('a parameter is unknown or invalid'),
        },
      },
    },
    '/municipalities.csv': {
      get: {
        operationId: 'exportMunicipalitiesCsv',
        summary: 'All municipalities (filtered) as CSV with a header row',
        parameters: [country, region],
        responses: {
          200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
          400: problem('a parameter is unknown or invalid'),
        },
      },
    },
  },
  schemas: {
    Municipality: {
      type: 'object',
      required: ['id', 'name', 'country', 'population', 'joined', 'url'],
      properties: {
        id: { type: 'integer' },
        name: { type: 'string' },
        nativeName: { type: ['string', 'null'] },
        country: { type: 'string', description: 'ISO 3166-1 alpha-2' },
        region: {
          type: ['object', 'null'],
          properties: { code: { type: 'string' }, name: { type: ['string', 'null'] } },
        },
        population: { type: 'integer' },
        location: {
          type: ['object', 'null'],
          properties: { latitude: { type: 'number' }, longitude: { type: 'number' } },
        },
        joined: { type: 'boolean', description: 'the administration has claimed the profile' },
        url: { type: 'string', format: 'uri' },
        match: { type: 'string', enum: ['exact', 'prefix', 'fuzzy'], description: 'with `q` only' },
      },
    },
    MunicipalityPage: {
      type: 'object',
      required: ['data', 'next'],
      properties: {
        data: { type: 'array', items: { $ref: '#/components/schemas/Municipality' } },
        next: { type: ['string', 'null'], description: 'cursor of the next page, null on the last' },
      },
    },
  },
};
