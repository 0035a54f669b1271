// Place an arriving bus or flight: staff describe its households (who travels, needs, home state), the
// allocation engine proposes a bed for each (never splitting a household, minors only in authorised
// sections, nearest shelter first, a person without a bed the last resort), and staff confirm: the beds are
// then held for the group until it arrives or the hold expires. Nothing is written before confirming.
import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api';
import { bedsApi, NEEDS, type Need, type PlacementGroup, type Proposal } from '../beds_api';
import { STATES } from '../catalog';
import { formatNumber } from '../format';
import { useI18n } from '../i18n';
import { toApiError, useLoad } from '../load';
import { href } from '../router';
import { ErrorNotice, Loading, PageTitle } from '../components/ui';

let nextKey = 1;

function newGroup(label: string, men = 0, women = 0, children = 0): PlacementGroup {
  return { id: `g${nextKey++}`, label, adult_men: men, adult_women: women, children, unaccompanied_minors: 0,
    needs: [], home_state: '' };
}

const COUNTS = ['adult_men', 'adult_women', 'children', 'unaccompanied_minors'] as const;
type CountKey = (typeof COUNTS)[number];
const COUNT_LABEL = {
  adult_men: 'placement.men', adult_women: 'placement.women', children: 'placement.children',
  unaccompanied_minors: 'placement.minors',
} as const;

