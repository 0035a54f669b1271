// The legal-aid part of the network dashboard (issue #6 reports on #8's dashboard): open cases by type,
// closed cases by outcome, deadlines met on time, met late, missed and pending, and each lawyer's caseload
// against their capacity. Counts only, from /legal/reports; for analysts the server hides 1 to 4 as "<5".
import { request } from '../api';
import { formatNumber } from '../format';
import { useI18n } from '../i18n';
import { useLoad } from '../load';
import { ErrorNotice, Loading } from '../components/ui';
import { UPlotChart } from '../components/uplot_chart';

type Count = number | null;

interface LegalReport {
  caseload: { lawyer_id: number; name: string; organisation: string; open_cases: Count; closed_cases: Count; capacity: number }[];
  cases_by_type_and_outcome: { type: string; outcome: string; cases: Count }[];
  deadlines: { met_on_time: Count; met_late: Count; missed: Count; pending: Count };
}

export function LegalReportCard() {
  const { t, intlLocale } = useI18n();
  const { state, reload } = useLoad(() => request<LegalReport>('GET', '/legal/reports'), []);
  const show = (value: Count) => (value === null ? '<5' : formatNumber(value, intlLocale));
  if (state.status === 'loading') return <section class="card"><Loading /></section>;
  if (state.status === 'error') return <section class="card"><ErrorNotice error={state.error} onRetry={reload} /></section>;
  const report = state.data;
  const open = report.cases_by_type_and_outcome.filter((row) => row.outcome === 'open');
  const deadlines = report.deadlines;
  return (
    <section class="card" aria-labelledby="legal-report-title" data-testid="dashboard-legal">
      <h2 id="legal-report-title">{t('dashboard.legal')}</h2>
      <ul class="tiles">
        <li class="tile">
          <p class="tile__name">{t('dashboard.legalOpen')}</p>
          <p class="tile__number" data-testid="legal-open">
            {open.some((row) => row.cases === null) ? '<5' : formatNumber(open.reduce((sum, row) => sum + (row.cases ?? 0), 0), intlLocale)}
          </p>
        </li>
        <li class="tile tile--full">
          <p class="tile__name">{t('dashboard.legalMissed')}</p>
          <p class="tile__number" data-testid="legal-missed">{show(deadlines.missed)}</p>
        </li>
      </ul>
      {open.length > 0 && (
        <UPlotChart title={t('dashboard.legalByType')} bars labels={open.map((row) => t(`legal.type.${row.type}` as 'legal.type.other'))}
          series={[{ label: t('dashboard.count'), values: open.map((row) => row.cases) }]} testId="chart-legal" />
      )}
      <table class="table">
        <caption>{t('dashboard.legalDeadlines')}</caption>
        <tbody>
          <tr><th scope="row">{t('dashboard.legalMetOnTime')}</th><td class="numeric">{show(deadlines.met_on_time)}</td></tr>
          <tr><th scope="row">{t('dashboard.legalMetLate')}</th><td class="numeric">{show(deadlines.met_late)}</td></tr>
          <tr><th scope="row">{t('dashboard.legalMissed')}</th><td class="numeric">{show(deadlines.missed)}</td></tr>
          <tr><th scope="row">{t('dashboard.legalPending')}</th><td class="numeric">{show(deadlines.pending)}</td></tr>
        </tbody>
      </table>
      {report.caseload.length > 0 && (
        <table class="table" data-testid="legal-caseload">
          <caption>{t('dashboard.legalCaseload')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.legalLawyer')}</th>
              <th scope="col" class="numeric">{t('dashboard.legalOpenCases')}</th>
              <th scope="col" class="numeric">{t('dashboard.legalClosedCases')}</th>
              <th scope="col" class="numeric">{t('dashboard.legalCapacity')}</th>
            </tr>
          </thead>
          <tbody>
            {report.caseload.map((load) => (
              <tr key={load.lawyer_id}>
                <th scope="row">{load.name}<span class="field__hint"> · {load.organisation}</span></th>
                <td class="numeric">{show(load.open_cases)}</td>
                <td class="numeric">{show(load.closed_cases)}</td>
                <td class="numeric">{formatNumber(load.capacity, intlLocale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
