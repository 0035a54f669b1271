// Log in: username and password. Shown at any address while there is no session; after logging in, the
// page at that address opens. A wrong username and a wrong password get the same words (the server does
// not say which), and too many attempts ask to come back later.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type SessionInfo } from '../api';
import { useI18n } from '../i18n';
import { toApiError } from '../load';
import { Field, PageTitle, errorText } from '../components/ui';

// Why the login page is shown: first visit, an expired session (the user was somewhere), or a log-out.
export type LoginReason = 'start' | 'expired' | 'loggedOut';

export function LoginPage({ reason, onLoggedIn }: { reason: LoginReason; onLoggedIn: (info: SessionInfo) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const [focusPassword, setFocusPassword] = useState(false);

  useEffect(() => {
    if (!focusPassword) return;
    passwordRef.current?.focus();
    setFocusPassword(false);
  }, [focusPassword]);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (sending) return;
    if (!username.trim() || !password) {
      setFailure(t('login.required'));
      (username.trim() ? passwordRef : usernameRef).current?.focus();
      return;
    }
    setSending(true);
    setFailure(null);
    try {
      const info = await api.login(username.trim(), password);
      onLoggedIn(info);
    } catch (cause) {
      const error = toApiError(cause);
      if (error.status === 401) setFailure(t('login.failed'));
      else if (error.status === 429) setFailure(t('login.tooMany'));
      else setFailure(errorText(t, error));
      setPassword('');
      setFocusPassword(true);
      setSending(false);
    }
  };

  return (
    <section class="page page--login" data-testid="login-page">
      <div class="login">
        <PageTitle>{t('login.title')}</PageTitle>
        {reason === 'expired' && <p class="notice" role="status" data-testid="login-expired">{t('login.expired')}</p>}
        {reason === 'loggedOut' && <p class="notice" role="status" data-testid="login-logged-out">{t('login.loggedOut')}</p>}
        <form class="card form" onSubmit={onSubmit} noValidate data-testid="login-form">
          <p class="field__hint login__intro">{t('login.intro')}</p>
          <Field id="login-username" label={t('login.username')}>
            <input ref={usernameRef} id="login-username" type="text" name="username" autoComplete="username"
              autoCapitalize="none" spellcheck={false} value={username} data-testid="login-username"
              aria-describedby={failure ? 'login-error' : undefined}
              onInput={(event) => setUsername(event.currentTarget.value)} />
          </Field>
          <Field id="login-password" label={t('login.password')}>
            <input ref={passwordRef} id="login-password" type="password" name="password" autoComplete="current-password"
              value={password} data-testid="login-password" aria-describedby={failure ? 'login-error' : undefined}
              onInput={(event) => setPassword(event.currentTarget.value)} />
          </Field>
          <div role="alert" aria-live="assertive">
            {failure && (
              <p id="login-error" class="notice notice--error" data-testid="login-error">{failure}</p>
            )}
          </div>
          <div class="actions">
            <button type="submit" class="button button--large login__submit" disabled={sending} data-testid="login-submit">
              {sending ? t('login.submitting') : t('login.submit')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
