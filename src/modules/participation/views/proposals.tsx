import type { VNode } from 'preact';
import { ButtonForm, LinkedMessage, NamedSection, Notice, Pager } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { renderBody } from '../../content/index.ts';
import { PlacesMap } from '../../municipalities/index.ts';
import { ANSWER_STATES, PROPOSAL_SORTS, type Proposal } from '../schema.ts';
import { LIST_PAGE, type ListState, type SharedPage, withParams } from '../service/lists.ts';
import { type ProcessView, processPath } from '../service/processes.ts';
import { type Author, PICTURE_WIDTHS, type ProposalDetail, pictureFile, proposalPath } from '../service/proposals.ts';
import type { SupportRefusal, SupportStanding } from '../service/supports.ts';
import { langOf } from './processes.tsx';
import { ByOrganisation } from './published-as.tsx';

export interface MapSettings {
  tiles: string;
  attribution: string;
}

/** "By Ana Petrova", or "By Green Sofia" (its profile) when published as an organisation. */
function AuthorLine({ author }: { author: Author | undefined }) {
  const { t } = usePage();
  if (author?.organisation && author.organisationPath)
    return <ByOrganisation organisation={{ name: author.organisation, path: author.organisationPath }} />;
  if (author?.organisation) return <>{t('participation.proposal.byOrganisation', { organisation: author.organisation })}</>;
  return <>{author?.name ? t('participation.proposal.by', { name: author.name }) : t('common.deletedAccount')}</>;
}

/** The hole in a proposal's card that shows a signed-in reader that they support it. */
export const supportHole = (id: number) => `support-${id}`;

/** What fills a card's hole for a proposal the reader supports. */
export function YourSupport() {
  const { t } = usePage();
  return <span class="tag">{t('participation.support.yours')}</span>;
}

function ProposalCard({ process: p, proposal: x, author }: { process: ProcessView; proposal: Proposal; author?: Author }) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <li class="card">
      <h3>
        <a href={href(proposalPath(p.slug, x.id))} lang={langOf(x.language, lang)}>
          {x.title}
        </a>
      </h3>
      <p class="meta">
        <AuthorLine author={author} /> · {t(`area.${x.area}`)}
      </p>
      <p class="meta">
        {t('participation.support.count', { count: x.supports_count })} ·{' '}
        {t('participation.proposal.comments', { count: x.comments_count })}
        {x.answer_state && <span class="tag">{t(`participation.proposal.state.${x.answer_state}`)}</span>}
        <span data-hole={supportHole(x.id)} />
      </p>
    </li>
  );
}

/** A page of a list as every reader sees it (see `reply.kept`); `signedIn` adds the filters of one's own. */
export interface ProposalListView {
  process: ProcessView;
  state: ListState;
  list: SharedPage;
  signedIn: boolean;
  map: MapSettings;
}

/** The filters of a list, as a form that works without JavaScript; the seed of the random order is kept. */
function ListFilters({ view }: { view: ProposalListView }) {
  const { t } = usePage();
  const href = useHref();
  const { process: p, state } = view;
  const option = (value: string, label: string, current: string | undefined) => (
    <option key={value} value={value} selected={value === current}>
      {label}
    </option>
  );
  return (
    <form method="get" action={href(processPath(p))} class="filters">
      {state.params.seed && <input type="hidden" name="seed" value={state.params.seed} />}
      <div class="field">
        <label for="list-area">{t('participation.list.area')}</label>
        <select id="list-area" name="area">
          {option('', t('participation.list.allAreas'), state.params.area ?? '')}
          {p.areaList.map((a) => option(a, t(`area.${a}`), state.params.area))}
        </select>
      </div>
      <div class="field">
        <label for="list-state">{t('participation.list.state')}</label>
        <select id="list-state" name="state">
          {option('', t('participation.list.allStates'), state.params.state ?? '')}
          {option('none', t('participation.list.unanswered'), state.params.state)}
          {ANSWER_STATES.map((s) => option(s, t(`participation.proposal.state.${s}`), state.params.state))}
        </select>
      </div>
      <div class="field">
        <label for="list-sort">{t('participation.list.sort')}</label>
        <select id="list-sort" name="sort">
          {PROPOSAL_SORTS.map((s) => option(s, t(`participation.list.sort.${s}`), state.params.sort))}
        </select>
      </div>
      {view.signedIn && (
        <fieldset class="fieldset">
          <legend>{t('participation.list.only')}</legend>
          <div class="checkbox-item">
            <input type="checkbox" id="list-mine" name="mine" value="1" checked={state.params.mine === '1'} />
            <label for="list-mine">{t('participation.list.mine')}</label>
          </div>
          <div class="checkbox-item">
            <input type="checkbox" id="list-supported" name="supported" value="1" checked={state.params.supported === '1'} />
            <label for="list-supported">{t('participation.list.supported')}</label>
          </div>
        </fieldset>
      )}
      <button type="submit">{t('filters.apply')}</button>
    </form>
  );
}

