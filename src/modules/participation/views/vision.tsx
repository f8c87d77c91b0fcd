import { CsrfField, type FieldErrors, formFields, NamedSection, TextArea, TextField } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { FormPage } from '../../../core/views/forms.tsx';
import { renderBody } from '../../content/index.ts';
import type { VisionSection } from '../schema.ts';
import { type ProcessView, processPath } from '../service/processes.ts';
import { SECTION_BODY_MAX, SECTION_TITLE_MAX, type SectionValues, sectionPath } from '../service/vision.ts';
import { CommentsSection, type CommentsView } from './comments.tsx';
import { langOf } from './processes.tsx';

/** A small form of staff: one button that moves a section. */
function MoveButton({
  action,
  csrfToken,
  direction,
  title,
}: {
  action: string;
  csrfToken: string;
  direction: 'up' | 'down';
  title: string;
}) {
  const { t } = usePage();
  return (
    <form method="post" action={action} class="button-form">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" class="button--secondary">
        {t(`participation.section.move.${direction}`)}
        <span class="visually-hidden"> {title}</span>
      </button>
    </form>
  );
}

/** A vision's sections on its process page, in order, each anchored (#section-{id}) and linking to its comments. */
export function VisionPart(p: { process: ProcessView; sections: VisionSection[]; csrfToken?: string | undefined }) {
  const { t, lang } = usePage();
  const href = useHref();
  const manage = p.csrfToken;
  return (
    <NamedSection id="sections" label={t('participation.section.title')}>
      {p.sections.length === 0 && <p>{t('participation.section.none')}</p>}
      {p.sections.map((s, i) => (
        <section key={s.id} id={`section-${s.id}`} class="vision-section" aria-labelledby={`section-${s.id}-heading`}>
          <h3 id={`section-${s.id}-heading`} lang={langOf(s.language, lang)}>
            {s.title}
          </h3>
          {s.body && <div class="prose" lang={langOf(s.language, lang)} dangerouslySetInnerHTML={{ __html: renderBody(s.body) }} />}
          <p>
            <a href={href(sectionPath(p.process, s.id))}>
              {t('participation.section.comments', { count: s.comments_count })}
              <span class="visually-hidden"> – {s.title}</span>
            </a>
          </p>
          {manage && (
            <div class="actions">
              <a class="button button--secondary" href={href(`${sectionPath(p.process, s.id)}/edit`)}>
                {t('participation.section.edit')}
                <span class="visually-hidden"> {s.title}</span>
              </a>
              {i > 0 && (
                <MoveButton action={href(`${sectionPath(p.process, s.id)}/move`)} csrfToken={manage} direction="up" title={s.title} />
              )}
              {i < p.sections.length - 1 && (
                <MoveButton action={href(`${sectionPath(p.process, s.id)}/move`)} csrfToken={manage} direction="down" title={s.title} />
              )}
            </div>
          )}
        </section>
      ))}
      {manage && (
        <p>
          <a class="button" href={href(`${processPath(p.process)}/sections/new`)}>
            {t('participation.section.add')}
          </a>
        </p>
      )}
    </NamedSection>
  );
}

/** One section of a vision with its comments. */
export function SectionPage(p: { process: ProcessView; section: VisionSection; comments: CommentsView; canManage: boolean }) {
  const { t, lang } = usePage();
  const href = useHref();
  const s = p.section;
  return (
    <>
      <p class="meta">
        <a href={href(processPath(p.process))} lang={langOf(p.process.textLanguage, lang)}>
          {p.process.title}
        </a>
      </p>
      <h1 lang={langOf(s.language, lang)}>{s.title}</h1>
      {s.body && <div class="prose" lang={langOf(s.language, lang)} dangerouslySetInnerHTML={{ __html: renderBody(s.body) }} />}
      {p.canManage && (
        <p>
          <a class="button button--secondary" href={href(`${sectionPath(p.process, s.id)}/edit`)}>
            {t('participation.section.edit')}
          </a>
        </p>
      )}
      <CommentsSection view={p.comments} />
    </>
  );
}

/** Staff's form of a section: a new one, or one to change (with the button that removes it). */
export function SectionFormPage(p: {
  process: ProcessView;
  section?: VisionSection | undefined;
  values: SectionValues;
  errors: FieldErrors;
  csrfToken: string;
}) {
  const { t, lang } = usePage();
  const href = useHref();
  const labels = { title: t('participation.section.field.title'), body: t('participation.section.field.body') };
  const field = formFields(labels, p.values as Record<string, string>, p.errors);
  const s = p.section;
  return (
    <FormPage
      title={s ? t('participation.section.editTitle', { title: s.title }) : t('participation.section.newTitle')}
      lead={
        <p>
          <a href={href(processPath(p.process))} lang={langOf(p.process.textLanguage, lang)}>
            {p.process.title}
          </a>
        </p>
      }
      action={href(s ? `${sectionPath(p.process, s.id)}/edit` : `${processPath(p.process)}/sections/new`)}
      csrfToken={p.csrfToken}
      errors={p.errors}
      labels={labels}
      submit={t(s ? 'form.save' : 'participation.section.add')}
      after={
        s && (
          <form method="post" action={href(`${sectionPath(p.process, s.id)}/remove`)} class="form">
            <CsrfField token={p.csrfToken} />
            <p>{t('participation.section.removeLead', { count: s.comments_count })}</p>
            <button type="submit" class="button--danger">
              {t('participation.section.remove')}
            </button>
          </form>
        )
      }
    >
      <TextField {...field('title')} required maxLength={SECTION_TITLE_MAX} />
      <TextArea {...field('body')} maxLength={SECTION_BODY_MAX} rows={10} hint={t('participation.section.field.bodyHint')} />
    </FormPage>
  );
}
