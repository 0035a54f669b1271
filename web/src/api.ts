// Typed client for the Acogida HTTP API (/api/v1, same origin). Every call resolves with the decoded body
// or rejects with an ApiError carrying the server's {code, message, field}; a network failure rejects with
// an ApiError whose status is 0 and code "Unavailable".
//
// The session lives in an HttpOnly cookie the browser sends by itself; this module keeps the CSRF token
// from login/session and sends it on every POST, PUT and DELETE. A 401 from any call that is not about
// logging in is reported to the listener set with onUnauthenticated (the app then shows the login page).
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
  publish_capacity: boolean;
  services_offered: string[];  // checklist items (reception_api.ts SERVICE_ITEMS); every one when none was chosen
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
  accessible: boolean;
  version: number;
}

export type SectionInput = Pick<Section, 'name' | 'kind' | 'beds' | 'accessible'>;

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
  notes?: string;
  consents?: Consents;  // on a single person's record only
}

// What the person agreed to; each consent is separate and can be withdrawn later.
export interface Consents {
  services: boolean;        // to be registered and receive services (required at intake)
  family_tracing: boolean;  // to be found by relatives searching through the network
  share_with: string[];     // partner organisations the record may be shared with
}

export type MemberInput = Pick<
  Person,
  | 'given_names' | 'paternal_surname' | 'maternal_surname' | 'sex' | 'birth_date' | 'birth_state'
  | 'birth_municipality' | 'curp' | 'languages' | 'phone' | 'relationship'
> & { consents: Consents; notes: string };

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

// What the registrar has typed so far, sent to /persons/matches to find likely earlier records.
export type MatchDraft = Pick<
  Person, 'given_names' | 'paternal_surname' | 'maternal_surname' | 'sex' | 'birth_date' | 'birth_state' | 'curp'
>;

// One field's evidence for (+) or against (−) a candidate, in bits. The weight is null when the field
// rules the pair out (an infinite weight does not survive JSON).
export interface MatchReason {
  field: string;
  level: string;
  weight: number | null;
}

// A likely earlier record. One at a site the caller may not read is not visible: no id, name or birth date.
export interface PersonMatch {
  visible: boolean;
  person_id: number | null;
  probability: number;
  full_name: string | null;
  birth_date: string | null;
  site_name: string;
  registered_at: string;
  explanation: MatchReason[];
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

export const ROLES = ['administrator', 'coordinator', 'registrar', 'shelter_staff', 'lawyer', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

// The logged-in user, as /auth/login and /auth/session return it.
export interface SessionUser {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  site_ids: number[];
}

export interface SessionInfo {
  user: SessionUser;
  csrf_token: string;
}

export interface Account extends SessionUser {
  disabled: boolean;
  version: number;
  created_at: string;
}

export interface AccountInput {
  username: string;
  display_name: string;
  role: Role;
  site_ids: number[];
  password: string;
}

export interface AccountUpdate {
  display_name: string;
  role: Role;
  site_ids: number[];
  disabled: boolean;
  version: number;
}

export const AUDIT_ACTIONS = ['read', 'search', 'create', 'update', 'delete', 'login', 'login_failed', 'logout'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_RECORD_TYPES = ['person', 'household', 'site', 'section', 'user', 'session'] as const;
export type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

export interface AuditEntry {
  id: number;
  at: string;
  username: string;
  role: string;
  action: string;
  record_type: string;
  record_id: number;
  fields: string[];
  remote_address: string;
  reason: string;
}

// Empty strings mean "any".
export interface AuditFilters {
  username: string;
  action: string;
  record_type: string;
  record_id: string;
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  first_bad_id?: number;
}

export interface Alert {
  at: string;
  username: string;
  kind: string;
  detail: string;
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

let csrfToken: string | null = null;
let unauthenticatedListener: (() => void) | null = null;

// Set from login and session answers; cleared at logout.
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

// Called once per 401 from a call that expected a session (an expired or ended session).
export function onUnauthenticated(listener: (() => void) | null): void {
  unauthenticatedListener = listener;
}

interface RequestOptions {
  headers?: Record<string, string>;
  // For the calls where 401 is an ordinary answer (wrong password, not logged in yet).
  expect401?: boolean;
  // Cancels the call (a newer one replaces it); it then rejects with an ApiError whose code is "Aborted".
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  // The server takes only JSON on POST and PUT, even when there is no body (logout).
  if (body !== undefined || method === 'POST' || method === 'PUT') headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw new ApiError(0, 'Aborted', 'The request was cancelled.');
    throw new ApiError(0, 'Unavailable', cause instanceof Error ? cause.message : String(cause));
  }
  if (response.status === 401 && !options.expect401) unauthenticatedListener?.();
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

// The header a coordinator sends to open a person's or household's record (break-glass). The reason is
// percent-encoded so accents survive the trip through an HTTP header; the server decodes it.
export function reasonHeaders(reason?: string): Record<string, string> | undefined {
  return reason ? { 'X-Access-Reason': encodeURIComponent(reason) } : undefined;
}

// True for the 403 a coordinator gets when opening a record without saying why.
export function needsReason(error: ApiError): boolean {
  return error.status === 403 && error.field === 'reason';
}

export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  health: () => request<Health>('GET', '/health'),

  login: (username: string, password: string) =>
    request<SessionInfo>('POST', '/auth/login', { username, password }, { expect401: true }),
  session: () => request<SessionInfo>('GET', '/auth/session', undefined, { expect401: true }),
  logout: () => request<void>('POST', '/auth/logout', undefined, { expect401: true }),
  // 401 means "the current password is wrong" here, unless the session itself has ended: then the
  // session check below reports it like any other 401.
  changePassword: async (currentPassword: string, newPassword: string) => {
    try {
      await request<void>('POST', '/auth/password', { current_password: currentPassword, new_password: newPassword }, {
        expect401: true,
      });
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 401) await request<SessionInfo>('GET', '/auth/session');
      throw cause;
    }
  },

  listUsers: () => request<{ items: Account[] }>('GET', '/users').then((body) => body.items),
  createUser: (input: AccountInput) => request<Account>('POST', '/users', input),
  updateUser: (id: number, input: AccountUpdate) => request<Account>('PUT', `/users/${id}`, input),

  audit: (filters: AuditFilters, limit: number, offset: number) =>
    request<Page<AuditEntry>>('GET', `/audit${query({
      username: filters.username.trim(), action: filters.action, record_type: filters.record_type,
      record_id: filters.record_id.trim(), limit, offset,
    })}`),
  verifyAudit: () => request<AuditVerification>('GET', '/audit/verify'),
  alerts: () => request<{ items: Alert[] }>('GET', '/alerts').then((body) => body.items),

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
  getHousehold: (id: number, reason?: string) =>
    request<Household>('GET', `/households/${id}`, undefined, { headers: reasonHeaders(reason) }),

  getPerson: (id: number, reason?: string) =>
    request<Person>('GET', `/persons/${id}`, undefined, { headers: reasonHeaders(reason) }),
  updateConsents: (id: number, consents: Consents, reason?: string) =>
    request<Consents>('PUT', `/persons/${id}/consents`, consents, { headers: reasonHeaders(reason) }),
  // Likely earlier records of the person being registered; never merges anything.
  matchPersons: (draft: MatchDraft, signal?: AbortSignal) =>
    request<{ items: PersonMatch[] }>('POST', '/persons/matches', draft, { signal }).then((body) => body.items),
  searchPersons: (q: string, limit: number, offset: number) =>
    request<Page<Person>>('GET', `/persons${query({ q: q.trim(), limit, offset })}`),
};
