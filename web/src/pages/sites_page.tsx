// Sitios: every reception centre and shelter with its city and total beds (the sum of its sections).
// Everyone logged in sees the list (it holds no personal data); administrators and coordinators create sites.
import { api, type Site } from '../api';
import { canManageSites, useSession } from '../auth';
import { stateName } from '../catalog';
import { enumLabel, formatNumber } from '../format';
import { useI18n } from '../i18n';
import { useLoad } from '../load';
import { href } from '../router';
import { ErrorNotice, Loading, PageTitle } from '../components/ui';

// Reception centres first, then shelters; by name within each kind.
export function sortSites(sites: readonly Site[]): Site[] {
  const rank = (site: Site) => (site.kind === 'reception_centre' ? 0 : 1);
  return [...sites].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'es'));
}

export function SitesPage() {
  const { t, intlLocale } = useI18n();
  const { user } = useSession();
  const { state, reload } = useLoad(() => api.listSites(), []);
  return (
    <section class="page">
      <div class="page__head">
        <PageTitle>{t('sites.title')}</PageTitle>
        {canManageSites(user) && (
          <a class="button" href={href({ name: 'siteNew' })} data-testid="site-new">
            {t('sites.new')}
          </a>
        )}
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && state.data.length === 0 && (
        <p class="empty" data-testid="sites-empty">{t('sites.none')}</p>
      )}
      {state.status === 'ok' && state.data.length > 0 && (
        <>
          <p class="results__summary" data-testid="sites-summary">
            {t('sites.total', {
              count: formatNumber(state.data.length, intlLocale),
              beds: formatNumber(state.data.reduce((sum, site) => sum + site.beds, 0), intlLocale),
            })}
          </p>
          <table class="table table--cards" data-testid="sites-table">
            <caption class="visually-hidden">{t('sites.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sites.colName')}</th>
                <th scope="col">{t('sites.colKind')}</th>
                <th scope="col">{t('sites.colCity')}</th>
                <th scope="col">{t('sites.colState')}</th>
                <th scope="col" class="numeric">{t('sites.colBeds')}</th>
              </tr>
            </thead>
            <tbody>
              {sortSites(state.data).map((site) => (
                <tr key={site.id} data-testid="site-row" data-site-id={site.id}>
                  <th scope="row" data-label={t('sites.colName')}>
                    <a href={href({ name: 'site', id: site.id })} data-testid="site-link">{site.name}</a>
                    {site.demo && <span class="badge" title={t('site.demoTitle')}>{t('site.demo')}</span>}
                    {user.site_ids.includes(site.id) && (
                      <span class="badge badge--head" data-testid="site-yours">{t('sites.yours')}</span>
                    )}
                  </th>
                  <td data-label={t('sites.colKind')}>
                    <span class={`kind kind--${site.kind}`}>{enumLabel(t, 'siteKind', site.kind)}</span>
                  </td>
                  <td data-label={t('sites.colCity')}>{site.city}</td>
                  <td data-label={t('sites.colState')}>{stateName(site.state)}</td>
                  <td data-label={t('sites.colBeds')} class="numeric" data-testid="site-beds">
                    {formatNumber(site.beds, intlLocale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
