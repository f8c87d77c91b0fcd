import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loadOr404 } from '../../../core/http/guards.ts';
import { countryParam, pathParams } from '../../../core/http/params.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { placeBySlug } from '../service/directory.ts';

const placeParams = pathParams(z.object({ country: countryParam, slug: z.string().max(200) }));

/** The municipality an address names (/municipalities/:country/:slug), or the localised 404. */
export function placeOf(ctx: ModuleContext, req: FastifyRequest) {
  const { country, slug } = placeParams(req);
  return loadOr404(placeBySlug(ctx.database.db, country, slug));
}
