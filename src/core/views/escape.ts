const ENTITIES = /["&<]/g;
const ENTITY: Record<string, string> = { '"': '&quot;', '&': '&amp;', '<': '&lt;' };

/** Text or an attribute's value escaped exactly as Preact escapes it, so that the page reads the same. */
export function escapeHtml(text: string): string {
  return text.replace(ENTITIES, (c) => ENTITY[c]!);
}

/** An attribute as Preact writes it: an empty value as the bare name. */
export function attr(name: string, value: string): string {
  return value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
}
