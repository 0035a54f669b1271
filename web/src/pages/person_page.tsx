// A person's profile: every recorded field, the other members of the household (links), and the arrivals
// (site, time in the viewer's zone, mode, group).
//
// Coordinators see every site, so the server asks them why they open a record (403 with field "reason",
// "break-glass"): the page then asks for the reason and sends it with the same requests. The reason is kept
// for this person until the page is reloaded or the user logs out, and is written in the audit trail.
import { useState } from 'preact/hooks';
import { api, needsReason, type ApiError, type Consents, type Household, type Person } from '../api';
import { accessReasonFor, rememberAccessReason } from '../auth';
import { stateName } from '../catalog';
import { displayName, enumLabel, formatDateTime, languageLabel } from '../format';
import { useI18n } from '../i18n';
import { useLoad } from '../load';
import { href } from '../router';
import { Detail, ErrorNotice, Field, fieldAria, Loading, PageTitle } from '../components/ui';
import { IdentityPanel } from './identity_panel';
import { ReferralsPanel } from './referrals_panel';
import { ServicesPanel } from './services_panel';
import { LegalScreeningPanel } from './legal_screening_panel';

interface ProfileData {
  person: Person;
  household: Household | null;
  reason?: string;
}

async function loadProfile(id: number, reason: string | undefined): Promise<ProfileData> {
  const person = await api.getPerson(id, reason);
  if (reason) rememberAccessReason(id, reason);
  // The profile is still useful without the household list, so its failure is not the page's failure.
  const household = await api.getHousehold(person.household_id, reason).catch(() => null);
  return { person, household, reason };
}

export const REASON_MIN = 5;
export const REASON_MAX = 200;

export function PersonPage({ id }: { id: number }) {
  const { t } = useI18n();
  const [reason, setReason] = useState<string | undefined>(() => accessReasonFor(id));
  const { state, reload } = useLoad(() => loadProfile(id, reason), [id, reason]);
  if (state.status === 'loading') return <section class="page"><Loading /></section>;
  if (state.status === 'error') {
    const error = state.error;
    // Asked for a reason, or the reason given was refused (too long): ask (again).
    if (needsReason(error) || (error.status === 400 && error.field === 'reason')) {
      return <ReasonPrompt key={reason ?? ''} initial={reason ?? ''} refused={reason ? error : null} onGive={setReason} />;
    }
    return (
      <section class="page">
        <p class="breadcrumb">
          <a href={href({ name: 'persons', q: '', offset: 0 })}>{t('person.backToSearch')}</a>
        </p>
        <PageTitle>{t('person.title')}</PageTitle>
        <ErrorNotice error={error} onRetry={reload} />
      </section>
    );
  }
  return <Profile {...state.data} />;
}

function ReasonPrompt({ initial, refused, onGive }: {
  initial: string;
  refused: ApiError | null;
  onGive: (reason: string) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | undefined>(refused?.message);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const reason = text.trim().replace(/\s+/g, ' ');
    const length = [...reason].length;
    if (length < REASON_MIN) setError(t('reason.tooShort'));
    else if (length > REASON_MAX) setError(t('reason.tooLong'));
    else onGive(reason);
  };

  return (
    <section class="page" data-testid="reason-page">
      <p class="breadcrumb">
        <a href={href({ name: 'persons', q: '', offset: 0 })}>{t('person.backToSearch')}</a>
      </p>
      <PageTitle>{t('reason.title')}</PageTitle>
      <form class="card form reason" onSubmit={onSubmit} noValidate data-testid="reason-form">
        <p>{t('reason.body')}</p>
        <Field id="access-reason" label={t('reason.label')} hint={t('reason.hint')} error={error} testId="reason-input">
          <textarea {...fieldAria('access-reason', t('reason.hint'), error)} rows={3} maxLength={REASON_MAX + 50}
            value={text} data-testid="reason-input" required
            onInput={(event) => { setText(event.currentTarget.value); setError(undefined); }} />
        </Field>
        <div class="actions">
          <button type="submit" class="button" data-testid="reason-submit">{t('reason.submit')}</button>
          <a class="button button--secondary" href={href({ name: 'persons', q: '', offset: 0 })}>{t('common.cancel')}</a>
        </div>
      </form>
    </section>
  );
}

