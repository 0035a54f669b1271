// Registro: the arrival (site, mode, bus or flight, time) and the household's members, posted in one
// request. A 400 puts the server's message next to the field it names ("members[1].birth_date") and
// keeps everything typed. After success, "register another household" keeps the arrival for the next
// family off the same bus. Registrars and shelter staff see only their own sites in the site list.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Household, type HouseholdInput, type Site } from '../api';
import { ARRIVAL_MODES, BATCHED_MODES, type ArrivalMode } from '../catalog';
import { canManageSites, intakeSites, isSiteBound, useSession } from '../auth';
import { displayName, enumLabel, fromLocalInput, toLocalInput } from '../format';
import { useI18n } from '../i18n';
import { toApiError, useLoad } from '../load';
import { href } from '../router';
import { ErrorNotice, Field, fieldAria, Loading, PageTitle, errorText } from '../components/ui';
import { MemberCard, emptyMember, errorKey, memberInput, type FieldErrors, type MemberDraft } from './member_card';
import { sortSites } from './sites_page';

const SITE_STORAGE_KEY = 'acogida.intake.site';

interface ArrivalDraft {
  site_id: string;
  mode: ArrivalMode;
  batch_id: string;
  arrived_at: string; // datetime-local value, this device's zone
}

function rememberedSite(sites: readonly Site[]): string {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(SITE_STORAGE_KEY);
  } catch {
    stored = null;
  }
  if (stored && sites.some((site) => String(site.id) === stored)) return stored;
  const first = sortSites(sites)[0];
  return first ? String(first.id) : '';
}

// "Casa del Migrante · Tijuana"; the city is left out when the name already says it.
function siteOption(site: Site): string {
  return site.city && !site.name.includes(site.city) ? `${site.name} · ${site.city}` : site.name;
}

export function IntakePage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { state, reload } = useLoad(() => api.listSites().then((sites) => intakeSites(user, sites)), [user]);
  return (
    <section class="page page--intake">
      <PageTitle>{t('intake.title')}</PageTitle>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && state.data.length === 0 && (
        isSiteBound(user.role) ? (
          <p class="notice" data-testid="intake-no-sites">{t('intake.noOwnSites')}</p>
        ) : (
          <p class="notice" data-testid="intake-no-sites">
            {t('intake.noSites')}{' '}
            {canManageSites(user) && <a href={href({ name: 'siteNew' })}>{t('sites.new')}</a>}
          </p>
        )
      )}
      {state.status === 'ok' && state.data.length > 0 && <IntakeForm sites={state.data} />}
    </section>
  );
}

