// Typed calls of the reception flow (/persons/{id}/services, /sites/{id}/batches, /sites/{id}/batch),
// the dashboard (/dashboard) and the export links (/exports/...). Counts the server hides as small cells
// ("<5") arrive as null.
import { reasonHeaders, request, query } from './api';

export const SERVICE_ITEMS = [
  'repatriation_letter', 'food_kit', 'phone_call', 'medical_care', 'psychological_care', 'curp_birth_certificate',
  'imss', 'bienestar_card', 'social_programmes_jobs', 'legal_orientation', 'transport_home',
] as const;
export type ServiceItem = (typeof SERVICE_ITEMS)[number];
export type ServiceStatus = 'pending' | 'offered' | 'accepted' | 'declined' | 'done';

// The moves the server allows from each status (core/reception.h).
export const NEXT_STATUS: Record<ServiceStatus, ServiceStatus[]> = {
  pending: ['offered', 'accepted', 'declined', 'done'],
  offered: ['accepted', 'declined', 'done'],
  accepted: ['done', 'declined'],
  declined: ['offered', 'accepted'],
  done: [],
};

export interface TransportHome {
  state: string;
  municipality: string;
  bus: string;
  departure_at: string;
}

export interface ServiceRecord {
  item: ServiceItem;
  status: ServiceStatus;
  site_id: number;
  updated_at: string;
  updated_by: string;
  version: number;
  transport?: TransportHome;
}

export interface Checklist {
  person_id: number;
  site_id: number;
  site_name: string;
  items: (ServiceRecord & { offered_here: boolean })[];
}

export interface BatchSummary {
  batch_id: string;
  first_arrival: string;
  persons: number;
}

export interface Batch {
  site_id: number;
  site_name: string;
  date: string;
  batch_id: string;
  persons: { person_id: number; full_name: string; records: ServiceRecord[]; still_needed: ServiceItem[] }[];
  desks: { item: ServiceItem; waiting: number; done: number; declined: number; pending: number }[];
}

export type Count = number | null;

export interface Dashboard {
  days: string[];
  suppressed: boolean;
  total_arrivals: Count;
  per_day: Count[];
  by_sex: Record<string, Count>;
  by_age: Record<string, Count>;
  sites: { site_id: number; site_name: string; city: string; kind: string; total: Count; per_day: Count[] }[];
  arrived_today: Count;
  in_shelters_now: Count;
  occupancy: { site_id: number; site_name: string; city: string; beds: number; occupied: Count; held: Count }[];
  services: { item: ServiceItem; offered: Count; accepted: Count; declined: Count; done: Count }[];
  transport_home: { state: string; count: Count }[];
}

export const receptionApi = {
  checklist: (personId: number, reason?: string, siteId?: number) =>
    request<Checklist>('GET', `/persons/${personId}/services${query({ site_id: siteId })}`, undefined,
      { headers: reasonHeaders(reason) }),
  update: (personId: number, input: { site_id: number; item: ServiceItem; status: ServiceStatus; version: number;
    transport?: Partial<TransportHome> }, reason?: string) =>
    request<ServiceRecord>('POST', `/persons/${personId}/services`, input, { headers: reasonHeaders(reason) }),
  batches: (siteId: number, date: string) =>
    request<{ items: BatchSummary[] }>('GET', `/sites/${siteId}/batches${query({ date })}`).then((body) => body.items),
  batch: (siteId: number, date: string, batchId: string) =>
    request<Batch>('GET', `/sites/${siteId}/batch?${new URLSearchParams({ date, batch_id: batchId })}`),
  dashboard: (days: number) => request<Dashboard>('GET', `/dashboard${query({ days })}`),
  worklistUrl: (siteId: number, date: string) => `/api/v1/exports/worklist.csv${query({ site_id: siteId, date })}`,
  hxlUrl: (days: number) => `/api/v1/exports/arrivals-hxl.csv${query({ days })}`,
};
