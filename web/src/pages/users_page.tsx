// Usuarios (#/usuarios, administrators): every account with its role, sites and state, a button to
// disable or enable it (sending the version that was loaded; 409 if someone changed it meanwhile), and a
// form to create one. Registrars and shelter staff need at least one site; the server checks the username
// and the password policy and names the field at fault.
import { useState } from 'preact/hooks';
import { api, ApiError, ROLES, type Account, type Role, type Site } from '../api';
import { isSiteBound, useSession } from '../auth';
import { enumLabel, formatDate, formatNumber } from '../format';
import { useI18n } from '../i18n';
import { toApiError, useLoad } from '../load';
import { ErrorNotice, Field, fieldAria, Loading, PageTitle, errorText } from '../components/ui';
import { sortSites } from './sites_page';

interface UsersData {
  accounts: Account[];
  sites: Site[];
}

function byUsername(accounts: readonly Account[]): Account[] {
  return [...accounts].sort((a, b) => a.username.localeCompare(b.username));
}

async function loadUsers(): Promise<UsersData> {
  const [accounts, sites] = await Promise.all([api.listUsers(), api.listSites()]);
  return { accounts: byUsername(accounts), sites: sortSites(sites) };
}

export function UsersPage() {
  const { t } = useI18n();
  const { state, reload, set } = useLoad(loadUsers, []);
  return (
    <section class="page" data-testid="users-page">
      <PageTitle>{t('users.title')}</PageTitle>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ok' && (
        <>
          <AccountsTable
            data={state.data}
            onReplace={(account) => set({
              ...state.data,
              accounts: state.data.accounts.map((old) => (old.id === account.id ? account : old)),
            })}
            onReload={reload}
          />
          <NewAccountForm
            sites={state.data.sites}
            onCreated={(account) => set({ ...state.data, accounts: byUsername([...state.data.accounts, account]) })}
          />
        </>
      )}
    </section>
  );
}