function IntakeForm({ sites }: { sites: Site[] }) {
  const { t } = useI18n();
  const [arrival, setArrival] = useState<ArrivalDraft>(() => ({
    site_id: rememberedSite(sites),
    mode: 'bus',
    batch_id: '',
    arrived_at: toLocalInput(new Date()),
  }));
  const [members, setMembers] = useState<MemberDraft[]>(() => [emptyMember()]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [registered, setRegistered] = useState<Household | null>(null);
  // Where focus goes after the next render: the first invalid field, a new member, or the success panel.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!focusTarget) return;
    const root = document.querySelector('main');
    const element = focusTarget === 'invalid'
      ? formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
      : root?.querySelector<HTMLElement>(focusTarget);
    element?.focus();
    element?.scrollIntoView({ block: 'center' });
    setFocusTarget(null);
  }, [focusTarget]);

  const receptionCentres = sortSites(sites).filter((site) => site.kind === 'reception_centre');
  const shelters = sortSites(sites).filter((site) => site.kind !== 'reception_centre');
  const batched = BATCHED_MODES.includes(arrival.mode);

  const clearError = (key: string) => {
    setErrors((previous) => {
      if (!(key in previous)) return previous;
      const next = { ...previous };
      delete next[key];
      return next;
    });
  };

  const updateArrival = <K extends keyof ArrivalDraft>(field: K, value: ArrivalDraft[K]) => {
    setArrival((previous) => ({ ...previous, [field]: value }));
    clearError(field);
  };

  const updateMember = (index: number, patch: Partial<MemberDraft>) => {
    setMembers((previous) => previous.map((member, position) => (position === index ? { ...member, ...patch } : member)));
    for (const field of Object.keys(patch)) clearError(errorKey(index, field));
  };

  const addMember = () => {
    const member = emptyMember();
    setMembers((previous) => [...previous, member]);
    setFocusTarget(`#m${member.key}-given_names`);
  };

  const removeMember = (index: number) => {
    setMembers((previous) => previous.filter((_, position) => position !== index));
    // Member errors are keyed by position, which has just shifted.
    setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([key]) => !key.startsWith('members['))));
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    const local: FieldErrors = {};
    if (!arrival.site_id) local.site_id = t('intake.chooseSite');
    members.forEach((member, index) => {
      if (index > 0 && !member.relationship) local[errorKey(index, 'relationship')] = t('intake.chooseRelationship');
    });
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setFailure(null);
      setFocusTarget('invalid');
      return;
    }
    const input: HouseholdInput = {
      site_id: Number(arrival.site_id),
      arrived_at: fromLocalInput(arrival.arrived_at),
      mode: arrival.mode,
      batch_id: batched ? arrival.batch_id.trim() : '',
      members: members.map((member, index) => memberInput(member, index)),
    };
    setSaving(true);
    setFailure(null);
    setErrors({});
    try {
      const household = await api.createHousehold(input);
      try {
        localStorage.setItem(SITE_STORAGE_KEY, arrival.site_id);
      } catch {
        // Not remembering the site is harmless.
      }
      setRegistered(household);
      setFocusTarget('[data-testid="intake-success-title"]');
    } catch (cause) {
      const error = toApiError(cause);
      setFailure(error);
      // "members[0].languages[1]" is shown on the member's languages group.
      const field = error.field?.replace(/^(members\[\d+\]\.\w+)\[\d+\]$/, '$1');
      if (field) {
        setErrors({ [field]: error.message });
        setFocusTarget('invalid');
      }
    } finally {
      setSaving(false);
    }
  };

  const registerAnother = () => {
    setRegistered(null);
    setMembers([emptyMember()]);
    setErrors({});
    setFailure(null);
    setFocusTarget('[data-testid="member-0-given_names"]');
  };

  if (registered) {
    return <Registered household={registered} onAnother={registerAnother} />;
  }

  return (
    <form ref={formRef} class="intake" onSubmit={onSubmit} noValidate data-testid="intake-form">
      <fieldset class="card">
        <legend>{t('intake.arrival')}</legend>
        <div class="grid">
          <Field id="intake-site" label={t('intake.site')} error={errors.site_id} testId="intake-site" class="field--wide">
            <select {...fieldAria('intake-site', undefined, errors.site_id)} value={arrival.site_id} data-testid="intake-site"
              onChange={(event) => updateArrival('site_id', event.currentTarget.value)}>
              <option value="">{t('common.choose')}</option>
              {receptionCentres.length > 0 && (
                <optgroup label={t('intake.siteGroupReception')}>
                  {receptionCentres.map((site) => <option key={site.id} value={String(site.id)}>{siteOption(site)}</option>)}
                </optgroup>
              )}
              {shelters.length > 0 && (
                <optgroup label={t('intake.siteGroupShelter')}>
                  {shelters.map((site) => <option key={site.id} value={String(site.id)}>{siteOption(site)}</option>)}
                </optgroup>
              )}
            </select>
          </Field>
          <Field id="intake-arrived-at" label={t('intake.arrivedAt')} hint={t('intake.arrivedAtHint')} error={errors.arrived_at} testId="intake-arrived_at">
            <input {...fieldAria('intake-arrived-at', t('intake.arrivedAtHint'), errors.arrived_at)} type="datetime-local"
              value={arrival.arrived_at} data-testid="intake-arrived_at"
              onInput={(event) => updateArrival('arrived_at', event.currentTarget.value)} />
          </Field>
        </div>
        <fieldset class="choice-group" aria-describedby={errors.mode ? 'intake-mode-error' : undefined}>
          <legend>{t('intake.mode')}</legend>
          <div class="segmented">
            {ARRIVAL_MODES.map((mode) => (
              <label key={mode} class="segmented__option">
                <input type="radio" name="intake-mode" value={mode} checked={arrival.mode === mode}
                  aria-invalid={errors.mode ? 'true' : undefined} data-testid={`intake-mode-${mode}`}
                  onChange={() => updateArrival('mode', mode)} />
                <span>{t(`mode.${mode}`)}</span>
              </label>
            ))}
          </div>
          {errors.mode && <p id="intake-mode-error" class="field__error">{errors.mode}</p>}
        </fieldset>
        {batched && (
          <Field id="intake-batch" label={t('intake.batch')} hint={t('intake.batchHint')} error={errors.batch_id} testId="intake-batch_id" class="field--medium">
            <input {...fieldAria('intake-batch', t('intake.batchHint'), errors.batch_id)} type="text" autoComplete="off"
              value={arrival.batch_id} data-testid="intake-batch_id"
              onInput={(event) => updateArrival('batch_id', event.currentTarget.value)} />
          </Field>
        )}
      </fieldset>

      <h2 class="section-title">{t('intake.household')}</h2>
      {members.map((member, index) => (
        <MemberCard
          key={member.key}
          index={index}
          member={member}
          errors={errors}
          canRemove={members.length > 1}
          onChange={(patch) => updateMember(index, patch)}
          onRemove={() => removeMember(index)}
        />
      ))}
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={addMember} data-testid="member-add">
          + {t('intake.addMember')}
        </button>
      </div>

      {/* Present from the start so screen readers announce the message when it appears. */}
      <div role="alert" aria-live="assertive" class="intake__feedback">
        {failure && (
          <div class="notice notice--error" data-testid="intake-error">
            <p>
              <strong>{t('intake.notRegistered')}</strong>{' '}
              {failure.field ? t('error.field', { message: failure.message }) : errorText(t, failure)}
            </p>
          </div>
        )}
      </div>
      <div class="actions actions--submit">
        <button type="submit" class="button button--large" disabled={saving} data-testid="intake-submit">
          {saving ? t('intake.submitting') : t('intake.submit')}
        </button>
      </div>
    </form>
  );
}

function Registered({ household, onAnother }: { household: Household; onAnother: () => void }) {
  const { t } = useI18n();
  return (
    <div class="card success" role="status" data-testid="intake-success">
      <h2 tabIndex={-1} data-testid="intake-success-title">{t('intake.successTitle', { id: household.id })}</h2>
      <p>{t('intake.successHint')}</p>
      <ul class="member-list">
        {household.members.map((member) => (
          <li key={member.id}>
            <a href={href({ name: 'person', id: member.id })} data-testid="registered-person">{displayName(member)}</a>
            <span class="member-list__meta">
              {enumLabel(t, 'relationship', member.relationship)}
              {member.birth_date ? ` · ${member.birth_date}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" class="button button--large" onClick={onAnother} data-testid="intake-another">
          {t('intake.another')}
        </button>
      </div>
    </div>
  );
}
