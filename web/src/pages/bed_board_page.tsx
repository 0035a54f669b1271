// A shelter's live bed board, for a tablet at the front desk: each section as a tile with its free beds
// (held beds for groups on their way do not count), who is in which section with overdue check-outs
// flagged, the holds and when they expire; check a person in (from a hold or a free bed), out, and hold
// beds for a group. It refreshes itself every 30 seconds. Names are shown only to the site's staff and
// coordinators; the server audits every read of the board as a listing of the persons shown.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, type Person } from '../api';
import { bedsApi, type Board, type BoardSection } from '../beds_api';
import { enumLabel, formatDateTime, formatNumber } from '../format';
import { useI18n } from '../i18n';
import { toApiError, useLoad } from '../load';
import { href } from '../router';
import { ErrorNotice, Field, fieldAria, Loading, PageTitle } from '../components/ui';

const REFRESH_MS = 30_000;

export function BedBoardPage({ id }: { id: number }) {
  const { t, intlLocale } = useI18n();
  const { state, reload } = useLoad(() => bedsApi.board(id), [id], { keepPrevious: true });
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (state.status === 'ok') setLoadedAt(new Date());
  }, [state]);
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  if (state.status === 'loading') return <section class="page"><Loading /></section>;
  if (state.status === 'error') {
    return (
      <section class="page">
        <PageTitle>{t('beds.title')}</PageTitle>
        <ErrorNotice error={state.error} onRetry={reload} />
      </section>
    );
  }
  const board = state.data;
  return (
    <section class="page board" data-testid="bed-board" data-site-id={board.site_id}>
      <p class="breadcrumb"><a href={href({ name: 'site', id: board.site_id })}>{board.site_name}</a></p>
      <div class="page__head">
        <PageTitle>{t('beds.title')} · {board.site_name}</PageTitle>
        <div class="actions">
          <button type="button" class="button button--secondary" onClick={reload} data-testid="board-refresh">
            {t('beds.refresh')}
          </button>
        </div>
      </div>
      <p class="subtitle">
        {t('beds.today', { date: board.today })}
        {loadedAt && <> · {t('beds.refreshed', { time: loadedAt.toLocaleTimeString(intlLocale) })}</>}
      </p>
      {board.sections.length === 0 ? (
        <p class="empty">{t('beds.noSections')}</p>
      ) : (
        <>
          <ul class="tiles" data-testid="board-tiles">
            {board.sections.map((section) => <SectionTile key={section.id} section={section} />)}
          </ul>
          <CheckInForm board={board} onDone={reload} />
          <HoldForm board={board} onDone={reload} />
          {board.sections.map((section) => (
            <SectionDetail key={section.id} section={section} onChanged={reload} />
          ))}
        </>
      )}
    </section>
  );
}

function SectionTile({ section }: { section: BoardSection }) {
  const { t, intlLocale } = useI18n();
  const full = section.free === 0;
  return (
    <li class={full ? 'tile tile--full' : 'tile'} data-testid="board-tile" data-section-id={section.id}>
      <p class="tile__name">{section.name}</p>
      <p class="tile__kind">
        {enumLabel(t, 'sectionKind', section.kind)}
        {section.accessible && <> · {t('beds.accessible')}</>}
      </p>
      <p class="tile__free">
        <span class="tile__number" data-testid="tile-free">{formatNumber(section.free, intlLocale)}</span> {t('beds.free')}
      </p>
      <p class="tile__counts">
        <span data-testid="tile-occupied">{formatNumber(section.occupied, intlLocale)}</span> {t('beds.occupied')} ·{' '}
        <span data-testid="tile-held">{formatNumber(section.held, intlLocale)}</span> {t('beds.held')} ·{' '}
        {t('beds.of', { beds: formatNumber(section.beds, intlLocale) })}
      </p>
      <p class="tile__fresh">
        {section.updated_at
          ? t('beds.updatedAt', { time: formatDateTime(section.updated_at, intlLocale) })
          : t('beds.neverUpdated')}
      </p>
    </li>
  );
}

