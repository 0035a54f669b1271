// Typed calls of the bed board API (/api/v1/sites/{id}/board, /capacity, /stays, /holds, /placements):
// a shelter's live board, the network's free beds, check-in and check-out, holds, and the placement of an
// arriving bus (propose, then confirm as holds).
import { request, type Person, type Page } from './api';
import type { SectionKind, SiteKind } from './catalog';

export interface Occupancy {
  beds: number;
  occupied: number;
  held: number;
  free: number;
  updated_at: string;
}

export interface Stay {
  id: number;
  person_id: number;
  site_id: number;
  section_id: number;
  checked_in_at: string;
  checked_in_by: string;
  expected_checkout: string;
  checked_out_at: string;
  closed_reason: string;
  version: number;
}

export interface BoardStay extends Stay {
  full_name: string;
  overdue: boolean;
}

export interface Hold {
  id: number;
  site_id: number;
  section_id: number;
  beds: number;
  label: string;
  created_at: string;
  created_by: string;
  expires_at: string;
  released_at: string;
  released_reason: string;
}

export interface BoardSection extends Occupancy {
  id: number;
  name: string;
  kind: SectionKind;
  accessible: boolean;
  stays: BoardStay[];
  holds: Hold[];
}

export interface Board {
  site_id: number;
  site_name: string;
  city: string;
  today: string;
  sections: BoardSection[];
}

export interface SiteCapacity extends Occupancy {
  site_id: number;
  site_name: string;
  kind: SiteKind;
  city: string;
  sections: (Occupancy & { id: number; name: string; kind: SectionKind })[];
}

export const NEEDS = ['wheelchair', 'medical', 'pregnancy', 'lgbtq_safety'] as const;
export type Need = (typeof NEEDS)[number];

export interface PlacementGroup {
  id: string;
  label: string;
  adult_men: number;
  adult_women: number;
  children: number;
  unaccompanied_minors: number;
  needs: Need[];
  home_state: string;
}

export interface ProposedGroup {
  group_id: string;
  label: string;
  people: number;
  site_id: number;
  site_name: string;
  section_id: number;
  section_name: string;
  travel_km: number;
  outcome: 'placed' | 'no_suitable_section' | 'no_room';
  reason: string;
}

export interface Proposal {
  groups: ProposedGroup[];
  placed_people: number;
  unplaced_people: number;
  cost: number;
  lower_bound: number;
}

export interface ConfirmItem {
  label: string;
  section_id: number;
  beds: number;
}

export const bedsApi = {
  board: (siteId: number) => request<Board>('GET', `/sites/${siteId}/board`),
  capacity: () => request<{ items: SiteCapacity[] }>('GET', '/capacity').then((body) => body.items),
  checkIn: (input: { person_id: number; section_id: number; expected_checkout: string; hold_id?: number }) =>
    request<Stay>('POST', '/stays', input),
  checkOut: (stayId: number) => request<Stay>('POST', `/stays/${stayId}/checkout`),
  extendStay: (stayId: number, expectedCheckout: string, version: number) =>
    request<Stay>('PUT', `/stays/${stayId}`, { expected_checkout: expectedCheckout, version }),
  hold: (input: { section_id: number; beds: number; label: string; hours?: number }) =>
    request<Hold>('POST', '/holds', input),
  releaseHold: (holdId: number) => request<Hold>('DELETE', `/holds/${holdId}`),
  propose: (arrivalSiteId: number, groups: PlacementGroup[]) =>
    request<Proposal>('POST', '/placements', { arrival_site_id: arrivalSiteId, groups }),
  confirm: (items: ConfirmItem[], hours: number) =>
    request<{ holds: Hold[] }>('POST', '/placements/confirm', { items, hours }).then((body) => body.holds),
  // People the board may check in: the search staff already use.
  findPersons: (q: string) =>
    request<Page<Person>>('GET', `/persons?${new URLSearchParams({ q: q.trim(), limit: '8' })}`).then((body) => body.items),
};
