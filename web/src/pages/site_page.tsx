// One site: its details, its bed sections (add, edit with version, delete) and today's arrivals in the
// site's own time zone. Editing the site is for administrators and coordinators, the sections also for the
// site's shelter staff, and the arrivals (they name people) for those who may see the site's people.
import { useState } from 'preact/hooks';
import { api, ApiError, type Section, type SectionInput, type SiteDetail } from '../api';
import { canManageBeds, canManageSections, canManageSites, canSeeArrivals, useSession } from '../auth';
import { SECTION_KINDS, stateName, type SectionKind } from '../catalog';
import { enumLabel, formatDateTime, formatNumber, todayIn } from '../format';
import { useI18n } from '../i18n';
import { toApiError, useLoad } from '../load';
import { href, navigate } from '../router';
import { Detail, ErrorNotice, Field, fieldAria, Loading, PageTitle, errorText } from '../components/ui';

export function SitePage({ id }: { id: number }) {
  const { t } = useI18n();
  const { state, reload } = useLoad(() => api.getSite(id), [id]);
  if (state.status === 'loading') return <section class="page"><Loading /></section>;
  if (state.status === 'error') {
    return (
      <section class="page">
        <PageTitle>{t('sites.title')}</PageTitle>
        <ErrorNotice error={state.error} onRetry={reload} />
      </section>
    );
  }
  return <SiteView site={state.data} onChanged={reload} />;
}

function SiteView({ site, onChanged }: { site: SiteDetail; onChanged: () => void }) {
  const { t, intlLocale } = useI18n();
  const { user } = useSession();
  const [failure, setFailure] = useState<ApiError | null>(null);

  const onDelete = async () => {
    if (!window.confirm(t('site.confirmDelete', { name: site.name }))) return;
    try {
      await api.deleteSite(site.id);
      navigate({ name: 'sites' });
    } catch (cause) {
      setFailure(toApiError(cause));
    }
  };

  // Five decimals is about a metre; more is noise.
  const round = (degrees: number) => Number(degrees.toFixed(5));
  const coordinates = site.latitude !== null && site.longitude !== null
    ? `${round(site.latitude)}, ${round(site.longitude)}`
    : '';
  return (
    <section class="page" data-testid="site-page" data-site-id={site.id}>
      <p class="breadcrumb"><a href={href({ name: 'sites' })}>{t('site.backToList')}</a></p>
      <div class="page__head">
        <PageTitle testId="site-title">{site.name}</PageTitle>
        {(canManageSites(user) || canManageBeds(user, site.id)) && (
          <div class="actions">
            {canManageBeds(user, site.id) && (
              <a class="button" href={href({ name: 'board', id: site.id })} data-testid="site-board">{t('beds.open')}</a>
            )}
            {canSeeArrivals(user, site.id) && (
              <a class="button button--secondary" href={href({ name: 'batches', id: site.id, date: '', batch: null })}
                data-testid="site-batches">{t('batches.open')}</a>
            )}
            {canManageSites(user) && (
              <>
                <a class="button button--secondary" href={href({ name: 'siteEdit', id: site.id })} data-testid="site-edit">
                  {t('site.edit')}
                </a>
                <button type="button" class="button button--danger" onClick={onDelete} data-testid="site-delete">
                  {t('site.delete')}
                </button>
              </>
            )}
          </div>
        )}
      </div>
      <p class="subtitle">
        <span class={`kind kind--${site.kind}`}>{enumLabel(t, 'siteKind', site.kind)}</span>
        {site.demo && <span class="badge" title={t('site.demoTitle')}>{t('site.demo')}</span>}
      </p>
      {failure && <ErrorNotice error={failure} testId="site-error" />}

      <section class="card" aria-labelledby="site-details-title">
        <h2 id="site-details-title" class="visually-hidden">{site.name}</h2>
        <dl class="details details--grid">
          <Detail label={t('site.beds')} value={formatNumber(site.beds, intlLocale)} testId="site-beds-total" />
          <Detail label={t('site.operator')} value={site.operator} />
          <Detail label={t('site.city')} value={site.city} />
          <Detail label={t('site.state')} value={site.state ? stateName(site.state) : ''} />
          <Detail label={t('site.timezone')} value={site.timezone} />
          <Detail label={t('site.coordinates')} value={coordinates} />
        </dl>
      </section>
      <Sections site={site} editable={canManageSections(user, site.id)} onChanged={onChanged} />
      {canSeeArrivals(user, site.id) && <ArrivalsToday siteId={site.id} timezone={site.timezone} />}
    </section>
  );
}

