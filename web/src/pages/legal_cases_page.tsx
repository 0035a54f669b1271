// The legal cases the user may see (coordinators all, lawyers theirs, site staff their sites'), filtered by
// status, each linking to its page.
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { CASE_STATUSES, legalApi } from '../legal_api';
import { useLoad } from '../load';
import { href } from '../router';
import { ErrorNotice, Field, fieldAria, Loading, PageTitle } from '../components/ui';

export function LegalCasesPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  const { state, reload } = useLoad(() => legalApi.listCases(status), [status]);
  return (
    <section class="page" data-testid="legal-cases-page">
      <div class="page__head">
        <PageTitle>{t('legal.cases.title')}</PageTitle>
        <div class="actions">
          <a class="button button--secondary" href={href({ name: 'legalAgenda' })} data-testid="legal-agenda-link">
            {t('nav.legalAgenda')}
          </a>
        </div>
      </div>
      <Field id="legal-cases-status" label={t('legal.cases.filter')}>
        <select {...fieldAria('legal-cases-status')} value={status} data-testid="legal-cases-status"
          onChange={(event) => setStatus(event.currentTarget.value)}>
          <option value="">{t('legal.cases.all')}</option>
          {CASE_STATUSES.map((value) => <option key={value} value={value}>{t(`legal.status.${value}`)}</option>)}
        </select>
      </Field>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && (state.data.length === 0 ? (
        <p class="empty" data-testid="legal-cases-empty">{t('legal.cases.empty')}</p>
      ) : (
        <table class="table table--cards" data-testid="legal-cases-table">
          <thead>
            <tr>
              <th scope="col">{t('legal.cases.person')}</th>
              <th scope="col">{t('legal.cases.type')}</th>
              <th scope="col">{t('legal.cases.status')}</th>
              <th scope="col">{t('legal.cases.lawyer')}</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((legalCase) => (
              <tr key={legalCase.id} data-testid="legal-case-row" data-case-id={legalCase.id}>
                <td data-label={t('legal.cases.person')}>
                  <a href={href({ name: 'legalCase', id: legalCase.id })}>{legalCase.full_name}</a>
                </td>
                <td data-label={t('legal.cases.type')}>{t(`legal.type.${legalCase.type}`)}</td>
                <td data-label={t('legal.cases.status')}>{t(`legal.status.${legalCase.status}`)}</td>
                <td data-label={t('legal.cases.lawyer')}>{legalCase.lawyer_name ?? t('legal.cases.unassigned')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
