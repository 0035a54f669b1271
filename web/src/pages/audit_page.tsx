// Auditoría (#/auditoria, administrators): bulk-read alerts on top, the result of checking the audit
// trail's hash chain, then the trail itself, newest first, 50 rows a page, filtered by user, action,
// record type and record number. Filters and offset live in the hash (#/auditoria?usuario=…&accion=read),
// so Back and reload keep them.
import { useState } from 'preact/hooks';
import {
  api, AUDIT_ACTIONS, AUDIT_RECORD_TYPES, type Alert, type AuditEntry, type AuditFilters, type AuditVerification, type Page,
} from '../api';
import { enumLabel, formatNumber, formatTimestamp } from '../format';
import { useI18n } from '../i18n';
import { useLoad } from '../load';
import { navigate, NO_AUDIT_FILTERS } from '../router';
import { ErrorNotice, Field, fieldAria, Loading, PageTitle } from '../components/ui';

const PAGE_SIZE = 50;
const FIELDS_SHOWN = 6;

export function AuditPage({ filters, offset }: { filters: AuditFilters; offset: number }) {
  const { t } = useI18n();
  return (
    <section class="page" data-testid="audit-page">
      <PageTitle>{t('audit.title')}</PageTitle>
      <div class="columns columns--even">
        <Alerts />
        <ChainCheck />
      </div>
      <section class="card" aria-labelledby="audit-trail-title">
        <h2 id="audit-trail-title">{t('audit.trail')}</h2>
        <FiltersForm key={JSON.stringify(filters)} filters={filters} />
        <Trail filters={filters} offset={offset} />
      </section>
    </section>
  );
}

