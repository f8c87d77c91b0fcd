import type { Role, Scope } from '../../../core/authz.ts';
import { roleLabelKey } from '../../../core/scopes.ts';
import { ButtonForm, type FieldErrors, formFields, Notice, Select, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FormPage, MessagePage } from '../../../core/views/forms.tsx';
import { LIMITS } from '../schema.ts';
import { scopePath } from './scopes.tsx';

export interface TeamView {
  scope: Scope;
  /** The scope's name for people. */
  name: string;
  members: { id: number; role: Role; user_id: number; name: string; email: string }[];
  invitations: { id: number; email: string; role: Role; expires_at: string }[];
  invitable: readonly Role[];
  canInvite: boolean;
  canRevoke: boolean;
  notice?: string | undefined;
}

export function TeamPage({
  team,
  values,
  errors,
  csrfToken,
}: {
  team: TeamView;
  values: Partial<Record<string, string>>;
  errors: FieldErrors;
  csrfToken: string;
}) {
  const { t, actor } = usePage();
  const href = useHref();
  const base = scopePath(team.scope);
  const title = t('accounts.team.title', { scope: team.name });
  const labels = { email: t('accounts.field.email'), role: t('accounts.field.role') };
  const field = formFields(labels, values, errors);
  return (
    <>
      <article>
        <h1>{title}</h1>
        {team.notice && <Notice>{t(`accounts.notice.${team.notice}`)}</Notice>}
        <h2>{t('accounts.team.members')}</h2>
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('accounts.field.name')}</th>
                <th scope="col">{t('accounts.field.email')}</th>
                <th scope="col">{t('accounts.field.role')}</th>
                {team.canRevoke && <th scope="col">{t('accounts.team.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {team.members.map((m) => (
                <tr key={m.id}>
                  <td data-label={t('accounts.field.name')}>
                    {m.name}
                    {m.user_id === actor?.id && (
                      <>
                        {' '}
                        <span class="tag">{t('accounts.team.you')}</span>
                      </>
                    )}
                  </td>
                  <td data-label={t('accounts.field.email')}>{m.email}</td>
                  <td data-label={t('accounts.field.role')}>{t(roleLabelKey(m.role))}</td>
                  {team.canRevoke && (
                    <td data-label={t('accounts.team.actions')}>
                      <ButtonForm
                        action={href(`${base}/members/${m.id}/remove`)}
                        csrfToken={csrfToken}
                        label={t('accounts.team.remove')}
                        hiddenLabel={m.name}
                        secondary
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {team.invitations.length > 0 && (
          <>
            <h2>{t('accounts.team.pending')}</h2>
            <ul>
              {team.invitations.map((i) => (
                <li key={i.id}>
                  {i.email} – {t(roleLabelKey(i.role))} – {t('accounts.team.expires', { date: new Date(i.expires_at) })}{' '}
                  {team.canInvite && (
                    <ButtonForm
                      action={href(`${base}/invitations/${i.id}/cancel`)}
                      csrfToken={csrfToken}
                      label={t('accounts.team.cancel')}
                      hiddenLabel={i.email}
                      secondary
                    />
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </article>
      {team.canInvite && (
        <FormPage
          section
          title={t('accounts.team.invite')}
          action={href(`${base}/invite`)}
          csrfToken={csrfToken}
          errors={errors}
          labels={labels}
          submit={t('accounts.team.inviteSubmit')}
          lead={<p>{t('accounts.team.inviteLead')}</p>}
        >
          <TextField {...field('email')} type="email" required maxLength={LIMITS.email} />
          <Select {...field('role')} required options={team.invitable.map((r) => ({ value: r, label: t(roleLabelKey(r)) }))} />
        </FormPage>
      )}
    </>
  );
}

export interface InvitationView {
  state: 'open' | 'expired' | 'closed';
  email: string;
  role: Role;
  scope: Scope;
  scopeName: string;
  token: string;
}

export function InvitationPage({ invitation, csrfToken }: { invitation: InvitationView; csrfToken: string }) {
  const { t, actor } = usePage();
  const href = useHref();
  const what = { role: t(roleLabelKey(invitation.role)), scope: invitation.scopeName, email: invitation.email };
  if (invitation.state !== 'open') {
    return (
      <MessagePage title={t('accounts.invitation.unusableTitle')}>
        <p>{t('accounts.invitation.unusable')}</p>
      </MessagePage>
    );
  }
  const next = encodeURIComponent(href(`/invitations/${invitation.token}`));
  return (
    <MessagePage title={t('accounts.invitation.title')}>
      <p class="lead">{t('accounts.invitation.lead', what)}</p>
      {!actor && (
        <ul class="form-links">
          <li>
            <a class="button" href={`${href('/sign-in')}?next=${next}`}>
              {t('accounts.signIn.title')}
            </a>
          </li>
          <li>
            <a href={href('/sign-up')}>{t('accounts.signUp.link')}</a>
          </li>
        </ul>
      )}
      {actor && actor.email !== invitation.email && (
        <p class="notice notice--error">{t('accounts.invitation.otherAccount', { ...what, current: actor.email })}</p>
      )}
      {actor && actor.email === invitation.email && (
        <div class="actions">
          <ButtonForm action={href(`/invitations/${invitation.token}`)} csrfToken={csrfToken} label={t('accounts.invitation.accept')} />
        </div>
      )}
    </MessagePage>
  );
}
