// Typed calls for legal aid (/api/v1/persons/{id}/legal-screening, /legal-cases, /lawyers, /legal/…), the
// enum values the API accepts, and what each role may do there. Built on api.ts's `request`; the server
// decides every request, the role checks only keep the app from offering what it would refuse.
import { query, reasonHeaders, request, type SessionUser } from './api';

export const SCREENING_ITEMS = [
  'children_in_us', 'custody', 'wages_property', 'immigration_case', 'prior_removals', 'fear_of_return',
  'lost_documents', 'victim', 'consular_help',
] as const;
export type ScreeningItem = (typeof SCREENING_ITEMS)[number];
export type Answer = 'yes' | 'no' | 'unasked';

export const CASE_TYPES = [
  'custody', 'wages_property', 'immigration', 'reentry', 'protection', 'identity_documents', 'victim', 'consular', 'other',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_STATUSES = ['new', 'assigned', 'in_progress', 'referred', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const OUTCOMES = ['resolved', 'unfavourable', 'referred_out', 'withdrawn', 'no_legal_remedy', 'lost_contact'] as const;
export const DOCUMENT_STATUSES = ['needed', 'requested', 'received', 'not_applicable'] as const;
export const CONTACT_CHANNELS = ['none', 'phone', 'whatsapp', 'email', 'through_relative'] as const;

// The statuses a case may move to from `status` (core::CheckTransition).
export function nextStatuses(status: CaseStatus): CaseStatus[] {
  switch (status) {
    case 'new': return ['assigned', 'closed'];
    case 'assigned': return ['in_progress', 'referred', 'closed', 'new'];
    case 'in_progress': return ['referred', 'closed'];
    case 'referred': return ['in_progress', 'closed'];
    case 'closed': return [];
  }
}

// The screening item a case type comes from, for "open a case" buttons.
export function caseTypeFor(item: ScreeningItem): CaseType {
  switch (item) {
    case 'children_in_us':
    case 'custody': return 'custody';
    case 'wages_property': return 'wages_property';
    case 'immigration_case': return 'immigration';
    case 'prior_removals': return 'reentry';
    case 'fear_of_return': return 'protection';
    case 'lost_documents': return 'identity_documents';
    case 'victim': return 'victim';
    case 'consular_help': return 'consular';
  }
}

export interface LegalContact {
  channel: (typeof CONTACT_CHANNELS)[number];
  contact: string;
  consent: boolean;
  best_time: string;
  version: number;
}

export interface LegalCase {
  id: number;
  person_id: number;
  site_id: number;
  type: CaseType;
  status: CaseStatus;
  outcome: string | null;
  screening_item: string | null;
  lawyer_id: number | null;
  summary: string;
  next_action_date: string | null;
  created_at: string;
  version: number;
  full_name?: string;
  lawyer_name?: string | null;
  site_name?: string;
}

export interface Screening {
  person_id: number;
  answers: Record<ScreeningItem, Answer>;
  a_number: string;
  court: string;
  hearing_date: string | null;
  version: number;
  contact: LegalContact;
  cases: LegalCase[];
}

export interface Deadline {
  id: number;
  case_id: number;
  title: string;
  due_date: string;
  met_at: string | null;
  version: number;
  reminder?: 'none' | 'due_in_7_days' | 'due_in_1_day' | 'overdue' | 'met';
  case_type?: CaseType;
  person_id?: number;
  full_name?: string;
  lawyer_name?: string | null;
  site_name?: string;
  timezone?: string;
}

export interface Appointment {
  id: number;
  starts_at: string;
  duration_minutes: number;
  mode: 'in_person' | 'phone' | 'video';
  place: string;
}

export interface LegalDocument {
  id: number;
  item: string;
  status: (typeof DOCUMENT_STATUSES)[number];
  version: number;
}

export interface Suggestion {
  lawyer_id: number;
  name: string;
  organisation: string;
  speaks_language: boolean;
  open_cases: number;
  capacity: number;
  conflict: boolean;
}

export interface CaseDetail extends LegalCase {
  person: { id: number; full_name: string; languages: string[]; site_name: string };
  contact: LegalContact;
  history: { status: CaseStatus; lawyer_id: number | null; outcome: string | null; at: string; by: string }[];
  deadlines: Deadline[];
  appointments: Appointment[];
  documents: LegalDocument[];
  suggestions: Suggestion[];
  can_read_notes: boolean;
}

export interface Note {
  id: number;
  body: string;
  author: string;
  created_at: string;
}

export interface Lawyer {
  id: number;
  name: string;
  organisation: string;
  specialties: CaseType[];
  languages: string[];
  capacity: number;
  open_cases: number;
}

export interface CaseChange {
  version: number;
  status?: CaseStatus;
  lawyer_id?: number | null;
  outcome?: string;
}

export const legalApi = {
  // A coordinator's break-glass reason for the person goes with every call about them, for the audit trail.
  screening: (personId: number, reason?: string) =>
    request<Screening>('GET', `/persons/${personId}/legal-screening`, undefined, { headers: reasonHeaders(reason) }),
  saveScreening: (personId: number, body: { answers: Partial<Record<ScreeningItem, Answer>>; version: number; contact?: Omit<LegalContact, 'version'> & { version: number } }) =>
    request<Screening>('PUT', `/persons/${personId}/legal-screening`, body),
  openCase: (personId: number, item: ScreeningItem) =>
    request<LegalCase>('POST', '/legal-cases', { person_id: personId, screening_item: item }),
  listCases: (status: string) =>
    request<{ items: LegalCase[] }>('GET', `/legal-cases${query({ status: status || undefined })}`).then((body) => body.items),
  getCase: (id: number) => request<CaseDetail>('GET', `/legal-cases/${id}`),
  updateCase: (id: number, change: CaseChange) => request<LegalCase>('PUT', `/legal-cases/${id}`, change),
  addDeadline: (id: number, title: string, dueDate: string) =>
    request<Deadline>('POST', `/legal-cases/${id}/deadlines`, { title, due_date: dueDate }),
  setDeadlineMet: (id: number, deadline: Deadline, met: boolean) =>
    request<Deadline>('PUT', `/legal-cases/${id}/deadlines/${deadline.id}`, { met, version: deadline.version }),
  notes: (id: number) => request<{ items: Note[] }>('GET', `/legal-cases/${id}/notes`).then((body) => body.items),
  addNote: (id: number, body: string) => request<Note>('POST', `/legal-cases/${id}/notes`, { body }),
  setDocumentStatus: (id: number, document: LegalDocument, status: string) =>
    request<LegalDocument>('PUT', `/legal-cases/${id}/documents/${document.id}`, { status, version: document.version }),
  overdue: () => request<{ overdue: Deadline[]; due_soon: Deadline[] }>('GET', '/legal/overdue'),
};

// Screening at intake: registrars, shelter staff and coordinators.
export function canScreen(user: SessionUser): boolean {
  return ['coordinator', 'registrar', 'shelter_staff'].includes(user.role);
}
// The case list: those who screen, and lawyers (their cases).
export function canSeeCases(user: SessionUser): boolean {
  return canScreen(user) || user.role === 'lawyer';
}
// Status, deadlines, documents: the assigned lawyer and coordinators.
export function canWorkCases(user: SessionUser): boolean {
  return user.role === 'coordinator' || user.role === 'lawyer';
}
// Assignment and the overdue list: coordinators, acting as legal coordinators.
export function canAssignCases(user: SessionUser): boolean {
  return user.role === 'coordinator';
}
