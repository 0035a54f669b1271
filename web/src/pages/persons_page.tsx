// Personas: search by partial name (the server ignores accents and case) with 20 results a page. The query
// and offset live in the hash (#/personas?q=herna&offset=20), so Back and reload keep the search.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Page, type Person } from '../api';
import { identityApi } from '../identity_api';
import { displayName, formatDateTime, formatNumber } from '../format';
import { useI18n } from '../i18n';
import { useLoad } from '../load';
import { href, navigate } from '../router';
import { ErrorNotice, Loading, PageTitle } from '../components/ui';

const PAGE_SIZE = 20;
const TYPING_DELAY_MS = 300;

export function PersonsPage({ q, offset }: { q: string; offset: number }) {
  const { t } = useI18n();
  const [text, setText] = useState(q);
  // The query this page last put in the hash; a different q arriving means the user navigated (Back, nav link).
  const pushed = useRef(q);
  // Approximate search goes through the identity index (misspellings, nicknames, one surname).
  const [fuzzy, setFuzzy] = useState(false);
  const { state, pending, reload } = useLoad(
    () => (fuzzy && q ? identityApi.searchFuzzy(q, PAGE_SIZE, offset) : api.searchPersons(q, PAGE_SIZE, offset)),
    [q, offset, fuzzy], { keepPrevious: true });

  useEffect(() => {
    if (q !== pushed.current) {
      pushed.current = q;
      setText(q);
    }
  }, [q]);

  // Search as the user types, once they pause.
  useEffect(() => {
    const wanted = text.trim();
    if (wanted === q) return;
    const timer = window.setTimeout(() => {
      pushed.current = wanted;
      navigate({ name: 'persons', q: wanted, offset: 0 }, { replace: true });
    }, TYPING_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, q]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const wanted = text.trim();
    pushed.current = wanted;
    if (wanted !== q || offset !== 0) navigate({ name: 'persons', q: wanted, offset: 0 });
    else reload();
  };

  return (
    <section class="page">
      <PageTitle>{t('persons.title')}</PageTitle>
      <form class="search" role="search" onSubmit={onSubmit}>
        <div class="field search__field">
          <label for="search-q">{t('persons.searchLabel')}</label>
          <div class="search__row">
            <input
              id="search-q"
              type="search"
              inputMode="search"
              autoComplete="off"
              autoCapitalize="off"
              spellcheck={false}
              value={text}
              aria-describedby="search-q-hint"
              data-testid="search-input"
              onInput={(event) => setText(event.currentTarget.value)}
            />
            <button type="submit" class="button" data-testid="search-submit">
              {t('persons.searchButton')}
            </button>
          </div>
          <p id="search-q-hint" class="field__hint">{t('persons.searchHint')}</p>
          <label class="checkbox">
            <input type="checkbox" checked={fuzzy} data-testid="search-fuzzy"
              onChange={(event) => setFuzzy(event.currentTarget.checked)} />
            {t('persons.fuzzy')}
          </label>
        </div>
      </form>

      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && <Results page={state.data} q={q} offset={offset} pending={pending} />}
    </section>
  );
}

function Results({ page, q, offset, pending }: { page: Page<Person>; q: string; offset: number; pending: boolean }) {
  const { t, intlLocale } = useI18n();
  if (page.items.length === 0) {
    return (
      <p class="empty" role="status" data-testid="results-empty">
        {q ? t('persons.none', { q }) : t('persons.noneAll')}
      </p>
    );
  }
  const first = page.offset + 1;
  const last = page.offset + page.items.length;
  const hasPrevious = offset > 0;
  const hasNext = last < page.total;
  return (
    <div class={pending ? 'results results--pending' : 'results'} aria-busy={pending}>
      <p class="results__summary" role="status" data-testid="results-summary">
        {t('persons.summary', {
          from: formatNumber(first, intlLocale),
          to: formatNumber(last, intlLocale),
          total: formatNumber(page.total, intlLocale),
        })}
      </p>
      <table class="table table--cards" data-testid="results-table">
        <caption class="visually-hidden">{t('persons.results')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('persons.colName')}</th>
            <th scope="col">{t('persons.colBirthDate')}</th>
            <th scope="col">{t('persons.colCurp')}</th>
            <th scope="col">{t('persons.colHousehold')}</th>
            <th scope="col">{t('persons.colCreated')}</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((person) => (
            <tr key={person.id} data-testid="result-row" data-person-id={person.id}>
              <th scope="row" data-label={t('persons.colName')}>
                <a href={href({ name: 'person', id: person.id })} data-testid="result-link">
                  {displayName(person)}
                </a>
              </th>
              <td data-label={t('persons.colBirthDate')}>{person.birth_date || '—'}</td>
              <td data-label={t('persons.colCurp')} class="mono">{person.curp || '—'}</td>
              <td data-label={t('persons.colHousehold')}>{t('persons.household', { id: person.household_id })}</td>
              <td data-label={t('persons.colCreated')}>{formatDateTime(person.created_at, intlLocale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(hasPrevious || hasNext) && <nav class="pager" aria-label={t('persons.pagination')}>
        <button
          type="button"
          class="button button--secondary"
          disabled={!hasPrevious}
          data-testid="page-previous"
          onClick={() => navigate({ name: 'persons', q, offset: Math.max(0, offset - PAGE_SIZE) })}
        >
          <span aria-hidden="true">←</span> {t('persons.previous')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={!hasNext}
          data-testid="page-next"
          onClick={() => navigate({ name: 'persons', q, offset: offset + PAGE_SIZE })}
        >
          {t('persons.next')} <span aria-hidden="true">→</span>
        </button>
      </nav>}
    </div>
  );
}
