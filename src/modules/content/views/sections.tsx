import type { ComponentChildren } from 'preact';
import { LANGUAGE_CODES, LANGUAGES } from '../../../core/i18n/languages.ts';
import {
  Checkbox,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  type FieldError,
  FileField,
  Select,
  TextArea,
  TextField,
} from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import { TIME_ZONES } from '../../../core/zones.ts';
import { LIMITS, POLICY_AREAS } from '../schema.ts';
import { imageFile } from '../service/images.ts';
import type { EditorView } from './editor.tsx';
import type { MapTiles } from './item.tsx';

export type { MapTiles };

/** A titled part of the form that folds; the page works the same with it open or closed. */
function Section({ id, title, open, children }: { id: string; title: string; open: boolean; children: ComponentChildren }) {
  return (
    <details class="form-section" id={`section-${id}`} open={open}>
      <summary>
        <span class="form-section-title">{title}</span>
      </summary>
      <div class="form-section-body">{children}</div>
    </details>
  );
}

const zoneLabel = (zone: string) => zone.replaceAll('_', ' ');
const EUROPE = TIME_ZONES.filter((z) => z.startsWith('Europe/')).map((z) => ({ value: z, label: zoneLabel(z) }));
const OTHERS = TIME_ZONES.filter((z) => !z.startsWith('Europe/')).map((z) => ({ value: z, label: zoneLabel(z) }));

/** The IANA zones, Europe's first; a value not on the list (one that was refused) shows the fallback. */
export function TimeZoneSelect(p: { id?: string; value?: string; fallback: string; error?: FieldError | undefined; hint?: string }) {
  const { t } = usePage();
  const value = p.value && TIME_ZONES.includes(p.value) ? p.value : p.fallback;
  return (
    <Select
      name="time_zone"
      id={p.id}
      label={t('content.field.timeZone')}
      hint={p.hint ?? t('content.hint.timeZone')}
      required
      value={value}
      error={p.error}
      options={[]}
      groups={[
        { label: t('content.zone.europe'), options: EUROPE },
        { label: t('content.zone.others'), options: OTHERS },
      ]}
    />
  );
}

/** The editor's fields in folding sections: the first open, and any holding an error or data (when editing or refused). */
export function EditorFields({ view, action }: { view: EditorView; action: string }) {
  const { t } = usePage();
  const { values: v, errors, type, item } = view;
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const labels = fieldLabels(t);
  // The zone always has a value (the town's), so it alone does not open its section.
  const filled = (n: string) => n !== 'time_zone' && (Array.isArray(v[n]) ? v[n].length > 0 : !!v[n]);
  const open = (names: string[]) => names.some((n) => errors[n] || filled(n));
  const field = (name: string, max: number, opts: { required?: boolean; hint?: string; type?: 'url' | 'date' | 'datetime-local' } = {}) => (
    <TextField name={name} label={labels[name]!} value={str(name)} error={errors[name]} maxLength={max} {...opts} />
  );
  const area = (name: string, max: number, rows: number, required = false, hint?: string) => (
    <TextArea
      name={name}
      label={labels[name]!}
      value={str(name)}
      error={errors[name]}
      maxLength={max}
      rows={rows}
      required={required}
      hint={hint}
    />
  );
  const topics = ['areas', 'tags', 'deadline', 'contact'];
  const place = Object.keys(PLACE_FIELDS);
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" action={action} enctype="multipart/form-data" class="form form--sections" noValidate>
        <CsrfField token={view.csrfToken} />
        <Section id="text" title={t('content.desk.section.text')} open>
          {!item && (
            <>
              <input type="hidden" name="type" value={type} />
              <Select name="owner" label={labels.owner!} required value={str('owner')} error={errors.owner} options={view.owners} />
              <Select
                name="language"
                label={t('content.desk.writtenIn')}
                required
                value={str('language')}
                error={errors.language}
                options={LANGUAGE_CODES.map((l) => ({ value: l, label: LANGUAGES[l] }))}
              />
            </>
          )}
          {field('title', LIMITS.title, { required: true })}
          {area('summary', LIMITS.summary, 3, true, t('content.hint.summary'))}
          <MarkdownField value={str('body')} error={errors.body} label={labels.body!} />
          {type === 'initiative' && area('goal', LIMITS.goal, 3, true)}
          {type === 'practice' && (
            <>
              {area('problem', LIMITS.problem, 5, true)}
              {area('solution', LIMITS.solution, 5, true)}
              {area('results', LIMITS.results, 5, true)}
              {field('cost', LIMITS.cost)}
              {field('reuse', LIMITS.reuse, { hint: t('content.hint.reuse') })}
            </>
          )}
        </Section>
        <Section id="picture" title={t('content.desk.section.picture')} open={!!item?.image || open(['image', 'image_alt'])}>
          {item?.image && (
            <figure class="picture-current">
              <img src={`/media/content/${imageFile(item.image, 600)}`} alt={str('image_alt') ?? ''} width="600" />
              <figcaption>{t('content.desk.currentPicture')}</figcaption>
            </figure>
          )}
          {view.original && (
            <div class="picture-field" data-preview-label={t('content.desk.newPicture')}>
              <FileField
                name="image"
                label={labels.image!}
                hint={t('content.hint.image')}
                error={errors.image}
                accept="image/png,image/jpeg,image/webp"
              />
            </div>
          )}
          {field('image_alt', LIMITS.image_alt, { hint: t('content.hint.imageAlt') })}
        </Section>
        {view.original && (
          <Section id="topics" title={t('content.desk.section.topics')} open={open(topics)}>
            <AreaChoices chosen={v.areas} error={errors.areas} legend={labels.areas!} />
            {field('tags', LIMITS.tags, { hint: t('content.hint.tags') })}
            {type === 'initiative' && field('deadline', 10, { required: true, type: 'date' })}
            {type === 'practice' && area('contact', LIMITS.contact, 3)}
          </Section>
        )}
        {view.original && type === 'event' && (
          <Section id="place" title={t('content.desk.section.place')} open={open(place)}>
            {field('starts_at', 20, { required: true, type: 'datetime-local' })}
            {field('ends_at', 20, { type: 'datetime-local' })}
            <Checkbox name="all_day" value="on" label={t('content.field.allDay')} checked={str('all_day') === 'on'} />
            <TimeZoneSelect value={str('time_zone')} fallback={view.zone} error={errors.time_zone} />
            {field('venue_name', LIMITS.venue_name, { hint: t('content.hint.venue') })}
            {field('venue_address', LIMITS.venue_address)}
            <div class="coordinates">
              {field('latitude', 20)}
              {field('longitude', 20)}
            </div>
            <div
              class="map place-picker"
              hidden
              data-tiles={view.map.tiles}
              data-attribution={view.map.attribution}
              data-label={t('content.desk.mapLabel')}
            >
              <p class="hint">{t('content.desk.mapHint')}</p>
            </div>
            {field('online_url', LIMITS.online_url, { type: 'url' })}
            {field('organiser', LIMITS.organiser)}
            <Checkbox name="registration" value="on" label={t('content.field.registration')} checked={str('registration') === 'on'} />
            {field('capacity', 6, { hint: t('content.hint.capacity') })}
          </Section>
        )}
        <button type="submit">{t('content.desk.saveDraft')}</button>
      </form>
    </>
  );
}

