// Typed calls of identity resolution in the app: candidates for an existing person's record, staff's
// same/different decisions and their undo (/persons/{id}/links, /person-links/{id}), fuzzy person search
// and family tracing. Coordinators send the break-glass reason they gave for the person.
import { reasonHeaders, request, query, type MatchDraft, type Page, type Person, type PersonMatch } from './api';

export interface PersonLink {
  id: number;
  person_id: number;
  other_id: number;
  decision: 'same' | 'different';
  reason: string;
  created_at: string;
  created_by: string;
  undone_at: string | null;
  undone_by: string | null;
}

export interface TracingMatch {
  match_id: number;
  full_name: string;
  birth_year: number;
}

export const identityApi = {
  // Likely other records of `person` (the person itself and records decided different are left out).
  candidates: (person: Person) => {
    const draft: MatchDraft & { person_id: number } = {
      given_names: person.given_names, paternal_surname: person.paternal_surname,
      maternal_surname: person.maternal_surname, sex: person.sex, birth_date: person.birth_date,
      birth_state: person.birth_state, curp: person.curp, person_id: person.id,
    };
    return request<{ items: PersonMatch[] }>('POST', '/persons/matches', draft).then((body) => body.items);
  },
  links: (personId: number, reason?: string) =>
    request<{ items: PersonLink[] }>('GET', `/persons/${personId}/links`, undefined, { headers: reasonHeaders(reason) })
      .then((body) => body.items),
  decide: (personId: number, otherId: number, decision: 'same' | 'different', why: string, reason?: string) =>
    request<PersonLink>('POST', `/persons/${personId}/links`, { other_id: otherId, decision, reason: why },
      { headers: reasonHeaders(reason) }),
  undo: (linkId: number, reason?: string) =>
    request<PersonLink>('DELETE', `/person-links/${linkId}`, undefined, { headers: reasonHeaders(reason) }),
  searchFuzzy: (q: string, limit: number, offset: number) =>
    request<Page<Person>>('GET', `/persons${query({ q: q.trim(), limit, offset, fuzzy: 'true' })}`),
  trace: (q: string, fuzzy: boolean) =>
    request<{ items: TracingMatch[] }>('GET', `/tracing${query({ q: q.trim(), limit: 20, fuzzy: fuzzy ? 'true' : '' })}`)
      .then((body) => body.items),
};
