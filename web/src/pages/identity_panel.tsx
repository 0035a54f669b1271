// On a person's page: the other records that may be the same human being (with probability and why), and
// staff's decisions. "Same person" links the records (reversible: Undo keeps the decision as history);
// "different people" is remembered so the pair is never proposed again. Every decision needs a reason and
// is audited by the server; nothing is ever merged automatically.
import { useState } from 'preact/hooks';
import type { ApiError, Person, PersonMatch } from '../api';
import { identityApi, type PersonLink } from '../identity_api';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { toApiError, useLoad } from '../load';
import { href } from '../router';
import { ErrorNotice, Loading } from '../components/ui';
import { Reasons } from './match_panel';

export function IdentityPanel({ person, reason }: { person: Person; reason?: string }) {
  const { t } = useI18n();
  const links = useLoad(() => identityApi.links(person.id, reason), [person.id, reason]);
  const candidates = useLoad(() => identityApi.candidates(person), [person.id]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const refresh = () => {
    links.reload();
    candidates.reload();
  };
  const decidedInForce = new Set<number>();
  if (links.state.status === 'ok') {
    for (const link of links.state.data) {
      if (!link.undone_at) decidedInForce.add(link.person_id === person.id ? link.other_id : link.person_id);
    }
  }
  const open = candidates.state.status === 'ok'
    ? candidates.state.data.filter((match) => match.visible && match.person_id !== null && !decidedInForce.has(match.person_id))
    : [];

  return (
    <section class="card" aria-labelledby="identity-title" data-testid="identity-panel">
      <h2 id="identity-title">{t('identity.title')}</h2>
      <p class="field__hint">{t('identity.intro')}</p>
      {failure && <ErrorNotice error={failure} testId="identity-error" />}
      {candidates.state.status === 'loading' && <Loading />}
      {candidates.state.status === 'error' && <ErrorNotice error={candidates.state.error} onRetry={candidates.reload} />}
      {candidates.state.status === 'ok' && open.length === 0 && <p class="empty" data-testid="identity-none">{t('identity.none')}</p>}
      {open.length > 0 && (
        <ul class="matches">
          {open.map((match) => (
            <CandidateRow key={match.person_id} person={person} match={match} reason={reason}
              onDecided={refresh} onError={setFailure} />
          ))}
        </ul>
      )}
      {links.state.status === 'ok' && links.state.data.length > 0 && (
        <>
          <h3>{t('identity.decisions')}</h3>
          <ul class="stay-list">
            {links.state.data.map((link) => (
              <DecisionRow key={link.id} personId={person.id} link={link} reason={reason} onChanged={refresh}
                onError={setFailure} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function CandidateRow({ person, match, reason, onDecided, onError }: {
  person: Person;
  match: PersonMatch;
  reason?: string;
  onDecided: () => void;
  onError: (error: ApiError | null) => void;
}) {
  const { t, intlLocale } = useI18n();
  const [deciding, setDeciding] = useState<'same' | 'different' | null>(null);
  const [why, setWhy] = useState('');
  const [saving, setSaving] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const percent = new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 0 })
    .format(Math.floor(match.probability * 100) / 100);
  const otherId = match.person_id as number;

  const onSave = async (event: Event) => {
    event.preventDefault();
    if (!deciding) return;
    setSaving(true);
    setFieldError(undefined);
    onError(null);
    try {
      await identityApi.decide(person.id, otherId, deciding, why, reason);
      onDecided();
    } catch (cause) {
      const error = toApiError(cause);
      if (error.field === 'reason') setFieldError(error.message);
      else onError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <li class="match" data-testid="identity-candidate" data-person-id={otherId}>
      <span class="match__probability">{percent}</span>
      <div class="match__body">
        <p class="match__who">
          <a href={href({ name: 'person', id: otherId })}>{match.full_name}</a>
          {match.birth_date && <span class="match__meta"> · {match.birth_date}</span>}
          <span class="match__meta"> · {match.site_name}</span>
        </p>
        <Reasons reasons={match.explanation} testId="identity-why" />
        {deciding ? (
          <form class="inline-form" onSubmit={onSave} noValidate data-testid="identity-decide-form">
            <div class={fieldError ? 'field field--invalid' : 'field'}>
              <label for={`why-${otherId}`}>{t('identity.why')}</label>
              <input id={`why-${otherId}`} type="text" value={why} maxLength={300} data-testid="identity-reason"
                aria-describedby={`why-${otherId}-hint`} aria-invalid={fieldError ? 'true' : undefined}
                onInput={(event) => setWhy(event.currentTarget.value)} />
              <p id={`why-${otherId}-hint`} class="field__hint">{t('identity.whyHint')}</p>
              {fieldError && <p class="field__error" data-testid="identity-reason-error">{fieldError}</p>}
            </div>
            <div class="inline-form__actions">
              <button type="submit" class="button" disabled={saving} data-testid="identity-save">
                {deciding === 'same' ? t('identity.same') : t('identity.different')}
              </button>
              <button type="button" class="button button--secondary" onClick={() => setDeciding(null)}>
                {t('identity.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <div class="actions">
            <button type="button" class="button button--small" data-testid="identity-same"
              onClick={() => setDeciding('same')}>{t('identity.same')}</button>
            <button type="button" class="button button--small button--secondary" data-testid="identity-different"
              onClick={() => setDeciding('different')}>{t('identity.different')}</button>
          </div>
        )}
      </div>
    </li>
  );
}

function DecisionRow({ personId, link, reason, onChanged, onError }: {
  personId: number;
  link: PersonLink;
  reason?: string;
  onChanged: () => void;
  onError: (error: ApiError | null) => void;
}) {
  const { t, intlLocale } = useI18n();
  const other = link.person_id === personId ? link.other_id : link.person_id;
  const undone = link.undone_at !== null;
  const onUndo = async () => {
    onError(null);
    try {
      await identityApi.undo(link.id, reason);
      onChanged();
    } catch (cause) {
      onError(toApiError(cause));
    }
  };
  return (
    <li class={undone ? 'stay stay--undone' : 'stay'} data-testid="identity-decision" data-decision={link.decision}
      data-undone={undone ? 'true' : 'false'}>
      <span class="stay__name">
        {link.decision === 'same' ? t('identity.decidedSame') : t('identity.decidedDifferent')}{' '}
        <a href={href({ name: 'person', id: other })}>{t('identity.record', { id: other })}</a>
      </span>
      <span class="stay__date">«{link.reason}» · {t('identity.by', { user: link.created_by, time: formatDateTime(link.created_at, intlLocale) })}</span>
      {undone && link.undone_at && (
        <span class="stay__date">{t('identity.undone', { user: link.undone_by ?? '', time: formatDateTime(link.undone_at, intlLocale) })}</span>
      )}
      {!undone && link.decision === 'same' && (
        <button type="button" class="button button--small button--secondary" data-testid="identity-undo"
          aria-label={t('identity.undoLabel', { id: other })} onClick={onUndo}>
          {t('identity.undo')}
        </button>
      )}
    </li>
  );
}
