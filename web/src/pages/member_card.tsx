// One household member in the intake form: names, sex, birth date (full, year-month or year), birth
// state, CURP, phone, languages, relationship to the head, and consents (services, required; family
// tracing, optional; neither preset). The first member is the head. Errors are
// keyed by the API's field path, "members[1].birth_date", so a server error lands on the right input.
import type { MatchDraft, MemberInput } from '../api';
import { LANGUAGES, RELATIONSHIPS, SEXES, STATES, type Relationship, type Sex } from '../catalog';
import { useI18n, type MessageKey } from '../i18n';
import { Field, fieldAria } from '../components/ui';
import { MatchPanel } from './match_panel';

export type FieldErrors = Record<string, string>;

export interface MemberDraft {
  key: number; // stable identity for rendering and element ids; not sent
  given_names: string;
  paternal_surname: string;
  maternal_surname: string;
  sex: Sex;
  birth_date: string;
  birth_state: string;
  // An INEGI municipality code ("001".."570") or "". Not asked at intake until there is a municipality
  // list to choose from: the server accepts only codes, which nobody at the desk knows by heart.
  birth_municipality: string;
  curp: string;
  phone: string;
  notes: string;
  languages: string[];
  relationship: Relationship | '';
  // Asked of each member and never preset: consent must be given, not assumed.
  consent_services: boolean;
  consent_tracing: boolean;
  share_with: string;  // partner organisations, comma-separated as typed
}

let nextKey = 1;

export function emptyMember(): MemberDraft {
  return {
    key: nextKey++,
    given_names: '', paternal_surname: '', maternal_surname: '', sex: 'unknown', birth_date: '',
    birth_state: '', birth_municipality: '', curp: '', phone: '', notes: '', languages: ['spa'], relationship: '',
    consent_services: false, consent_tracing: false, share_with: '',
  };
}

export function errorKey(index: number, field: string): string {
  return `members[${index}].${field}`;
}

// Tidies what people type into the forms the API reads: "12/03/1985" → "1985-03-12", "19850312" →
// "1985-03-12", "1985/3" → "1985-03". Anything else is left as typed for the server to judge.
export function normalizeBirthDate(text: string): string {
  const value = text.trim();
  const pad = (part: string) => part.padStart(2, '0');
  let match = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$/.exec(value);
  if (match) return `${match[3]}-${pad(match[2]!)}-${pad(match[1]!)}`;
  match = /^(\d{4})[/.\-](\d{1,2})(?:[/.\-](\d{1,2}))?$/.exec(value);
  if (match) return match[3] ? `${match[1]}-${pad(match[2]!)}-${pad(match[3])}` : `${match[1]}-${pad(match[2]!)}`;
  match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (match && Number(match[1]) >= 1900) return `${match[1]}-${match[2]}-${match[3]}`;
  return value;
}

// The API's member for the draft at `index`; the first member is always the head.
export function memberInput(member: MemberDraft, index: number): MemberInput {
  return {
    given_names: member.given_names.trim(),
    paternal_surname: member.paternal_surname.trim(),
    maternal_surname: member.maternal_surname.trim(),
    sex: member.sex === 'unknown' ? '' : member.sex,
    birth_date: normalizeBirthDate(member.birth_date),
    birth_state: member.birth_state,
    birth_municipality: member.birth_municipality,
    curp: member.curp.trim().toUpperCase(),
    languages: member.languages,
    phone: member.phone.trim(),
    notes: member.notes.trim(),
    relationship: index === 0 ? 'head' : (member.relationship || 'other_relative'),
    consents: {
      services: member.consent_services,
      family_tracing: member.consent_tracing,
      share_with: member.share_with.split(',').map((partner) => partner.trim()).filter(Boolean),
    },
  };
}

// The draft as the API reads it, or null when there is no name to look for yet. Half-typed dates and
// CURPs are left out rather than sent (they would be refused or count as disagreeing).
export function matchDraft(member: MemberDraft): MatchDraft | null {
  const given_names = member.given_names.trim();
  const paternal_surname = member.paternal_surname.trim();
  const maternal_surname = member.maternal_surname.trim();
  if (!given_names && !paternal_surname && !maternal_surname) return null;
  const birth_date = normalizeBirthDate(member.birth_date);
  const curp = member.curp.trim().toUpperCase();
  return {
    given_names, paternal_surname, maternal_surname,
    sex: member.sex === 'unknown' ? '' : member.sex,
    birth_date: /^\d{4}(-\d{2}(-\d{2})?)?$/.test(birth_date) ? birth_date : '',
    birth_state: member.birth_state,
    curp: curp.length === 18 ? curp : '',
  };
}

