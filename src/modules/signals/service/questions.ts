import type { QuestionKind, SignalQuestion } from '../schema.ts';

/** A report's answers to its category's questions: one value, or several for a multiple choice. */
export type Answers = Record<string, string | string[]>;

export const ANSWER_LIMIT = 2000;

export interface Option {
  key: string;
  name: string;
}

export const optionsOf = (q: Pick<SignalQuestion, 'options'>): Option[] => (q.options ? (JSON.parse(q.options) as Option[]) : []);

const valid: Record<QuestionKind, (v: string, q: SignalQuestion) => boolean> = {
  string: (v) => v.length <= 200,
  text: (v) => v.length <= ANSWER_LIMIT,
  number: (v) => /^-?\d{1,12}(\.\d{1,6})?$/.test(v),
  datetime: (v) => !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}/.test(v),
  singlevaluelist: (v, q) => optionsOf(q).some((o) => o.key === v),
  multivaluelist: (v, q) => optionsOf(q).some((o) => o.key === v),
};

/**
 * Reads answers from a form or an Open311 POST (`read(code)` gives what was sent for a question):
 * the answers, or the codes of the questions answered wrongly or left out while required.
 */
export function readAnswers(
  questions: SignalQuestion[],
  read: (code: string) => string[],
): { answers: Answers; wrong: { code: string; reason: 'required' | 'invalid' }[] } {
  const answers: Answers = {};
  const wrong: { code: string; reason: 'required' | 'invalid' }[] = [];
  for (const q of questions) {
    const values = read(q.code)
      .map((v) => v.trim())
      .filter(Boolean);
    if (!values.length) {
      if (q.required) wrong.push({ code: q.code, reason: 'required' });
      continue;
    }
    const many = q.kind === 'multivaluelist';
    if ((!many && values.length > 1) || !values.every((v) => valid[q.kind](v, q))) {
      wrong.push({ code: q.code, reason: 'invalid' });
      continue;
    }
    answers[q.code] = many ? values : values[0]!;
  }
  return { answers, wrong };
}
