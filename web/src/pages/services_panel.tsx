// On a person's page: the services checklist at their site, in the order of the reception flow. Each item
// shows its status and who changed it when; staff move it with a select that offers only the moves the
// flow allows (pending → offered, accepted, declined or done; done is final). Transport home asks where to.
// Items the site does not offer are shown greyed. The server checks the version, so two desks cannot
// overwrite each other.
import { useState } from 'preact/hooks';
import type { ApiError } from '../api';
import { canUsePersons, useSession } from '../auth';
import { STATES } from '../catalog';
import { formatDateTime, fromLocalInput } from '../format';
import { useI18n } from '../i18n';
import { toApiError, useLoad } from '../load';
import { NEXT_STATUS, receptionApi, type Checklist, type ServiceStatus } from '../reception_api';
import { ErrorNotice, Loading } from '../components/ui';

export function ServicesPanel({ personId, reason }: { personId: number; reason?: string }) {

  const { state, reload, set } = useLoad(() => receptionApi.checklist(personId, reason), [personId, reason]);
  if (state.status === 'loading') return <section class="card"><Loading /></section>;
  if (state.status === 'error') return <section class="card"><ErrorNotice error={state.error} onRetry={reload} /></section>;
  return <ChecklistCard checklist={state.data} reason={reason} onChanged={set} reload={reload} />;
}

function ChecklistCard({ checklist, reason, onChanged, reload }: {
  checklist: Checklist;
  reason?: string;
  onChanged: (checklist: Checklist) => void;
  reload: () => void;
}) {
  const { t, intlLocale } = useI18n();
  const { user } = useSession();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [transport, setTransport] = useState({ state: '', municipality: '', bus: '', departure: '' });
  const editable = canUsePersons(user) && (user.role === 'coordinator' || user.site_ids.includes(checklist.site_id));

  const move = async (index: number, status: ServiceStatus) => {
    const entry = checklist.items[index];
    if (!entry) return;
    setFailure(null);
    try {
      const withTransport = entry.item === 'transport_home' && (status === 'accepted' || status === 'done');
      const record = await receptionApi.update(checklist.person_id, {
        site_id: checklist.site_id, item: entry.item, status, version: entry.version,
        transport: withTransport ? { state: transport.state, municipality: transport.municipality, bus: transport.bus,
          departure_at: fromLocalInput(transport.departure) ?? '' } : undefined,
      }, reason);
      onChanged({ ...checklist, items: checklist.items.map((item, idx) => (idx === index ? { ...item, ...record } : item)) });
    } catch (cause) {
      const error = toApiError(cause);
      setFailure(error);
      if (error.code === 'Aborted') reload();
    }
  };

  return (
    <section class="card" aria-labelledby="services-title" data-testid="services-panel">
      <h2 id="services-title">{t('services.title')}</h2>
      <p class="field__hint">{t('services.at', { site: checklist.site_name })}</p>
      {failure && <ErrorNotice error={failure} testId="services-error" />}
      <ol class="checklist">
        {checklist.items.map((entry, index) => {
          const label = t(`service.${entry.item}`);
          const next = entry.offered_here && editable ? NEXT_STATUS[entry.status] : [];
          return (
            <li key={entry.item} class={`checklist__item checklist__item--${entry.status}${entry.offered_here ? '' : ' checklist__item--off'}`}
              data-testid="service-item" data-item={entry.item} data-status={entry.status}>
              <span class="checklist__label">{label}</span>
              <span class="badge" data-testid="service-status">{t(`serviceStatus.${entry.status}`)}</span>
              {entry.updated_at && (
                <span class="checklist__meta">{t('services.by', { user: entry.updated_by, time: formatDateTime(entry.updated_at, intlLocale) })}</span>
              )}
              {entry.item === 'transport_home' && entry.transport?.state && (
                <span class="checklist__meta">
                  {STATES.find((state) => state.code === entry.transport?.state)?.name ?? entry.transport.state}
                  {entry.transport.bus ? ` · ${entry.transport.bus}` : ''}
                  {entry.transport.departure_at ? ` · ${formatDateTime(entry.transport.departure_at, intlLocale)}` : ''}
                </span>
              )}
              {!entry.offered_here && <span class="checklist__meta">{t('services.notOffered')}</span>}
              {next.length > 0 && (
                <>
                  {entry.item === 'transport_home' && (
                    <span class="transport-fields">
                      <label>
                        {t('services.destination')}
                        <select value={transport.state} data-testid="transport-state"
                          onChange={(event) => setTransport({ ...transport, state: event.currentTarget.value })}>
                          <option value="">{t('common.choose')}</option>
                          {STATES.map((state) => <option key={state.code} value={state.code}>{state.name}</option>)}
                        </select>
                      </label>
                      <label>
                        {t('services.municipality')}
                        <input type="text" inputMode="numeric" maxLength={3} value={transport.municipality}
                          onInput={(event) => setTransport({ ...transport, municipality: event.currentTarget.value })} />
                      </label>
                      <label>
                        {t('services.bus')}
                        <input type="text" maxLength={60} value={transport.bus}
                          onInput={(event) => setTransport({ ...transport, bus: event.currentTarget.value })} />
                      </label>
                      <label>
                        {t('services.departure')}
                        <input type="datetime-local" value={transport.departure}
                          onInput={(event) => setTransport({ ...transport, departure: event.currentTarget.value })} />
                      </label>
                    </span>
                  )}
                  <select aria-label={t('services.change', { item: label })} value="" data-testid="service-move"
                    onChange={(event) => {
                      const value = event.currentTarget.value as ServiceStatus;
                      event.currentTarget.value = '';
                      if (value) void move(index, value);
                    }}>
                    <option value="">{t('services.keep')}</option>
                    {next.map((status) => <option key={status} value={status}>{t(`serviceStatus.${status}`)}</option>)}
                  </select>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
