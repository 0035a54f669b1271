// Mi cuenta (#/cuenta): who is logged in (name, username, role, sites), a form to change one's own
// password, and "log out". The server checks the password policy (12+ characters, not containing the
// username, not common) and answers on the field it names; the repeat field is checked here.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { isSiteBound, useSession } from '../auth';
import { enumLabel } from '../format';
import { useI18n } from '../i18n';
import { toApiError, useLoad } from '../load';
import { Detail, ErrorNotice, Field, fieldAria, PageTitle, errorText } from '../components/ui';

type PasswordField = 'current' | 'next' | 'confirm';

export function AccountPage() {
  const { t } = useI18n();
  const { user, logout } = useSession();
  const sites = useLoad(() => (isSiteBound(user.role) ? api.listSites() : Promise.resolve([])), [user]);
  const [leaving, setLeaving] = useState(false);
  const [logoutFailure, setLogoutFailure] = useState<ApiError | null>(null);

  let siteNames: string;
  if (user.role === 'coordinator') siteNames = t('account.allSites');
  else if (!isSiteBound(user.role)) siteNames = t('account.noSites');
  else if (sites.state.status === 'ok') {
    const byId = new Map(sites.state.data.map((site) => [site.id, site.name]));
    siteNames = user.site_ids.map((id) => byId.get(id) ?? `#${id}`).join(', ') || t('account.noSites');
  } else siteNames = user.site_ids.map((id) => `#${id}`).join(', ');

  const onLogout = async () => {
    setLeaving(true);
    setLogoutFailure(null);
    try {
      await logout();
    } catch (cause) {
      setLogoutFailure(toApiError(cause));
      setLeaving(false);
    }
  };

  return (
    <section class="page" data-testid="account-page">
      <div class="page__head">
        <PageTitle>{t('account.title')}</PageTitle>
        <button type="button" class="button button--secondary" disabled={leaving} onClick={onLogout} data-testid="account-logout">
          {leaving ? t('account.loggingOut') : t('account.logout')}
        </button>
      </div>
      {logoutFailure && <ErrorNotice error={logoutFailure} testId="logout-error" />}
      <div class="columns">
        <section class="card" aria-labelledby="account-details-title">
          <h2 id="account-details-title" class="visually-hidden">{t('account.title')}</h2>
          <dl class="details">
            <Detail label={t('account.displayName')} value={user.display_name} testId="account-display_name" />
            <Detail label={t('account.username')} value={<span class="mono">{user.username}</span>} testId="account-username" />
            <Detail label={t('account.role')} value={enumLabel(t, 'role', user.role)} testId="account-role-detail" />
            <Detail label={t('account.sites')} value={siteNames} testId="account-sites" />
          </dl>
        </section>
        <PasswordForm />
      </div>
    </section>
  );
}

function PasswordForm() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Partial<Record<PasswordField, string>>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [changed, setChanged] = useState(false);

  const focusFirstInvalid = () => {
    window.setTimeout(() => document.querySelector<HTMLElement>('.password-form [aria-invalid="true"]')?.focus(), 0);
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    setChanged(false);
    const local: Partial<Record<PasswordField, string>> = {};
    if (!current) local.current = t('account.required');
    if (!next) local.next = t('account.required');
    else if (next !== confirm) local.confirm = t('account.mismatch');
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) {
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    try {
      await api.changePassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      setChanged(true);
    } catch (cause) {
      const error = toApiError(cause);
      if (error.status === 401) setErrors({ current: t('account.currentWrong') });
      else if (error.field === 'new_password') setErrors({ next: error.message });
      else if (error.field === 'current_password') setErrors({ current: error.message });
      else setFailure(error);
      focusFirstInvalid();
    } finally {
      setSaving(false);
    }
  };

  const input = (field: PasswordField, label: string, value: string, set: (value: string) => void,
    options: { hint?: string; autoComplete: string }) => (
    <Field id={`password-${field}`} label={label} hint={options.hint} error={errors[field]} testId={`password-${field}`}>
      <input {...fieldAria(`password-${field}`, options.hint, errors[field])} type="password" value={value}
        autoComplete={options.autoComplete} data-testid={`password-${field}`}
        onInput={(event) => {
          set(event.currentTarget.value);
          setErrors((previous) => ({ ...previous, [field]: undefined }));
          setChanged(false);
        }} />
    </Field>
  );

  return (
    <form class="card form password-form" onSubmit={onSubmit} noValidate data-testid="password-form">
      <h2>{t('account.changePassword')}</h2>
      {input('current', t('account.currentPassword'), current, setCurrent, { autoComplete: 'current-password' })}
      {input('next', t('account.newPassword'), next, setNext, { hint: t('account.passwordHint'), autoComplete: 'new-password' })}
      {input('confirm', t('account.confirmPassword'), confirm, setConfirm, { autoComplete: 'new-password' })}
      <div role="status" aria-live="polite">
        {changed && <p class="notice notice--success" data-testid="password-changed">{t('account.passwordChanged')}</p>}
      </div>
      {failure && (
        <div class="notice notice--error" role="alert" data-testid="password-error">
          <p><strong>{t('account.notChanged')}</strong> {errorText(t, failure)}</p>
        </div>
      )}
      <div class="actions">
        <button type="submit" class="button" disabled={saving} data-testid="password-submit">
          {saving ? t('common.saving') : t('account.changePassword')}
        </button>
      </div>
    </form>
  );
}