function AccountsTable({ data, onReplace, onReload }: {
  data: UsersData;
  onReplace: (account: Account) => void;
  onReload: () => void;
}) {
  const { t, intlLocale } = useI18n();
  const { user } = useSession();
  const [busy, setBusy] = useState<number | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const siteName = new Map(data.sites.map((site) => [site.id, site.name]));

  const sitesOf = (account: Account) => {
    if (account.role === 'coordinator') return t('users.allSites');
    if (!isSiteBound(account.role)) return '—';
    return account.site_ids.map((id) => siteName.get(id) ?? `#${id}`).join(', ') || '—';
  };

  const toggle = async (account: Account) => {
    if (!account.disabled && !window.confirm(t('users.confirmDisable', { username: account.username }))) return;
    setBusy(account.id);
    setFailure(null);
    try {
      const updated = await api.updateUser(account.id, {
        display_name: account.display_name,
        role: account.role,
        site_ids: account.site_ids,
        disabled: !account.disabled,
        version: account.version,
      });
      onReplace(updated);
    } catch (cause) {
      setFailure(toApiError(cause));
    } finally {
      setBusy(null);
    }
  };

  if (data.accounts.length === 0) return <p class="empty">{t('users.none')}</p>;
  const conflict = failure?.code === 'Aborted' || failure?.status === 409;
  return (
    <>
      <p class="results__summary" data-testid="users-summary">
        {t('users.count', { count: formatNumber(data.accounts.length, intlLocale) })}
      </p>
      {failure && (
        <div class="notice notice--error" role="alert" data-testid="users-error">
          <p>{conflict ? t('error.conflict') : errorText(t, failure)}</p>
          {conflict && (
            <button type="button" class="button button--secondary" onClick={onReload}>{t('error.reloadLatest')}</button>
          )}
        </div>
      )}
      <table class="table table--cards users-table" data-testid="users-table">
        <caption class="visually-hidden">{t('users.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.colUsername')}</th>
            <th scope="col">{t('users.colName')}</th>
            <th scope="col">{t('users.colRole')}</th>
            <th scope="col">{t('users.colSites')}</th>
            <th scope="col">{t('users.colStatus')}</th>
            <th scope="col">{t('users.colCreated')}</th>
            <th scope="col"><span class="visually-hidden">{t('common.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {data.accounts.map((account) => (
            <tr key={account.id} data-testid="user-row" data-username={account.username}
              class={account.disabled ? 'row--disabled' : undefined}>
              <th scope="row" data-label={t('users.colUsername')}>
                <span class="mono">{account.username}</span>
                {account.id === user.id && <span class="badge badge--head">{t('users.self')}</span>}
              </th>
              <td data-label={t('users.colName')}>{account.display_name || '—'}</td>
              <td data-label={t('users.colRole')} data-testid="user-row-role">{enumLabel(t, 'role', account.role)}</td>
              <td data-label={t('users.colSites')} data-testid="user-row-sites">{sitesOf(account)}</td>
              <td data-label={t('users.colStatus')}>
                <span class={account.disabled ? 'status status--off' : 'status status--on'} data-testid="user-row-status">
                  {account.disabled ? t('users.disabled') : t('users.active')}
                </span>
              </td>
              <td data-label={t('users.colCreated')} class="nowrap">{formatDate(account.created_at, intlLocale)}</td>
              <td class="row-actions">
                {account.id !== user.id && (
                  <button
                    type="button"
                    class={account.disabled ? 'button button--small button--secondary' : 'button button--small button--danger'}
                    disabled={busy === account.id}
                    aria-label={t(account.disabled ? 'users.enableLabel' : 'users.disableLabel', { username: account.username })}
                    data-testid="user-toggle"
                    onClick={() => toggle(account)}
                  >
                    {account.disabled ? t('users.enable') : t('users.disable')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

interface AccountDraft {
  username: string;
  display_name: string;
  role: Role | '';
  site_ids: number[];
  password: string;
}

type DraftField = keyof AccountDraft;

const EMPTY_ACCOUNT: AccountDraft = { username: '', display_name: '', role: '', site_ids: [], password: '' };

function NewAccountForm({ sites, onCreated }: { sites: Site[]; onCreated: (account: Account) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<AccountDraft>(EMPTY_ACCOUNT);
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const siteBound = draft.role !== '' && isSiteBound(draft.role);

  const update = <K extends DraftField>(field: K, value: AccountDraft[K]) => {
    setDraft((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => ({ ...previous, [field]: undefined }));
    setCreated(null);
  };

  const toggleSite = (id: number, checked: boolean) => {
    const next = checked ? [...draft.site_ids, id] : draft.site_ids.filter((other) => other !== id);
    update('site_ids', next);
  };

  const focusFirstInvalid = () => {
    window.setTimeout(() => document.querySelector<HTMLElement>('.user-form [aria-invalid="true"]')?.focus(), 0);
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    const local: Partial<Record<DraftField, string>> = {};
    if (draft.role === '') local.role = t('users.chooseRole');
    if (siteBound && draft.site_ids.length === 0) local.site_ids = t('users.chooseSites');
    setErrors(local);
    setFailure(null);
    setCreated(null);
    if (Object.keys(local).length > 0 || draft.role === '') {
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    try {
      const account = await api.createUser({
        username: draft.username.trim(),
        display_name: draft.display_name.trim(),
        role: draft.role,
        // Only registrars and shelter staff work at particular sites.
        site_ids: siteBound ? draft.site_ids : [],
        password: draft.password,
      });
      onCreated(account);
      setDraft(EMPTY_ACCOUNT);
      setCreated(account.username);
    } catch (cause) {
      const error = toApiError(cause);
      const field = error.field?.replace(/\[\d+\]$/, '');
      if (field && field in EMPTY_ACCOUNT) {
        setErrors({ [field as DraftField]: error.message });
        focusFirstInvalid();
      }
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const receptionCentres = sites.filter((site) => site.kind === 'reception_centre');
  const shelters = sites.filter((site) => site.kind !== 'reception_centre');
  const siteChecks = (group: Site[]) => (
    <div class="checks">
      {group.map((site) => (
        <label key={site.id} class="check">
          <input type="checkbox" checked={draft.site_ids.includes(site.id)} data-testid={`user-site-${site.id}`}
            aria-invalid={errors.site_ids ? 'true' : undefined}
            onChange={(event) => toggleSite(site.id, event.currentTarget.checked)} />
          <span>{site.name}</span>
        </label>
      ))}
    </div>
  );

  return (
    <form class="card form user-form" onSubmit={onSubmit} noValidate data-testid="user-form">
      <h2>{t('users.new')}</h2>
      <div class="grid">
        <Field id="user-username" label={t('users.username')} hint={t('users.usernameHint')} error={errors.username} testId="user-username">
          <input {...fieldAria('user-username', t('users.usernameHint'), errors.username)} type="text" autoComplete="off"
            autoCapitalize="none" spellcheck={false} value={draft.username} data-testid="user-username"
            onInput={(event) => update('username', event.currentTarget.value)} />
        </Field>
        <Field id="user-display_name" label={t('users.displayName')} error={errors.display_name} testId="user-display_name">
          <input {...fieldAria('user-display_name', undefined, errors.display_name)} type="text" autoComplete="off"
            value={draft.display_name} data-testid="user-display_name"
            onInput={(event) => update('display_name', event.currentTarget.value)} />
        </Field>
        <Field id="user-role" label={t('users.role')} error={errors.role} testId="user-role"
          hint={draft.role ? t(`roleHint.${draft.role}`) : undefined}>
          <select {...fieldAria('user-role', draft.role ? t(`roleHint.${draft.role}`) : undefined, errors.role)}
            value={draft.role} data-testid="user-role"
            onChange={(event) => update('role', event.currentTarget.value as Role | '')}>
            <option value="">{t('common.choose')}</option>
            {ROLES.map((role) => <option key={role} value={role}>{t(`role.${role}`)}</option>)}
          </select>
        </Field>
        <Field id="user-password" label={t('users.password')} hint={t('users.passwordHint')} error={errors.password} testId="user-password">
          <input {...fieldAria('user-password', t('users.passwordHint'), errors.password)} type="password"
            autoComplete="new-password" value={draft.password} data-testid="user-password"
            onInput={(event) => update('password', event.currentTarget.value)} />
        </Field>
      </div>
      {siteBound && (
        <fieldset class="choice-group user-form__sites" data-testid="user-sites"
          aria-describedby={['user-sites-hint', errors.site_ids ? 'user-sites-error' : ''].filter(Boolean).join(' ')}>
          <legend>{t('users.sites')}</legend>
          <p id="user-sites-hint" class="field__hint">{t('users.sitesHint')}</p>
          {errors.site_ids && <p id="user-sites-error" class="field__error" data-testid="user-sites-error">{errors.site_ids}</p>}
          {receptionCentres.length > 0 && <h3 class="checks__group">{t('intake.siteGroupReception')}</h3>}
          {siteChecks(receptionCentres)}
          {shelters.length > 0 && <h3 class="checks__group">{t('intake.siteGroupShelter')}</h3>}
          {siteChecks(shelters)}
        </fieldset>
      )}
      <div role="status" aria-live="polite">
        {created && <p class="notice notice--success" data-testid="user-created">{t('users.created', { username: created })}</p>}
      </div>
      {failure && (
        <div class="notice notice--error" role="alert" data-testid="user-form-error">
          <p>
            <strong>{t('users.notCreated')}</strong>{' '}
            {failure.field ? t('error.field', { message: failure.message }) : errorText(t, failure)}
          </p>
        </div>
      )}
      <div class="actions">
        <button type="submit" class="button" disabled={saving} data-testid="user-create">
          {saving ? t('users.creating') : t('users.create')}
        </button>
      </div>
    </form>
  );
}
