import type { VNode } from 'preact';
import { HoneypotField } from '../../../core/http/spam.tsx';
import { Checkbox, CsrfField, ErrorSummary, type FieldError, type FieldErrors, Pager, TextArea } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FlagForm } from '../../moderation/index.ts';
import type { OrganisationRef } from '../../organisations/index.ts';
import { STANCES } from '../schema.ts';
import { COMMENT_MAX, type CommentTarget, type CommentValues, type ShownComment, type Thread } from '../service/comments.ts';
import { processPath } from '../service/processes.ts';
import { langOf } from './processes.tsx';
import { OrganisationTag, PublishAsField } from './published-as.tsx';

/** What a page passes to show a subject's comments and the forms to add some. */
export interface CommentsView {
  target: CommentTarget;
  /** This page of its threads, as CommentThreads renders them, with the reader's own parts filled in. */
  threads: VNode;
  count: number;
  /** Whether comments take a stance (for, against, neutral). */
  stances: boolean;
  /** For a person who may comment now: the token, and whether they may mark a reply official. */
  form?: { csrfToken: string; official: boolean; organisations: OrganisationRef[] } | undefined;
  /** Why there is no form: sign in, confirm the address, the phase takes no comments, the debate is closed. */
  why?: 'signIn' | 'confirm' | 'blocked' | 'phase' | 'closed' | 'expired' | undefined;
}

/** A page of a subject's threads: the same for every reader (see `reply.kept`), but for each one's own comments. */
export interface ThreadsView {
  target: CommentTarget;
  processSlug: string;
  threads: Thread[];
  page: number;
  pages: number;
  /** Whether the threads offer to answer them: for those who may comment now. */
  answerable: boolean;
}

/** The hole in a comment that holds what its readers may do (report it), or what its author may (edit it). */
export const commentHole = (id: number) => `comment-${id}`;

const WEB_LINK = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])/;

/** Plain text as written: escaped, its line breaks kept, its web addresses links the portal vouches nothing for. */
export function PlainText({ text }: { text: string }) {
  const lines = text.split(/\r?\n/);
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 && <br />}
          {line.split(WEB_LINK).map((part, j) =>
            j % 2 === 1 ? (
              <a key={j} href={part} rel="nofollow ugc noopener">
                {part}
              </a>
            ) : (
              part
            ),
          )}
        </span>
      ))}
    </>
  );
}

function CommentCard({ c, view }: { c: ShownComment; view: ThreadsView }) {
  const { t } = usePage();
  if (c.removed)
    return (
      <p class="comment comment--removed" id={`comment-${c.id}`}>
        {t('participation.comment.removed')}
      </p>
    );
  return (
    <article class={c.official ? 'comment comment--official' : 'comment'} id={`comment-${c.id}`} aria-labelledby={`comment-${c.id}-by`}>
      <p class="meta" id={`comment-${c.id}-by`}>
        <CommentAuthor c={c} />
        {c.official && <span class="tag tag--official">{t('participation.comment.official')}</span>}
        {c.stance && <span class={`tag stance stance--${c.stance}`}>{t(`participation.comment.stance.${c.stance}`)}</span>}
        {' · '}
        <time datetime={c.createdAt}>{t('common.dateTime', { date: new Date(c.createdAt) })}</time>
        {c.editedAt && (
          <>
            {' · '}
            <span class="edited">{t('participation.comment.edited', { date: new Date(c.editedAt) })}</span>
          </>
        )}
      </p>
      <p class="comment-body">
        <PlainText text={c.body} />
      </p>
      {/* A link rather than a form: one form under each of hundreds of comments would weigh the page down. */}
      <div class="comment-actions" data-hole={commentHole(c.id)}>
        <FlagForm type="comment" id={c.id} back={`${view.target.path}#comment-${c.id}`} />
      </div>
    </article>
  );
}