function SectionDetail({ section, onChanged }: { section: BoardSection; onChanged: () => void }) {
  const { t, intlLocale } = useI18n();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await work();
      onChanged();
    } catch (cause) {
      setFailure(toApiError(cause));
    }
  };
  return (
    <section class="card" aria-labelledby={`section-${section.id}-title`} data-testid="board-section"
      data-section-id={section.id}>
      <h2 id={`section-${section.id}-title`}>{section.name}</h2>
      {failure && <ErrorNotice error={failure} testId="board-section-error" />}
      <h3>{t('beds.stays')}</h3>
      {section.stays.length === 0 ? (
        <p class="empty">{t('beds.noStays')}</p>
      ) : (
        <ul class="stay-list">
          {section.stays.map((stay) => (
            <li key={stay.id} class={stay.overdue ? 'stay stay--overdue' : 'stay'} data-testid="board-stay"
              data-overdue={stay.overdue ? 'true' : 'false'}>
              <a href={href({ name: 'person', id: stay.person_id })} class="stay__name">{stay.full_name}</a>
              <span class="stay__date">{t('beds.expected')}: {stay.expected_checkout}</span>
              {stay.overdue && <span class="badge badge--warning">{t('beds.overdue')}</span>}
              <button type="button" class="button button--small button--secondary" data-testid="stay-checkout"
                aria-label={t('beds.checkOutLabel', { name: stay.full_name })}
                onClick={() => {
                  if (window.confirm(t('beds.confirmCheckOut', { name: stay.full_name }))) {
                    void act(() => bedsApi.checkOut(stay.id));
                  }
                }}>
                {t('beds.checkOut')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {section.holds.length > 0 && (
        <>
          <h3>{t('beds.holds')}</h3>
          <ul class="stay-list">
            {section.holds.map((hold) => (
              <li key={hold.id} class="stay" data-testid="board-hold">
                <span class="stay__name">{t('beds.holdLine', { beds: formatNumber(hold.beds, intlLocale), label: hold.label })}</span>
                <span class="stay__date">{t('beds.expires', { time: formatDateTime(hold.expires_at, intlLocale) })}</span>
                <button type="button" class="button button--small button--secondary" data-testid="hold-release"
                  aria-label={t('beds.releaseLabel', { label: hold.label })}
                  onClick={() => void act(() => bedsApi.releaseHold(hold.id))}>
                  {t('beds.release')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

// Adds `days` to a "YYYY-MM-DD" date.
function addDays(date: string, days: number): string {
  const value = new Date(`${date}T12:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

function CheckInForm({ board, onDone }: { board: Board; onDone: () => void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Person[] | null>(null);
  const [person, setPerson] = useState<Person | null>(null);
  const [sectionId, setSectionId] = useState(board.sections[0]?.id ?? 0);
  const [holdId, setHoldId] = useState(0);
  const [checkout, setCheckout] = useState(addDays(board.today, 2));
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  const [saving, setSaving] = useState(false);
  const section = board.sections.find((candidate) => candidate.id === sectionId);
  const fieldError = (field: string) => (failure?.field === field ? failure.message : undefined);

  useEffect(() => {
    if (person || query.trim().length < 2) {
      setFound(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      bedsApi.findPersons(query).then((items) => { if (live) setFound(items); }, () => { if (live) setFound([]); });
    }, 250);
    return () => { live = false; window.clearTimeout(timer); };
  }, [query, person]);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!person) {
      setFailure(new ApiError(400, 'InvalidArgument', t('beds.personHint'), 'person_id'));
      return;
    }
    setSaving(true);
    setFailure(null);
    setDone('');
    try {
      await bedsApi.checkIn({ person_id: person.id, section_id: sectionId, expected_checkout: checkout,
        hold_id: holdId || undefined });
      setDone(t('beds.checkedIn', { name: person.full_name, section: section?.name ?? '' }));
      setPerson(null);
      setQuery('');
      setHoldId(0);
      onDone();
    } catch (cause) {
      setFailure(toApiError(cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card" aria-labelledby="checkin-title">
      <h2 id="checkin-title">{t('beds.checkIn')}</h2>
      <form class="inline-form" onSubmit={onSubmit} noValidate data-testid="checkin-form">
        {person ? (
          <p class="chosen" data-testid="checkin-chosen">
            {t('beds.personChosen', { name: person.full_name })}{' '}
            <button type="button" class="button button--small button--secondary" onClick={() => setPerson(null)}>
              {t('beds.personChange')}
            </button>
          </p>
        ) : (
          <Field id="checkin-person" label={t('beds.personSearch')} hint={t('beds.personHint')}
            error={fieldError('person_id')}>
            <input {...fieldAria('checkin-person', t('beds.personHint'), fieldError('person_id'))} type="search"
              value={query} data-testid="checkin-person" autocomplete="off"
              onInput={(event) => setQuery(event.currentTarget.value)} />
          </Field>
        )}
        {!person && found && (
          found.length === 0 ? <p class="empty">{t('beds.personNone')}</p> : (
            <ul class="choices" data-testid="checkin-results">
              {found.map((candidate) => (
                <li key={candidate.id}>
                  <button type="button" class="button button--secondary" data-testid="checkin-result"
                    onClick={() => setPerson(candidate)}>
                    {candidate.full_name}{candidate.birth_date ? ` · ${candidate.birth_date}` : ''}
                  </button>
                </li>
              ))}
            </ul>
          )
        )}
        <Field id="checkin-section" label={t('beds.section')} error={fieldError('section_id')}>
          <select {...fieldAria('checkin-section', undefined, fieldError('section_id'))} value={sectionId}
            data-testid="checkin-section"
            onChange={(event) => { setSectionId(Number(event.currentTarget.value)); setHoldId(0); }}>
            {board.sections.map((option) => (
              <option key={option.id} value={option.id}>{option.name} ({option.free} {t('beds.free')})</option>
            ))}
          </select>
        </Field>
        {section && section.holds.length > 0 && (
          <Field id="checkin-hold" label={t('beds.fromHold')} error={fieldError('hold_id')}>
            <select {...fieldAria('checkin-hold', undefined, fieldError('hold_id'))} value={holdId}
              data-testid="checkin-hold" onChange={(event) => setHoldId(Number(event.currentTarget.value))}>
              <option value={0}>{t('beds.noHold')}</option>
              {section.holds.map((hold) => <option key={hold.id} value={hold.id}>{hold.label} ({hold.beds})</option>)}
            </select>
          </Field>
        )}
        <Field id="checkin-checkout" label={t('beds.expected')} error={fieldError('expected_checkout')}>
          <input {...fieldAria('checkin-checkout', undefined, fieldError('expected_checkout'))} type="date"
            value={checkout} min={board.today} data-testid="checkin-checkout"
            onInput={(event) => setCheckout(event.currentTarget.value)} />
        </Field>
        <div class="inline-form__actions">
          <button type="submit" class="button" disabled={saving} data-testid="checkin-submit">{t('beds.checkIn')}</button>
        </div>
      </form>
      {done && <p class="notice" role="status" data-testid="checkin-done">{done}</p>}
      {failure && <ErrorNotice error={failure} testId="checkin-error" />}
    </section>
  );
}

function HoldForm({ board, onDone }: { board: Board; onDone: () => void }) {
  const { t } = useI18n();
  const [sectionId, setSectionId] = useState(board.sections[0]?.id ?? 0);
  const [beds, setBeds] = useState('1');
  const [label, setLabel] = useState('');
  const [hours, setHours] = useState('12');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const fieldError = (field: string) => (failure?.field === field ? failure.message : undefined);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    try {
      await bedsApi.hold({ section_id: sectionId, beds: Number.parseInt(beds, 10) || 0, label,
        hours: Number.parseInt(hours, 10) || 0 });
      setLabel('');
      onDone();
    } catch (cause) {
      setFailure(toApiError(cause));
    }
  };

  return (
    <section class="card" aria-labelledby="hold-title">
      <h2 id="hold-title">{t('beds.holdNew')}</h2>
      <form class="inline-form" onSubmit={onSubmit} noValidate data-testid="hold-form">
        <Field id="hold-section" label={t('beds.section')} error={fieldError('section_id')}>
          <select {...fieldAria('hold-section', undefined, fieldError('section_id'))} value={sectionId}
            onChange={(event) => setSectionId(Number(event.currentTarget.value))}>
            {board.sections.map((option) => <option key={option.id} value={option.id}>{option.name}</option>)}
          </select>
        </Field>
        <Field id="hold-beds" label={t('beds.holdBeds')} error={fieldError('beds')} class="field--narrow">
          <input {...fieldAria('hold-beds', undefined, fieldError('beds'))} type="number" min={1} max={30} value={beds}
            onInput={(event) => setBeds(event.currentTarget.value)} />
        </Field>
        <Field id="hold-label" label={t('beds.holdLabel')} hint={t('beds.holdLabelHint')} error={fieldError('label')}>
          <input {...fieldAria('hold-label', t('beds.holdLabelHint'), fieldError('label'))} type="text" value={label}
            maxLength={120} onInput={(event) => setLabel(event.currentTarget.value)} />
        </Field>
        <Field id="hold-hours" label={t('beds.holdHours')} error={fieldError('hours')} class="field--narrow">
          <input {...fieldAria('hold-hours', undefined, fieldError('hours'))} type="number" min={1} max={72} value={hours}
            onInput={(event) => setHours(event.currentTarget.value)} />
        </Field>
        <div class="inline-form__actions">
          <button type="submit" class="button">{t('beds.holdCreate')}</button>
        </div>
      </form>
      {failure && !failure.field && <ErrorNotice error={failure} testId="hold-error" />}
    </section>
  );
}
