// The surge simulator page (#/simulacion), for coordinators and analysts: loads a starting scenario built
// from the live registry, lets them change the key parameters in a form (daily arrivals and staff per
// port, a surge multiplier with its days, horizon, replications, seed; beds per city are shown from the
// registry) or the whole scenario as JSON, runs it on the server, follows its progress, and shows the
// result: occupancy per city, mean wait per stage and people without a bed over time with the surge
// shaded, and the ranked bottlenecks.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { formatNumber } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { toApiError, useLoad } from '../load';
import {
  MAX_REPLICATIONS,
  cancelSimulation,
  getSimulation,
  getTemplate,
  isActive,
  listSimulations,
  submitSimulation,
  type Multiplier,
  type Scenario,
  type SimulationRun,
} from '../simulation_api';
import { ErrorNotice, Field, Loading, PageTitle } from '../components/ui';
import { SimulationResults } from './simulation_results';
import '../simulation.css';

const POLL_MS = 700;

function surgeOf(scenario: Scenario): Multiplier | undefined {
  return (scenario.multipliers ?? []).find((multiplier) => multiplier.kind === 'surge');
}

// `scenario` with `days` days; multipliers are kept within the new horizon (the server refuses others).
function withDays(scenario: Scenario, days: number): Scenario {
  const multipliers = (scenario.multipliers ?? [])
    .filter((multiplier) => multiplier.from_day < days)
    .map((multiplier) => ({ ...multiplier, to_day: Math.min(multiplier.to_day, days - 1) }));
  return { ...scenario, days, multipliers };
}

// `scenario` with its surge multipliers replaced by one (none when the factor is 1).
function withSurge(scenario: Scenario, factor: number, from: number, to: number): Scenario {
  const others = (scenario.multipliers ?? []).filter((multiplier) => multiplier.kind !== 'surge');
  if (factor === 1) return { ...scenario, multipliers: others };
  const surge: Multiplier = { kind: 'surge', from_day: from, to_day: to, factor, label: `×${factor}` };
  return { ...scenario, multipliers: [...others, surge] };
}

function numberFrom(event: Event): number {
  return Number((event.currentTarget as HTMLInputElement).value);
}

export function SimulationPage() {
  const { t } = useI18n();
  const template = useLoad(() => getTemplate(), []);
  return (
    <section class="page" data-testid="simulation-page">
      <PageTitle>{t('sim.title')}</PageTitle>
      <p class="subtitle">{t('sim.intro')}</p>
      {template.state.status === 'loading' && <Loading />}
      {template.state.status === 'error' && <ErrorNotice error={template.state.error} onRetry={template.reload} />}
      {template.state.status === 'ok' && <SimulationEditor initial={template.state.data} />}
    </section>
  );
}

