// The coordinators' overdue list: open deadlines past their due date in the local time of the case's site,
// then those due within a week, each linking to its case.
import { useI18n } from '../i18n';
import { legalApi, type Deadline } from '../legal_api';
import { useLoad } from '../load';
import { href } from '../router';
import { ErrorNotice, Loading, PageTitle } from '../components/ui';

function DeadlineList({ items, testId }: { items: Deadline[]; testId: string }) {
  const { t } = useI18n();
  return (
    <ul class="member-list" data-testid={testId}>
      {items.map((deadline) => (
        <li key={deadline.id} data-testid={`${testId}-item`} data-reminder={deadline.reminder}>
          <a href={href({ name: 'legalCase', id: deadline.case_id })}>
            <strong>{deadline.title}</strong> · {deadline.full_name}
          </a>
          <span class="member-list__meta">
            {t('legal.overdue.due', { date: deadline.due_date })} · {t(`legal.type.${deadline.case_type ?? 'other'}`)}
            {' · '}{deadline.lawyer_name ?? t('legal.cases.unassigned')} · {deadline.site_name}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function LegalOverduePage() {
  const { t } = useI18n();
  const { state, reload } = useLoad(() => legalApi.overdue(), []);
  return (
    <section class="page" data-testid="legal-overdue-page">
      <PageTitle>{t('legal.overdue.title')}</PageTitle>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && (
        <>
          {state.data.overdue.length === 0
            ? <p class="empty" data-testid="legal-overdue-empty">{t('legal.overdue.empty')}</p>
            : <DeadlineList items={state.data.overdue} testId="legal-overdue" />}
          <h2>{t('legal.overdue.soon')}</h2>
          {state.data.due_soon.length === 0
            ? <p class="empty">{t('legal.overdue.soonEmpty')}</p>
            : <DeadlineList items={state.data.due_soon} testId="legal-due-soon" />}
        </>
      )}
    </section>
  );
}
