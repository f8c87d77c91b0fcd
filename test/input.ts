/** The error shown next to a field, as text without its "Error:" prefix; undefined when there is none. */
export function fieldError(html: string, field: string): string | undefined {
  const m = new RegExp(`<p class="field-error" id="${field}-error">(.*?)</p>`, 's').exec(html);
  return m?.[1]?.replace(/<span class="visually-hidden">.*?<\/span>/, '').trim();
}

/** The English message for control characters in a field. */
export const CHARACTERS_ERROR = 'Remove the invisible control characters from this field.';
