import { CsrfField, ErrorSummary, type FieldErrors, Notice, TextArea } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { type ModerationDecision, REASON_MAX } from '../schema.ts';
import type { QueueEntry } from '../service/queue.ts';
import type { FoundText } from '../service/texts.ts';
import { entryPath, ReasonCounts, StateTag } from './queue.tsx';

export interface EntryView {
  text: FoundText;
  kindLabel: string;
  entry: QueueEntry | undefined;
  decisions: ModerationDecision[];
  names: Map<number, string | null>;
  /** Hidden because its author is blocked. */
  held: boolean;
  canBlock: boolean;
  csrfToken: string;
  notice?: string | undefined;
  /** The form that was refused, with what was typed. */
  refused?: { action: 'hide' | 'restore'; reason: string; errors: FieldErrors } | undefined;
}

/** Who decided: a moderator, or the flags themselves. */
export function DecisionTable({
  decisions,
  names,
  caption,
}: {
  decisions: ModerationDecision[];
  names: Map<number, string | null>;
  caption: string;
}) {
  const { t } = usePage();
  if (!decisions.length) return <p>{t('moderation.decisions.none')}</p>;
  return (
    <table class="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('common.when')}</th>
          <th scope="col">{t('moderation.decisions.action')}</th>
          <th scope="col">{t('common.who')}</th>
          <th scope="col">{t('moderation.decisions.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {decisions.map((d) => (
          <tr key={d.id}>
            <td data-label={t('common.when')}>{t('common.dateTime', { date: new Date(d.created_at) })}</td>
            <th scope="row" data-label={t('moderation.decisions.action')}>
              {t(`moderation.decision.${d.action}`)}
            </th>
            <td data-label={t('common.who')}>
              {d.actor_id === null ? t('common.system') : (names.get(d.actor_id) ?? t('common.deletedAccount'))}
            </td>
            <td data-label={t('moderation.decisions.reason')}>{d.reason ?? t('moderation.decisions.threshold')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DecisionForm({ view, action }: { view: EntryView; action: 'hide' | 'restore' }) {
  const { t } = usePage();
  const href = useHref();
  const refused = view.refused?.action === action ? view.refused : undefined;
  return (
    <section aria-labelledby={`${action}-heading`}>
      <h2 id={`${action}-heading`}>{t(`moderation.${action}.title`)}</h2>
      <form method="post" action={href(`${entryPath(view.text.type, view.text.id)}/${action}`)} class="form" noValidate>
        <CsrfField token={view.csrfToken} />
        <TextArea
          id={`${action}-reason`}
          name="reason"
          label={t('moderation.decisions.reason')}
          hint={t(`moderation.${action}.hint`)}
          required
          maxLength={REASON_MAX}
          rows={3}
          value={refused?.reason}
          error={refused?.errors.reason}
        />
        <button type="submit" class={action === 'hide' ? 'button--danger' : undefined}>
          {t(`moderation.${action}.submit`)}
        </button>
      </form>
    </section>
  );
}

/** One text under moderation: what it says, where it is, its flags, what was decided, and the decisions to take. */
export function EntryPage({ view }: { view: EntryView }) {
  const { t } = usePage();
  const href = useHref();
  const { text, entry } = view;
  const state = entry?.item.state ?? 'none';
  return (
    <article class="prose">
      <p class="crumb">
        <a href={href('/moderation')}>{t('moderation.queue.title')}</a>
      </p>
      <h1>{t('moderation.entry.title', { kind: t(view.kindLabel), id: String(text.id) })}</h1>
      {view.notice && <Notice>{t(`moderation.notice.${view.notice}`)}</Notice>}
      {view.refused && <ErrorSummary errors={view.refused.errors} labels={{ reason: t('moderation.decisions.reason') }} />}
      <blockquote class="moderation-excerpt">
        <p>{text.excerpt}</p>
      </blockquote>
      <dl class="summary-list">
        <dt>{t('moderation.entry.state')}</dt>
        <dd>
          <StateTag state={state} />
          {view.held && <> {t('moderation.entry.held')}</>}
        </dd>
        <dt>{t('moderation.reasons.label')}</dt>
        <dd>
          <ReasonCounts reasons={entry?.reasons ?? []} />
        </dd>
        <dt>{t('moderation.entry.where')}</dt>
        <dd>
          <a href={href(text.path)}>{t('moderation.entry.open')}</a>
          {text.hidden && <> ({t('moderation.entry.hiddenNow')})</>}
        </dd>
        {view.canBlock && text.authorId !== null && (
          <>
            <dt>{t('moderation.entry.author')}</dt>
            <dd>
              <a href={href(`/moderation/accounts/${text.authorId}`)}>{t('moderation.entry.authorLink')}</a>
            </dd>
          </>
        )}
      </dl>
      {state === 'hidden' ? null : <DecisionForm view={view} action="hide" />}
      {state === 'none' || state === 'restored' ? null : <DecisionForm view={view} action="restore" />}
      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">{t('moderation.decisions.title')}</h2>
        <DecisionTable decisions={view.decisions} names={view.names} caption={t('moderation.decisions.caption')} />
      </section>
    </article>
  );
}
