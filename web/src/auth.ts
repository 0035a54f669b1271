// Who is logged in and what their role may do. The server decides every request; these checks only keep
// the app from offering what it would refuse (navigation, buttons, the intake site list).
//
// Roles: administrator (accounts and audit, no persons), coordinator (every site), registrar and
// shelter_staff (their own sites, user.site_ids), lawyer and analyst (nothing in this version beyond the
// session and the site list).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SessionUser, Site } from './api';

export interface Session {
  user: SessionUser;
  // Ends the session on the server and shows the login page.
  logout: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

// The logged-in user; only pages shown after login call it.
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a logged-in app');
  return session;
}

const SITE_BOUND = ['registrar', 'shelter_staff'] as const;

// True for roles that work only at the sites in user.site_ids.
export function isSiteBound(role: string): boolean {
  return (SITE_BOUND as readonly string[]).includes(role);
}

// Search, profiles and intake.
export function canUsePersons(user: SessionUser): boolean {
  return user.role === 'coordinator' || isSiteBound(user.role);
}

// Coordinators see every site's people but say why each time they open a record.
export function needsAccessReason(user: SessionUser): boolean {
  return user.role === 'coordinator';
}

export function canManageSites(user: SessionUser): boolean {
  return user.role === 'administrator' || user.role === 'coordinator';
}

// Bed sections: whoever manages sites, and the shelter staff of that site.
export function canManageSections(user: SessionUser, siteId: number): boolean {
  return canManageSites(user) || (user.role === 'shelter_staff' && user.site_ids.includes(siteId));
}

// A site's arrivals name people: coordinators, and registrars and shelter staff of that site.
export function canSeeArrivals(user: SessionUser, siteId: number): boolean {
  return user.role === 'coordinator' || (isSiteBound(user.role) && user.site_ids.includes(siteId));
}

// A site's bed board names people: coordinators, and registrars and shelter staff of that site.
export function canManageBeds(user: SessionUser, siteId: number): boolean {
  return canSeeArrivals(user, siteId);
}

// Proposing and confirming beds for an arriving bus, at any shelter: coordinators and registrars.
export function canPlaceGroups(user: SessionUser): boolean {
  return user.role === 'coordinator' || user.role === 'registrar';
}

// The network dashboard (counts; analysts see small cells hidden).
export function canSeeDashboard(user: SessionUser): boolean {
  return user.role === 'coordinator' || user.role === 'analyst';
}

export function canAdminister(user: SessionUser): boolean {
  return user.role === 'administrator';
}

// The sites a user may register arrivals at.
export function intakeSites(user: SessionUser, sites: readonly Site[]): Site[] {
  if (user.role === 'coordinator') return [...sites];
  if (isSiteBound(user.role)) return sites.filter((site) => user.site_ids.includes(site.id));
  return [];
}

// Break-glass reasons a coordinator gave, by person id: asked once per person and kept only in memory for
// the life of the page (a reload asks again). Forgotten at logout and when someone else logs in.
const accessReasons = new Map<number, string>();

export function accessReasonFor(personId: number): string | undefined {
  return accessReasons.get(personId);
}

export function rememberAccessReason(personId: number, reason: string): void {
  accessReasons.set(personId, reason);
}

export function forgetAccessReasons(): void {
  accessReasons.clear();
}