/** Who wrote a comment: the organisation it was written as (its profile, labelled), or the person. */
function CommentAuthor({ c }: { c: ShownComment }) {
  const { t } = usePage();
  const href = useHref();
  if (!c.organisation) return <strong>{c.author ?? t('common.deletedAccount')}</strong>;
  return (
    <>
      <strong>
        <a href={href(c.organisation.path)}>{c.organisation.name}</a>
      </strong>{' '}
      <OrganisationTag />
    </>
  );
}

/** The name a comment is shown under, as plain text. */
const shownName = (c: ShownComment, deleted: string) => c.organisation?.name ?? c.author ?? deleted;

/** What the author of a comment finds under it instead of the report link: the link to edit it, while it may be. */
export function OwnCommentActions({ c, target, processSlug }: { c: ShownComment; target: CommentTarget; processSlug: string }) {
  const { t } = usePage();
  const href = useHref();
  if (target.lock) return null;
  return (
    <div class="comment-actions">
      <p>
        <a href={href(`${processPath({ slug: processSlug })}/comments/${c.id}/edit`)}>
          {t('participation.comment.edit')}
          <span class="visually-hidden"> {t('participation.comment.yours', { date: new Date(c.createdAt) })}</span>
        </a>
      </p>
    </div>
  );
}

/** The fields of a comment: its text, a stance where asked, the official mark for staff. */
export function CommentFields(p: {
  prefix: string;
  stance: boolean;
  official: boolean;
  organisations: OrganisationRef[];
  values: CommentValues;
  errors: FieldErrors;
  label: string;
}) {
  const { t } = usePage();
  const id = (name: string) => `${p.prefix}${name}`;
  return (
    <>
      <TextArea
        id={id('body')}
        name="body"
        label={p.label}
        required
        rows={4}
        maxLength={COMMENT_MAX}
        hint={t('participation.comment.hint', { max: COMMENT_MAX })}
        value={p.values.body}
        error={p.errors.body}
      />
      {p.stance && <StanceField id={id('stance')} value={p.values.stance} error={p.errors.stance} />}
      {p.official && (
        <Checkbox
          id={id('official')}
          name="official"
          value="1"
          checked={p.values.official === '1'}
          label={t('participation.comment.markOfficial')}
        />
      )}
      <PublishAsField id={id('publish_as')} choices={p.organisations} value={p.values.publish_as} error={p.errors.publish_as} />
      <HoneypotField id={id('website')} />
    </>
  );
}

