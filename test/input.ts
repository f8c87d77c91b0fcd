/** The error shown next to a field, as text without its "Error:" prefix; undefined when there is none. */
export function fieldError(html: string, field: string): string | undefined {
  const m = new RegExp(`<p class="field-error" id="${field}-error">(.*?)</p>`, 's').exec(html);
  return m?.[1]?.replace(/<span class="visually-hidden">.*?<\/span>/, '').trim();
}

/** The English message for control characters in a field. */
export const CHARACTERS_ERROR = 'Remove the invisible control characters from this field.';

/**
 * Whether a page holds the trap for robots with this id: out of view, hidden from screen readers,
 * out of the tab order, empty and never autofilled.
 */
export function hasHoneypot(html: string, id = 'website'): boolean {
  const field = `<input type="text" id="${id}" name="website" value tabindex="-1" autocomplete="off"/?>`;
  return new RegExp(`<div class="visually-hidden" aria-hidden="true"><label for="${id}">Leave this field empty</label>${field}</div>`).test(
    html,
  );
}

/** What a robot types into the trap. */
export const ROBOT = { website: 'http://spam.example' };