/** The proposals part of a process page: the button to propose, and the list (ProposalList) as kept. */
export function ProposalListPart({ process: p, canPropose, list }: { process: ProcessView; canPropose: boolean; list: VNode }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <NamedSection id="proposals" label={t('participation.list.title')}>
      {canPropose && (
        <p>
          <a class="button" href={href(`${processPath(p)}/proposals/new`)}>
            {t('participation.proposal.new')}
          </a>
        </p>
      )}
      {list}
    </NamedSection>
  );
}

/** Filters, a page of the list with its pager, the map of its places, the open data. */
export function ProposalList({ view }: { view: ProposalListView }) {
  const { t } = usePage();
  const href = useHref();
  const { process: p, state, list } = view;
  const base = href(processPath(p));
  const { seed: _seed, ...linkable } = state.params;
  return (
    <>
      <ListFilters view={view} />
      <div class="directory">
        <div class="directory-list">
          <p class="list-order" role="status">
            {t('participation.list.shown', { count: list.total })} {t(`participation.list.order.${state.order.sort}`)}
          </p>
          {list.proposals.length === 0 ? (
            <p>{t('participation.list.none')}</p>
          ) : (
            <ol class="cards" start={(state.page - 1) * LIST_PAGE + 1}>
              {list.proposals.map((x) => (
                <ProposalCard key={x.id} process={p} proposal={x} author={list.authors.get(x.id)} />
              ))}
            </ol>
          )}
          <Pager page={state.page} pages={list.pages} link={(n) => withParams(base, state.params, n)} />
        </div>
        {list.total > 0 && (
          <PlacesMap
            label={t('participation.list.map', { process: p.title })}
            tiles={view.map.tiles}
            attribution={view.map.attribution}
            source={withParams(href(`${processPath(p)}/proposals/map.json`), linkable)}
            base={`${processPath(p)}/proposals/`}
          />
        )}
      </div>
      <p class="meta">
        {t('participation.list.openData')} <a href={href(`${processPath(p)}/proposals.csv`)}>CSV</a> ·{' '}
        <a href={href(`${processPath(p)}/proposals.geojson`)}>GeoJSON</a> ·{' '}
        <a href={href(`/feeds/proposals.rss?process=${encodeURIComponent(p.slug)}`)}>RSS</a>
      </p>
    </>
  );
}

/** The supports of a proposal: how many, how far to the threshold, and the person's own button. */
function SupportBox({ view }: { view: ProposalPageView }) {
  const { t, lang } = usePage();
  const href = useHref();
  const { process: p, detail, standing } = view;
  const x = detail.proposal;
  const action = href(`${proposalPath(p.slug, x.id)}/support`);
  const next = encodeURIComponent(`/${lang}${proposalPath(p.slug, x.id)}`);
  return (
    <NamedSection id="supports" label={t('participation.support.title')}>
      {p.support_threshold ? (
        <>
          <p id="support-progress">{t('participation.support.progress', { count: x.supports_count, threshold: p.support_threshold })}</p>
          <meter
            min={0}
            max={p.support_threshold}
            value={Math.min(x.supports_count, p.support_threshold)}
            aria-labelledby="support-progress"
          />
        </>
      ) : (
        <p>{t('participation.support.count', { count: x.supports_count })}</p>
      )}
      {view.refusal && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <p>
            {view.refusal === 'verify' ? (
              <LinkedMessage
                id="participation.support.error.verify"
                links={{ link: { href: href(`${processPath(p)}/verify`), text: t('participation.support.verifyLink') } }}
              />
            ) : (
              t(`participation.support.error.${view.refusal}`)
            )}
          </p>
        </div>
      )}
      {standing.supported && <p>{t('participation.support.yoursLong')}</p>}
      {view.canSupport && standing.left !== null && p.support_limit !== null && (
        <p class="meta">{t('participation.support.left', { left: standing.left, limit: p.support_limit })}</p>
      )}
      {view.canSupport && view.csrfToken ? (
        standing.supported ? (
          <ButtonForm action={`${action}/withdraw`} csrfToken={view.csrfToken} label={t('participation.support.withdraw')} secondary />
        ) : (
          <ButtonForm action={action} csrfToken={view.csrfToken} label={t('participation.support.add')} />
        )
      ) : !view.signedIn && p.current?.actions.includes('support') ? (
        <p>
          <a href={href(`/sign-in?next=${next}`)}>{t('participation.support.signIn')}</a>
        </p>
      ) : (
        !view.canSupport && <p class="meta">{t('participation.support.closed')}</p>
      )}
    </NamedSection>
  );
}