function Profile({ person, household, reason }: ProfileData) {
  const { t, intlLocale } = useI18n();
  const arrivals = person.arrivals ?? [];
  return (
    <section class="page" data-testid="person-page" data-person-id={person.id}>
      <p class="breadcrumb">
        <a href={href({ name: 'persons', q: '', offset: 0 })}>{t('person.backToSearch')}</a>
      </p>
      <PageTitle testId="person-name">{displayName(person)}</PageTitle>
      <p class="subtitle">
        {t('person.household', { id: person.household_id })} · {enumLabel(t, 'relationship', person.relationship)}
      </p>
      {reason && <p class="access-reason" data-testid="person-access-reason">{t('reason.given', { reason })}</p>}

      <div class="columns">
        <section class="card" aria-labelledby="person-details-title">
          <h2 id="person-details-title">{t('person.details')}</h2>
          <dl class="details" data-testid="person-details">
            <Detail label={t('person.givenNames')} value={person.given_names} testId="person-given_names" />
            <Detail label={t('person.paternalSurname')} value={person.paternal_surname} testId="person-paternal_surname" />
            <Detail label={t('person.maternalSurname')} value={person.maternal_surname} testId="person-maternal_surname" />
            <Detail label={t('person.sex')} value={enumLabel(t, 'sex', person.sex || 'unknown')} testId="person-sex" />
            <Detail label={t('person.birthDate')} value={person.birth_date} testId="person-birth_date" />
            <Detail
              label={t('person.birthState')}
              value={person.birth_state ? stateName(person.birth_state) : ''}
              testId="person-birth_state"
            />
            <Detail label={t('person.birthMunicipality')} value={person.birth_municipality} testId="person-birth_municipality" />
            <Detail label={t('person.curp')} value={person.curp && <span class="mono">{person.curp}</span>} testId="person-curp" />
            <Detail
              label={t('person.languages')}
              value={person.languages.map((code) => languageLabel(t, code)).join(', ')}
              testId="person-languages"
            />
            <Detail label={t('person.phone')} value={person.phone} testId="person-phone" />
            <Detail label={t('person.notes')} value={person.notes ? <span class="notes">{person.notes}</span> : ''}
              testId="person-notes" />
            <Detail label={t('person.relationship')} value={enumLabel(t, 'relationship', person.relationship)} testId="person-relationship" />
            <Detail label={t('person.created')} value={formatDateTime(person.created_at, intlLocale)} testId="person-created_at" />
            <Detail label={t('person.version')} value={String(person.version)} testId="person-version" />
          </dl>
        </section>

        <div class="stack">
          <section class="card" aria-labelledby="household-title">
            <h2 id="household-title">{t('person.householdMembers')}</h2>
            {household ? (
              <ul class="member-list" data-testid="household-members">
                {household.members.map((member) => (
                  <li key={member.id} data-testid="household-member">
                    {member.id === person.id ? (
                      <span aria-current="page">
                        <strong>{displayName(member)}</strong> ({t('person.thisPerson')})
                      </span>
                    ) : (
                      <a href={href({ name: 'person', id: member.id })}>{displayName(member)}</a>
                    )}
                    <span class="member-list__meta">
                      {enumLabel(t, 'relationship', member.relationship)}
                      {member.birth_date ? ` · ${member.birth_date}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="empty">{t('common.empty')}</p>
            )}
          </section>

          {person.consents && <ConsentsCard personId={person.id} initial={person.consents} reason={reason} />}

          <ServicesPanel personId={person.id} reason={reason} />

          <ReferralsPanel personId={person.id} reason={reason} />

          <IdentityPanel person={person} reason={reason} />

          <LegalScreeningPanel personId={person.id} reason={reason} />

          <section class="card" aria-labelledby="arrivals-title">
            <h2 id="arrivals-title">{t('person.arrivals')}</h2>
            {arrivals.length === 0 ? (
              <p class="empty">{t('person.noArrivals')}</p>
            ) : (
              <table class="table table--cards" data-testid="arrivals-table">
                <thead>
                  <tr>
                    <th scope="col">{t('arrival.site')}</th>
                    <th scope="col">{t('arrival.time')}</th>
                    <th scope="col">{t('arrival.mode')}</th>
                    <th scope="col">{t('arrival.batch')}</th>
                  </tr>
                </thead>
                <tbody>
                  {arrivals.map((arrival) => (
                    <tr key={arrival.id} data-testid="arrival-row">
                      <td data-label={t('arrival.site')}>
                        <a href={href({ name: 'site', id: arrival.site_id })}>{arrival.site_name}</a>
                      </td>
                      <td data-label={t('arrival.time')}>{formatDateTime(arrival.arrived_at, intlLocale)}</td>
                      <td data-label={t('arrival.mode')}>{enumLabel(t, 'mode', arrival.mode)}</td>
                      <td data-label={t('arrival.batch')}>{arrival.batch_id || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      </div>
    </section>
  );
}

// The consents in force, each withdrawable (or given again) with the person's agreement. Withdrawing
// consent to services leads the retention job to anonymise the record.
function ConsentsCard({ personId, initial, reason }: { personId: number; initial: Consents; reason?: string }) {
  const { t } = useI18n();
  const [consents, setConsents] = useState<Consents>(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const change = async (patch: Partial<Consents>) => {
    setSaving(true);
    setError(null);
    try {
      setConsents(await api.updateConsents(personId, { ...consents, ...patch }, reason));
    } catch (cause) {
      setError(cause as ApiError);
    } finally {
      setSaving(false);
    }
  };

  const row = (key: 'services' | 'family_tracing', label: string) => (
    <li class="consent" data-testid={`consent-${key}`}>
      <span>{label}: <strong data-testid={`consent-${key}-state`}>{consents[key] ? t('consent.given') : t('consent.notGiven')}</strong></span>
      <button type="button" class="button button--small button--secondary" disabled={saving}
        data-testid={`consent-${key}-toggle`} onClick={() => change({ [key]: !consents[key] })}>
        {consents[key] ? t('consent.withdraw') : t('consent.give')}
      </button>
    </li>
  );

  return (
    <section class="card" aria-labelledby="consents-title" data-testid="consents-card">
      <h2 id="consents-title">{t('intake.consents')}</h2>
      <ul class="consent-list">
        {row('services', t('consent.services'))}
        {row('family_tracing', t('consent.familyTracing'))}
      </ul>
      {consents.share_with.length > 0 && (
        <p class="field__hint">{t('consent.sharedWith', { partners: consents.share_with.join(', ') })}</p>
      )}
      {!consents.services && <p class="field__hint" data-testid="consent-services-withdrawn">{t('consent.servicesWithdrawn')}</p>}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
