// The inbox of an organisation that receives referrals: the people referred to the organisations the user
// belongs to (their name only), each with a select to accept, decline or mark done, as the flow allows.
import { useState } from 'preact/hooks';
import type { ApiError } from '../api';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { toApiError, useLoad } from '../load';
import { NEXT_REFERRAL_STATUS, referralsApi, type ReferralStatus } from '../referrals_api';
import { ErrorNotice, Loading, PageTitle } from '../components/ui';

export function ReferralsInboxPage() {
  const { t, intlLocale } = useI18n();
  const { state, reload } = useLoad(() => referralsApi.inbox(), []);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const move = async (id: number, status: ReferralStatus, version: number) => {
    setFailure(null);
    try {
      await referralsApi.move(id, status, version);
    } catch (cause) {
      setFailure(toApiError(cause));
    }
    reload();
  };
  return (
    <section class="page" data-testid="inbox-page">
      <PageTitle>{t('inbox.title')}</PageTitle>
      <p class="subtitle">{t('inbox.intro')}</p>
      {failure && <ErrorNotice error={failure} testId="inbox-error" />}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && state.data.length === 0 && <p class="empty">{t('inbox.none')}</p>}
      {state.status === 'ok' && state.data.length > 0 && (
        <ul class="stay-list">
          {state.data.map((referral) => (
            <li key={referral.id} class="stay" data-testid="inbox-referral" data-status={referral.status}>
              <span class="stay__name">{referral.person_name}</span>
              <span>{referral.organisation_name} · {referral.service}</span>
              {referral.note && <span class="stay__date">«{referral.note}»</span>}
              <span class="stay__date">{formatDateTime(referral.created_at, intlLocale)}</span>
              <span class="badge">{t(`referralStatus.${referral.status}`)}</span>
              {NEXT_REFERRAL_STATUS[referral.status].length > 0 && (
                <select aria-label={t('inbox.change', { name: referral.person_name })} value="" data-testid="inbox-move"
                  onChange={(event) => {
                    const value = event.currentTarget.value as ReferralStatus;
                    if (value) void move(referral.id, value, referral.version);
                  }}>
                  <option value="">{t('inbox.keep')}</option>
                  {NEXT_REFERRAL_STATUS[referral.status].map((next) => (
                    <option key={next} value={next}>{t(`referralStatus.${next}`)}</option>
                  ))}
                </select>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
