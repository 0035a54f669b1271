// The network at a glance, for coordinators and analysts: arrivals per day per reception point over the
// last 30 or 90 days, by sex and age band; arrivals today and people in shelters now; bed occupancy per
// site; services offered, accepted, declined and done; transport home by destination state. Numbers come
// from /dashboard; for analysts the server hides counts from 1 to 4, shown here as "<5". The HXL export
// gives the arrivals as tagged CSV for humanitarian reporting. Legal aid's counts close the page.
import { useMemo, useState } from 'preact/hooks';
import { stateName } from '../catalog';
import { formatNumber } from '../format';
import { useI18n } from '../i18n';
import { useLoad } from '../load';
import { receptionApi, type Count, type Dashboard } from '../reception_api';
import { ErrorNotice, Loading, PageTitle } from '../components/ui';
import { UPlotChart } from '../components/uplot_chart';
import { LegalReportCard } from './legal_report_card';

const AGE_BANDS = ['0-4', '5-11', '12-17', '18-29', '30-44', '45-59', '60+', 'unknown'];
const SEXES = ['F', 'M', 'X', 'unknown'];

export function DashboardPage() {
  const { t } = useI18n();
  const [days, setDays] = useState(30);
  const { state, reload } = useLoad(() => receptionApi.dashboard(days), [days], { keepPrevious: true });
  return (
    <section class="page" data-testid="dashboard-page">
      <div class="page__head">
        <PageTitle>{t('dashboard.title')}</PageTitle>
        <div class="actions">
          <label>
            {t('dashboard.period')}{' '}
            <select value={days} data-testid="dashboard-days" onChange={(event) => setDays(Number(event.currentTarget.value))}>
              <option value={30}>{t('dashboard.days', { days: 30 })}</option>
              <option value={90}>{t('dashboard.days', { days: 90 })}</option>
            </select>
          </label>
          <a class="button button--secondary" href={receptionApi.hxlUrl(days)} download data-testid="dashboard-hxl">
            {t('dashboard.hxl')}
          </a>
          <button type="button" class="button button--secondary" onClick={reload}>{t('beds.refresh')}</button>
        </div>
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && <DashboardView data={state.data} />}
      <LegalReportCard />
    </section>
  );
}

function Figure({ label, value, testId }: { label: string; value: Count; testId: string }) {
  const { intlLocale } = useI18n();
  return (
    <li class="tile">
      <p class="tile__name">{label}</p>
      <p class="tile__number" data-testid={testId}>{value === null ? '<5' : formatNumber(value, intlLocale)}</p>
    </li>
  );
}

function show(value: Count, intlLocale: string): string {
  return value === null ? '<5' : formatNumber(value, intlLocale);
}

function DashboardView({ data }: { data: Dashboard }) {
  const { t, intlLocale } = useI18n();
  const arrivals = useMemo(() => data.sites.map((site) => ({ label: site.site_name, values: site.per_day })), [data]);
  const shortDays = useMemo(() => data.days.map((day) => day.slice(5)), [data]);
  const sexSeries = useMemo(() => [{ label: t('dashboard.count'), values: SEXES.map((sex) => data.by_sex[sex] ?? 0) }], [data, t]);
  const ageSeries = useMemo(() => [{ label: t('dashboard.count'), values: AGE_BANDS.map((band) => data.by_age[band] ?? 0) }], [data, t]);
  const services = useMemo(() => [
    { label: t('serviceStatus.done'), values: data.services.map((row) => row.done) },
    { label: t('serviceStatus.declined'), values: data.services.map((row) => row.declined) },
  ], [data, t]);
  return (
    <>
      {data.suppressed && <p class="notice" data-testid="dashboard-suppressed">{t('dashboard.suppressed')}</p>}
      <ul class="tiles">
        <Figure label={t('dashboard.arrivals')} value={data.total_arrivals} testId="dashboard-total" />
        <Figure label={t('dashboard.arrivedToday')} value={data.arrived_today} testId="dashboard-today" />
        <Figure label={t('dashboard.inShelters')} value={data.in_shelters_now} testId="dashboard-shelters" />
      </ul>
      <section class="card">
        <UPlotChart title={t('dashboard.arrivalsPerDay')} labels={shortDays} series={arrivals} testId="chart-arrivals" />
      </section>
      <div class="grid-2">
        <section class="card">
          <UPlotChart title={t('dashboard.bySex')} bars labels={SEXES.map((sex) => t(`sex.${sex}` as 'sex.F'))} series={sexSeries}
            testId="chart-sex" />
        </section>
        <section class="card">
          <UPlotChart title={t('dashboard.byAge')} bars
            labels={AGE_BANDS.map((band) => (band === 'unknown' ? t('age.unknown') : band))} series={ageSeries} testId="chart-age" />
        </section>
      </div>
      <section class="card">
        <UPlotChart title={t('dashboard.services')} bars labels={data.services.map((row) => t(`service.${row.item}`))}
          series={services} testId="chart-services" />
        <table class="table" data-testid="dashboard-services">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.item')}</th>
              <th scope="col" class="numeric">{t('serviceStatus.offered')}</th>
              <th scope="col" class="numeric">{t('serviceStatus.accepted')}</th>
              <th scope="col" class="numeric">{t('serviceStatus.declined')}</th>
              <th scope="col" class="numeric">{t('serviceStatus.done')}</th>
            </tr>
          </thead>
          <tbody>
            {data.services.map((row) => (
              <tr key={row.item} data-testid="dashboard-service" data-item={row.item}>
                <th scope="row">{t(`service.${row.item}`)}</th>
                <td class="numeric">{show(row.offered, intlLocale)}</td>
                <td class="numeric">{show(row.accepted, intlLocale)}</td>
                <td class="numeric">{show(row.declined, intlLocale)}</td>
                <td class="numeric" data-testid="service-done">{show(row.done, intlLocale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div class="grid-2">
        <section class="card">
          <h2>{t('dashboard.occupancy')}</h2>
          <table class="table" data-testid="dashboard-occupancy">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.site')}</th>
                <th scope="col" class="numeric">{t('dashboard.beds')}</th>
                <th scope="col" class="numeric">{t('dashboard.occupied')}</th>
                <th scope="col" class="numeric">{t('dashboard.held')}</th>
              </tr>
            </thead>
            <tbody>
              {data.occupancy.map((site) => (
                <tr key={site.site_id}>
                  <th scope="row">{site.site_name}<span class="field__hint"> · {site.city}</span></th>
                  <td class="numeric">{formatNumber(site.beds, intlLocale)}</td>
                  <td class="numeric">{show(site.occupied, intlLocale)}</td>
                  <td class="numeric">{show(site.held, intlLocale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section class="card">
          <h2>{t('dashboard.transport')}</h2>
          <table class="table" data-testid="dashboard-transport">
            <thead>
              <tr><th scope="col">{t('dashboard.state')}</th><th scope="col" class="numeric">{t('dashboard.count')}</th></tr>
            </thead>
            <tbody>
              {data.transport_home.map((row) => (
                <tr key={row.state} data-testid="transport-row" data-state={row.state}>
                  <th scope="row">{stateName(row.state)}</th>
                  <td class="numeric">{show(row.count, intlLocale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </>
  );
}
