// On a person's page: their referrals to organisations of the directory (status, who, when), and a form
// to refer them to an organisation that takes referrals, for one of its services, with an optional note.
import { useState } from 'preact/hooks';
import type { ApiError } from '../api';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { toApiError, useLoad } from '../load';
import { referralsApi } from '../referrals_api';
import { ErrorNotice, Loading } from '../components/ui';

export function ReferralsPanel({ personId, reason }: { personId: number; reason?: string }) {
  const { t, intlLocale } = useI18n();
  const referrals = useLoad(() => referralsApi.ofPerson(personId, reason), [personId, reason]);
  const directory = useLoad(() => referralsApi.directory(), []);
  const [organisationId, setOrganisationId] = useState(0);
  const [service, setService] = useState('');
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const open = directory.state.status === 'ok' ? directory.state.data.filter((one) => one.accepts_referrals) : [];
  const chosen = open.find((one) => one.id === organisationId) ?? open[0];

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return;
    setFailure(null);
    try {
      await referralsApi.refer(personId, { organisation_id: chosen.id, service: service || chosen.services[0] || '', note }, reason);
      setNote('');
      referrals.reload();
    } catch (cause) {
      setFailure(toApiError(cause));
    }
  };

  return (
    <section class="card" aria-labelledby="referrals-title" data-testid="referrals-panel">
      <h2 id="referrals-title">{t('referrals.title')}</h2>
      {referrals.state.status === 'loading' && <Loading />}
      {referrals.state.status === 'error' && <ErrorNotice error={referrals.state.error} onRetry={referrals.reload} />}
      {referrals.state.status === 'ok' && referrals.state.data.length === 0 && <p class="empty">{t('referrals.none')}</p>}
      {referrals.state.status === 'ok' && referrals.state.data.length > 0 && (
        <ul class="stay-list">
          {referrals.state.data.map((referral) => (
            <li key={referral.id} class="stay" data-testid="referral" data-status={referral.status}>
              <span class="stay__name">{referral.organisation_name} · {referral.service}</span>
              <span class="badge">{t(`referralStatus.${referral.status}`)}</span>
              <span class="stay__date">{t('referrals.by', { user: referral.updated_by, time: formatDateTime(referral.updated_at, intlLocale) })}</span>
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <form class="inline-form" onSubmit={onSubmit} noValidate data-testid="referral-form">
          <div class="field">
            <label for="referral-organisation">{t('referrals.organisation')}</label>
            <select id="referral-organisation" value={chosen.id} data-testid="referral-organisation"
              onChange={(event) => { setOrganisationId(Number(event.currentTarget.value)); setService(''); }}>
              {open.map((one) => <option key={one.id} value={one.id}>{one.name} · {one.city}</option>)}
            </select>
          </div>
          <div class="field">
            <label for="referral-service">{t('referrals.service')}</label>
            <select id="referral-service" value={service || chosen.services[0]} data-testid="referral-service"
              onChange={(event) => setService(event.currentTarget.value)}>
              {chosen.services.map((one) => <option key={one} value={one}>{one}</option>)}
            </select>
          </div>
          <div class="field">
            <label for="referral-note">{t('referrals.note')}</label>
            <input id="referral-note" type="text" maxLength={500} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
          </div>
          <div class="inline-form__actions">
            <button type="submit" class="button" data-testid="referral-send">{t('referrals.send')}</button>
          </div>
        </form>
      )}
      {failure && <ErrorNotice error={failure} testId="referral-error" />}
    </section>
  );
}
