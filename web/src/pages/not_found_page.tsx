// Shown for a hash that names no page.
import { useI18n } from '../i18n';
import { href } from '../router';
import { PageTitle } from '../components/ui';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section class="page">
      <PageTitle>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.body')}</p>
      <p>
        <a class="button" href={href({ name: 'home' })}>{t('notFound.back')}</a>
      </p>
    </section>
  );
}