function StanceField({ id, value, error }: { id: string; value?: string | undefined; error?: FieldError | undefined }) {
  const { t } = usePage();
  const chosen = value ?? 'neutral';
  return (
    <fieldset class={error ? 'fieldset field--error' : 'fieldset'} id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('participation.comment.stance')}</legend>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">{t('form.errorPrefix')} </span>
          {t(error.key, error.values)}
        </p>
      )}
      <div class="checkbox-grid">
        {STANCES.map((s) => (
          <div key={s} class="checkbox-item">
            <input type="radio" id={`${id}-${s}`} name="stance" value={s} checked={chosen === s} />
            <label for={`${id}-${s}`}>{t(`participation.comment.stance.${s}`)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Where a subject's comments are posted. */
export const commentsAction = (view: Pick<CommentsView, 'target'>) => `${view.target.path}/comments`;

/** The link under a comment's answers to answer it, on a page of its own (answers are not answered in turn). */
function AnswerLink({ view, to }: { view: ThreadsView; to: ShownComment }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <p class="answer">
      <a href={href(`${processPath({ slug: view.processSlug })}/comments/${to.id}/answer`)} rel="nofollow">
        {t('participation.comment.answer')}
        <span class="visually-hidden"> {t('participation.comment.answerTo', { name: shownName(to, t('common.deletedAccount')) })}</span>
      </a>
    </p>
  );
}

/** A page of a subject's comments as threads two levels deep, with the pages of the others. */
export function CommentThreads({ view }: { view: ThreadsView }) {
  const { t } = usePage();
  const href = useHref();
  if (view.threads.length === 0) return <p>{t('participation.comment.none')}</p>;
  return (
    <>
      <ol class="comment-list">
        {view.threads.map((th) => (
          <li key={th.comment.id}>
            <CommentCard c={th.comment} view={view} />
            {th.answers.length > 0 && (
              <ol class="comment-answers" aria-label={t('participation.comment.answers')}>
                {th.answers.map((a) => (
                  <li key={a.id}>
                    <CommentCard c={a} view={view} />
                  </li>
                ))}
              </ol>
            )}
            {view.answerable && !th.comment.removed && <AnswerLink view={view} to={th.comment} />}
          </li>
        ))}
      </ol>
      <Pager page={view.page} pages={view.pages} link={(n) => `${href(view.target.path)}${n > 1 ? `?page=${n}` : ''}#comments`} />
    </>
  );
}

/** A subject's comments, with the form to add one (or why one cannot). */
export function CommentsSection({ view }: { view: CommentsView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const why = view.why;
  return (
    <section id="comments" class="named-section comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('participation.comment.title', { count: view.count })}</h2>
      {view.threads}
      {view.form ? (
        <form method="post" action={href(commentsAction(view))} class="form comment-form" noValidate>
          <h3>{t('participation.comment.add')}</h3>
          <CsrfField token={view.form.csrfToken} />
          <CommentFields
            prefix="comment-"
            stance={view.stances}
            official={view.form.official}
            organisations={view.form.organisations}
            values={{}}
            errors={{}}
            label={t('participation.comment.yourComment')}
          />
          <button type="submit">{t('participation.comment.send')}</button>
        </form>
      ) : why === 'signIn' ? (
        <p>
          <a href={href(`/sign-in?next=${encodeURIComponent(`/${lang}${view.target.path}#comments`)}`)}>
            {t('participation.comment.signIn')}
          </a>
        </p>
      ) : (
        why && <p class="notice">{t(`participation.comment.why.${why}`)}</p>
      )}
    </section>
  );
}

/** The one form of a refused comment or answer, or of a comment being edited, with what was typed. */
export function CommentFormPage(p: {
  title: string;
  target: CommentTarget;
  action: string;
  csrfToken: string;
  stance: boolean;
  official: boolean;
  /** The organisations the person may write as; none when editing. */
  organisations: OrganisationRef[];
  values: CommentValues;
  errors: FieldErrors;
  answering?: ShownComment | undefined;
  /** The button's words: "save" for an edit, "send" for something new. */
  submit: string;
}) {
  const { t, lang } = usePage();
  const href = useHref();
  const labels = {
    body: t('participation.comment.yourComment'),
    stance: t('participation.comment.stance'),
    publish_as: t('participation.publishAs.legend'),
  };
  return (
    <article class="prose">
      <p class="meta">
        <a href={href(p.target.path)} lang={langOf(p.target.language, lang)}>
          {p.target.title}
        </a>
      </p>
      <h1>{p.title}</h1>
      <ErrorSummary errors={p.errors} labels={labels} />
      {p.answering && (
        <blockquote class="comment">
          <p class="meta">{shownName(p.answering, t('common.deletedAccount'))}</p>
          <p class="comment-body">
            <PlainText text={p.answering.body} />
          </p>
        </blockquote>
      )}
      <form method="post" action={href(p.action)} class="form" noValidate>
        <CsrfField token={p.csrfToken} />
        {p.values.parent && <input type="hidden" name="parent" value={p.values.parent} />}
        <CommentFields
          prefix=""
          stance={p.stance}
          official={p.official}
          organisations={p.organisations}
          values={p.values}
          errors={p.errors}
          label={labels.body}
        />
        <button type="submit">{p.submit}</button>
      </form>
      <p>
        <a href={href(`${p.target.path}#comments`)}>{t('participation.comment.back')}</a>
      </p>
    </article>
  );
}
