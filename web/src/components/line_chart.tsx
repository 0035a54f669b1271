// A small SVG line chart for the simulation page: one line per series over days, y from 0, with
// shaded day ranges (surge periods) and an HTML legend.
// Why plain SVG rather than a chart library (uPlot, Chart.js): the series are small (≤ 3,660 days ×
// a few dozen lines), SVG needs no dependency to keep up to date, stays within the app's strict
// Content-Security-Policy (presentation attributes only, no inline style or eval), scales with the
// page, prints, and is readable by tests and screen readers (title, desc, data attributes).
import { useI18n } from '../i18n';

export interface ChartSeries {
  label: string;
  values: number[];
}

export interface ShadedRange {
  from: number;  // first day, included
  to: number;    // last day, included
  label: string;
}

const PALETTE = ['#1f6f8b', '#d1495b', '#edae49', '#00798c', '#66a182', '#8d5a97', '#2e4057', '#e07a5f', '#3d405b', '#81b29a'];
const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 48, right: 12, top: 12, bottom: 28 };

// A "nice" upper bound for the y axis: 1, 2 or 5 times a power of ten at or above `max`.
function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(max)));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}

export function colorOf(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#1f6f8b';
}

export function LineChart({ title, series, shaded, testId }: {
  title: string;
  series: ChartSeries[];
  shaded: ShadedRange[];
  testId: string;
}) {
  const { t, intlLocale } = useI18n();
  const days = Math.max(1, ...series.map((one) => one.values.length));
  const top = niceMax(Math.max(0, ...series.flatMap((one) => one.values)));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (day: number) => PAD.left + (days <= 1 ? 0 : (day / (days - 1)) * plotWidth);
  const y = (value: number) => PAD.top + plotHeight - (value / top) * plotHeight;
  const format = (value: number) => new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 1 }).format(value);
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((share) => share * top);
  const xStep = Math.max(1, Math.ceil(days / 8));
  const xTicks: number[] = [];
  for (let day = 0; day < days; day += xStep) xTicks.push(day);
  const titleId = `${testId}-title`;

  return (
    <figure class="sim-chart" data-testid={testId}>
      <figcaption id={titleId}>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} data-series={series.length}>
        <title>{title}</title>
        {shaded.map((range, index) => (
          <rect
            key={`shade-${index}`}
            class="sim-shade"
            data-testid={`${testId}-shade`}
            x={x(Math.max(0, range.from))}
            y={PAD.top}
            width={Math.max(2, x(Math.min(days - 1, range.to)) - x(Math.max(0, range.from)))}
            height={plotHeight}
            fill="#f4a261"
            fill-opacity="0.2"
          >
            <title>{t('sim.surgeShaded', { label: range.label })}</title>
          </rect>
        ))}
        {yTicks.map((value) => (
          <g key={`y-${value}`}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(value)} y2={y(value)} stroke="#ddd" stroke-width="1" />
            <text x={PAD.left - 6} y={y(value) + 4} text-anchor="end" font-size="11" fill="#555">{format(value)}</text>
          </g>
        ))}
        {xTicks.map((day) => (
          <text key={`x-${day}`} x={x(day)} y={HEIGHT - 10} text-anchor="middle" font-size="11" fill="#555">{day}</text>
        ))}
        <text x={WIDTH - PAD.right} y={HEIGHT - 10} text-anchor="end" font-size="11" fill="#555">{t('sim.day')}</text>
        {series.map((one, index) => (
          <polyline
            key={one.label}
            class="sim-line"
            data-label={one.label}
            fill="none"
            stroke={colorOf(index)}
            stroke-width="2"
            points={one.values.map((value, day) => `${x(day).toFixed(1)},${y(value).toFixed(1)}`).join(' ')}
          >
            <title>{one.label}</title>
          </polyline>
        ))}
      </svg>
      {series.length > 1 && (
        <ul class="sim-legend">
          {series.map((one, index) => (
            <li key={one.label}>
              <svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill={colorOf(index)} /></svg>
              {one.label}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
