import { DOCUMENT_TYPES } from '../../../core/uploads.ts';
import {
  ButtonForm,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FileField,
  NamedSection,
  Select,
  TextArea,
  TextField,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { Project } from '../schema.ts';
import { DOCUMENT_NAME_MAX, NOTICE_MAX, TASK_MAX, type Workspace } from '../service/workspace.ts';

/** Which of the page's forms was refused, with what was typed in it. */
export interface Refused {
  form: 'notice' | 'task' | 'document';
  values: Record<string, string>;
  errors: FieldErrors;
}

export interface WorkspaceView {
  project: Project;
  title: string;
  space: Workspace;
  refused?: Refused;
  csrfToken: string;
}

const kb = (size: number) => Math.max(1, Math.round(size / 1024));

export function WorkspacePage({ view }: { view: WorkspaceView }) {
  const { t } = usePage();
  const href = useHref();
  const { project, space, csrfToken } = view;
  const base = `/projects/${project.slug}/workspace`;
  const refused = (form: Refused['form']) => (view.refused?.form === form ? view.refused : undefined);
  const notice = refused('notice');
  const task = refused('task');
  const doc = refused('document');
  const labels = {
    text: t('projects.workspace.notice'),
    title: t('projects.workspace.task'),
    owner: t('projects.workspace.owner'),
    due: t('projects.workspace.due'),
    name: t('projects.workspace.documentName'),
    file: t('projects.workspace.file'),
  };
  return (
    <article class="prose">
      <p>
        <a href={href(`/projects/${project.slug}`)}>{project.acronym}</a>
      </p>
      <h1>{view.title}</h1>
      <p class="lead">{t('projects.workspace.lead')}</p>

      <NamedSection id="members" label={t('projects.workspace.members')}>
        <ul>
          {space.members.map((m) => (
            <li key={m.id}>
              {m.name}{' '}
              <span class="tag">{t(m.role === 'project_coordinator' ? 'projects.role.coordinator' : 'projects.role.partnerStaff')}</span>
            </li>
          ))}
        </ul>
      </NamedSection>

      <NamedSection id="notices" label={t('projects.workspace.notices')}>
        <form method="post" action={href(`${base}/notices`)} class="form" noValidate>
          {notice && <ErrorSummary errors={notice.errors} labels={labels} />}
          <CsrfField token={csrfToken} />
          <TextArea
            name="text"
            label={labels.text}
            value={notice?.values.text}
            maxLength={NOTICE_MAX}
            rows={3}
            error={notice?.errors.text}
            required
          />
          <button type="submit">{t('projects.workspace.post')}</button>
        </form>
        {space.notices.length === 0 ? (
          <p>{t('projects.workspace.noNotices')}</p>
        ) : (
          <ol class="notices">
            {space.notices.map((n) => (
              <li key={n.id}>
                <p class="hint">
                  {n.author ?? t('projects.workspace.someone')},{' '}
                  <time datetime={n.created_at}>{t('common.date', { date: new Date(n.created_at) })}</time>
                </p>
                {n.text.split(/\n{2,}/).map((para, i) => (
                  <p key={i}>{para}</p>
                ))}
              </li>
            ))}
          </ol>
        )}
      </NamedSection>

      <NamedSection id="tasks" label={t('projects.workspace.tasks')}>
        {space.tasks.length === 0 ? (
          <p>{t('projects.workspace.noTasks')}</p>
        ) : (
          <ul class="tasks">
            {space.tasks.map((x) => (
              <li key={x.id}>
                {x.done ? <s>{x.title}</s> : x.title}
                {x.owner && ` — ${x.owner}`}
                {x.due_on && (
                  <>
                    {' — '}
                    {t('projects.workspace.dueOn')}{' '}
                    <time datetime={x.due_on}>{t('common.date', { date: new Date(`${x.due_on}T12:00:00Z`) })}</time>
                  </>
                )}
                {x.done ? <span class="tag">{t('projects.workspace.done')}</span> : null}
                {x.overdue && <strong class="tag tag--warning">{t('projects.workspace.overdue')}</strong>}
                {!x.done && (
                  <ButtonForm
                    action={href(`${base}/tasks/${x.id}/done`)}
                    csrfToken={csrfToken}
                    label={t('projects.workspace.markDone')}
                    hiddenLabel={x.title}
                    secondary
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        <h3>{t('projects.workspace.addTask')}</h3>
        <form method="post" action={href(`${base}/tasks`)} class="form" noValidate>
          {task && <ErrorSummary errors={task.errors} labels={labels} />}
          <CsrfField token={csrfToken} />
          <TextField
            name="title"
            label={labels.title}
            value={task?.values.title}
            maxLength={TASK_MAX}
            error={task?.errors.title}
            required
          />
          <Select
            name="owner"
            label={labels.owner}
            value={task?.values.owner}
            error={task?.errors.owner}
            options={[
              { value: '', label: t('projects.workspace.nobody') },
              ...space.members.map((m) => ({ value: String(m.id), label: m.name })),
            ]}
          />
          <TextField name="due" type="date" label={labels.due} value={task?.values.due} maxLength={10} error={task?.errors.due} />
          <button type="submit">{t('projects.workspace.addTask')}</button>
        </form>
      </NamedSection>

      <NamedSection id="documents" label={t('projects.workspace.documents')}>
        {space.documents.length === 0 ? (
          <p>{t('projects.workspace.noDocuments')}</p>
        ) : (
          <ul>
            {space.documents.map((d) => (
              <li key={d.id}>
                <a href={href(`${base}/documents/${d.id}`)}>{d.original_name}</a> ({kb(d.size)} KB
                {d.uploader && `, ${d.uploader}`}, <time datetime={d.created_at}>{t('common.date', { date: new Date(d.created_at) })}</time>
                )
              </li>
            ))}
          </ul>
        )}
        <h3>{t('projects.workspace.upload')}</h3>
        <form method="post" action={href(`${base}/documents`)} class="form" encType="multipart/form-data" noValidate>
          {doc && <ErrorSummary errors={doc.errors} labels={labels} />}
          <CsrfField token={csrfToken} />
          <TextField
            name="name"
            label={labels.name}
            value={doc?.values.name}
            maxLength={DOCUMENT_NAME_MAX}
            error={doc?.errors.name}
            required
          />
          <FileField
            name="file"
            label={labels.file}
            hint={t('projects.workspace.fileHint')}
            accept={Object.values(DOCUMENT_TYPES).join(',')}
            error={doc?.errors.file}
            required
          />
          <button type="submit">{t('projects.workspace.upload')}</button>
        </form>
      </NamedSection>
    </article>
  );
}
