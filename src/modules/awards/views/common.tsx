import { usePage } from '../../../core/views/context.ts';
import type { EditionView, NominationView, Phase } from '../schema.ts';

export const paragraphs = (text: string) => text.split(/\n{2,}/).filter((p) => p.trim());

/** A day of an edition's calendar, in the reader's language. */
export function Day({ at }: { at: string }) {
  const { lang } = usePage();
  return (
    <time datetime={at.slice(0, 10)}>{new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(at))}</time>
  );
}

export function PhaseLine({ phase }: { phase: Phase }) {
  const { t } = usePage();
  return (
    <p class="badge">
      {t('awards.phase')}: {t(`awards.phase.${phase}`)}
    </p>
  );
}

/** An edition's calendar: when each phase ends. */
export function Calendar({ edition }: { edition: EditionView }) {
  const { t } = usePage();
  const rows: [string, string][] = [
    ['awards.dates.nominationsClose', edition.nominations_close],
    ['awards.dates.voteOpens', edition.vote_opens],
    ['awards.dates.voteCloses', edition.vote_closes],
    ['awards.dates.juryCloses', edition.jury_closes],
    ['awards.dates.results', edition.results_on],
  ];
  return (
    <dl class="facts">
      {rows.map(([key, at]) => (
        <div key={key}>
          <dt>{t(key)}</dt>
          <dd>
            <Day at={at} />
          </dd>
        </div>
      ))}
      <div>
        <dt>{t('awards.juryWeight')}</dt>
        <dd>{t('awards.juryWeightValue', { jury: edition.jury_weight, public: 100 - edition.jury_weight })}</dd>
      </div>
    </dl>
  );
}

/** A nominee's name: the mayor or the practice, with the town linked to its profile. */
export function Nominee({ n }: { n: NominationView }) {
  const { lang } = usePage();
  const town = n.townPath ? <a href={`/${lang}${n.townPath}`}>{n.town}</a> : n.town;
  const name = n.mayor_name || n.practice;
  return name ? (
    <>
      {name} ({town}, {n.country})
    </>
  ) : (
    <>
      {town} ({n.country})
    </>
  );
}
