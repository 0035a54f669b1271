// Appointments of legal aid: on a case, its appointments and a form to book one (lawyers and coordinators
// who work the case); and the agenda page, the calendar of appointments in the next two weeks per lawyer
// and per site, each linking to its case. Times are shown in the viewer's zone.
import { useState } from 'preact/hooks';
import { query, request, type ApiError } from '../api';
import { formatDateTime, fromLocalInput } from '../format';
import { useI18n } from '../i18n';
import { toApiError, useLoad } from '../load';
import { href } from '../router';
import { ErrorNotice, Loading, PageTitle } from '../components/ui';

interface Appointment {
  id: number;
  case_id: number;
  lawyer_id: number | null;
  site_id: number;
  starts_at: string;
  duration_minutes: number;
  mode: 'in_person' | 'phone' | 'video';
  place: string;
}

const MODES = ['in_person', 'phone', 'video'] as const;

export function CaseAppointments({ caseId, work }: { caseId: number; work: boolean }) {
  const { t, intlLocale } = useI18n();
  const { state, reload } = useLoad(
    () => request<{ items: Appointment[] }>('GET', `/legal-cases/${caseId}/appointments`).then((body) => body.items), [caseId]);
  const [startsAt, setStartsAt] = useState('');
  const [minutes, setMinutes] = useState('30');
  const [mode, setMode] = useState<(typeof MODES)[number]>('in_person');
  const [place, setPlace] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    try {
      await request('POST', `/legal-cases/${caseId}/appointments`, {
        starts_at: fromLocalInput(startsAt) ?? startsAt, duration_minutes: Number.parseInt(minutes, 10) || 0, mode, place,
      });
      setStartsAt('');
      setPlace('');
      reload();
    } catch (cause) {
      setFailure(toApiError(cause));
    }
  };
  return (
    <section class="card" aria-labelledby="legal-appointments-title" data-testid="legal-appointments">
      <h2 id="legal-appointments-title">{t('legal.appointments.title')}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && state.data.length === 0 && <p class="empty">{t('legal.appointments.none')}</p>}
      {state.status === 'ok' && state.data.length > 0 && (
        <ul class="member-list">
          {state.data.map((one) => (
            <li key={one.id} data-testid="legal-appointment">
              {formatDateTime(one.starts_at, intlLocale)} · {one.duration_minutes} min · {t(`legal.appointments.mode.${one.mode}`)}
              {one.place && <span class="member-list__meta"> · {one.place}</span>}
            </li>
          ))}
        </ul>
      )}
      {work && (
        <form class="inline-form" onSubmit={onSubmit} noValidate data-testid="legal-appointment-form">
          <div class="field">
            <label for="appointment-start">{t('legal.appointments.when')}</label>
            <input id="appointment-start" type="datetime-local" value={startsAt} data-testid="appointment-start"
              onInput={(event) => setStartsAt(event.currentTarget.value)} />
          </div>
          <div class="field field--narrow">
            <label for="appointment-minutes">{t('legal.appointments.minutes')}</label>
            <input id="appointment-minutes" type="number" min={5} max={480} value={minutes}
              onInput={(event) => setMinutes(event.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="appointment-mode">{t('legal.appointments.modeLabel')}</label>
            <select id="appointment-mode" value={mode} onChange={(event) => setMode(event.currentTarget.value as typeof mode)}>
              {MODES.map((one) => <option key={one} value={one}>{t(`legal.appointments.mode.${one}`)}</option>)}
            </select>
          </div>
          <div class="field">
            <label for="appointment-place">{t('legal.appointments.place')}</label>
            <input id="appointment-place" type="text" maxLength={200} value={place} onInput={(event) => setPlace(event.currentTarget.value)} />
          </div>
          <div class="inline-form__actions">
            <button type="submit" class="button" data-testid="appointment-add">{t('legal.appointments.add')}</button>
          </div>
        </form>
      )}
      {failure && <ErrorNotice error={failure} testId="appointment-error" />}
    </section>
  );
}

export function LegalAgendaPage() {
  const { t, intlLocale } = useI18n();
  const [lawyerId, setLawyerId] = useState(0);
  const lawyers = useLoad(
    () => request<{ items: { id: number; name: string }[] }>('GET', '/lawyers').then((body) => body.items).catch(() => []), []);
  const now = new Date();
  const from = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const to = new Date(now.getTime() + 14 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const { state, reload } = useLoad(
    () => request<{ items: Appointment[] }>('GET', `/legal/calendar${query({ from, to, lawyer_id: lawyerId || undefined })}`)
      .then((body) => body.items),
    [lawyerId]);
  return (
    <section class="page" data-testid="legal-agenda-page">
      <PageTitle>{t('legal.appointments.agenda')}</PageTitle>
      <p class="subtitle">{t('legal.appointments.agendaIntro')}</p>
      {lawyers.state.status === 'ok' && lawyers.state.data.length > 0 && (
        <div class="field">
          <label for="agenda-lawyer">{t('legal.appointments.lawyer')}</label>
          <select id="agenda-lawyer" value={lawyerId} onChange={(event) => setLawyerId(Number(event.currentTarget.value))}>
            <option value={0}>{t('legal.appointments.allLawyers')}</option>
            {lawyers.state.data.map((one) => <option key={one.id} value={one.id}>{one.name}</option>)}
          </select>
        </div>
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && state.data.length === 0 && <p class="empty">{t('legal.appointments.none')}</p>}
      {state.status === 'ok' && state.data.length > 0 && (
        <table class="table table--cards" data-testid="legal-agenda">
          <thead>
            <tr>
              <th scope="col">{t('legal.appointments.when')}</th>
              <th scope="col">{t('legal.appointments.modeLabel')}</th>
              <th scope="col">{t('legal.appointments.place')}</th>
              <th scope="col">{t('legal.appointments.case')}</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((one) => (
              <tr key={one.id} data-testid="agenda-row">
                <th scope="row">{formatDateTime(one.starts_at, intlLocale)} · {one.duration_minutes} min</th>
                <td>{t(`legal.appointments.mode.${one.mode}`)}</td>
                <td>{one.place}</td>
                <td><a href={href({ name: 'legalCase', id: one.case_id })}>#{one.case_id}</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
