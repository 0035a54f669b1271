// A finished simulation's result on the simulation page: the totals, three charts over days with the
// surge periods shaded (beds taken per city, mean wait per stage, people without a bed) and the ranked
// bottlenecks. Reads the result file's shape (docs/simulation.md).
import { formatNumber } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import type { SimulationResult } from '../simulation_api';
import { LineChart, type ChartSeries, type ShadedRange } from '../components/line_chart';

// Cities with beds, most beds first, at most `limit` (a legend of 14 lines is still readable).
function occupancySeries(result: SimulationResult, limit = 10): ChartSeries[] {
  return result.cities
    .filter((city) => city.beds > 0)
    .sort((a, b) => b.beds - a.beds)
    .slice(0, limit)
    .map((city) => ({ label: city.city, values: city.daily_occupancy }));
}

// Each stage's daily mean wait over its ports, weighted by the people each port's stage served.
function waitSeries(result: SimulationResult): ChartSeries[] {
  const byStage = new Map<string, { weights: number; sums: number[] }>();
  for (const stage of result.stages) {
    const weight = stage.arrivals.mean;
    if (!(weight > 0)) continue;
    const entry = byStage.get(stage.stage) ?? { weights: 0, sums: new Array<number>(result.days).fill(0) };
    entry.weights += weight;
    stage.daily_mean_wait_minutes.forEach((value, day) => {
      if (day < entry.sums.length) entry.sums[day] = (entry.sums[day] ?? 0) + value * weight;
    });
    byStage.set(stage.stage, entry);
  }
  return [...byStage.entries()].map(([stage, entry]) => ({
    label: stage,
    values: entry.sums.map((sum) => sum / entry.weights),
  }));
}

export function SimulationResults({ result }: { result: SimulationResult }) {
  const { t, intlLocale } = useI18n();
  const shaded: ShadedRange[] = result.multipliers
    .filter((multiplier) => multiplier.kind === 'surge')
    .map((multiplier) => ({ from: multiplier.from_day, to: multiplier.to_day, label: multiplier.label ?? `×${multiplier.factor}` }));
  const number = (value: number) => formatNumber(Math.round(value), intlLocale);
  return (
    <section class="sim-results" data-testid="sim-results">
      <h2 class="section-title">{t('sim.results')}</h2>
      <p data-testid="sim-totals">
        {t('sim.totals', {
          arrivals: number(result.totals.arrivals.mean),
          needed: number(result.totals.needed_bed.mean),
          without: number(result.totals.without_bed.mean),
          replications: result.replications,
        })}
      </p>
      <div class="sim-charts">
        <LineChart testId="chart-occupancy" title={t('sim.chartOccupancy')} series={occupancySeries(result)} shaded={shaded} />
        <LineChart testId="chart-waits" title={t('sim.chartWaits')} series={waitSeries(result)} shaded={shaded} />
        <LineChart testId="chart-without-bed" title={t('sim.chartWithoutBed')}
          series={[{ label: t('sim.chartWithoutBed'), values: result.daily.without_bed }]} shaded={shaded} />
      </div>
      <h2 class="section-title">{t('sim.bottlenecks')}</h2>
      {result.bottlenecks.length === 0 ? <p class="empty" data-testid="sim-no-bottlenecks">{t('sim.noBottlenecks')}</p> : (
        <table class="table table--cards" data-testid="sim-bottlenecks">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('sim.where')}</th>
              <th scope="col" class="numeric">{t('sim.pressure')}</th>
              <th scope="col">{t('sim.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {result.bottlenecks.map((bottleneck, index) => (
              <tr key={`${bottleneck.kind}-${bottleneck.where}`} data-testid="bottleneck-row" data-kind={bottleneck.kind}>
                <td data-label="#">{index + 1}</td>
                <th scope="row" data-label={t('sim.where')}>
                  {t(`sim.kind.${bottleneck.kind}` as MessageKey)}: {bottleneck.where}
                </th>
                <td class="numeric" data-label={t('sim.pressure')}>
                  {new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 0 }).format(bottleneck.pressure)}
                </td>
                <td data-label={t('sim.reason')}>{bottleneck.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
