// "Possible earlier records" under a member card at intake: as the registrar types names, birth date, sex,
// state or CURP, asks /persons/matches (300 ms after the last keystroke, once a name or surname is there)
// and lists the likely earlier records with their probability and why. Nothing is merged: staff look and
// decide. A record at a site the user may not read shows only its site and date. A 400 (half-typed
// date) keeps the previous list; a newer draft cancels the call still in flight.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type MatchDraft, type MatchReason, type PersonMatch } from '../api';
import { formatDate } from '../format';
import { isMessageKey, useI18n, type Translate } from '../i18n';
import { href } from '../router';

const DEBOUNCE_MS = 300;

type MatchState =
  | { status: 'idle' }
  | { status: 'ok'; items: PersonMatch[] }
  | { status: 'error' };

function fieldLabel(t: Translate, field: string): string {
  const key = `match.field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

function levelLabel(t: Translate, level: string): string {
  const rulesOut = level.endsWith(' (rules a match out)');
  const bare = rulesOut ? level.slice(0, -' (rules a match out)'.length) : level;
  const key = `match.level.${bare}`;
  const text = isMessageKey(key) ? t(key) : bare.replace(/_/g, ' ');
  return rulesOut ? `${text} · ${t('match.rulesOut')}` : text;
}

// "+5.2" / "−1.3"; a field that rules the pair out is "−∞".
function signedWeight(weight: number | null, intlLocale: string): string {
  if (weight === null || !Number.isFinite(weight)) return '−∞';
  const text = new Intl.NumberFormat(intlLocale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(weight));
  return `${weight < 0 ? '−' : '+'}${text}`;
}

export function Reasons({ reasons, testId }: { reasons: MatchReason[]; testId: string }) {
  const { t, intlLocale } = useI18n();
  // A field nobody typed (or the earlier record lacks) says nothing either way.
  const shown = reasons.filter((reason) => reason.level !== 'missing');
  if (shown.length === 0) return null;
  return (
    <ul class="match__why" aria-label={t('match.why')} data-testid={testId}>
      {shown.map((reason) => {
        const against = reason.weight === null || reason.weight < 0;
        return (
          <li key={reason.field} class={`why ${against ? 'why--against' : 'why--for'}`} title={levelLabel(t, reason.level)}
            data-testid={`${testId}-${reason.field}`}>
            <span class="why__field">{fieldLabel(t, reason.field)}</span>{' '}
            <span class="why__weight">{signedWeight(reason.weight, intlLocale)}</span>
            <span class="visually-hidden"> ({levelLabel(t, reason.level)})</span>
          </li>
        );
      })}
    </ul>
  );
}

function Candidate({ match, testId }: { match: PersonMatch; testId: string }) {
  const { t, intlLocale } = useI18n();
  // Floored, so a near-certain 99.8 % never reads as a certain 100 %.
  const percent = new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 0 }).format(Math.floor(match.probability * 100) / 100);
  const registered = formatDate(match.registered_at, intlLocale);
  return (
    <li class={`match ${match.visible ? '' : 'match--hidden'}`} data-testid={testId}>
      <span class="match__probability" title={t('match.probability')} data-testid={`${testId}-probability`}>
        <span class="visually-hidden">{t('match.probability')}: </span>{percent}
      </span>
      <div class="match__body">
        {match.visible && match.person_id !== null ? (
          <p class="match__who">
            {/* A new tab, so what has been typed for this household is not lost. */}
            <a href={href({ name: 'person', id: match.person_id })} target="_blank" rel="noopener"
              data-testid={`${testId}-name`}>
              {match.full_name}
              <span class="visually-hidden"> ({t('match.newTab')})</span>
            </a>
            {match.birth_date && <span class="match__meta" data-testid={`${testId}-birth_date`}> · {match.birth_date}</span>}
            <span class="match__meta"> · {t('match.registeredAt', { site: match.site_name, date: registered })}</span>
          </p>
        ) : (
          <p class="match__who" data-testid={`${testId}-hidden`}>
            {t('match.otherSite', { site: match.site_name, date: registered })}
          </p>
        )}
        <Reasons reasons={match.explanation} testId={`${testId}-why`} />
      </div>
    </li>
  );
}

// `draft` is null while there is no name to look for (see matchDraft in member_card).
export function MatchPanel({ draft, testId }: { draft: MatchDraft | null; testId: string }) {
  const { t } = useI18n();
  const draftKey = draft ? JSON.stringify(draft) : '';
  const [state, setState] = useState<MatchState>({ status: 'idle' });
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!draftKey) {
      setState({ status: 'idle' });
      setPending(false);
      return;
    }
    const controller = new AbortController();
    setPending(true);
    const timer = window.setTimeout(() => {
      api.matchPersons(JSON.parse(draftKey) as MatchDraft, controller.signal).then(
        (items) => {
          if (controller.signal.aborted) return;
          setState({ status: 'ok', items });
          setPending(false);
        },
        (cause: unknown) => {
          if (controller.signal.aborted) return;
          setPending(false);
          // A half-typed field the server refuses: keep what was shown. No permission: show nothing.
          if (cause instanceof ApiError && cause.status === 400) return;
          if (cause instanceof ApiError && (cause.status === 403 || cause.status === 401)) setState({ status: 'idle' });
          else setState({ status: 'error' });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [draftKey]);

  const items = state.status === 'ok' && draftKey ? state.items : [];
  const shown = draftKey !== '' && state.status !== 'idle';
  return (
    // Always in the page, so screen readers announce what appears in it.
    <section class={`matches ${shown ? '' : 'matches--empty'}`} aria-live="polite" aria-busy={pending ? 'true' : 'false'}
      aria-label={t('match.title')} data-testid={testId}>
      {shown && (
        <>
          <h4 class="matches__title">{t('match.title')}</h4>
          {state.status === 'error' && <p class="matches__note" data-testid={`${testId}-error`}>{t('match.failed')}</p>}
          {state.status === 'ok' && items.length === 0 && (
            <p class="matches__note" data-testid={`${testId}-none`}>{t('match.none')}</p>
          )}
          {items.length > 0 && (
            <>
              <p class="matches__hint">{t('match.hint')}</p>
              <ul class="matches__list">
                {items.map((match, position) => (
                  <Candidate key={match.person_id ?? `hidden-${position}`} match={match} testId={`${testId}-${position}`} />
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
