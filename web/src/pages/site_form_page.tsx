// Create a site (#/sitios/nuevo) or edit one (#/sitios/3/editar). Editing sends the version that was
// loaded; if someone saved in between, the server answers 409 and the page offers the current version.
import { useState } from 'preact/hooks';
import { api, ApiError, type Site, type SiteInput } from '../api';
import { SITE_KINDS, STATES, TIMEZONES, type SiteKind } from '../catalog';
import { utcOffset } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { toApiError, useLoad } from '../load';
import { href, navigate } from '../router';
import { SERVICE_ITEMS } from '../reception_api';
import { ErrorNotice, Field, fieldAria, Loading, PageTitle, errorText } from '../components/ui';

interface Draft {
  name: string;
  kind: SiteKind;
  operator: string;
  city: string;
  state: string;
  timezone: string;
  latitude: string;
  longitude: string;
}

type FieldName = keyof Draft;

const EMPTY: Draft = {
  name: '', kind: 'reception_centre', operator: '', city: '', state: '', timezone: 'America/Mexico_City',
  latitude: '', longitude: '',
};

function draftOf(site: Site): Draft {
  return {
    name: site.name, kind: site.kind, operator: site.operator, city: site.city, state: site.state,
    timezone: site.timezone,
    latitude: site.latitude === null ? '' : String(site.latitude),
    longitude: site.longitude === null ? '' : String(site.longitude),
  };
}

// Accepts "32.5149" and "32,5149"; empty is sent as null and the server says it is required.
function parseCoordinate(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : 'invalid';
}

export function SiteFormPage({ id }: { id?: number }) {
  return id === undefined ? <SiteForm /> : <EditSite id={id} />;
}

function EditSite({ id }: { id: number }) {
  const { t } = useI18n();
  const { state, reload } = useLoad(() => api.getSite(id), [id]);
  if (state.status === 'loading') return <section class="page"><Loading /></section>;
  if (state.status === 'error') {
    return (
      <section class="page">
        <PageTitle>{t('site.edit')}</PageTitle>
        <ErrorNotice error={state.error} onRetry={reload} />
      </section>
    );
  }
  return <SiteForm key={state.data.version} site={state.data} onReload={reload} />;
}