function Sections({ site, editable, onChanged }: { site: SiteDetail; editable: boolean; onChanged: () => void }) {
  const { t, intlLocale } = useI18n();
  const [editing, setEditing] = useState<number | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const onDelete = async (section: Section) => {
    if (!window.confirm(t('section.confirmDelete', { name: section.name }))) return;
    setFailure(null);
    try {
      await api.deleteSection(section.id);
      onChanged();
    } catch (cause) {
      setFailure(toApiError(cause));
    }
  };

  return (
    <section class="card" aria-labelledby="sections-title">
      <h2 id="sections-title">{t('site.sections')}</h2>
      {site.sections.length === 0 ? (
        <p class="empty" data-testid="sections-empty">{t('site.noSections')}</p>
      ) : (
        <table class="table" data-testid="sections-table">
          <thead>
            <tr>
              <th scope="col">{t('section.name')}</th>
              <th scope="col">{t('section.kind')}</th>
              <th scope="col" class="numeric">{t('section.beds')}</th>
              {editable && <th scope="col"><span class="visually-hidden">{t('common.actions')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {site.sections.map((section) =>
              editing === section.id ? (
                <tr key={section.id}>
                  <td colSpan={4}>
                    <SectionForm
                      siteId={site.id}
                      section={section}
                      onDone={() => { setEditing(null); onChanged(); }}
                      onCancel={() => setEditing(null)}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={section.id} data-testid="section-row" data-section-id={section.id}>
                  <th scope="row">{section.name}</th>
                  <td>{enumLabel(t, 'sectionKind', section.kind)}</td>
                  <td class="numeric" data-testid="section-beds">{formatNumber(section.beds, intlLocale)}</td>
                  {editable && <td class="row-actions">
                    <button type="button" class="button button--small button--secondary"
                      aria-label={t('section.editLabel', { name: section.name })}
                      onClick={() => setEditing(section.id)}>
                      {t('common.edit')}
                    </button>
                    <button type="button" class="button button--small button--danger"
                      aria-label={t('section.deleteLabel', { name: section.name })}
                      onClick={() => onDelete(section)}>
                      {t('common.delete')}
                    </button>
                  </td>}
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      {failure && <ErrorNotice error={failure} testId="section-error" />}
      {editable && (
        <>
          <h3>{t('site.addSection')}</h3>
          <SectionForm siteId={site.id} onDone={onChanged} />
        </>
      )}
    </section>
  );
}

// Adds a section, or edits `section` (sending its version) when given.
function SectionForm({ siteId, section, onDone, onCancel }: {
  siteId: number;
  section?: Section;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const prefix = section ? `section-${section.id}` : 'section-new';
  const [name, setName] = useState(section?.name ?? '');
  const [kind, setKind] = useState<SectionKind>(section?.kind ?? 'men');
  const [beds, setBeds] = useState(section ? String(section.beds) : '');
  const [accessible, setAccessible] = useState(section?.accessible ?? false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldError = (field: string) => (failure?.field === field ? failure.message : undefined);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const input: SectionInput = { name: name.trim(), kind, beds: Number.parseInt(beds, 10), accessible };
    if (!Number.isFinite(input.beds)) input.beds = 0;
    setSaving(true);
    setFailure(null);
    try {
      if (section) await api.updateSection(section.id, { ...input, version: section.version });
      else await api.createSection(siteId, input);
      if (!section) {
        setName('');
        setBeds('');
      }
      onDone();
    } catch (cause) {
      setFailure(toApiError(cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="inline-form" onSubmit={onSubmit} noValidate data-testid={section ? 'section-edit-form' : 'section-form'}>
      <Field id={`${prefix}-name`} label={t('section.name')} error={fieldError('name')} testId="section-name">
        <input {...fieldAria(`${prefix}-name`, undefined, fieldError('name'))} type="text" value={name}
          data-testid="section-name" onInput={(event) => setName(event.currentTarget.value)} />
      </Field>
      <Field id={`${prefix}-kind`} label={t('section.kind')} error={fieldError('kind')} testId="section-kind">
        <select {...fieldAria(`${prefix}-kind`, undefined, fieldError('kind'))} value={kind} data-testid="section-kind"
          onChange={(event) => setKind(event.currentTarget.value as SectionKind)}>
          {SECTION_KINDS.map((option) => <option key={option} value={option}>{t(`sectionKind.${option}`)}</option>)}
        </select>
      </Field>
      <Field id={`${prefix}-beds`} label={t('section.beds')} error={fieldError('beds')} testId="section-beds" class="field--narrow">
        <input {...fieldAria(`${prefix}-beds`, undefined, fieldError('beds'))} type="number" inputMode="numeric" min={0}
          step={1} value={beds} data-testid="section-beds-input" onInput={(event) => setBeds(event.currentTarget.value)} />
      </Field>
      <label class="checkbox">
        <input type="checkbox" checked={accessible} data-testid="section-accessible"
          onChange={(event) => setAccessible(event.currentTarget.checked)} />
        {t('section.accessible')}
      </label>
      <div class="inline-form__actions">
        <button type="submit" class="button" disabled={saving} data-testid={section ? 'section-save' : 'section-add'}>
          {saving ? t('common.saving') : section ? t('common.save') : t('site.addSection')}
        </button>
        {onCancel && (
          <button type="button" class="button button--secondary" onClick={onCancel}>{t('common.cancel')}</button>
        )}
      </div>
      {failure && !failure.field && (
        <div class="notice notice--error inline-form__notice" role="alert" data-testid="section-form-error">
          <p>{failure.code === 'Aborted' ? t('error.conflict') : errorText(t, failure)}</p>
        </div>
      )}
      {failure?.field && (
        <p class="visually-hidden" role="alert">{t('error.field', { message: failure.message })}</p>
      )}
    </form>
  );
}

const ARRIVALS_SHOWN = 10;

function ArrivalsToday({ siteId, timezone }: { siteId: number; timezone: string }) {
  const { t, intlLocale } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const date = todayIn(timezone);
  const { state, reload } = useLoad(() => api.siteArrivals(siteId, date), [siteId, date]);
  return (
    <section class="card" aria-labelledby="arrivals-today-title" data-testid="arrivals-today">
      <h2 id="arrivals-today-title">{t('site.arrivalsToday')}</h2>
      <p class="field__hint">
        {t('site.arrivalsDate', { date })}
        {state.status === 'ok' && state.data.items.length > 0 && (
          <> · <span data-testid="arrivals-today-count">{t('site.arrivalsCount', { count: formatNumber(state.data.items.length, intlLocale) })}</span></>
        )}
      </p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && state.data.items.length === 0 && <p class="empty">{t('site.arrivalsNone')}</p>}
      {state.status === 'ok' && state.data.items.length > 0 && (
        <table class="table table--cards">
          <thead>
            <tr>
              <th scope="col">{t('arrival.person')}</th>
              <th scope="col">{t('arrival.time')}</th>
              <th scope="col">{t('arrival.mode')}</th>
              <th scope="col">{t('arrival.batch')}</th>
            </tr>
          </thead>
          <tbody>
            {(showAll ? state.data.items : state.data.items.slice(0, ARRIVALS_SHOWN)).map((arrival) => (
              <tr key={arrival.id} data-testid="arrival-today-row">
                <th scope="row" data-label={t('arrival.person')}>
                  <a href={href({ name: 'person', id: arrival.person_id })}>{arrival.full_name}</a>
                </th>
                <td data-label={t('arrival.time')}>{formatDateTime(arrival.arrived_at, intlLocale, timezone)}</td>
                <td data-label={t('arrival.mode')}>{enumLabel(t, 'mode', arrival.mode)}</td>
                <td data-label={t('arrival.batch')}>{arrival.batch_id || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.status === 'ok' && !showAll && state.data.items.length > ARRIVALS_SHOWN && (
        <p>
          <button type="button" class="button button--secondary" onClick={() => setShowAll(true)}>
            {t('site.arrivalsShowAll', { count: formatNumber(state.data.items.length, intlLocale) })}
          </button>
        </p>
      )}
    </section>
  );
}
