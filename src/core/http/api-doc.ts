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
