// Pieces every module's part of the OpenAPI document repeats.

/** An error answer: an RFC 9457 problem. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** A JSON answer of one of the document's schemas. */
export const jsonResponse = (description: string, schema: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
});

/** The fields of a numbered page of results: `total`, `page` and the `next` page (null on the last). */
export const pageFields = {
  total: { type: 'integer' },
  page: { type: 'integer' },
  next: { type: ['integer', 'null'] },
} as const;

/** A numbered page of results: `data`, a list of these items, and the page's fields. */
export const pageSchema = (items: object) => ({
  type: 'object',
  required: ['data', 'total', 'page', 'next'],
  properties: { data: { type: 'array', items }, ...pageFields },
});

/** The `page` query parameter of a numbered list. */
export const pageParameter = { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } } as const;

/** The `lang` query parameter: the language of the answer's texts and links, English when absent. */
export const langParameter = (description = 'the language of titles and links') =>
  ({ name: 'lang', in: 'query', schema: { type: 'string', default: 'en' }, description }) as const;
