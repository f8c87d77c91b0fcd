import { usePage } from '../../../core/views/context.ts';

/** One filter of a list: a select whose first option is "any". */
export function FilterSelect(p: { id: string; label: string; any: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      <select id={p.id} name={p.id}>
        <option value="">{p.any}</option>
        {p.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A list's address with its filters and page, leaving out what is empty. */
export function listLink(base: string, filter: Record<string, string | undefined>, page: number): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) p.set(k, v);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return `${base}${s ? `?${s}` : ''}`;
}

/** A partnership's time: from a day, to a day or open. */
export function Period({ from, to }: { from: string; to: string | null }) {
  const { t } = usePage();
  return <>{to ? t('organisations.partnership.period', { from, to }) : t('organisations.partnership.since', { from })}</>;
}
