// The groups (bus, flight, list) that arrived at a site on a day, and one group's view for the desks: the
// queue at each service (waiting, done, declined, not yet offered) and, per person, each item's status
// with a select to move it along the flow, so a desk can work down a bus of 60 without opening 60
// profiles. The day's work list downloads as CSV. Names are shown to the site's staff only; the server
// audits each view as a listing of the persons shown.
import { useState } from 'preact/hooks';
import type { ApiError } from '../api';
import { formatDateTime, todayIn } from '../format';
import { useI18n } from '../i18n';
import { toApiError, useLoad } from '../load';
import { href, navigate } from '../router';
import { NEXT_STATUS, receptionApi, type Batch, type ServiceItem, type ServiceStatus } from '../reception_api';
import { ErrorNotice, Loading, PageTitle } from '../components/ui';
import { api } from '../api';

export function BatchesPage({ id, date, batch }: { id: number; date: string; batch: string | null }) {
  const { t } = useI18n();
  const site = useLoad(() => api.getSite(id), [id]);
  const day = date || (site.state.status === 'ok' ? todayIn(site.state.data.timezone) : '');
  const batches = useLoad(() => (day ? receptionApi.batches(id, day) : Promise.resolve([])), [id, day]);
  if (site.state.status === 'loading') return <section class="page"><Loading /></section>;
  if (site.state.status === 'error') return <section class="page"><ErrorNotice error={site.state.error} /></section>;
  return (
    <section class="page" data-testid="batches-page">
      <p class="breadcrumb"><a href={href({ name: 'site', id })}>{site.state.data.name}</a></p>
      <PageTitle>{t('batches.title')} · {site.state.data.name}</PageTitle>
      <div class="actions">
        <label>
          {t('batches.date')}{' '}
          <input type="date" value={day} data-testid="batches-date"
            onInput={(event) => navigate({ name: 'batches', id, date: event.currentTarget.value, batch: null })} />
        </label>
        <a class="button button--secondary" href={receptionApi.worklistUrl(id, day)} download data-testid="batches-worklist">
          {t('batches.worklist')}
        </a>
      </div>
      {batches.state.status === 'loading' && <Loading />}
      {batches.state.status === 'error' && <ErrorNotice error={batches.state.error} onRetry={batches.reload} />}
      {batches.state.status === 'ok' && batches.state.data.length === 0 && <p class="empty">{t('batches.none')}</p>}
      {batches.state.status === 'ok' && batches.state.data.length > 0 && (
        <ul class="choices" data-testid="batches-list">
          {batches.state.data.map((one) => (
            <li key={one.batch_id}>
              <a class={one.batch_id === batch ? 'button' : 'button button--secondary'} data-testid="batch-link"
                aria-current={one.batch_id === batch ? 'page' : undefined}
                href={href({ name: 'batches', id, date: day, batch: one.batch_id })}>
                {one.batch_id || t('batches.noBatch')} · {t('batches.persons', { count: one.persons })}
              </a>
            </li>
          ))}
        </ul>
      )}
      {batch !== null && day && <BatchView key={`${day}/${batch}`} siteId={id} date={day} batchId={batch} />}
    </section>
  );
}

function BatchView({ siteId, date, batchId }: { siteId: number; date: string; batchId: string }) {
  const { t, intlLocale } = useI18n();
  const { state, reload } = useLoad(() => receptionApi.batch(siteId, date, batchId), [siteId, date, batchId]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={reload} />;
  const view: Batch = state.data;
  const items = view.desks.map((desk) => desk.item);

  const move = async (personId: number, item: ServiceItem, status: ServiceStatus, version: number) => {
    setFailure(null);
    try {
      await receptionApi.update(personId, { site_id: siteId, item, status, version });
    } catch (cause) {
      setFailure(toApiError(cause));
    }
    reload();
  };

  return (
    <>
      <section class="card" aria-labelledby="desks-title">
        <h2 id="desks-title">{t('batches.desks')}</h2>
        <table class="table" data-testid="batch-desks">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.item')}</th>
              <th scope="col" class="numeric">{t('batches.waiting')}</th>
              <th scope="col" class="numeric">{t('batches.done')}</th>
              <th scope="col" class="numeric">{t('batches.declined')}</th>
              <th scope="col" class="numeric">{t('batches.pending')}</th>
            </tr>
          </thead>
          <tbody>
            {view.desks.map((desk) => (
              <tr key={desk.item} data-testid="batch-desk" data-item={desk.item}>
                <th scope="row">{t(`service.${desk.item}`)}</th>
                <td class="numeric" data-testid="desk-waiting">{desk.waiting}</td>
                <td class="numeric" data-testid="desk-done">{desk.done}</td>
                <td class="numeric">{desk.declined}</td>
                <td class="numeric">{desk.pending}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {failure && <ErrorNotice error={failure} testId="batch-error" />}
      <section class="card" aria-labelledby="batch-people-title">
        <h2 id="batch-people-title">{t('batches.people')}</h2>
        <div class="table-scroll">
          <table class="table table--grid" data-testid="batch-people">
            <thead>
              <tr>
                <th scope="col">{t('beds.person')}</th>
                {items.map((item) => <th key={item} scope="col" class="grid__head">{t(`service.${item}`)}</th>)}
              </tr>
            </thead>
            <tbody>
              {view.persons.map((person) => (
                <tr key={person.person_id} data-testid="batch-person" data-person-id={person.person_id}>
                  <th scope="row">
                    <a href={href({ name: 'person', id: person.person_id })}>{person.full_name}</a>
                    <span class="checklist__meta"> · {t('batches.stillNeeds', { count: person.still_needed.length })}</span>
                  </th>
                  {items.map((item) => {
                    const record = person.records.find((one) => one.item === item);
                    const status: ServiceStatus = record?.status ?? 'pending';
                    const label = t(`service.${item}`);
                    return (
                      <td key={item} class={`grid__cell grid__cell--${status}`} data-item={item} data-status={status}
                        title={record ? `${record.updated_by}, ${formatDateTime(record.updated_at, intlLocale)}` : undefined}>
                        <select aria-label={`${person.full_name}: ${label}`} value={status} data-testid="batch-cell"
                          disabled={NEXT_STATUS[status].length === 0}
                          onChange={(event) => void move(person.person_id, item, event.currentTarget.value as ServiceStatus,
                            record?.version ?? 0)}>
                          <option value={status}>{t(`serviceStatus.${status}`)}</option>
                          {NEXT_STATUS[status].map((next) => <option key={next} value={next}>{t(`serviceStatus.${next}`)}</option>)}
                        </select>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