type TextField = 'given_names' | 'paternal_surname' | 'maternal_surname' | 'phone';

interface MemberCardProps {
  index: number;
  member: MemberDraft;
  errors: FieldErrors;
  canRemove: boolean;
  onChange: (patch: Partial<MemberDraft>) => void;
  onRemove: () => void;
}

export function MemberCard({ index, member, errors, canRemove, onChange, onRemove }: MemberCardProps) {
  const { t } = useI18n();
  const id = (field: string) => `m${member.key}-${field}`;
  const testId = (field: string) => `member-${index}-${field}`;
  const error = (field: string) => errors[errorKey(index, field)];
  const isHead = index === 0;
  const headingId = id('heading');

  const text = (field: TextField, label: MessageKey, options: { optional?: boolean; type?: string } = {}) => (
    <Field id={id(field)} label={t(label)} error={error(field)} optional={options.optional} testId={testId(field)}>
      <input
        {...fieldAria(id(field), undefined, error(field))}
        type={options.type ?? 'text'}
        autoComplete="off"
        autoCapitalize={options.type === 'tel' ? undefined : 'words'}
        spellcheck={false}
        value={member[field]}
        data-testid={testId(field)}
        onInput={(event) => onChange({ [field]: event.currentTarget.value })}
      />
    </Field>
  );

  const birthHint = t('intake.birthDateHint');
  const curpHint = t('intake.curpHint');
  return (
    <fieldset class="card member" aria-labelledby={headingId} data-testid={`member-${index}`}>
      <div class="member__head">
        <h3 id={headingId} class="member__title">
          {t('intake.member', { n: index + 1 })}
          {isHead && <span class="badge badge--head">{t('relationship.head')}</span>}
        </h3>
        {canRemove && (
          <button type="button" class="button button--small button--secondary" onClick={onRemove}
            data-testid={`member-${index}-remove`}>
            {t('intake.removeMember', { n: index + 1 })}
          </button>
        )}
      </div>

      <div class="grid">
        {text('given_names', 'person.givenNames')}
        {text('paternal_surname', 'person.paternalSurname')}
        {text('maternal_surname', 'person.maternalSurname', { optional: true })}
      </div>

      <fieldset class="choice-group" aria-describedby={error('sex') ? `${id('sex')}-error` : undefined}>
        <legend>{t('person.sex')}</legend>
        <div class="segmented">
          {SEXES.map((sex) => (
            <label key={sex} class="segmented__option">
              <input type="radio" name={id('sex')} value={sex} checked={member.sex === sex}
                aria-invalid={error('sex') ? 'true' : undefined} data-testid={`${testId('sex')}-${sex}`}
                onChange={() => onChange({ sex })} />
              <span>{t(`sex.${sex}`)}</span>
            </label>
          ))}
        </div>
        {error('sex') && <p id={`${id('sex')}-error`} class="field__error" data-testid={`${testId('sex')}-error`}>{error('sex')}</p>}
      </fieldset>

      <div class="grid">
        <Field id={id('birth_date')} label={t('person.birthDate')} hint={birthHint} error={error('birth_date')} testId={testId('birth_date')}>
          <input
            {...fieldAria(id('birth_date'), birthHint, error('birth_date'))}
            type="text"
            autoComplete="off"
            placeholder={t('intake.birthDatePlaceholder')}
            maxLength={10}
            value={member.birth_date}
            data-testid={testId('birth_date')}
            onInput={(event) => onChange({ birth_date: event.currentTarget.value })}
            onBlur={(event) => {
              const tidy = normalizeBirthDate(event.currentTarget.value);
              if (tidy !== member.birth_date) onChange({ birth_date: tidy });
            }}
          />
        </Field>
        <Field id={id('birth_state')} label={t('person.birthState')} error={error('birth_state')} testId={testId('birth_state')}>
          <select {...fieldAria(id('birth_state'), undefined, error('birth_state'))} value={member.birth_state}
            data-testid={testId('birth_state')} onChange={(event) => onChange({ birth_state: event.currentTarget.value })}>
            <option value="">{t('common.empty')}</option>
            {STATES.map((state) => <option key={state.code} value={state.code}>{state.name}</option>)}
          </select>
        </Field>
        <Field id={id('curp')} label={t('person.curp')} hint={curpHint} error={error('curp')} optional testId={testId('curp')}>
          <input
            {...fieldAria(id('curp'), curpHint, error('curp'))}
            type="text"
            class="mono"
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            maxLength={18}
            value={member.curp}
            data-testid={testId('curp')}
            onInput={(event) => {
              const input = event.currentTarget;
              const caret = input.selectionStart;
              input.value = input.value.toUpperCase();
              if (caret !== null) input.setSelectionRange(caret, caret);
              onChange({ curp: input.value });
            }}
          />
        </Field>
        {text('phone', 'person.phone', { optional: true, type: 'tel' })}
        {isHead ? (
          <div class="field">
            <span class="field__label">{t('person.relationship')}</span>
            <p class="field__static" data-testid={testId('relationship')}>{t('relationship.head')}</p>
          </div>
        ) : (
          <Field id={id('relationship')} label={t('person.relationship')} error={error('relationship')} testId={testId('relationship')}>
            <select {...fieldAria(id('relationship'), undefined, error('relationship'))} value={member.relationship}
              data-testid={testId('relationship')}
              onChange={(event) => onChange({ relationship: event.currentTarget.value as Relationship })}>
              <option value="">{t('common.choose')}</option>
              {RELATIONSHIPS.filter((relationship) => relationship !== 'head').map((relationship) => (
                <option key={relationship} value={relationship}>{t(`relationship.${relationship}`)}</option>
              ))}
            </select>
          </Field>
        )}
      </div>

      <MatchPanel draft={matchDraft(member)} testId={testId('matches')} />

      <fieldset class="choice-group" aria-describedby={error('languages') ? `${id('languages')}-error` : undefined}>
        <legend>{t('person.languages')}</legend>
        <div class="checks">
          {LANGUAGES.map((code) => (
            <label key={code} class="check">
              <input
                type="checkbox"
                value={code}
                checked={member.languages.includes(code)}
                aria-invalid={error('languages') ? 'true' : undefined}
                data-testid={`${testId('lang')}-${code}`}
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  const others = member.languages.filter((language) => language !== code);
                  // Keep the catalogue's order (Spanish first); codes outside it stay at the end.
                  const chosen = checked ? [...others, code] : others;
                  const known: string[] = LANGUAGES.filter((language) => chosen.includes(language));
                  onChange({ languages: [...known, ...chosen.filter((language) => !known.includes(language))] });
                }}
              />
              <span>{t(`language.${code}`)}</span>
            </label>
          ))}
        </div>
        {error('languages') && (
          <p id={`${id('languages')}-error`} class="field__error" data-testid={`${testId('languages')}-error`}>{error('languages')}</p>
        )}
      </fieldset>

      <Field id={id('notes')} label={t('person.notes')} hint={t('intake.notesHint')} error={error('notes')} optional
        testId={testId('notes')}>
        <textarea {...fieldAria(id('notes'), t('intake.notesHint'), error('notes'))} rows={2} maxLength={2000}
          value={member.notes} data-testid={testId('notes')}
          onInput={(event) => onChange({ notes: event.currentTarget.value })} />
      </Field>

      <fieldset class="choice-group consents"
        aria-describedby={error('consents.services') ? `${id('consents')}-error` : undefined}>
        <legend>{t('intake.consents')}</legend>
        <p class="field__hint">{t('intake.consentsHint')}</p>
        <div class="checks checks--stacked">
          <label class="check">
            <input type="checkbox" checked={member.consent_services}
              aria-invalid={error('consents.services') ? 'true' : undefined}
              data-testid={testId('consent-services')}
              onChange={(event) => onChange({ consent_services: event.currentTarget.checked })} />
            <span>{t('intake.consentServices')}</span>
          </label>
          <label class="check">
            <input type="checkbox" checked={member.consent_tracing} data-testid={testId('consent-tracing')}
              onChange={(event) => onChange({ consent_tracing: event.currentTarget.checked })} />
            <span>{t('intake.consentTracing')}</span>
          </label>
        </div>
        {error('consents.services') && (
          <p id={`${id('consents')}-error`} class="field__error" data-testid={`${testId('consent-services')}-error`}>
            {t('intake.consentServicesRequired')}
          </p>
        )}
        <Field id={id('share_with')} label={t('intake.consentShare')} hint={t('intake.consentShareHint')}
          error={error('consents.share_with')} optional testId={testId('share_with')}>
          <input {...fieldAria(id('share_with'), t('intake.consentShareHint'), error('consents.share_with'))} type="text"
            autoComplete="off" value={member.share_with} data-testid={testId('share_with')}
            onInput={(event) => onChange({ share_with: event.currentTarget.value })} />
        </Field>
      </fieldset>
    </fieldset>
  );
}
