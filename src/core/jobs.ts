import type { FastifyInstance } from 'fastify';
import type { Job, ModuleContext } from './modules.ts';

/** Runs each job at its interval until the app closes; a failing run is logged and tried next time. */
export function startJobs(app: FastifyInstance, jobs: Job[], ctx: ModuleContext): void {
  const timers = jobs.map((job) => {
    const timer = setInterval(() => {
      const writes = ctx.database.changes.writes;
      job
        .run(ctx)
        .catch((err: unknown) => app.log.error({ err, job: job.name }, 'job failed'))
        // What a job changed is told to the other processes once it is committed.
        .finally(() => void ctx.database.changes.settle(writes));
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  app.addHook('onClose', async () => {
    for (const t of timers) clearInterval(t);
  });
}
