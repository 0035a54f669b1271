// One legal case: who it is for (the minimum of their record), its status and lawyer, deadlines with their
// reminders, the documents checklist, privileged notes (assigned lawyer and coordinators only) and the
// history. Coordinators assign from the suggestions (conflicts marked and not offered); the assigned lawyer
// and coordinators move the status, add deadlines and notes. A stale edit reloads the case.
import { useState } from 'preact/hooks';
import type { ApiError } from '../api';
import { useSession } from '../auth';
import { formatDateTime, languageLabel } from '../format';
import { isMessageKey, useI18n } from '../i18n';
import {
  DOCUMENT_STATUSES, OUTCOMES, canAssignCases, canWorkCases, legalApi, nextStatuses, type CaseDetail, type CaseStatus,
} from '../legal_api';
import { toApiError, useLoad } from '../load';
import { href } from '../router';
import { Detail, ErrorNotice, Field, fieldAria, Loading, PageTitle } from '../components/ui';
import { CaseAppointments } from './legal_appointments';

export function LegalCasePage({ id }: { id: number }) {
  const { t } = useI18n();
  const { state, reload } = useLoad(() => legalApi.getCase(id), [id]);
  if (state.status === 'loading') return <section class="page"><Loading /></section>;
  if (state.status === 'error') {
    return (
      <section class="page">
        <p class="breadcrumb"><a href={href({ name: 'legalCases' })}>{t('legal.case.back')}</a></p>
        <PageTitle>{t('legal.cases.title')}</PageTitle>
        <ErrorNotice error={state.error} onRetry={reload} />
      </section>
    );
  }
  return <CaseView detail={state.data} reload={reload} />;
}

