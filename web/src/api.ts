// Typed client for the Acogida HTTP API (/api/v1, same origin). Every call resolves with the decoded body
// or rejects with an ApiError carrying the server's {code, message, field}; a network failure rejects with
// an ApiError whose status is 0 and code "Unavailable".
import type { ArrivalMode, Relationship, SectionKind, Sex, SiteKind } from './catalog';

const BASE = '/api/v1';

export interface Health {
  status: string;
  version: string;
}

export interface Site {
  id: number;
  name: string;
  kind: SiteKind;
  operator: string;
  city: string;
  state: string;
  timezone: string;
  latitude: number | null;
  longitude: number | null;
  demo: boolean;
  version: number;
  beds: number;
}

export type SiteInput = Omit<Site, 'id' | 'version' | 'demo' | 'beds'>;

export interface Section {
  id: number;
  site_id: number;
  name: string;
  kind: SectionKind;
  beds: number;
  version: number;
}

export type SectionInput = Pick<Section, 'name' | 'kind' | 'beds'>;

export interface SiteDetail extends Site {
  sections: Section[];
}

export interface Arrival {
  id: number;
  site_id: number;
  site_name: string;
  arrived_at: string;
  mode: ArrivalMode;
  batch_id: string;
}

// The API spells an unrecorded sex as "" (the UI's 'unknown').
export type WireSex = Exclude<Sex, 'unknown'> | '';

export interface Person {
  id: number;
  household_id: number;
  given_names: string;
  paternal_surname: string;
  maternal_surname: string;
  full_name: string;
  sex: WireSex;
  birth_date: string;
  birth_state: string;
  birth_municipality: string;
  curp: string;
  languages: string[];
  phone: string;
  relationship: Relationship;
  version: number;
  created_at: string;
  arrivals?: Arrival[];
}

export type MemberInput = Pick<
  Person,
  | 'given_names' | 'paternal_surname' | 'maternal_surname' | 'sex' | 'birth_date' | 'birth_state'
  | 'birth_municipality' | 'curp' | 'languages' | 'phone' | 'relationship'
>;

export interface HouseholdInput {
  site_id: number;
  arrived_at?: string;
  mode: ArrivalMode;
  batch_id: string;
  members: MemberInput[];
}

export interface Household {
  id: number;
  site_id: number;
  created_at: string;
  members: Person[];
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface SiteArrival {
  id: number;
  person_id: number;
  household_id: number;
  full_name: string;
  arrived_at: string;
  mode: ArrivalMode;
  batch_id: string;
}

export interface SiteArrivals {
  site_id: number;
  date: string;
  timezone: string;
  items: SiteArrival[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers: body === undefined ? { Accept: 'application/json' } : {
        Accept: 'application/json',
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'Unavailable', cause instanceof Error ? cause.message : String(cause));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let decoded: unknown = undefined;
  if (text) {
    try {
      decoded = JSON.parse(text);
    } catch {
      decoded = undefined;
    }
  }
  if (!response.ok) {
    const error = (decoded as { error?: { code?: string; message?: string; field?: string } } | undefined)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP ${response.status}`,
      error?.message ?? (text.slice(0, 200) || response.statusText),
      error?.field || undefined,
    );
  }
  if (decoded === undefined) {
    throw new ApiError(response.status, 'Internal', 'The server answered with something that is not JSON.');
  }
  return decoded as T;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  health: () => request<Health>('GET', '/health'),

  listSites: () => request<{ items: Site[] }>('GET', '/sites').then((body) => body.items),
  getSite: (id: number) => request<SiteDetail>('GET', `/sites/${id}`),
  createSite: (input: SiteInput) => request<Site>('POST', '/sites', input),
  updateSite: (id: number, input: SiteInput & { version: number }) =>
    request<Site>('PUT', `/sites/${id}`, { id, ...input }),
  deleteSite: (id: number) => request<void>('DELETE', `/sites/${id}`),
  siteArrivals: (id: number, date: string) =>
    request<SiteArrivals>('GET', `/sites/${id}/arrivals${query({ date })}`),

  createSection: (siteId: number, input: SectionInput) =>
    request<Section>('POST', `/sites/${siteId}/sections`, input),
  updateSection: (id: number, input: SectionInput & { version: number }) =>
    request<Section>('PUT', `/sections/${id}`, input),
  deleteSection: (id: number) => request<void>('DELETE', `/sections/${id}`),

  createHousehold: (input: HouseholdInput) => request<Household>('POST', '/households', input),
  getHousehold: (id: number) => request<Household>('GET', `/households/${id}`),

  getPerson: (id: number) => request<Person>('GET', `/persons/${id}`),
  searchPersons: (q: string, limit: number, offset: number) =>
    request<Page<Person>>('GET', `/persons${query({ q: q.trim(), limit, offset })}`),
};
