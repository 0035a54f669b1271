// Formatting helpers for dates, enum labels and the values the intake form exchanges with inputs.
import { LANGUAGES, type LanguageCode } from './catalog';
import { isMessageKey, type Translate } from './i18n';

// "2026-11-29T14:05:00Z" → "29 nov 2026, 8:05" in the viewer's locale; in `timeZone` when given (a site's zone).
export function formatDateTime(iso: string, intlLocale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}

export function formatNumber(value: number, intlLocale: string): string {
  return new Intl.NumberFormat(intlLocale).format(value);
}

// Today's calendar date ("2026-11-29") as seen in `timeZone`.
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return toLocalInput(now).slice(0, 10);
  }
}

// The value a <input type="datetime-local"> shows for `date` in this device's zone: "2026-11-29T08:05".
export function toLocalInput(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

// The UTC instant for a datetime-local value, or undefined when it is empty or unreadable.
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// "UTC−08:00" for a zone at `now`, for the time-zone select.
export function utcOffset(timeZone: string, now: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(now);
    const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
    // "GMT-08:00" → "UTC−8", "GMT+05:30" → "UTC+5:30".
    const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
    if (!match) return 'UTC';
    const hours = String(Number(match[2]));
    return `UTC${match[1] === '-' ? '−' : '+'}${hours}${match[3] === '00' ? '' : `:${match[3]}`}`;
  } catch {
    return '';
  }
}

export function isKnownLanguage(code: string): code is LanguageCode {
  return (LANGUAGES as readonly string[]).includes(code);
}

export function languageLabel(t: Translate, code: string): string {
  return isKnownLanguage(code) ? t(`language.${code}`) : code;
}

// A person's display name: the server's full_name, or the parts joined when it is absent.
export function displayName(person: { full_name?: string; given_names: string; paternal_surname: string; maternal_surname: string }): string {
  if (person.full_name) return person.full_name;
  return [person.given_names, person.paternal_surname, person.maternal_surname].filter(Boolean).join(' ');
}

// The label of an enum value received from the server: "sex" + "F" → "Mujer". A value this app does not
// know is shown as sent, and an empty one as empty, rather than failing.
export type EnumKind =
  | 'sex' | 'relationship' | 'mode' | 'siteKind' | 'sectionKind' | 'role' | 'auditAction' | 'auditType' | 'alertKind';

export function enumLabel(t: Translate, kind: EnumKind, value: string): string {
  if (!value) return '';
  const key = `${kind}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

// Like formatDateTime but with seconds, for the audit trail.
export function formatTimestamp(iso: string, intlLocale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

// "29 nov 2026": the calendar date alone, in the viewer's zone.
export function formatDate(iso: string, intlLocale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium' }).format(date);
}
