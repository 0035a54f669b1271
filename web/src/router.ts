// A tiny hash router. Routes are typed values: `parseHash` turns "#/personas/12" into {name:'person', id:12}
// and `href` turns a route back into a hash, so links are checked by the compiler. Unknown hashes parse
// to {name:'notFound'}; an empty hash is 'home', which the app resolves to the first page the user's
// role can use (the persons search for the people who register and look after people).
import { useEffect, useState } from 'preact/hooks';
import type { AuditFilters } from './api';

export const NO_AUDIT_FILTERS: AuditFilters = { username: '', action: '', record_type: '', record_id: '' };

export type Route =
  | { name: 'home' }
  | { name: 'persons'; q: string; offset: number }
  | { name: 'person'; id: number }
  | { name: 'intake' }
  | { name: 'sites' }
  | { name: 'siteNew' }
  | { name: 'site'; id: number }
  | { name: 'siteEdit'; id: number }
  | { name: 'board'; id: number }
  | { name: 'network' }
  | { name: 'placement' }
  | { name: 'tracing' }
  | { name: 'batches'; id: number; date: string; batch: string | null }
  | { name: 'dashboard' }
  | { name: 'directory' }
  | { name: 'referralsInbox' }
  | { name: 'legalCases' }
  | { name: 'legalCase'; id: number }
  | { name: 'legalAgenda' }
  | { name: 'legalOverdue' }
  | { name: 'simulation' }
  | { name: 'account' }
  | { name: 'users' }
  | { name: 'audit'; filters: AuditFilters; offset: number }
  | { name: 'notFound' };

function parseId(text: string | undefined): number | null {
  if (!text || !/^\d+$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  const segments = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(queryPart);
  const [first, second, third] = segments;

  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);
  if (segments.length === 0) return { name: 'home' };
  if (first === 'personas') {
    if (segments.length === 1) {
      return { name: 'persons', q: params.get('q') ?? '', offset };
    }
    const id = parseId(second);
    if (id !== null && segments.length === 2) return { name: 'person', id };
  }
  if (first === 'registro' && segments.length === 1) return { name: 'intake' };
  if (first === 'sitios') {
    if (segments.length === 1) return { name: 'sites' };
    if (second === 'nuevo' && segments.length === 2) return { name: 'siteNew' };
    const id = parseId(second);
    if (id !== null && segments.length === 2) return { name: 'site', id };
    if (id !== null && third === 'editar' && segments.length === 3) return { name: 'siteEdit', id };
    if (id !== null && third === 'camas' && segments.length === 3) return { name: 'board', id };
    if (id !== null && third === 'grupos' && segments.length === 3) {
      return { name: 'batches', id, date: params.get('fecha') ?? '', batch: params.get('lote') };
    }
  }
  if (first === 'camas' && segments.length === 1) return { name: 'network' };
  if (first === 'colocar' && segments.length === 1) return { name: 'placement' };
  if (first === 'busqueda-familiar' && segments.length === 1) return { name: 'tracing' };
  if (first === 'tablero' && segments.length === 1) return { name: 'dashboard' };
  if (first === 'directorio' && segments.length === 1) return { name: 'directory' };
  if (first === 'referencias' && segments.length === 1) return { name: 'referralsInbox' };
  if (first === 'juridico') {
    if (segments.length === 1) return { name: 'legalCases' };
    if (second === 'vencidos' && segments.length === 2) return { name: 'legalOverdue' };
    if (second === 'agenda' && segments.length === 2) return { name: 'legalAgenda' };
    const caseId = parseId(third);
    if (second === 'casos' && caseId !== null && segments.length === 3) return { name: 'legalCase', id: caseId };
  }
  if (first === 'simulacion' && segments.length === 1) return { name: 'simulation' };
  if (first === 'cuenta' && segments.length === 1) return { name: 'account' };
  if (first === 'usuarios' && segments.length === 1) return { name: 'users' };
  if (first === 'auditoria' && segments.length === 1) {
    const filters: AuditFilters = {
      username: params.get('usuario') ?? '',
      action: params.get('accion') ?? '',
      record_type: params.get('tipo') ?? '',
      record_id: params.get('registro') ?? '',
    };
    return { name: 'audit', filters, offset };
  }
  return { name: 'notFound' };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'persons': {
      const params = new URLSearchParams();
      if (route.q) params.set('q', route.q);
      if (route.offset > 0) params.set('offset', String(route.offset));
      const text = params.toString();
      return text ? `#/personas?${text}` : '#/personas';
    }
    case 'person':
      return `#/personas/${route.id}`;
    case 'intake':
      return '#/registro';
    case 'sites':
      return '#/sitios';
    case 'siteNew':
      return '#/sitios/nuevo';
    case 'site':
      return `#/sitios/${route.id}`;
    case 'siteEdit':
      return `#/sitios/${route.id}/editar`;
    case 'board':
      return `#/sitios/${route.id}/camas`;
    case 'network':
      return '#/camas';
    case 'placement':
      return '#/colocar';
    case 'tracing':
      return '#/busqueda-familiar';
    case 'batches': {
      const params = new URLSearchParams();
      if (route.date) params.set('fecha', route.date);
      if (route.batch !== null) params.set('lote', route.batch);
      const text = params.toString();
      return `#/sitios/${route.id}/grupos${text ? `?${text}` : ''}`;
    }
    case 'dashboard':
      return '#/tablero';
    case 'directory':
      return '#/directorio';
    case 'referralsInbox':
      return '#/referencias';
    case 'legalCases':
      return '#/juridico';
    case 'legalAgenda':
      return '#/juridico/agenda';
    case 'legalCase':
      return `#/juridico/casos/${route.id}`;
    case 'legalOverdue':
      return '#/juridico/vencidos';
    case 'simulation':
      return '#/simulacion';
    case 'account':
      return '#/cuenta';
    case 'users':
      return '#/usuarios';
    case 'audit': {
      const params = new URLSearchParams();
      if (route.filters.username) params.set('usuario', route.filters.username);
      if (route.filters.action) params.set('accion', route.filters.action);
      if (route.filters.record_type) params.set('tipo', route.filters.record_type);
      if (route.filters.record_id) params.set('registro', route.filters.record_id);
      if (route.offset > 0) params.set('offset', String(route.offset));
      const text = params.toString();
      return text ? `#/auditoria?${text}` : '#/auditoria';
    }
    case 'notFound':
      return '#/';
  }
}

// Goes to `route`. With replace, the current history entry is overwritten (used while typing a search).
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const target = href(route);
  if (options.replace) {
    history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = target;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
