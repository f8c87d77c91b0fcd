import { HoneypotField } from '../../../core/http/spam.tsx';
import { Checkbox, CsrfField, ErrorSummary, type FieldError, type FieldErrors, TextArea } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FlagForm } from '../../moderation/index.ts';
import { STANCES } from '../schema.ts';
import { COMMENT_MAX, type CommentTarget, type CommentValues, type ShownComment, type Thread } from '../service/comments.ts';
import { processPath } from '../service/processes.ts';
import { langOf } from './processes.tsx';

/** What a page passes to show a subject's comments and the forms to add some. */
export interface CommentsView {
  target: CommentTarget;
  processSlug: string;
  /** Whether comments take a stance (for, against, neutral). */
  stances: boolean;
  threads: Thread[];
  count: number;
  /** For a person who may comment now: the token, and whether they may mark a reply official. */
  form?: { csrfToken: string; official: boolean } | undefined;
  /** Why there is no form: sign in, confirm the address, the phase takes no comments, the debate is closed. */
  why?: 'signIn' | 'confirm' | 'blocked' | 'phase' | 'closed' | 'expired' | undefined;
  /** The reader, to offer them to edit their own comments. */
  actorId: number | null;
  /** A signed-in reader's form token, to report a comment to the moderators. */
  flagToken?: string | undefined;
}

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

function CommentCard({ c, view }: { c: ShownComment; view: CommentsView }) {
  const { t } = usePage();
  const href = useHref();
  if (c.removed)
    return (
      <p class="comment comment--removed" id={`comment-${c.id}`}>
        {t('participation.comment.removed')}
      </p>
    );
  return (
    <article class={c.official ? 'comment comment--official' : 'comment'} id={`comment-${c.id}`} aria-labelledby={`comment-${c.id}-by`}>
      <p class="meta" id={`comment-${c.id}-by`}>
        <strong>{c.author ?? t('common.deletedAccount')}</strong>
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
      {view.actorId !== null && c.authorId === view.actorId && !view.target.lock && (
        <p>
          <a href={href(`${processPath({ slug: view.processSlug })}/comments/${c.id}/edit`)}>
            {t('participation.comment.edit')}
            <span class="visually-hidden"> {t('participation.comment.yours', { date: new Date(c.createdAt) })}</span>
          </a>
        </p>
      )}
      {c.authorId !== view.actorId && (
        <FlagForm type="comment" id={c.id} back={`${view.target.path}#comment-${c.id}`} csrfToken={view.flagToken} />
      )}
    </article>
  );
}

/** The fields of a comment: its text, a stance where asked, the official mark for staff. */
export function CommentFields(p: {
  prefix: string;
  stance: boolean;
  official: boolean;
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

/** The form under a comment's answers: it answers that comment (answers are not answered in turn). */
function AnswerForm({ view, to }: { view: CommentsView; to: ShownComment }) {
  const { t } = usePage();
  const href = useHref();
  const form = view.form!;
  return (
    <details class="answer">
      <summary>
        {t('participation.comment.answer')}
        <span class="visually-hidden"> {t('participation.comment.answerTo', { name: to.author ?? t('common.deletedAccount') })}</span>
      </summary>
      <form method="post" action={href(commentsAction(view))} class="form" noValidate>
        <CsrfField token={form.csrfToken} />
        <input type="hidden" name="parent" value={String(to.id)} />
        <CommentFields
          prefix={`answer-${to.id}-`}
          stance={false}
          official={form.official}
          values={{}}
          errors={{}}
          label={t('participation.comment.yourAnswer')}
        />
        <button type="submit">{t('participation.comment.sendAnswer')}</button>
      </form>
    </details>
  );
}

/** A subject's comments as a thread two levels deep, with the forms to add to it (or why one cannot). */
export function CommentsSection({ view }: { view: CommentsView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const why = view.why;
  return (
    <section id="comments" class="named-section comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('participation.comment.title', { count: view.count })}</h2>
      {view.threads.length === 0 ? (
        <p>{t('participation.comment.none')}</p>
      ) : (
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
              {view.form && !th.comment.removed && <AnswerForm view={view} to={th.comment} />}
            </li>
          ))}
        </ol>
      )}
      {view.form ? (
        <form method="post" action={href(commentsAction(view))} class="form comment-form" noValidate>
          <h3>{t('participation.comment.add')}</h3>
          <CsrfField token={view.form.csrfToken} />
          <CommentFields
            prefix="comment-"
            stance={view.stances}
            official={view.form.official}
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
  values: CommentValues;
  errors: FieldErrors;
  answering?: ShownComment | undefined;
  /** The button's words: "save" for an edit, "send" for something new. */
  submit: string;
}) {
  const { t, lang } = usePage();
  const href = useHref();
  const labels = { body: t('participation.comment.yourComment'), stance: t('participation.comment.stance') };
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
          <p class="meta">{p.answering.author ?? t('common.deletedAccount')}</p>
          <p class="comment-body">
            <PlainText text={p.answering.body} />
          </p>
        </blockquote>
      )}
      <form method="post" action={href(p.action)} class="form" noValidate>
        <CsrfField token={p.csrfToken} />
        {p.values.parent && <input type="hidden" name="parent" value={p.values.parent} />}
        <CommentFields prefix="" stance={p.stance} official={p.official} values={p.values} errors={p.errors} label={labels.body} />
        <button type="submit">{p.submit}</button>
      </form>
      <p>
        <a href={href(`${p.target.path}#comments`)}>{t('participation.comment.back')}</a>
      </p>
    </article>
  );
}
