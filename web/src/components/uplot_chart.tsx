// Dashboard charts drawn with uPlot (npm `uplot`, pinned): a small, fast, actively kept canvas chart
// library (no dependencies, ~50 kB), chosen over Chart.js for size and speed with daily series over a
// year and many sites. Canvas charts are not readable by screen readers or tests, so each chart comes
// with its data as a table under "Show the data"; null values (counts hidden as "<5") are gaps.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useI18n } from '../i18n';

export interface Series {
  label: string;
  values: (number | null)[];
}

const PALETTE = ['#1d4e63', '#d1495b', '#edae49', '#00798c', '#66a182', '#8d5a97', '#2e4057', '#e07a5f', '#3d405b',
  '#81b29a', '#b56576', '#4d908e'];

export function UPlotChart({ title, labels, series, bars = false, testId }: {
  title: string;
  labels: string[];   // x categories (days, sites, items)
  series: Series[];
  bars?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const xs = labels.map((_, idx) => idx);
    const data: uPlot.AlignedData = [xs, ...series.map((one) => one.values.map((value) => (value === null ? null : value)))];
    const width = Math.max(320, Math.min(element.clientWidth || 640, 960));
    const options: uPlot.Options = {
      width,
      height: 240,
      scales: { x: { time: false } },
      axes: [
        { values: (_, ticks) => ticks.map((tick) => labels[Math.round(tick)] ?? '') },
        {},
      ],
      series: [
        { label: '' },
        ...series.map((one, idx) => ({
          label: one.label,
          stroke: PALETTE[idx % PALETTE.length],
          fill: bars ? `${PALETTE[idx % PALETTE.length]}cc` : undefined,
          width: bars ? 0 : 2,
          paths: bars ? uPlot.paths.bars?.({ size: [0.6, 40] }) : undefined,
          points: { show: !bars && labels.length < 40 },
        })),
      ],
    };
    const chart = new uPlot(options, data, element);
    return () => chart.destroy();
  }, [labels, series, bars]);

  return (
    <figure class="chart" data-testid={testId}>
      <figcaption class="chart__title">{title}</figcaption>
      <div ref={holder} class="chart__canvas" role="img" aria-label={title} />
      <details class="chart__data">
        <summary>{t('dashboard.data')}</summary>
        <table class="table" data-testid={testId ? `${testId}-table` : undefined}>
          <thead>
            <tr>
              <th scope="col" />
              {series.map((one) => <th key={one.label} scope="col" class="numeric">{one.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, idx) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((one) => (
                  <td key={one.label} class="numeric">{one.values[idx] === null ? '<5' : one.values[idx]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
