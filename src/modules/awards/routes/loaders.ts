import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loadOr404 } from '../../../core/http/guards.ts';
import { idSchema } from '../../../core/http/input.ts';
import { pathParams } from '../../../core/http/params.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { categoryOf, editionBySlug } from '../service/read.ts';

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/);
export const editionParams = pathParams(z.object({ edition: slug }));
export const categoryParams = pathParams(z.object({ edition: slug, category: slug }));
export const nominationParams = pathParams(z.object({ edition: slug, category: slug, id: idSchema }));

export async function loadEdition(ctx: ModuleContext, req: FastifyRequest) {
  return loadOr404(editionBySlug(ctx, editionParams(req).edition, req.lang));
}

export async function loadCategory(ctx: ModuleContext, req: FastifyRequest) {
  const p = categoryParams(req);
  const edition = await loadOr404(editionBySlug(ctx, p.edition, req.lang));
  const category = await loadOr404(categoryOf(ctx, edition, p.category, req.lang));
  return { edition, category, base: `/${req.lang}/awards/${edition.slug}/${category.slug}` };
}
