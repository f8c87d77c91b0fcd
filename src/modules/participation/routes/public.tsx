import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { loadOr404 } from '../../../core/http/guards.ts';
import { pathParams } from '../../../core/http/params.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { participationPolicy } from '../policy.ts';
import { ownersOf } from '../service/owners.ts';
import { openProcesses, processBySlug, processPath, refOf } from '../service/processes.ts';
import { ProcessesPage, ProcessHead, ProcessPage } from '../views/processes.tsx';
import { debatesPart } from './debates.tsx';
import { followPart } from './following.tsx';
import { monitoringPart } from './monitoring-part.tsx';
import { proposalPageOptions, proposalPart } from './proposals.tsx';
import { visionPart } from './vision.tsx';

export const processParams = pathParams(z.object({ process: z.string().max(80) }));

export function processRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  app.get('/:lang/participation', async (req, reply) => {
    const processes = await openProcesses(ctx, req.lang);
    const owners = await ownersOf(ctx, processes);
    return reply.page(<ProcessesPage processes={processes} owners={owners} />, {
      title: req.t('participation.title'),
      description: req.t('participation.lead'),
    });
  });

  app.get('/:lang/participation/:process', async (req, reply) => {
    const p = await loadOr404(processBySlug(ctx, processParams(req).process, req.lang));
    participationPolicy.authorize(req.actor, 'process.view', refOf(p), { hide: true });
    // What the features show on the page, in order; each gives nothing when it has nothing to show.
    const parts = [
      await followPart(ctx, req, reply, { type: 'process', id: p.id }, processPath(p)),
      await proposalPart(ctx, req, reply, p),
      await visionPart(ctx, req, reply, p),
      await debatesPart(ctx, req, p),
      await monitoringPart(ctx, p, req.actor),
    ].filter((x) => x !== null && x !== undefined);
    const view = {
      process: p,
      head: await reply.kept(`participation.process|${p.id}`, async () => {
        const owner = (await ownersOf(ctx, [p])).get(`${p.owner_type}:${p.owner_id}`);
        return <ProcessHead process={p} owner={owner} />;
      }),
      canManage: participationPolicy.can(req.actor, 'process.manage', p),
      parts,
    };
    return reply.page(<ProcessPage view={view} />, {
      ...proposalPageOptions(req, p),
      title: p.title,
      description: p.summary || req.t('participation.lead'),
      indexable: p.published === 1,
    });
  });
}