function Alerts() {
  const { t, intlLocale } = useI18n();
  const { state, reload } = useLoad(() => api.alerts(), []);
  const items: Alert[] = state.status === 'ok' ? state.data : [];
  return (
    <section class={items.length > 0 ? 'card card--alert' : 'card'} aria-labelledby="audit-alerts-title" data-testid="audit-alerts">
      <h2 id="audit-alerts-title">{t('audit.alerts')}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && items.length === 0 && <p class="empty" data-testid="alerts-empty">{t('audit.alertsNone')}</p>}
      {items.length > 0 && (
        <ul class="alert-list" role="list">
          {items.map((alert, index) => (
            <li key={`${alert.at}-${alert.username}-${index}`} data-testid="alert-row">
              <strong>{enumLabel(t, 'alertKind', alert.kind)}</strong>
              {' · '}<span class="mono">{alert.username}</span>
              {' · '}<span class="alert-list__time">{formatTimestamp(alert.at, intlLocale)}</span>
              {alert.detail && <p class="alert-list__detail">{alert.detail}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ChainCheck() {
  const { t, intlLocale } = useI18n();
  const { state, reload, pending } = useLoad<AuditVerification>(() => api.verifyAudit(), []);
  return (
    <section class="card" aria-labelledby="audit-chain-title" data-testid="audit-chain"
      data-ok={state.status === 'ok' ? String(state.data.ok) : undefined}>
      <h2 id="audit-chain-title">{t('audit.chain')}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && (
        state.data.ok ? (
          <p class="notice notice--success" role="status" data-testid="audit-chain-result">
            <span aria-hidden="true">✓ </span>
            {t('audit.chainOk', { rows: formatNumber(state.data.rows, intlLocale) })}
          </p>
        ) : (
          <p class="notice notice--error" role="alert" data-testid="audit-chain-result">
            {t('audit.chainBad', {
              id: state.data.first_bad_id ?? '?',
              rows: formatNumber(state.data.rows, intlLocale),
            })}
          </p>
        )
      )}
      {state.status === 'ok' && (
        <button type="button" class="button button--secondary" disabled={pending} onClick={reload} data-testid="audit-verify">
          {t('audit.verifyAgain')}
        </button>
      )}
    </section>
  );
}

function FiltersForm({ filters }: { filters: AuditFilters }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const [idError, setIdError] = useState<string | undefined>(undefined);

  const update = (field: keyof AuditFilters, value: string) => {
    setDraft((previous) => ({ ...previous, [field]: value }));
    if (field === 'record_id') setIdError(undefined);
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const wanted: AuditFilters = {
      username: draft.username.trim(), action: draft.action, record_type: draft.record_type,
      record_id: draft.record_id.trim(),
    };
    if (wanted.record_id && !/^\d+$/.test(wanted.record_id)) {
      setIdError(t('audit.recordIdInvalid'));
      return;
    }
    navigate({ name: 'audit', filters: wanted, offset: 0 });
  };

  const active = Object.values(filters).some(Boolean);
  return (
    <form class="inline-form audit-filters" role="search" aria-label={t('audit.filters')} onSubmit={onSubmit} noValidate
      data-testid="audit-filters">
      <Field id="audit-username" label={t('audit.username')} testId="audit-username">
        <input id="audit-username" type="text" autoComplete="off" autoCapitalize="none" spellcheck={false}
          value={draft.username} data-testid="audit-username" onInput={(event) => update('username', event.currentTarget.value)} />
      </Field>
      <Field id="audit-action" label={t('audit.action')} testId="audit-action">
        <select id="audit-action" value={draft.action} data-testid="audit-action"
          onChange={(event) => update('action', event.currentTarget.value)}>
          <option value="">{t('audit.anyAction')}</option>
          {AUDIT_ACTIONS.map((action) => <option key={action} value={action}>{t(`auditAction.${action}`)}</option>)}
        </select>
      </Field>
      <Field id="audit-record-type" label={t('audit.recordType')} testId="audit-record_type">
        <select id="audit-record-type" value={draft.record_type} data-testid="audit-record_type"
          onChange={(event) => update('record_type', event.currentTarget.value)}>
          <option value="">{t('audit.anyType')}</option>
          {AUDIT_RECORD_TYPES.map((type) => <option key={type} value={type}>{t(`auditType.${type}`)}</option>)}
        </select>
      </Field>
      <Field id="audit-record-id" label={t('audit.recordId')} error={idError} testId="audit-record_id">
        <input {...fieldAria('audit-record-id', undefined, idError)} type="text" inputMode="numeric" autoComplete="off"
          value={draft.record_id} data-testid="audit-record_id" onInput={(event) => update('record_id', event.currentTarget.value)} />
      </Field>
      <div class="inline-form__actions">
        <button type="submit" class="button" data-testid="audit-apply">{t('audit.apply')}</button>
        {active && (
          <button type="button" class="button button--secondary" data-testid="audit-clear"
            onClick={() => navigate({ name: 'audit', filters: NO_AUDIT_FILTERS, offset: 0 })}>
            {t('audit.clear')}
          </button>
        )}
      </div>
    </form>
  );
}

function Trail({ filters, offset }: { filters: AuditFilters; offset: number }) {
  const { t } = useI18n();
  const { state, pending, reload } = useLoad(() => api.audit(filters, PAGE_SIZE, offset), [JSON.stringify(filters), offset], {
    keepPrevious: true,
  });
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={reload} />;
  if (state.data.items.length === 0) {
    return <p class="empty" role="status" data-testid="audit-empty">{t('audit.none')}</p>;
  }
  return <TrailTable page={state.data} filters={filters} offset={offset} pending={pending} />;
}

function TrailTable({ page, filters, offset, pending }: {
  page: Page<AuditEntry>;
  filters: AuditFilters;
  offset: number;
  pending: boolean;
}) {
  const { t, intlLocale } = useI18n();
  const first = page.offset + 1;
  const last = page.offset + page.items.length;
  const hasPrevious = offset > 0;
  const hasNext = last < page.total;
  return (
    <div class={pending ? 'results results--pending' : 'results'} aria-busy={pending}>
      <p class="results__summary" role="status" data-testid="audit-summary">
        {t('persons.summary', {
          from: formatNumber(first, intlLocale),
          to: formatNumber(last, intlLocale),
          total: formatNumber(page.total, intlLocale),
        })}
      </p>
      <div class="table-scroll">
        <table class="table table--cards audit-table" data-testid="audit-table">
          <caption class="visually-hidden">{t('audit.trail')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.colAt')}</th>
              <th scope="col">{t('audit.colUser')}</th>
              <th scope="col">{t('audit.colAction')}</th>
              <th scope="col">{t('audit.colRecord')}</th>
              <th scope="col">{t('audit.colFields')}</th>
              <th scope="col">{t('audit.colReason')}</th>
              <th scope="col">{t('audit.colAddress')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((entry) => (
              <tr key={entry.id} data-testid="audit-row" data-audit-id={entry.id} data-action={entry.action}
                data-record-type={entry.record_type} data-record-id={entry.record_id} data-username={entry.username}>
                <td data-label={t('audit.colAt')} class="audit-table__time">{formatTimestamp(entry.at, intlLocale)}</td>
                <td data-label={t('audit.colUser')}>
                  <span class="mono">{entry.username}</span>
                  {entry.role && <span class="audit-table__role">{enumLabel(t, 'role', entry.role)}</span>}
                </td>
                <td data-label={t('audit.colAction')}>
                  <span class={`action action--${entry.action}`}>{enumLabel(t, 'auditAction', entry.action)}</span>
                </td>
                <td data-label={t('audit.colRecord')}>
                  {entry.record_id > 0
                    ? t('audit.record', { type: enumLabel(t, 'auditType', entry.record_type), id: entry.record_id })
                    : enumLabel(t, 'auditType', entry.record_type)}
                </td>
                <td data-label={t('audit.colFields')} class="audit-table__fields"><Fields fields={entry.fields} /></td>
                <td data-label={t('audit.colReason')} data-testid="audit-reason">{entry.reason || '—'}</td>
                <td data-label={t('audit.colAddress')} class="mono">{entry.remote_address}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(hasPrevious || hasNext) && <nav class="pager" aria-label={t('persons.pagination')}>
        <button type="button" class="button button--secondary" disabled={!hasPrevious} data-testid="audit-previous"
          onClick={() => navigate({ name: 'audit', filters, offset: Math.max(0, offset - PAGE_SIZE) })}>
          <span aria-hidden="true">←</span> {t('persons.previous')}
        </button>
        <button type="button" class="button button--secondary" disabled={!hasNext} data-testid="audit-next"
          onClick={() => navigate({ name: 'audit', filters, offset: offset + PAGE_SIZE })}>
          {t('persons.next')} <span aria-hidden="true">→</span>
        </button>
      </nav>}
    </div>
  );
}

// The fields a row touched ("given_names", or "person:207" for a search's results); long lists fold.
function Fields({ fields }: { fields: string[] }) {
  const { t } = useI18n();
  if (fields.length === 0) return <>—</>;
  const shown = fields.slice(0, FIELDS_SHOWN);
  const rest = fields.slice(FIELDS_SHOWN);
  return (
    <div class="mono">
      {shown.join(', ')}
      {rest.length > 0 && (
        <details class="audit-table__more">
          <summary>{t('audit.moreFields', { count: rest.length })}</summary>
          {rest.join(', ')}
        </details>
      )}
    </div>
  );
}
