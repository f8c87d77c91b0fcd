import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loadOr404 } from '../../../core/http/guards.ts';
import { countryParam, pathParams } from '../../../core/http/params.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { municipalityBySlug } from '../../municipalities/index.ts';

const townParams = pathParams(z.object({ country: countryParam, slug: z.string().regex(/^[a-z0-9-]{1,200}$/) }));

/** The town an address names, or the 404. */
export async function townOf(ctx: ModuleContext, req: FastifyRequest) {
  const { country, slug } = townParams(req);
  return loadOr404(municipalityBySlug(ctx.database.db, country, slug));
}

export const townRef = (m: { id: number; joined_at: string | null }) => ({ municipality_id: m.id, joined: m.joined_at !== null });
