// Family tracing: a relative asks for someone by name; staff search the registrations of people who
// consented to be found (approximate by default: misspellings, nicknames, a missing surname). Only a name
// and a birth year come back: no contact details, no site, no whereabouts. The server audits each search.
import { useState } from 'preact/hooks';
import type { ApiError } from '../api';
import { identityApi, type TracingMatch } from '../identity_api';
import { useI18n } from '../i18n';
import { toApiError } from '../load';
import { ErrorNotice, PageTitle } from '../components/ui';

export function TracingPage() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [fuzzy, setFuzzy] = useState(true);
  const [items, setItems] = useState<TracingMatch[] | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    try {
      setItems(await identityApi.trace(text, fuzzy));
    } catch (cause) {
      setItems(null);
      setFailure(toApiError(cause));
    }
  };

  return (
    <section class="page" data-testid="tracing-page">
      <PageTitle>{t('tracing.title')}</PageTitle>
      <p class="subtitle">{t('tracing.intro')}</p>
      <form class="search" role="search" onSubmit={onSubmit}>
        <div class="field search__field">
          <label for="tracing-q">{t('tracing.label')}</label>
          <div class="search__row">
            <input id="tracing-q" type="search" autoComplete="off" value={text} data-testid="tracing-input"
              onInput={(event) => setText(event.currentTarget.value)} />
            <button type="submit" class="button" data-testid="tracing-submit">{t('tracing.search')}</button>
          </div>
          <label class="checkbox">
            <input type="checkbox" checked={fuzzy} onChange={(event) => setFuzzy(event.currentTarget.checked)} />
            {t('persons.fuzzy')}
          </label>
        </div>
      </form>
      {failure && <ErrorNotice error={failure} testId="tracing-error" />}
      {items && items.length === 0 && <p class="empty" role="status" data-testid="tracing-none">{t('tracing.none')}</p>}
      {items && items.length > 0 && (
        <table class="table" data-testid="tracing-results">
          <thead>
            <tr><th scope="col">{t('tracing.name')}</th><th scope="col">{t('tracing.birthYear')}</th></tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.match_id} data-testid="tracing-row">
                <th scope="row">{item.full_name}</th>
                <td>{item.birth_year || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