/** The town's answer, once published. */
/** The town's published answer to a proposal, if any: the same for every reader. */
export function AnswerPart({ detail }: { detail: ProposalDetail }) {
  const { t } = usePage();
  const a = detail.answer;
  if (!a) return null;
  return (
    <NamedSection id="answer" label={t('participation.proposal.answer')}>
      <p>
        <span class="tag">{t(`participation.proposal.state.${a.state}`)}</span>
      </p>
      <div class="prose" dangerouslySetInnerHTML={{ __html: renderBody(a.text) }} />
      {a.cost_cents !== null && (
        <p>
          {t('participation.proposal.cost')}: {t('participation.proposal.costValue', { cost: a.cost_cents / 100 })}
        </p>
      )}
    </NamedSection>
  );
}

export interface ProposalPageView {
  process: ProcessView;
  detail: ProposalDetail;
  standing: SupportStanding;
  signedIn: boolean;
  canSupport: boolean;
  canEdit: boolean;
  /** Only for someone signed in: a page with a form token is nobody else's. */
  csrfToken?: string | undefined;
  refusal?: SupportRefusal | undefined;
  notice?: string | undefined;
  /** ProposalMain and AnswerPart, as kept for every reader. */
  main: VNode;
  answer: VNode;
  /** What other features add under the proposal: its comments. */
  parts: VNode[];
}

/** What a proposal says, with its pictures and place: the same for every reader (see `reply.kept`). */
export function ProposalMain({ process: p, detail, map }: { process: ProcessView; detail: ProposalDetail; map: MapSettings }) {
  const { t, lang } = usePage();
  const href = useHref();
  const x = detail.proposal;
  const textLang = langOf(x.language, lang);
  return (
    <>
      <header class="page-header">
        <p class="meta">
          <a href={href(processPath(p))}>{p.title}</a> · {t(`area.${x.area}`)}
        </p>
        <h1 lang={textLang}>{x.title}</h1>
        <p class="meta">
          <AuthorLine author={detail.author} /> · {t('common.date', { date: new Date(x.published_at) })}
          {x.edited_at && <span class="tag">{t('participation.proposal.edited')}</span>}
          {x.answer_state && <span class="tag">{t(`participation.proposal.state.${x.answer_state}`)}</span>}
        </p>
      </header>
      <div class="prose" lang={textLang} dangerouslySetInnerHTML={{ __html: renderBody(x.body) }} />
      {detail.pictures.map((pic, i) => (
        <figure key={pic.id} class="picture-current">
          <img
            src={`/media/participation/${pictureFile(pic.file, PICTURE_WIDTHS[0])}`}
            alt={pic.alt || t('participation.proposal.pictureAlt', { number: i + 1, title: x.title })}
            loading="lazy"
          />
        </figure>
      ))}
      {x.latitude !== null && x.longitude !== null && (
        <NamedSection id="place" label={t('participation.proposal.place')}>
          {x.address && <p>{x.address}</p>}
          <p class="meta">{t('map.coordinates', { lat: x.latitude, lon: x.longitude })}</p>
          <PlacesMap
            label={t('map.label', { name: x.title })}
            tiles={map.tiles}
            attribution={map.attribution}
            places={[[x.latitude, x.longitude, x.title, String(x.id)]]}
            base={`${processPath(p)}/proposals/`}
          />
        </NamedSection>
      )}
      {x.latitude === null && x.address && (
        <p>
          {t('participation.proposal.address')}: {x.address}
        </p>
      )}
    </>
  );
}

export function ProposalPage({ view }: { view: ProposalPageView }) {
  const { t } = usePage();
  const href = useHref();
  const { process: p, detail } = view;
  const x = detail.proposal;
  return (
    <article class="proposal">
      {view.notice && <Notice>{t(`participation.proposal.notice.${view.notice}`)}</Notice>}
      {view.main}
      {view.canEdit && (
        <p>
          <a class="button button--secondary" href={href(`${proposalPath(p.slug, x.id)}/edit`)}>
            {t('participation.proposal.edit')}
          </a>
        </p>
      )}
      <SupportBox view={view} />
      {view.answer}
      {view.parts}
    </article>
  );
}