// Runs a change and then reloads the case; keeps the error of a failed change to show it.
function useAction(reload: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      reload();
    } catch (cause) {
      const failure = toApiError(cause);
      setError(failure);
      if (failure.status === 409 && failure.field === 'version') reload();
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function CaseView({ detail, reload }: { detail: CaseDetail; reload: () => void }) {
  const { t, intlLocale } = useI18n();
  const { user } = useSession();
  const { busy, error, run } = useAction(reload);
  const closed = detail.status === 'closed';
  const work = canWorkCases(user) && !closed;
  return (
    <section class="page" data-testid="legal-case-page" data-case-id={detail.id}>
      <p class="breadcrumb"><a href={href({ name: 'legalCases' })}>{t('legal.case.back')}</a></p>
      <PageTitle testId="legal-case-title">{t('legal.case.title', { id: detail.id, type: t(`legal.type.${detail.type}`) })}</PageTitle>
      <p class="subtitle">
        <strong data-testid="legal-case-status">{t(`legal.status.${detail.status}`)}</strong>
        {detail.outcome && isMessageKey(`legal.outcome.${detail.outcome}`) && ` · ${t(`legal.outcome.${detail.outcome}` as never)}`}
        {' · '}<span data-testid="legal-case-lawyer">{detail.lawyer_name ?? t('legal.cases.unassigned')}</span>
      </p>
      {error && <ErrorNotice error={error} testId="legal-case-error" />}
      <div class="columns">
        <div class="stack">
          <section class="card">
            <dl class="details">
              <Detail label={t('legal.case.person')} value={detail.person.full_name} testId="legal-case-person" />
              <Detail label={t('legal.case.languages')}
                value={detail.person.languages.map((code) => languageLabel(t, code)).join(', ')} />
              <Detail label={t('legal.case.site')} value={detail.person.site_name} />
              <Detail label={t('legal.case.contact')} value={detail.contact.channel === 'none' ? '' :
                `${t(`legal.channel.${detail.contact.channel}`)} ${detail.contact.contact}`} />
            </dl>
          </section>
          {canAssignCases(user) && !closed && <AssignForm detail={detail} busy={busy} run={run} />}
          {work && <StatusForm detail={detail} busy={busy} run={run} />}
          <section class="card" aria-labelledby="legal-history-title">
            <h2 id="legal-history-title">{t('legal.case.history')}</h2>
            <ol class="member-list" data-testid="legal-case-history">
              {detail.history.map((event, index) => (
                <li key={index}>
                  {t(`legal.status.${event.status}`)}
                  <span class="member-list__meta">{formatDateTime(event.at, intlLocale)} · {event.by}</span>
                </li>
              ))}
            </ol>
          </section>
        </div>
        <div class="stack">
          <DeadlinesCard detail={detail} work={work} busy={busy} run={run} />
          <DocumentsCard detail={detail} work={work} busy={busy} run={run} />
          <CaseAppointments caseId={detail.id} work={work} />
          {detail.can_read_notes && <NotesCard caseId={detail.id} />}
        </div>
      </div>
    </section>
  );
}

type Run = (action: () => Promise<unknown>) => Promise<void>;

function AssignForm({ detail, busy, run }: { detail: CaseDetail; busy: boolean; run: Run }) {
  const { t } = useI18n();
  const offered = detail.suggestions.filter((suggestion) => !suggestion.conflict);
  const [lawyer, setLawyer] = useState(String(offered[0]?.lawyer_id ?? ''));
  return (
    <form class="card form" data-testid="legal-assign-form" onSubmit={(event) => {
      event.preventDefault();
      if (lawyer) run(() => legalApi.updateCase(detail.id, { version: detail.version, lawyer_id: Number(lawyer) }));
    }}>
      <Field id="legal-assign-lawyer" label={t('legal.case.assignTo')}>
        <select {...fieldAria('legal-assign-lawyer')} value={lawyer} data-testid="legal-assign-lawyer"
          onChange={(event) => setLawyer(event.currentTarget.value)}>
          {detail.suggestions.map((suggestion) => (
            <option key={suggestion.lawyer_id} value={suggestion.lawyer_id} disabled={suggestion.conflict}>
              {suggestion.name}{suggestion.organisation ? ` (${suggestion.organisation})` : ''} ·{' '}
              {t('legal.case.load', { open: suggestion.open_cases, capacity: suggestion.capacity })}
              {suggestion.speaks_language ? ` · ${t('legal.case.speaks')}` : ''}
              {suggestion.conflict ? ` · ${t('legal.case.conflict')}` : ''}
            </option>
          ))}
        </select>
      </Field>
      <div class="actions">
        <button type="submit" class="button" disabled={busy || !lawyer} data-testid="legal-assign-submit">{t('legal.case.assign')}</button>
      </div>
    </form>
  );
}

function StatusForm({ detail, busy, run }: { detail: CaseDetail; busy: boolean; run: Run }) {
  const { t } = useI18n();
  const options = nextStatuses(detail.status).filter((status) => status !== 'assigned' || detail.lawyer_id !== null);
  const [status, setStatus] = useState<CaseStatus | ''>(options[0] ?? '');
  const [outcome, setOutcome] = useState<string>(OUTCOMES[0]);
  if (options.length === 0) return null;
  return (
    <form class="card form" data-testid="legal-status-form" onSubmit={(event) => {
      event.preventDefault();
      if (!status) return;
      const change = status === 'new' ? { version: detail.version, status, lawyer_id: null }
        : status === 'closed' ? { version: detail.version, status, outcome } : { version: detail.version, status };
      run(() => legalApi.updateCase(detail.id, change));
    }}>
      <Field id="legal-status" label={t('legal.case.moveTo')}>
        <select {...fieldAria('legal-status')} value={status} data-testid="legal-status"
          onChange={(event) => setStatus(event.currentTarget.value as CaseStatus)}>
          {options.map((value) => <option key={value} value={value}>{t(`legal.status.${value}`)}</option>)}
        </select>
      </Field>
      {status === 'closed' && (
        <Field id="legal-outcome" label={t('legal.case.outcome')}>
          <select {...fieldAria('legal-outcome')} value={outcome} data-testid="legal-outcome"
            onChange={(event) => setOutcome(event.currentTarget.value)}>
            {OUTCOMES.map((value) => <option key={value} value={value}>{t(`legal.outcome.${value}`)}</option>)}
          </select>
        </Field>
      )}
      <div class="actions">
        <button type="submit" class="button" disabled={busy} data-testid="legal-status-submit">{t('legal.case.apply')}</button>
      </div>
    </form>
  );
}

function DeadlinesCard({ detail, work, busy, run }: { detail: CaseDetail; work: boolean; busy: boolean; run: Run }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  return (
    <section class="card" aria-labelledby="legal-deadlines-title" data-testid="legal-deadlines">
      <h2 id="legal-deadlines-title">{t('legal.case.deadlines')}</h2>
      {detail.deadlines.length === 0 ? <p class="empty">{t('legal.case.noDeadlines')}</p> : (
        <ul class="member-list">
          {detail.deadlines.map((deadline) => (
            <li key={deadline.id} data-testid="legal-deadline" data-reminder={deadline.reminder}>
              <strong>{deadline.title}</strong> · {deadline.due_date}
              <span class={`badge badge--${deadline.reminder}`} data-testid="legal-deadline-reminder">
                {' '}{t(`legal.reminder.${deadline.reminder ?? 'none'}`)}
              </span>
              {work && !deadline.met_at && (
                <button type="button" class="button button--small button--secondary" disabled={busy}
                  data-testid="legal-deadline-met" onClick={() => run(() => legalApi.setDeadlineMet(detail.id, deadline, true))}>
                  {t('legal.case.markMet')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {work && (
        <form class="form" data-testid="legal-deadline-form" onSubmit={(event) => {
          event.preventDefault();
          run(async () => {
            await legalApi.addDeadline(detail.id, title, due);
            setTitle('');
            setDue('');
          });
        }}>
          <Field id="legal-deadline-title" label={t('legal.case.deadlineTitle')}>
            <input {...fieldAria('legal-deadline-title')} value={title} data-testid="legal-deadline-title"
              onInput={(event) => setTitle(event.currentTarget.value)} />
          </Field>
          <Field id="legal-deadline-due" label={t('legal.case.dueDate')}>
            <input type="date" {...fieldAria('legal-deadline-due')} value={due} data-testid="legal-deadline-due"
              onInput={(event) => setDue(event.currentTarget.value)} />
          </Field>
          <div class="actions">
            <button type="submit" class="button" disabled={busy} data-testid="legal-deadline-add">{t('legal.case.addDeadline')}</button>
          </div>
        </form>
      )}
    </section>
  );
}

function DocumentsCard({ detail, work, busy, run }: { detail: CaseDetail; work: boolean; busy: boolean; run: Run }) {
  const { t } = useI18n();
  const label = (item: string) => {
    const key = `legal.docItem.${item}`;
    return isMessageKey(key) ? t(key) : item;
  };
  return (
    <section class="card" aria-labelledby="legal-documents-title" data-testid="legal-documents">
      <h2 id="legal-documents-title">{t('legal.case.documents')}</h2>
      <ul class="member-list">
        {detail.documents.map((document) => (
          <li key={document.id} data-testid="legal-document">
            <span>{label(document.item)}</span>{' '}
            {work ? (
              <select aria-label={label(document.item)} value={document.status} disabled={busy}
                data-testid={`legal-document-${document.item}`}
                onChange={(event) => {
                  const status = event.currentTarget.value;
                  run(() => legalApi.setDocumentStatus(detail.id, document, status));
                }}>
                {DOCUMENT_STATUSES.map((status) => <option key={status} value={status}>{t(`legal.doc.${status}`)}</option>)}
              </select>
            ) : <strong>{t(`legal.doc.${document.status}`)}</strong>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function NotesCard({ caseId }: { caseId: number }) {
  const { t, intlLocale } = useI18n();
  const { state, reload } = useLoad(() => legalApi.notes(caseId), [caseId]);
  const { busy, error, run } = useAction(reload);
  const [body, setBody] = useState('');
  return (
    <section class="card" aria-labelledby="legal-notes-title" data-testid="legal-notes">
      <h2 id="legal-notes-title">{t('legal.case.notes')}</h2>
      <p class="field__hint">{t('legal.case.notesHint')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && (state.data.length === 0 ? <p class="empty">{t('legal.case.noNotes')}</p> : (
        <ul class="member-list">
          {state.data.map((note) => (
            <li key={note.id} data-testid="legal-note">
              <span class="notes">{note.body}</span>
              <span class="member-list__meta">{note.author} · {formatDateTime(note.created_at, intlLocale)}</span>
            </li>
          ))}
        </ul>
      ))}
      {error && <ErrorNotice error={error} />}
      <form class="form" onSubmit={(event) => {
        event.preventDefault();
        run(async () => {
          await legalApi.addNote(caseId, body);
          setBody('');
        });
      }}>
        <Field id="legal-note-body" label={t('legal.case.addNote')}>
          <textarea {...fieldAria('legal-note-body')} rows={3} value={body} data-testid="legal-note-body"
            onInput={(event) => setBody(event.currentTarget.value)} />
        </Field>
        <div class="actions">
          <button type="submit" class="button" disabled={busy} data-testid="legal-note-add">{t('legal.case.addNote')}</button>
        </div>
      </form>
    </section>
  );
}
