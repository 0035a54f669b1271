// Free beds across the network: every site with sections, its free, occupied and held beds per section,
// and how fresh each figure is (the last check-in, check-out or hold). Counts only, for every role; the
// board link is offered to those who work at the site.
import { bedsApi } from '../beds_api';
import { canManageBeds, useSession } from '../auth';
import { enumLabel, formatDateTime, formatNumber } from '../format';
import { useI18n } from '../i18n';
import { useLoad } from '../load';
import { href } from '../router';
import { ErrorNotice, Loading, PageTitle } from '../components/ui';

export function NetworkPage() {
  const { t, intlLocale } = useI18n();
  const { user } = useSession();
  const { state, reload } = useLoad(() => bedsApi.capacity(), []);
  return (
    <section class="page" data-testid="network-page">
      <PageTitle>{t('network.title')}</PageTitle>
      <p class="subtitle">{t('network.intro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && state.data.length === 0 && <p class="empty">{t('network.empty')}</p>}
      {state.status === 'ok' && state.data.length > 0 && (
        <table class="table table--cards" data-testid="network-table">
          <thead>
            <tr>
              <th scope="col">{t('network.site')}</th>
              <th scope="col">{t('beds.section')}</th>
              <th scope="col" class="numeric">{t('network.free')}</th>
              <th scope="col" class="numeric">{t('network.occupied')}</th>
              <th scope="col" class="numeric">{t('network.held')}</th>
              <th scope="col" class="numeric">{t('network.beds')}</th>
              <th scope="col">{t('network.fresh')}</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((site) => site.sections.map((section, idx) => (
              <tr key={section.id} data-testid="network-row" data-section-id={section.id} data-site-id={site.site_id}>
                <th scope="row" data-label={t('network.site')}>
                  {idx === 0 ? (
                    <>
                      {canManageBeds(user, site.site_id)
                        ? <a href={href({ name: 'board', id: site.site_id })}>{site.site_name}</a>
                        : site.site_name}
                      <span class="field__hint"> · {site.city}</span>
                    </>
                  ) : <span class="visually-hidden">{site.site_name}</span>}
                </th>
                <td data-label={t('beds.section')}>{section.name} · {enumLabel(t, 'sectionKind', section.kind)}</td>
                <td class="numeric" data-label={t('network.free')} data-testid="network-free">
                  <strong>{formatNumber(section.free, intlLocale)}</strong>
                </td>
                <td class="numeric" data-label={t('network.occupied')}>{formatNumber(section.occupied, intlLocale)}</td>
                <td class="numeric" data-label={t('network.held')} data-testid="network-held">
                  {formatNumber(section.held, intlLocale)}
                </td>
                <td class="numeric" data-label={t('network.beds')}>{formatNumber(section.beds, intlLocale)}</td>
                <td data-label={t('network.fresh')}>
                  {section.updated_at ? formatDateTime(section.updated_at, intlLocale) : t('beds.neverUpdated')}
                </td>
              </tr>
            )))}
          </tbody>
        </table>
      )}
    </section>
  );
}
