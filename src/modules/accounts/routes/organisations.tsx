import type { FastifyInstance, FastifyRequest } from 'fastify';
import { typedValues } from '../../../core/http/forms.ts';
import { loadOr404, NO_STORE, requireActor } from '../../../core/http/guards.ts';
import { idParams } from '../../../core/http/params.ts';
import { FORM_RATE_LIMIT } from '../../../core/http/security.ts';
import type { ModuleContext } from '../../../core/modules.ts';
import { accountsPolicy } from '../policy.ts';
import { createOrganisation, editOrganisation, getOrganisation } from '../service/organisations.ts';
import { OrganisationFormPage, OrganisationPage } from '../views/organisations.tsx';

const FIELDS = ['name', 'kind', 'website', 'description'] as const;

export function organisationRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  app.get('/:lang/organisations/new', (req, reply) => {
    const actor = requireActor(req);
    accountsPolicy.authorize(actor, 'organisation.create', null);
    return reply.headers(NO_STORE).page(<OrganisationFormPage values={{ kind: 'ngo' }} errors={{}} csrfToken={reply.generateCsrf()} />, {
      title: req.t('accounts.org.create'),
      indexable: false,
    });
  });

  app.post('/:lang/organisations/new', { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } }, async (req, reply) => {
    const actor = requireActor(req);
    accountsPolicy.authorize(actor, 'organisation.create', null);
    const result = await createOrganisation(ctx, actor, req.body);
    if (result.ok) return reply.redirect(`/${req.lang}/organisations/${result.data.id}`, 303);
    return reply.refused(
      result,
      <OrganisationFormPage values={typedValues(req.body, FIELDS)} errors={result.errors} csrfToken={reply.generateCsrf()} />,
      req.t('accounts.org.create'),
    );
  });

  app.get('/:lang/organisations/:id', async (req, reply) => {
    const org = await loadOr404(getOrganisation(ctx, idParams(req).id));
    return reply.page(<OrganisationPage org={org} canEdit={accountsPolicy.can(req.actor, 'organisation.edit', org)} />, {
      title: org.name,
      indexable: false,
    });
  });

  /** The organisation of the address, for a person allowed to edit it; otherwise 404, 403 or sign-in. */
  async function editable(req: FastifyRequest) {
    const org = await loadOr404(getOrganisation(ctx, idParams(req).id));
    const actor = requireActor(req);
    accountsPolicy.authorize(actor, 'organisation.edit', org);
    return { org, actor };
  }

  app.get('/:lang/organisations/:id/edit', async (req, reply) => {
    const found = await editable(req);
    const { org } = found;
    const values = { name: org.name, kind: org.kind, website: org.website ?? '', description: org.description ?? '' };
    return reply.headers(NO_STORE).page(<OrganisationFormPage id={org.id} values={values} errors={{}} csrfToken={reply.generateCsrf()} />, {
      title: req.t('accounts.org.edit'),
      indexable: false,
    });
  });

  app.post('/:lang/organisations/:id/edit', { config: { rateLimit: FORM_RATE_LIMIT, textChecked: true } }, async (req, reply) => {
    const found = await editable(req);
    const { org, actor } = found;
    const result = await editOrganisation(ctx, actor, org.id, req.body, req.ip);
    if (result.ok) return reply.redirect(`/${req.lang}/organisations/${org.id}`, 303);
    return reply.refused(
      result,
      <OrganisationFormPage id={org.id} values={typedValues(req.body, FIELDS)} errors={result.errors} csrfToken={reply.generateCsrf()} />,
      req.t('accounts.org.edit'),
    );
  });
}