function SiteForm({ site, onReload }: { site?: Site; onReload?: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(site ? draftOf(site) : EMPTY);
  const [timezoneTouched, setTimezoneTouched] = useState(site !== undefined);
  const [publish, setPublish] = useState(site?.publish_capacity ?? false);
  // The API lists every item when the site chose none; all ticked reads as "every item".
  const [offered, setOffered] = useState<string[]>(site?.services_offered ?? []);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const update = (field: FieldName, value: string) => {
    setDraft((previous) => {
      const next = { ...previous, [field]: value };
      // Until the user picks a zone, follow the state's usual zone.
      if (field === 'state' && !timezoneTouched) {
        const zone = STATES.find((candidate) => candidate.code === value)?.timezone;
        if (zone) next.timezone = zone;
      }
      return next;
    });
    if (field === 'timezone') setTimezoneTouched(true);
    setErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const latitude = parseCoordinate(draft.latitude);
    const longitude = parseCoordinate(draft.longitude);
    const local: Partial<Record<FieldName, string>> = {};
    if (latitude === 'invalid') local.latitude = t('site.coordinateInvalid');
    if (longitude === 'invalid') local.longitude = t('site.coordinateInvalid');
    if (latitude === 'invalid' || longitude === 'invalid') {
      setErrors(local);
      return;
    }
    const input: SiteInput = {
      name: draft.name.trim(), kind: draft.kind, operator: draft.operator.trim(), city: draft.city.trim(),
      state: draft.state, timezone: draft.timezone, latitude, longitude, publish_capacity: publish,
      services_offered: offered.length === SERVICE_ITEMS.length ? [] : offered,
    };
    setSaving(true);
    setFailure(null);
    try {
      const saved = site
        ? await api.updateSite(site.id, { ...input, version: site.version })
        : await api.createSite(input);
      navigate({ name: 'site', id: saved.id });
    } catch (cause) {
      const error = toApiError(cause);
      if (error.field && error.field in draft) {
        setErrors({ [error.field as FieldName]: error.message });
      }
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const text = (field: FieldName, label: MessageKey, options: { optional?: boolean; hint?: string } = {}) => (
    <Field id={`site-${field}`} label={t(label)} error={errors[field]} hint={options.hint} optional={options.optional} testId={`site-${field}`}>
      <input
        {...fieldAria(`site-${field}`, options.hint, errors[field])}
        type="text"
        inputMode={field === 'latitude' || field === 'longitude' ? 'decimal' : undefined}
        value={draft[field]}
        data-testid={`site-${field}`}
        onInput={(event) => update(field, event.currentTarget.value)}
      />
    </Field>
  );

  const conflict = failure?.code === 'Aborted';
  return (
    <section class="page">
      <p class="breadcrumb">
        {site
          ? <a href={href({ name: 'site', id: site.id })}>{t('site.backToSite')}</a>
          : <a href={href({ name: 'sites' })}>{t('site.backToList')}</a>}
      </p>
      <PageTitle>{site ? t('site.editTitle', { name: site.name }) : t('site.newTitle')}</PageTitle>
      <form class="card form" onSubmit={onSubmit} noValidate data-testid="site-form">
        <div class="grid">
          {text('name', 'site.name')}
          <Field id="site-kind" label={t('site.kind')} error={errors.kind} testId="site-kind">
            <select {...fieldAria('site-kind', undefined, errors.kind)} value={draft.kind} data-testid="site-kind"
              onChange={(event) => update('kind', event.currentTarget.value)}>
              {SITE_KINDS.map((kind) => <option key={kind} value={kind}>{t(`siteKind.${kind}`)}</option>)}
            </select>
          </Field>
          {text('operator', 'site.operator')}
          {text('city', 'site.city')}
          <Field id="site-state" label={t('site.state')} error={errors.state} testId="site-state">
            <select {...fieldAria('site-state', undefined, errors.state)} value={draft.state} data-testid="site-state"
              onChange={(event) => update('state', event.currentTarget.value)}>
              <option value="">{t('common.choose')}</option>
              {STATES.map((state) => <option key={state.code} value={state.code}>{state.name}</option>)}
            </select>
          </Field>
          <Field id="site-timezone" label={t('site.timezone')} error={errors.timezone} testId="site-timezone">
            <select {...fieldAria('site-timezone', undefined, errors.timezone)} value={draft.timezone} data-testid="site-timezone"
              onChange={(event) => update('timezone', event.currentTarget.value)}>
              {TIMEZONES.map((zone) => (
                <option key={zone} value={zone}>{`${zone} (${utcOffset(zone)})`}</option>
              ))}
            </select>
          </Field>
          {text('latitude', 'site.latitude', { hint: t('site.coordinatesHint') })}
          {text('longitude', 'site.longitude')}
        </div>
        <div class="field">
          <label class="checkbox">
            <input type="checkbox" checked={publish} data-testid="site-publish-capacity" aria-describedby="site-publish-hint"
              onChange={(event) => setPublish(event.currentTarget.checked)} />
            {t('site.publishCapacity')}
          </label>
          <p id="site-publish-hint" class="field__hint">{t('site.publishCapacityHint')}</p>
        </div>
        <fieldset class="field" data-testid="site-services">
          <legend>{t('site.servicesOffered')}</legend>
          <p class="field__hint">{t('site.servicesOfferedHint')}</p>
          {SERVICE_ITEMS.map((item) => (
            <label key={item} class="checkbox">
              <input type="checkbox" checked={offered.includes(item)}
                onChange={(event) => setOffered(event.currentTarget.checked
                  ? [...offered, item] : offered.filter((one) => one !== item))} />
              {t(`service.${item}`)}
            </label>
          ))}
        </fieldset>
        {failure && (
          <div class="notice notice--error" role="alert" data-testid="site-form-error">
            <p>{conflict ? t('error.conflict') : failure.field ? t('error.field', { message: failure.message }) : errorText(t, failure)}</p>
            {conflict && onReload && (
              <button type="button" class="button button--secondary" onClick={onReload}>{t('error.reloadLatest')}</button>
            )}
          </div>
        )}
        <div class="actions">
          <button type="submit" class="button" disabled={saving} data-testid="site-save">
            {saving ? t('common.saving') : site ? t('common.save') : t('site.create')}
          </button>
          <a class="button button--secondary" href={site ? href({ name: 'site', id: site.id }) : href({ name: 'sites' })}>
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}
