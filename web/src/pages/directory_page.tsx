// The referral directory: organisations and the services they offer, filtered by city; exported as Open
// Referral HSDS JSON for everyone, and imported (all or nothing, errors naming the JSON path) by those who
// edit the directory (coordinators, administrators). Members of an organisation find its inbox from here.
import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { useSession } from '../auth';
import { stateName } from '../catalog';
import { useI18n } from '../i18n';
import { toApiError, useLoad } from '../load';
import { href } from '../router';
import { referralsApi } from '../referrals_api';
import { ErrorNotice, Loading, PageTitle } from '../components/ui';

export function DirectoryPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { state, reload } = useLoad(() => referralsApi.directory(), []);
  const [city, setCity] = useState('');
  const editor = user.role === 'coordinator' || user.role === 'administrator';
  const shown = state.status === 'ok'
    ? state.data.filter((one) => !city.trim() || one.city.toLowerCase().includes(city.trim().toLowerCase()))
    : [];
  return (
    <section class="page" data-testid="directory-page">
      <div class="page__head">
        <PageTitle>{t('directory.title')}</PageTitle>
        <div class="actions">
          <a class="button button--secondary" href={referralsApi.hsdsUrl} download data-testid="directory-export">
            {t('directory.export')}
          </a>
          <a class="button button--secondary" href={href({ name: 'referralsInbox' })} data-testid="directory-inbox">
            {t('directory.inbox')}
          </a>
        </div>
      </div>
      <p class="subtitle">{t('directory.intro')}</p>
      <div class="field">
        <label for="directory-city">{t('directory.filter')}</label>
        <input id="directory-city" type="search" value={city} onInput={(event) => setCity(event.currentTarget.value)} />
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && shown.length === 0 && <p class="empty">{t('directory.none')}</p>}
      {shown.length > 0 && (
        <table class="table table--cards" data-testid="directory-table">
          <thead>
            <tr>
              <th scope="col">{t('referrals.organisation')}</th>
              <th scope="col">{t('directory.city')}</th>
              <th scope="col">{t('directory.services')}</th>
              <th scope="col">{t('directory.contact')}</th>
              <th scope="col">{t('directory.hours')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((one) => (
              <tr key={one.id} data-testid="directory-row" data-organisation-id={one.id}>
                <th scope="row" data-label={t('referrals.organisation')}>
                  {one.name}
                  {!one.accepts_referrals && <span class="badge">—</span>}
                </th>
                <td data-label={t('directory.city')}>{one.city}{one.state ? `, ${stateName(one.state)}` : ''}</td>
                <td data-label={t('directory.services')}>{one.services.join(', ')}</td>
                <td data-label={t('directory.contact')}>{[one.phone, one.email, one.url].filter(Boolean).join(' · ')}</td>
                <td data-label={t('directory.hours')}>{one.hours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editor && <ImportForm onDone={reload} />}
    </section>
  );
}

function ImportForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    setDone('');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setFailure(new ApiError(400, 'InvalidArgument', t('directory.notJson'), 'hsds'));
      return;
    }
    try {
      const summary = await referralsApi.importHsds(parsed);
      setDone(t('directory.imported', { created: summary.created, updated: summary.updated }));
      setText('');
      onDone();
    } catch (cause) {
      setFailure(toApiError(cause));
    }
  };
  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('directory.import')}</h2>
      <form onSubmit={onSubmit} noValidate data-testid="directory-import">
        <div class="field">
          <label for="hsds-text">{t('directory.import')}</label>
          <textarea id="hsds-text" rows={8} value={text} data-testid="directory-import-text" aria-describedby="hsds-hint"
            onInput={(event) => setText(event.currentTarget.value)} />
          <p id="hsds-hint" class="field__hint">{t('directory.importHint')}</p>
        </div>
        <button type="submit" class="button" data-testid="directory-import-submit">{t('directory.importButton')}</button>
      </form>
      {done && <p class="notice" role="status" data-testid="directory-imported">{done}</p>}
      {failure && (
        <div class="notice notice--error" role="alert" data-testid="directory-import-error">
          <p>{failure.field ? `${failure.field}: ${failure.message}` : failure.message}</p>
        </div>
      )}
    </section>
  );
}
