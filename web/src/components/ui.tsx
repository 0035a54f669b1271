// Small building blocks every page uses: a labelled field with hint and error, the page title that takes
// focus after navigation, an error notice that reads the server's message aloud, and a loading line.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ApiError } from '../api';
import { useI18n } from '../i18n';

// The accessibility attributes an input needs to be tied to its hint and error message.
export function fieldAria(id: string, hint?: string, error?: string) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    id,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': error ? ('true' as const) : undefined,
  };
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  testId?: string;
  class?: string;
  children: ComponentChildren;
}

// A label, the control (children, built with fieldAria), an optional hint and the field's error message.
export function Field({ id, label, hint, error, optional, testId, class: extra, children }: FieldProps) {
  const { t } = useI18n();
  return (
    <div class={['field', error ? 'field--invalid' : '', extra ?? ''].filter(Boolean).join(' ')}>
      <label for={id}>
        {label}
        {optional && <span class="field__optional"> ({t('common.optional')})</span>}
      </label>
      {children}
      {hint && <p id={`${id}-hint`} class="field__hint">{hint}</p>}
      {error && (
        <p id={`${id}-error`} class="field__error" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </p>
      )}
    </div>
  );
}

// The page's <h1>. It takes focus when the page mounts so screen readers announce the new page.
export function PageTitle({ children, testId = 'page-title' }: { children: ComponentChildren; testId?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} data-testid={testId}>
      {children}
    </h1>
  );
}

// The sentence for a failed call. Refusals and absences get calm words of their own: a 404 for a person at
// another site is just "not found", and a 403 never blames the user.
export function errorText(t: ReturnType<typeof useI18n>['t'], error: ApiError): string {
  if (error.isNetwork) return t('error.network');
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 404) return t('error.notFound');
  if (error.status === 429) return t('error.tooMany');
  return t('error.server', { code: error.code, message: error.message });
}

// Refusals and absences are shown calmly (no alarm colour) and without a retry button, which cannot help.
export function ErrorNotice({ error, onRetry, testId = 'error' }: { error: ApiError; onRetry?: () => void; testId?: string }) {
  const { t } = useI18n();
  const calm = error.status === 403 || error.status === 404;
  return (
    <div class={calm ? 'notice' : 'notice notice--error'} role={calm ? 'status' : 'alert'} data-testid={testId}
      data-status={error.status}>
      <p>{errorText(t, error)}</p>
      {onRetry && !calm && (
        <button type="button" class="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status" data-testid="loading">
      {t('common.loading')}
    </p>
  );
}

// A value in a definition list; empty values read "Not recorded" rather than leaving a hole.
export function Detail({ label, value, testId }: { label: string; value: ComponentChildren; testId?: string }) {
  const { t } = useI18n();
  const empty = value === '' || value === null || value === undefined;
  return (
    <div class="detail">
      <dt>{label}</dt>
      <dd data-testid={testId} class={empty ? 'detail__empty' : undefined}>
        {empty ? t('common.empty') : value}
      </dd>
    </div>
  );
}