function SimulationEditor({ initial }: { initial: Scenario }) {
  const { t, intlLocale } = useI18n();
  const [scenario, setScenario] = useState<Scenario>(initial);
  const [replications, setReplications] = useState(20);
  const [seed, setSeed] = useState(1);
  const [jsonText, setJsonText] = useState(() => JSON.stringify(initial, null, 1));
  const [jsonNote, setJsonNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [run, setRun] = useState<SimulationRun | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const recent = useLoad(() => listSimulations(), [run?.id, run?.status]);

  const days = scenario.days ?? 365;
  const surge = surgeOf(scenario);
  const stages = scenario.stages ?? [];

  const update = (next: Scenario) => {
    setScenario(next);
    setJsonText(JSON.stringify(next, null, 1));
    setJsonNote(null);
  };

  // While the run is queued or running, poll it.
  useEffect(() => {
    if (!run || !isActive(run.status)) return;
    const timer = window.setTimeout(() => {
      getSimulation(run.id).then(setRun, (cause) => setError(toApiError(cause)));
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [run]);

  const bedsByCity = useMemo(() => {
    const cities = new Map<string, { shelters: number; beds: number }>();
    for (const shelter of scenario.shelters ?? []) {
      const entry = cities.get(shelter.city) ?? { shelters: 0, beds: 0 };
      entry.shelters += 1;
      entry.beds += shelter.sections.reduce((sum, section) => sum + section.beds, 0);
      cities.set(shelter.city, entry);
    }
    return [...cities.entries()];
  }, [scenario.shelters]);

  const setPort = (index: number, change: (port: Scenario['ports'][number]) => Scenario['ports'][number]) => {
    update({ ...scenario, ports: scenario.ports.map((port, idx) => (idx === index ? change(port) : port)) });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      setRun(await submitSimulation(scenario, replications, seed));
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  const applyJson = () => {
    try {
      const parsed = JSON.parse(jsonText) as Scenario;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('{ … }');
      setScenario(parsed);
      setJsonNote({ ok: true, text: t('sim.jsonApplied') });
    } catch (cause) {
      setJsonNote({ ok: false, text: t('sim.jsonInvalid', { message: cause instanceof Error ? cause.message : String(cause) }) });
    }
  };

  const showRun = async (id: number) => {
    setError(null);
    try {
      setRun(await getSimulation(id));
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  return (
    <>
      <form class="form stack" onSubmit={submit} data-testid="sim-form" novalidate>
        <fieldset class="card">
          <legend>{t('sim.title')}</legend>
          <div class="grid">
            <Field id="sim-name" label={t('sim.name')}>
              <input id="sim-name" value={scenario.name ?? ''} onInput={(e) => update({ ...scenario, name: (e.currentTarget as HTMLInputElement).value })} />
            </Field>
            <Field id="sim-days" label={t('sim.days')}>
              <input id="sim-days" type="number" min={1} max={3660} value={days} data-testid="sim-days"
                onChange={(e) => { const value = numberFrom(e); if (value >= 1) update(withDays(scenario, Math.floor(value))); }} />
            </Field>
            <Field id="sim-replications" label={t('sim.replications')} hint={t('sim.replicationsHint')}>
              <input id="sim-replications" type="number" min={1} max={MAX_REPLICATIONS} value={replications} data-testid="sim-replications"
                onChange={(e) => setReplications(Math.floor(numberFrom(e)))} />
            </Field>
            <Field id="sim-seed" label={t('sim.seed')}>
              <input id="sim-seed" type="number" min={0} value={seed} onChange={(e) => setSeed(Math.floor(numberFrom(e)))} />
            </Field>
          </div>
        </fieldset>

        <fieldset class="card" data-testid="sim-surge">
          <legend>{t('sim.surge')}</legend>
          <div class="grid">
            <Field id="sim-surge-factor" label={t('sim.surgeFactor')}>
              <input id="sim-surge-factor" type="number" min={0} step="0.1" value={surge?.factor ?? 1} data-testid="sim-surge-factor"
                onChange={(e) => update(withSurge(scenario, numberFrom(e), surge?.from_day ?? 0, surge?.to_day ?? days - 1))} />
            </Field>
            <Field id="sim-surge-from" label={t('sim.surgeFrom')}>
              <input id="sim-surge-from" type="number" min={0} max={days - 1} value={surge?.from_day ?? 0} data-testid="sim-surge-from"
                disabled={!surge} onChange={(e) => surge && update(withSurge(scenario, surge.factor, numberFrom(e), surge.to_day))} />
            </Field>
            <Field id="sim-surge-to" label={t('sim.surgeTo')}>
              <input id="sim-surge-to" type="number" min={0} max={days - 1} value={surge?.to_day ?? days - 1} data-testid="sim-surge-to"
                disabled={!surge} onChange={(e) => surge && update(withSurge(scenario, surge.factor, surge.from_day, numberFrom(e)))} />
            </Field>
          </div>
        </fieldset>

        <fieldset class="card">
          <legend>{t('sim.ports')}</legend>
          <div class="sim-scroll">
            <table class="table" data-testid="sim-ports">
              <thead>
                <tr>
                  <th scope="col">{t('sim.port')}</th>
                  <th scope="col">{t('sim.dailyRate')}</th>
                  {stages.map((stage) => <th scope="col" key={stage.id}>{t('sim.staffOf', { stage: stage.id })}</th>)}
                </tr>
              </thead>
              <tbody>
                {scenario.ports.map((port, index) => (
                  <tr key={port.id} data-testid="sim-port-row" data-port={port.id}>
                    <th scope="row">{port.id}</th>
                    <td>
                      <input type="number" min={0} step="0.1" class="sim-number" value={port.daily_rate}
                        aria-label={`${t('sim.dailyRate')}: ${port.id}`} data-testid="sim-port-rate"
                        onChange={(e) => setPort(index, (old) => ({ ...old, daily_rate: numberFrom(e) }))} />
                    </td>
                    {stages.map((stage) => (
                      <td key={stage.id}>
                        <input type="number" min={0} class="sim-number" value={port.staff?.[stage.id] ?? stage.staff ?? 1}
                          aria-label={`${t('sim.staffOf', { stage: stage.id })}: ${port.id}`}
                          onChange={(e) => setPort(index, (old) => ({ ...old, staff: { ...(old.staff ?? {}), [stage.id]: Math.floor(numberFrom(e)) } }))} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>

        <fieldset class="card">
          <legend>{t('sim.beds')}</legend>
          {bedsByCity.length === 0 ? <p class="empty">{t('sim.noBeds')}</p> : (
            <table class="table" data-testid="sim-beds">
              <thead>
                <tr><th scope="col">{t('sim.city')}</th><th scope="col" class="numeric">{t('sim.shelters')}</th><th scope="col" class="numeric">{t('sim.bedsCount')}</th></tr>
              </thead>
              <tbody>
                {bedsByCity.map(([city, entry]) => (
                  <tr key={city} data-testid="sim-beds-row">
                    <th scope="row">{city}</th>
                    <td class="numeric">{formatNumber(entry.shelters, intlLocale)}</td>
                    <td class="numeric">{formatNumber(entry.beds, intlLocale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </fieldset>

        <details class="card">
          <summary>{t('sim.json')}</summary>
          <textarea class="sim-json mono" rows={16} value={jsonText} data-testid="sim-json" aria-label={t('sim.json')}
            onInput={(e) => setJsonText((e.currentTarget as HTMLTextAreaElement).value)} />
          <div class="actions">
            <button type="button" class="button button--secondary" onClick={applyJson} data-testid="sim-json-apply">{t('sim.jsonApply')}</button>
            {jsonNote && <span class={jsonNote.ok ? 'notice notice--success' : 'notice notice--error'} role="status">{jsonNote.text}</span>}
          </div>
        </details>

        {error && <SubmitError error={error} />}
        <div class="actions actions--submit">
          <button type="submit" class="button button--large" data-testid="sim-run" disabled={run !== null && isActive(run.status)}>{t('sim.run')}</button>
          {run && isActive(run.status) && (
            <button type="button" class="button button--danger" data-testid="sim-cancel"
              onClick={() => cancelSimulation(run.id).then(setRun, (cause) => setError(toApiError(cause)))}>{t('sim.cancel')}</button>
          )}
        </div>
      </form>

      {run && <RunProgress run={run} />}
      {run?.status === 'done' && run.result && <SimulationResults result={run.result} />}

      {recent.state.status === 'ok' && recent.state.data.items.length > 0 && (
        <section class="card section-title" data-testid="sim-recent">
          <h2>{t('sim.recent')}</h2>
          <ul>
            {recent.state.data.items.map((item) => (
              <li key={item.id}>
                #{item.id} · {item.name} · {t(`sim.status.${item.status}` as MessageKey)} · {item.created_by}{' '}
                {item.status === 'done' && (
                  <button type="button" class="button button--small button--secondary" onClick={() => showRun(item.id)}>{t('sim.show')}</button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function SubmitError({ error }: { error: ApiError }) {
  const { t } = useI18n();
  return (
    <div class="notice notice--error" role="alert" data-testid="sim-error" data-field={error.field ?? ''}>
      <p>{error.message}</p>
      {error.field && <p>{t('sim.field', { field: error.field })}</p>}
    </div>
  );
}

function RunProgress({ run }: { run: SimulationRun }) {
  const { t } = useI18n();
  const percent = Math.round(run.progress * 100);
  return (
    <section class="card sim-progress" data-testid="sim-progress" data-status={run.status} aria-live="polite">
      <p>
        <strong data-testid="sim-status">{t(`sim.status.${run.status}` as MessageKey)}</strong> · {t('sim.progress', { percent })}
      </p>
      <progress max={1} value={run.progress} aria-label={t('sim.progress', { percent })} />
      {run.error && <p class="notice notice--error">{run.error}</p>}
    </section>
  );
}
