import { Fragment } from 'preact';
import {
  ButtonForm,
  CsrfField,
  type FieldErrors,
  Notice,
  TextArea,
  Timeline,
  type TimelineEntry,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { profilePath } from '../../municipalities/index.ts';
import { isOpen, type SignalUpdate } from '../schema.ts';
import { categoryName } from '../service/categories.ts';
import type { ReportDetail } from '../service/detail.ts';
import { PHOTO_WIDTHS, photoPath } from '../service/photos.ts';
import { optionsOf } from '../service/questions.ts';
import { reportPath } from '../service/reports.ts';
import { NOTE_LIMIT } from '../service/states.ts';

export interface ReportView {
  detail: ReportDetail;
  notice?: string | undefined;
  csrfToken?: string | undefined;
  signedIn: boolean;
  /** What this reader may do: say "me too" (or has said it), settle it as its author, manage it as staff. */
  canMeToo: boolean;
  saidMeToo: boolean;
  canSettle: boolean;
  canManage: boolean;
  /** A refused "fixed" or "reopen", with the note as typed. */
  errors?: FieldErrors | undefined;
  note?: string | undefined;
  map: { tiles: string; attribution: string };
}

/** A text as people wrote it: its paragraphs, never markup. */
const Paragraphs = ({ text }: { text: string }) => (
  <>
    {text
      .split(/\n\s*\n/)
      .filter((p) => p.trim())
      .map((p, i) => (
        <p key={i} class="description">
          {p.trim()}
        </p>
      ))}
  </>
);

export function ReportPage({ view }: { view: ReportView }) {
  const { t } = usePage();
  const href = useHref();
  const { signal: s, category, towns } = view.detail;
  const town = towns.get(s.municipality_id);
  const name = categoryName(t, category);
  const osm = `https://www.openstreetmap.org/?mlat=${s.latitude}&mlon=${s.longitude}#map=17/${s.latitude}/${s.longitude}`;
  return (
    <article class="signal">
      {town && (
        <p class="meta">
          <a href={href(`${profilePath(town)}/signals`)}>{t('signals.list.title', { town: town.name })}</a>
        </p>
      )}
      <h1>{s.address ? t('signals.page.title', { category: name, address: s.address }) : name}</h1>
      {view.notice && (
        <Notice>
          <p>{t(`signals.page.notice.${view.notice}`)}</p>
        </Notice>
      )}
      {s.confirmed === 0 && <p class="notice">{t('signals.page.waiting')}</p>}
      <p>
        <span class="tag">{t(`signals.state.${s.state}`)}</span>{' '}
        {view.detail.publicName
          ? t('signals.page.reportedBy', { date: new Date(s.created_at), name: view.detail.publicName })
          : t('signals.page.reported', { date: new Date(s.created_at) })}
      </p>
      {s.state === 'not_responsible' && s.responsible && <p>{t('signals.page.responsible', { who: s.responsible })}</p>}
      {s.state === 'duplicate' && s.duplicate_of && (
        <p>
          <a href={href(reportPath(s.duplicate_of))}>{t('signals.page.duplicateOf', { id: s.duplicate_of })}</a>
        </p>
      )}
      {view.canManage && (
        <p>
          <a class="button" href={href(`${reportPath(s.id)}/manage`)}>
            {t('signals.page.manage')}
          </a>
        </p>
      )}
      <figure
        class="map"
        data-lat={s.latitude}
        data-lon={s.longitude}
        data-tiles={view.map.tiles}
        data-attribution={view.map.attribution}
        data-label={t('signals.page.mapLabel')}
      >
        <figcaption>
          {t('map.coordinates', { lat: s.latitude.toFixed(5), lon: s.longitude.toFixed(5) })} · <a href={osm}>{t('map.open')}</a>
        </figcaption>
      </figure>
      <h2>{t('signals.page.description')}</h2>
      <Paragraphs text={s.description} />
      <Answers detail={view.detail} />
      {view.detail.photos.map((p, i) => (
        <figure key={p.id} class="picture-current">
          <img src={photoPath(p.file, PHOTO_WIDTHS[0])} alt={t('signals.page.photoAlt', { number: i + 1 })} loading="lazy" />
          {p.hidden === 1 && <figcaption>{t('signals.page.photoHidden')}</figcaption>}
        </figure>
      ))}
      <MeToo view={view} />
      {view.canSettle && <Settle view={view} />}
      <h2>{t('signals.page.timeline')}</h2>
      <Timeline entries={[...view.detail.timeline].reverse().map((u) => entryOf(u, view.detail, t))} />
    </article>
  );
}

function entryOf(u: SignalUpdate, detail: ReportDetail, t: ReturnType<typeof usePage>['t']): TimelineEntry {
  const byAuthor = u.author_id !== null && u.author_id === detail.signal.author_id;
  const note = u.note ? <Paragraphs text={u.note} /> : undefined;
  if (u.kind === 'created') return { at: u.created_at, title: t('signals.page.event.created') };
  if (u.kind === 'me_too') return { at: u.created_at, title: t('signals.page.event.meToo') };
  if (u.kind === 'passed') {
    const from = u.from_municipality ? detail.towns.get(u.from_municipality)?.name : undefined;
    return { at: u.created_at, title: t('signals.page.event.passed', { from: from ?? '' }), detail: note };
  }
  if (u.kind === 'state' && u.state)
    return {
      at: u.created_at,
      title: t(byAuthor ? 'signals.page.event.stateByAuthor' : 'signals.page.event.state'),
      status: t(`signals.state.${u.state}`),
      detail: note,
    };
  return { at: u.created_at, title: t('signals.page.event.note'), detail: note };
}

function Answers({ detail }: { detail: ReportDetail }) {
  const { t } = usePage();
  const answered = detail.questions.filter((q) => detail.answers[q.code] !== undefined);
  if (!answered.length) return null;
  const shown = (code: string, value: string) => {
    const q = answered.find((x) => x.code === code)!;
    return optionsOf(q).find((o) => o.key === value)?.name ?? value;
  };
  return (
    <>
      <h2>{t('signals.page.answers')}</h2>
      <dl class="summary-list">
        {answered.map((q) => {
          const a = detail.answers[q.code]!;
          return (
            <Fragment key={q.id}>
              <dt>{q.label}</dt>
              <dd>{(Array.isArray(a) ? a : [a]).map((v) => shown(q.code, v)).join(', ')}</dd>
            </Fragment>
          );
        })}
      </dl>
    </>
  );
}

function MeToo({ view }: { view: ReportView }) {
  const { t } = usePage();
  const href = useHref();
  const s = view.detail.signal;
  return (
    <section id="me-too" aria-labelledby="me-too-heading">
      <h2 id="me-too-heading">{t('signals.page.meTooTitle')}</h2>
      <p>{t('signals.page.meTooCount', { count: s.me_too })}</p>
      {view.saidMeToo ? (
        <p>{t('signals.page.saidMeToo')}</p>
      ) : view.canMeToo && view.csrfToken ? (
        <ButtonForm action={href(`${reportPath(s.id)}/me-too`)} csrfToken={view.csrfToken} label={t('signals.page.meToo')} />
      ) : (
        !view.signedIn && isOpen(s.state) && <p>{t('signals.page.meTooSignIn')}</p>
      )}
    </section>
  );
}

/** The author's word: it is fixed (while open), or it is not (once settled). */
function Settle({ view }: { view: ReportView }) {
  const { t } = usePage();
  const href = useHref();
  const s = view.detail.signal;
  const open = isOpen(s.state);
  const error = view.errors?.note ?? view.errors?.form;
  return (
    <section id="settle" aria-labelledby="settle-heading">
      <h2 id="settle-heading">{t(open ? 'signals.page.fixedTitle' : 'signals.page.reopenTitle')}</h2>
      <form method="post" action={href(`${reportPath(s.id)}/${open ? 'fixed' : 'reopen'}`)} novalidate>
        <CsrfField token={view.csrfToken ?? ''} />
        <TextArea name="note" label={t('signals.page.settleNote')} value={view.note} maxLength={NOTE_LIMIT} rows={3} error={error} />
        <button type="submit">{t(open ? 'signals.page.fixed' : 'signals.page.reopen')}</button>
      </form>
    </section>
  );
}
