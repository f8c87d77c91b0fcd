import type { FieldErrors } from '../../../core/views/components.tsx';
import * as repo from '../repo.ts';
import { QUESTION_KINDS, type QuestionKind, type ReportQuestion } from '../schema.ts';
import type { QuestionFormValues } from '../views/report-form.tsx';

export const LABEL_MAX = 300;
export const CHOICES_MAX = 2000;
const CHOICES_COUNT = 30;

type Db = Parameters<typeof repo.questionsOf>[0];

/** What a question's form sent, as the form shows it again. */
export function formValues(body: unknown, languages: string[]): QuestionFormValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof b[key] === 'string' ? (b[key] as string) : '');
  return {
    kind: text('kind'),
    required: text('required'),
    public: text('public'),
    position: text('position'),
    labels: Object.fromEntries(languages.map((l) => [l, text(`label_${l}`)])),
    choices: Object.fromEntries(languages.map((l) => [l, text(`choices_${l}`)])),
  };
}

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * A question from its form: asked in the first language at least (the reader's), a choice with two
 * options or more and as many in each language it is written in.
 */
export function readQuestion(values: QuestionFormValues, languages: string[]) {
  const errors: FieldErrors = {};
  const kind = QUESTION_KINDS.find((k) => k === values.kind);
  if (!kind) errors.kind = { key: 'form.error.choose' };
  const labels: Record<string, string> = {};
  for (const l of languages) {
    const label = (values.labels[l] ?? '').trim();
    if (label.length > LABEL_MAX) errors[`label_${l}`] = { key: 'form.error.tooLong', values: { max: LABEL_MAX } };
    else if (label) labels[l] = label;
  }
  const first = languages[0] as string;
  if (!labels[first] && !errors[`label_${first}`]) errors[`label_${first}`] = { key: 'form.error.required' };
  const options: Record<string, string>[] = [];
  if (kind === 'choice') {
    const count = lines(values.choices[first] ?? '').length;
    for (const l of languages) {
      const list = lines(values.choices[l] ?? '');
      if ((values.choices[l] ?? '').length > CHOICES_MAX || list.length > CHOICES_COUNT)
        errors[`choices_${l}`] = { key: 'networks.questions.error.tooMany', values: { max: CHOICES_COUNT } };
      else if (l === first && count < 2) errors[`choices_${l}`] = { key: 'networks.questions.error.choices' };
      else if (list.length && list.length !== count) errors[`choices_${l}`] = { key: 'networks.questions.error.count', values: { count } };
      else
        for (const [i, option] of list.entries()) {
          options[i] = { ...options[i], [l]: option };
        }
    }
  }
  const position = Number(values.position || 0);
  if (!Number.isInteger(position) || position < 0 || position > 999) errors.position = { key: 'networks.questions.error.position' };
  if (Object.keys(errors).length) return { ok: false as const, errors };
  return {
    ok: true as const,
    row: {
      kind: kind as QuestionKind,
      labels: JSON.stringify(labels),
      choices: JSON.stringify(options),
      required: values.required ? 1 : 0,
      public: values.public ? 1 : 0,
      position,
    },
  };
}

/** The languages a network's form is written in, the reader's first, then English, then the others. */
export function formLanguages(questions: ReportQuestion[], reader: string): string[] {
  const written = questions.flatMap((q) => Object.keys(JSON.parse(q.labels) as Record<string, string>));
  return [...new Set([reader, 'en', ...written])];
}

export const questionsOfNetwork = async (db: Db, networkId: number) => (await repo.questionsOf(db, networkId)) as ReportQuestion[];
