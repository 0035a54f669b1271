// A person's profile: every recorded field, the other members of the household (links), and the arrivals
// (site, time in the viewer's zone, mode, group).
import { api, type Household, type Person } from '../api';
import { stateName } from '../catalog';
import { displayName, enumLabel, formatDateTime, languageLabel } from '../format';
import { useI18n } from '../i18n';
import { useLoad } from '../load';
import { href } from '../router';
import { Detail, ErrorNotice, Loading, PageTitle } from '../components/ui';

interface ProfileData {
  person: Person;
  household: Household | null;
}

async function loadProfile(id: number): Promise<ProfileData> {
  const person = await api.getPerson(id);
  // The profile is still useful without the household list, so its failure is not the page's failure.
  const household = await api.getHousehold(person.household_id).catch(() => null);
  return { person, household };
}

export function PersonPage({ id }: { id: number }) {
  const { t } = useI18n();
  const { state, reload } = useLoad(() => loadProfile(id), [id]);
  if (state.status === 'loading') return <section class="page"><Loading /></section>;
  if (state.status === 'error') {
    return (
      <section class="page">
        <PageTitle>{t('person.title')}</PageTitle>
        <ErrorNotice error={state.error} onRetry={reload} />
      </section>
    );
  }
  return <Profile person={state.data.person} household={state.data.household} />;
}

function Profile({ person, household }: ProfileData) {
  const { t, intlLocale } = useI18n();
  const arrivals = person.arrivals ?? [];
  return (
    <section class="page" data-testid="person-page" data-person-id={person.id}>
      <p class="breadcrumb">
        <a href={href({ name: 'persons', q: '', offset: 0 })}>{t('person.backToSearch')}</a>
      </p>
      <PageTitle testId="person-name">{displayName(person)}</PageTitle>
      <p class="subtitle">
        {t('person.household', { id: person.household_id })} · {enumLabel(t, 'relationship', person.relationship)}
      </p>

      <div class="columns">
        <section class="card" aria-labelledby="person-details-title">
          <h2 id="person-details-title">{t('person.details')}</h2>
          <dl class="details" data-testid="person-details">
            <Detail label={t('person.givenNames')} value={person.given_names} testId="person-given_names" />
            <Detail label={t('person.paternalSurname')} value={person.paternal_surname} testId="person-paternal_surname" />
            <Detail label={t('person.maternalSurname')} value={person.maternal_surname} testId="person-maternal_surname" />
            <Detail label={t('person.sex')} value={enumLabel(t, 'sex', person.sex || 'unknown')} testId="person-sex" />
            <Detail label={t('person.birthDate')} value={person.birth_date} testId="person-birth_date" />
            <Detail
              label={t('person.birthState')}
              value={person.birth_state ? stateName(person.birth_state) : ''}
              testId="person-birth_state"
            />
            <Detail label={t('person.birthMunicipality')} value={person.birth_municipality} testId="person-birth_municipality" />
            <Detail label={t('person.curp')} value={person.curp && <span class="mono">{person.curp}</span>} testId="person-curp" />
            <Detail
              label={t('person.languages')}
              value={person.languages.map((code) => languageLabel(t, code)).join(', ')}
              testId="person-languages"
            />
            <Detail label={t('person.phone')} value={person.phone} testId="person-phone" />
            <Detail label={t('person.relationship')} value={enumLabel(t, 'relationship', person.relationship)} testId="person-relationship" />
            <Detail label={t('person.created')} value={formatDateTime(person.created_at, intlLocale)} testId="person-created_at" />
            <Detail label={t('person.version')} value={String(person.version)} testId="person-version" />
          </dl>
        </section>

        <div class="stack">
          <section class="card" aria-labelledby="household-title">
            <h2 id="household-title">{t('person.householdMembers')}</h2>
            {household ? (
              <ul class="member-list" data-testid="household-members">
                {household.members.map((member) => (
                  <li key={member.id} data-testid="household-member">
                    {member.id === person.id ? (
                      <span aria-current="page">
                        <strong>{displayName(member)}</strong> ({t('person.thisPerson')})
                      </span>
                    ) : (
                      <a href={href({ name: 'person', id: member.id })}>{displayName(member)}</a>
                    )}
                    <span class="member-list__meta">
                      {enumLabel(t, 'relationship', member.relationship)}
                      {member.birth_date ? ` · ${member.birth_date}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="empty">{t('common.empty')}</p>
            )}
          </section>

          <section class="card" aria-labelledby="arrivals-title">
            <h2 id="arrivals-title">{t('person.arrivals')}</h2>
            {arrivals.length === 0 ? (
              <p class="empty">{t('person.noArrivals')}</p>
            ) : (
              <table class="table table--cards" data-testid="arrivals-table">
                <thead>
                  <tr>
                    <th scope="col">{t('arrival.site')}</th>
                    <th scope="col">{t('arrival.time')}</th>
                    <th scope="col">{t('arrival.mode')}</th>
                    <th scope="col">{t('arrival.batch')}</th>
                  </tr>
                </thead>
                <tbody>
                  {arrivals.map((arrival) => (
                    <tr key={arrival.id} data-testid="arrival-row">
                      <td data-label={t('arrival.site')}>
                        <a href={href({ name: 'site', id: arrival.site_id })}>{arrival.site_name}</a>
                      </td>
                      <td data-label={t('arrival.time')}>{formatDateTime(arrival.arrived_at, intlLocale)}</td>
                      <td data-label={t('arrival.mode')}>{enumLabel(t, 'mode', arrival.mode)}</td>
                      <td data-label={t('arrival.batch')}>{arrival.batch_id || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      </div>
    </section>
  );
}