export function PlacementPage() {
  const { t, intlLocale } = useI18n();
  const sites = useLoad(() => api.listSites(), []);
  const [arrivalSite, setArrivalSite] = useState(0);
  const [groups, setGroups] = useState<PlacementGroup[]>(() => [newGroup(t('placement.groupLabel', { number: 1 }), 1, 1, 1)]);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [hours, setHours] = useState('12');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'' | 'propose' | 'confirm'>('');
  const [confirmed, setConfirmed] = useState<number | null>(null);

  if (sites.state.status === 'loading') return <section class="page"><Loading /></section>;
  if (sites.state.status === 'error') return <section class="page"><ErrorNotice error={sites.state.error} onRetry={sites.reload} /></section>;
  const siteList = sites.state.data;
  const chosenSite = arrivalSite || siteList.find((site) => site.kind === 'reception_centre')?.id || siteList[0]?.id || 0;

  const change = (next: PlacementGroup[]) => {
    setGroups(next);
    setProposal(null);
    setConfirmed(null);
  };
  const update = (index: number, patch: Partial<PlacementGroup>) =>
    change(groups.map((group, idx) => (idx === index ? { ...group, ...patch } : group)));
  const toggleNeed = (index: number, need: Need) => {
    const needs = groups[index]?.needs ?? [];
    update(index, { needs: needs.includes(need) ? needs.filter((one) => one !== need) : [...needs, need] });
  };
  const people = groups.reduce((sum, group) => sum + COUNTS.reduce((inner, key) => inner + group[key], 0), 0);

  const onPropose = async () => {
    setBusy('propose');
    setFailure(null);
    setConfirmed(null);
    try {
      setProposal(await bedsApi.propose(chosenSite, groups));
    } catch (cause) {
      setFailure(toApiError(cause));
    } finally {
      setBusy('');
    }
  };

  const onConfirm = async () => {
    if (!proposal) return;
    setBusy('confirm');
    setFailure(null);
    try {
      const items = proposal.groups.filter((group) => group.section_id > 0)
        .map((group) => ({ label: group.label || group.group_id, section_id: group.section_id, beds: group.people }));
      const holds = await bedsApi.confirm(items, Number.parseInt(hours, 10) || 0);
      setConfirmed(holds.length);
      setProposal(null);
    } catch (cause) {
      setFailure(toApiError(cause));
    } finally {
      setBusy('');
    }
  };

  const fieldError = failure?.field;
  return (
    <section class="page" data-testid="placement-page">
      <PageTitle>{t('placement.title')}</PageTitle>
      <p class="subtitle">{t('placement.intro')}</p>
      <section class="card">
        <div class="field">
          <label for="placement-site">{t('placement.arrivalSite')}</label>
          <select id="placement-site" value={chosenSite} data-testid="placement-site"
            onChange={(event) => { setArrivalSite(Number(event.currentTarget.value)); setProposal(null); }}>
            {siteList.map((site) => <option key={site.id} value={site.id}>{site.name} · {site.city}</option>)}
          </select>
        </div>
        <h2>{t('placement.groups')}</h2>
        <p class="field__hint" data-testid="placement-people">
          {t('placement.people', { count: formatNumber(people, intlLocale), groups: formatNumber(groups.length, intlLocale) })}
        </p>
        <ol class="group-list">
          {groups.map((group, index) => (
            <li key={group.id} class="group-row" data-testid="placement-group"
              aria-invalid={fieldError?.startsWith(`groups[${index}]`) ? 'true' : undefined}>
              <label class="group-row__label">
                {t('placement.label')}
                <input type="text" value={group.label} maxLength={120}
                  onInput={(event) => update(index, { label: event.currentTarget.value })} />
              </label>
              {COUNTS.map((key: CountKey) => (
                <label key={key} class="group-row__count">
                  {t(COUNT_LABEL[key])}
                  <input type="number" min={0} max={30} value={group[key]} data-testid={`group-${key}`}
                    onInput={(event) => update(index, { [key]: Math.max(0, Number.parseInt(event.currentTarget.value, 10) || 0) })} />
                </label>
              ))}
              <fieldset class="group-row__needs">
                <legend>{t('placement.needs')}</legend>
                {NEEDS.map((need) => (
                  <label key={need} class="checkbox">
                    <input type="checkbox" checked={group.needs.includes(need)} onChange={() => toggleNeed(index, need)} />
                    {t(`need.${need}`)}
                  </label>
                ))}
              </fieldset>
              <label class="group-row__home">
                {t('placement.home')}
                <select value={group.home_state} onChange={(event) => update(index, { home_state: event.currentTarget.value })}>
                  <option value="">{t('placement.homeUnknown')}</option>
                  {STATES.map((state) => <option key={state.code} value={state.code}>{state.name}</option>)}
                </select>
              </label>
              <button type="button" class="button button--small button--secondary"
                aria-label={t('placement.removeLabel', { label: group.label })}
                onClick={() => change(groups.filter((_, idx) => idx !== index))}>
                {t('placement.remove')}
              </button>
            </li>
          ))}
        </ol>
        <div class="actions">
          <button type="button" class="button button--secondary" data-testid="placement-add"
            onClick={() => change([...groups, newGroup(t('placement.groupLabel', { number: groups.length + 1 }))])}>
            {t('placement.addGroup')}
          </button>
          <button type="button" class="button button--secondary" data-testid="placement-add-singles"
            onClick={() => change([...groups, ...Array.from({ length: 10 }, (_, idx) =>
              newGroup(t('placement.singleLabel', { number: groups.length + idx + 1 }), 1))])}>
            {t('placement.addSingles')}
          </button>
          <button type="button" class="button" disabled={busy !== '' || groups.length === 0} data-testid="placement-propose"
            onClick={onPropose}>
            {busy === 'propose' ? t('placement.proposing') : t('placement.propose')}
          </button>
        </div>
      </section>
      {failure && <ErrorNotice error={failure} testId="placement-error" />}
      {confirmed !== null && (
        <p class="notice" role="status" data-testid="placement-confirmed">
          {t('placement.confirmed', { count: formatNumber(confirmed, intlLocale) })}{' '}
          <a href={href({ name: 'network' })}>{t('network.title')}</a>
        </p>
      )}
      {proposal && (
        <section class="card" aria-labelledby="proposal-title" data-testid="placement-proposal">
          <h2 id="proposal-title">{t('placement.proposal')}</h2>
          <p data-testid="placement-summary">
            {t('placement.summary', { placed: formatNumber(proposal.placed_people, intlLocale),
              unplaced: formatNumber(proposal.unplaced_people, intlLocale) })}
          </p>
          <table class="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t('placement.group')}</th>
                <th scope="col" class="numeric">{t('placement.size')}</th>
                <th scope="col">{t('placement.shelter')}</th>
                <th scope="col">{t('placement.section')}</th>
                <th scope="col" class="numeric">{t('placement.km')}</th>
                <th scope="col">{t('placement.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {proposal.groups.map((group) => (
                <tr key={group.group_id} data-testid="proposal-row" data-section-id={group.section_id}>
                  <th scope="row" data-label={t('placement.group')}>{group.label || group.group_id}</th>
                  <td class="numeric" data-label={t('placement.size')}>{group.people}</td>
                  <td data-label={t('placement.shelter')}>{group.site_id ? group.site_name : <strong>{t('placement.withoutBed')}</strong>}</td>
                  <td data-label={t('placement.section')}>{group.section_name}</td>
                  <td class="numeric" data-label={t('placement.km')}>{group.site_id ? formatNumber(Math.round(group.travel_km), intlLocale) : ''}</td>
                  <td data-label={t('placement.reason')}>{group.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="actions">
            <label>
              {t('placement.hours')}{' '}
              <input type="number" min={1} max={72} value={hours} class="input--narrow"
                onInput={(event) => setHours(event.currentTarget.value)} />
            </label>
            <button type="button" class="button" disabled={busy !== '' || proposal.placed_people === 0}
              data-testid="placement-confirm" onClick={onConfirm}>
              {busy === 'confirm' ? t('placement.confirming') : t('placement.confirm')}
            </button>
          </div>
        </section>
      )}
    </section>
  );
}
