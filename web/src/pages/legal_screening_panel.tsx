// The legal screening on a person's page: the nine questions (yes / no / not asked), how the person may be
// contacted after leaving (with their consent), and for each "yes" a button that opens the proposed case, or
// a link to the case already open. Shown to those who screen (registrars, shelter staff, coordinators).
import { useState } from 'preact/hooks';
import type { ApiError } from '../api';
import { useSession } from '../auth';
import { useI18n } from '../i18n';
import {
  CONTACT_CHANNELS, SCREENING_ITEMS, canScreen, caseTypeFor, legalApi, type Answer, type LegalContact, type Screening,
  type ScreeningItem,
} from '../legal_api';
import { toApiError, useLoad } from '../load';
import { href } from '../router';
import { ErrorNotice, Field, fieldAria, Loading } from '../components/ui';
import '../legal.css';

const ANSWERS: Answer[] = ['yes', 'no', 'unasked'];

export function LegalScreeningPanel({ personId, reason }: { personId: number; reason?: string }) {
  const { user } = useSession();
  if (!canScreen(user)) return null;
  return <ScreeningCard personId={personId} reason={reason} />;
}

function ScreeningCard({ personId, reason }: { personId: number; reason?: string }) {
  const { t } = useI18n();
  const { state, set, reload } = useLoad(() => legalApi.screening(personId, reason), [personId, reason]);
  return (
    <section class="card" aria-labelledby="legal-screening-title" data-testid="legal-screening">
      <h2 id="legal-screening-title">{t('legal.screening.title')}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && <ScreeningForm key={state.data.person_id} personId={personId} reason={reason} screening={state.data} onSaved={set} />}
    </section>
  );
}

function ScreeningForm({ personId, reason, screening, onSaved }: {
  reason?: string;
  personId: number;
  screening: Screening;
  onSaved: (screening: Screening) => void;
}) {
  const { t } = useI18n();
  const [answers, setAnswers] = useState<Record<ScreeningItem, Answer>>(screening.answers);
  const [contact, setContact] = useState<LegalContact>(screening.contact);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [opening, setOpening] = useState<ScreeningItem | null>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setSaved(false);
    try {
      const body = { answers, version: screening.version, contact };
      onSaved(await legalApi.saveScreening(personId, body));
      setSaved(true);
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setSaving(false);
    }
  };

  const openCase = async (item: ScreeningItem) => {
    setOpening(item);
    setError(null);
    try {
      await legalApi.openCase(personId, item);
      onSaved(await legalApi.screening(personId, reason));
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setOpening(null);
    }
  };

  const fieldError = (name: string) => (error?.field === name ? error.message : undefined);
  return (
    <form class="form" onSubmit={onSubmit} noValidate data-testid="legal-screening-form">
      <p class="field__hint">{screening.version === 0 ? t('legal.screening.never') : t('legal.screening.intro')}</p>
      <ul class="screening-list">
        {SCREENING_ITEMS.map((item) => {
          const open = screening.cases.find((legalCase) => legalCase.type === caseTypeFor(item) && legalCase.status !== 'closed');
          return (
            <li key={item} class="screening-item" data-testid={`screening-${item}`}>
              <fieldset>
                <legend>{t(`legal.item.${item}`)}</legend>
                {ANSWERS.map((answer) => (
                  <label key={answer} class="radio">
                    <input type="radio" name={`screening-${item}`} value={answer} checked={answers[item] === answer}
                      data-testid={`screening-${item}-${answer}`}
                      onChange={() => setAnswers({ ...answers, [item]: answer })} />
                    {t(`legal.answer.${answer}`)}
                  </label>
                ))}
              </fieldset>
              {screening.answers[item] === 'yes' && (open ? (
                <a href={href({ name: 'legalCase', id: open.id })} data-testid={`screening-${item}-case`}>
                  {t('legal.screening.caseOpen', { status: t(`legal.status.${open.status}`) })}
                </a>
              ) : (
                <button type="button" class="button button--small button--secondary" disabled={opening !== null}
                  data-testid={`screening-${item}-open`} onClick={() => openCase(item)}>
                  {t('legal.screening.openCase')}
                </button>
              ))}
            </li>
          );
        })}
      </ul>
      <h3>{t('legal.contact.title')}</h3>
      <Field id="legal-contact-channel" label={t('legal.contact.channel')} error={fieldError('contact.channel')}>
        <select {...fieldAria('legal-contact-channel')} value={contact.channel} data-testid="legal-contact-channel"
          onChange={(event) => setContact({ ...contact, channel: event.currentTarget.value as LegalContact['channel'] })}>
          {CONTACT_CHANNELS.map((channel) => <option key={channel} value={channel}>{t(`legal.channel.${channel}`)}</option>)}
        </select>
      </Field>
      <Field id="legal-contact-value" label={t('legal.contact.value')} optional error={fieldError('contact.contact')}>
        <input {...fieldAria('legal-contact-value')} value={contact.contact} data-testid="legal-contact-value"
          onInput={(event) => setContact({ ...contact, contact: event.currentTarget.value })} />
      </Field>
      <label class="checkbox">
        <input type="checkbox" checked={contact.consent} data-testid="legal-contact-consent"
          onChange={(event) => setContact({ ...contact, consent: event.currentTarget.checked })} />
        {t('legal.contact.consent')}
      </label>
      {error && <ErrorNotice error={error} testId="legal-screening-error" />}
      {saved && <p class="notice" role="status" data-testid="legal-screening-saved">{t('legal.screening.saved')}</p>}
      <div class="actions">
        <button type="submit" class="button" disabled={saving} data-testid="legal-screening-save">
          {saving ? t('common.saving') : t('legal.screening.save')}
        </button>
      </div>
    </form>
  );
}
