// Shown for a page the user's role does not give access to (the navigation does not offer it, but an old
// link or a typed address can lead here). Calm words, and a way back to the role's start page.
import { useSession } from '../auth';
import { enumLabel } from '../format';
import { useI18n } from '../i18n';
import { href, type Route } from '../router';
import { PageTitle } from '../components/ui';

export function ForbiddenPage({ home }: { home: Route }) {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <section class="page" data-testid="forbidden">
      <PageTitle>{t('forbidden.title')}</PageTitle>
      <p class="notice" role="status">{t('forbidden.body', { role: enumLabel(t, 'role', user.role) })}</p>
      <p>
        <a class="button" href={href(home)}>{t('forbidden.back')}</a>
      </p>
    </section>
  );
}
