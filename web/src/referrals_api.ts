// Typed calls of the referral directory and referrals: organisations (/organisations, HSDS import and
// export at /organisations/hsds), a person's referrals (/persons/{id}/referrals) and the inbox of the
// organisations the user belongs to (/referrals).
import { reasonHeaders, request } from './api';

export interface Organisation {
  id: number;
  hsds_id: string;
  name: string;
  description: string;
  services: string[];
  city: string;
  state: string;
  hours: string;
  phone: string;
  email: string;
  url: string;
  languages: string[];
  accepts_referrals: boolean;
  version: number;
}

export type ReferralStatus = 'sent' | 'accepted' | 'declined' | 'done';

// The moves the server allows (core/referral.h).
export const NEXT_REFERRAL_STATUS: Record<ReferralStatus, ReferralStatus[]> = {
  sent: ['accepted', 'declined'],
  accepted: ['done', 'declined'],
  declined: [],
  done: [],
};

export interface Referral {
  id: number;
  person_id: number;
  person_name: string;
  organisation_id: number;
  organisation_name: string;
  service: string;
  note: string;
  status: ReferralStatus;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  version: number;
}

export const referralsApi = {
  directory: () => request<{ items: Organisation[] }>('GET', '/organisations').then((body) => body.items),
  createOrganisation: (input: Partial<Organisation>) => request<Organisation>('POST', '/organisations', input),
  importHsds: (hsds: unknown) => request<{ created: number; updated: number }>('POST', '/organisations/hsds', hsds),
  hsdsUrl: '/api/v1/organisations/hsds',
  ofPerson: (personId: number, reason?: string) =>
    request<{ items: Referral[] }>('GET', `/persons/${personId}/referrals`, undefined, { headers: reasonHeaders(reason) })
      .then((body) => body.items),
  refer: (personId: number, input: { organisation_id: number; service: string; note: string }, reason?: string) =>
    request<Referral>('POST', `/persons/${personId}/referrals`, input, { headers: reasonHeaders(reason) }),
  inbox: () => request<{ items: Referral[] }>('GET', '/referrals').then((body) => body.items),
  move: (referralId: number, status: ReferralStatus, version: number) =>
    request<Referral>('PUT', `/referrals/${referralId}`, { status, version }),
};
