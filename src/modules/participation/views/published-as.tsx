import { type FieldError, GroupError, LinkedMessage, NamedSection } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { OrganisationRef } from '../../organisations/index.ts';
import { PUBLISH_AS } from '../service/published-as.ts';
import { langOf } from './processes.tsx';

/**
 * "Publish as: yourself / Green Sofia", for a person who represents organisations; nothing for
 * anyone else. Plain radio buttons, so it works without JavaScript.
 */
export function PublishAsField(p: {
  choices: readonly OrganisationRef[];
  value?: string | undefined;
  error?: FieldError | undefined;
  id?: string;
}) {
  const { t } = usePage();
  if (!p.choices.length) return null;
  const id = p.id ?? PUBLISH_AS;
  const chosen = p.value ?? '';
  const options = [
    { value: '', label: t('participation.publishAs.yourself') },
    ...p.choices.map((o) => ({ value: String(o.id), label: o.name })),
  ];
  return (
    <fieldset class={p.error ? 'fieldset field--error' : 'fieldset'} id={id} aria-describedby={p.error ? `${id}-error` : undefined}>
      <legend>{t('participation.publishAs.legend')}</legend>
      <GroupError id={id} error={p.error} />
      <div class="checkbox-grid">
        {options.map((o) => (
          <div key={o.value} class="checkbox-item">
            <input type="radio" id={`${id}-${o.value || 'self'}`} name={PUBLISH_AS} value={o.value} checked={chosen === o.value} />
            <label for={`${id}-${o.value || 'self'}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** The small label that tells an organisation's contribution from a person's. */
export function OrganisationTag() {
  const { t } = usePage();
  return <span class="tag tag--organisation">{t('participation.publishAs.tag')}</span>;
}

/** "By Green Sofia" linking its profile, with the organisation label. */
export function ByOrganisation({ organisation }: { organisation: { name: string; path: string } }) {
  const href = useHref();
  return (
    <>
      <LinkedMessage id="participation.publishAs.by" links={{ organisation: { href: href(organisation.path), text: organisation.name } }} />{' '}
      <OrganisationTag />
    </>
  );
}

/** An item an organisation published, as its profile lists it. */
interface Published {
  id: number;
  title: string;
  language: string;
  at: string;
  /** Its page, without the language prefix. */
  path: string;
}

function PublishedList({ heading, items }: { heading: string; items: Published[] }) {
  const { t, lang } = usePage();
  const href = useHref();
  if (!items.length) return null;
  return (
    <>
      <h3>{heading}</h3>
      <ul>
        {items.map((x) => (
          <li key={x.id}>
            <a href={href(x.path)} lang={langOf(x.language, lang)}>
              {x.title}
            </a>{' '}
            <span class="meta">
              <time datetime={x.at}>{t('common.date', { date: new Date(x.at) })}</time>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** An organisation's recent proposals and debates, on its profile. */
export function OrganisationParticipation({ proposals, debates }: { proposals: Published[]; debates: Published[] }) {
  const { t } = usePage();
  return (
    <NamedSection id="participation" label={t('participation.publishAs.profileTitle')}>
      <PublishedList heading={t('participation.publishAs.profileProposals')} items={proposals} />
      <PublishedList heading={t('participation.publishAs.profileDebates')} items={debates} />
    </NamedSection>
  );
}