/** The event's fields; a section with one of them filled in (when editing) or refused starts open. */
const PLACE_FIELDS = {
  starts_at: 'content.field.startsAt',
  ends_at: 'content.field.endsAt',
  time_zone: 'content.field.timeZone',
  venue_name: 'content.field.venueName',
  venue_address: 'content.field.venueAddress',
  latitude: 'map.latitude',
  longitude: 'map.longitude',
  online_url: 'content.field.online',
  organiser: 'content.field.organiser',
  capacity: 'content.field.capacity',
} as const;

const TEXT_FIELDS = {
  owner: 'content.desk.owner',
  language: 'content.languageLabel',
  type: 'content.typeLabel',
  title: 'content.field.title',
  summary: 'content.field.summary',
  body: 'content.field.body',
  image: 'content.field.image',
  image_alt: 'content.field.imageAlt',
  areas: 'content.areaLabel',
  tags: 'content.tags',
  deadline: 'content.field.deadline',
  goal: 'content.field.goal',
  problem: 'content.field.problem',
  solution: 'content.field.solution',
  results: 'content.field.results',
  cost: 'content.field.cost',
  reuse: 'content.field.reuse',
  contact: 'content.field.contact',
} as const;

function fieldLabels(t: (key: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries({ ...TEXT_FIELDS, ...PLACE_FIELDS }).map(([name, key]) => [name, t(key)]));
}

function AreaChoices({ chosen, error, legend }: { chosen: string | string[] | undefined; error?: FieldError; legend: string }) {
  const { t } = usePage();
  return (
    <CheckboxGroup
      name="areas"
      legend={legend}
      options={POLICY_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))}
      checked={new Set(Array.isArray(chosen) ? chosen : chosen ? [chosen] : [])}
      error={error}
    />
  );
}

const MARKS = ['bold', 'italic', 'heading', 'list', 'link', 'quote'] as const;

/**
 * The body: a Markdown text area with its syntax hint. A script shows the toolbar and the tabs,
 * which stay hidden without it; the preview asks the server, so it is what readers will get.
 */
function MarkdownField({ value, error, label }: { value?: string; error?: FieldError; label: string }) {
  const { t } = usePage();
  const href = useHref();
  return (
    <div
      class="md-editor"
      data-preview={href('/newsroom/markdown')}
      data-failed={t('content.editor.failed')}
      data-empty={t('content.editor.empty')}
    >
      <div class="md-tabs" role="tablist" aria-label={label} hidden>
        <button type="button" role="tab" id="body-write-tab" aria-controls="body-write" aria-selected="true">
          {t('content.editor.write')}
        </button>
        <button type="button" role="tab" id="body-preview-tab" aria-controls="body-preview" aria-selected="false" tabIndex={-1}>
          {t('content.editor.preview')}
        </button>
      </div>
      <div id="body-write">
        <div class="md-toolbar" role="toolbar" aria-label={t('content.editor.toolbar')} aria-controls="body" hidden>
          {MARKS.map((m) => (
            <button key={m} type="button" class="button--secondary" data-mark={m}>
              {t(`content.editor.${m}`)}
            </button>
          ))}
        </div>
        <TextArea name="body" label={label} value={value} error={error} maxLength={LIMITS.body} rows={14} hint={t('content.hint.body')} />
      </div>
      <div id="body-preview" class="md-preview prose" hidden />
    </div>
  );
}
