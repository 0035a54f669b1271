// The app's words. `es` is the reference dictionary; every other language is typed as `Messages`, so a
// missing or misspelt key fails `tsc`. To add a language: add its dictionary, then list it in LOCALES.
// Placeholders are written {name} and filled by `t(key, { name })`.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

const es = {
  'app.name': 'Acogida',
  'app.tagline': 'Recepción y albergues',
  'a11y.skip': 'Saltar al contenido',
  'nav.label': 'Secciones de la aplicación',
  'nav.persons': 'Personas',
  'nav.intake': 'Registro',
  'nav.sites': 'Sitios',
  'lang.label': 'Idioma',
  'footer.server': 'Servidor {version}',
  'footer.offline': 'Sin conexión con el servidor',

  'common.loading': 'Cargando…',
  'common.retry': 'Reintentar',
  'common.save': 'Guardar',
  'common.saving': 'Guardando…',
  'common.cancel': 'Cancelar',
  'common.edit': 'Editar',
  'common.delete': 'Eliminar',
  'common.empty': 'Sin dato',
  'common.optional': 'opcional',
  'common.choose': 'Elija…',
  'common.actions': 'Acciones',

  'error.network': 'No hay conexión con el servidor. Revise la red e intente de nuevo.',
  'error.server': 'El servidor respondió con un error ({code}): {message}',
  'error.field': 'Revise el campo marcado: {message}',
  'error.conflict': 'Otra persona modificó este registro mientras usted lo editaba. Cargue la versión actual y vuelva a aplicar sus cambios.',
  'error.reloadLatest': 'Cargar la versión actual',

  'notFound.title': 'Página no encontrada',
  'notFound.body': 'La dirección no corresponde a ninguna página de Acogida.',
  'notFound.back': 'Ir a Personas',

  'persons.title': 'Personas',
  'persons.searchLabel': 'Buscar por nombre',
  'persons.searchHint': 'Escriba partes del nombre y los apellidos, con o sin acentos.',
  'persons.searchButton': 'Buscar',
  'persons.results': 'Resultados',
  'persons.colName': 'Nombre',
  'persons.colBirthDate': 'Nacimiento',
  'persons.colCurp': 'CURP',
  'persons.colHousehold': 'Hogar',
  'persons.colCreated': 'Registro',
  'persons.summary': '{from}–{to} de {total}',
  'persons.previous': 'Anterior',
  'persons.next': 'Siguiente',
  'persons.pagination': 'Paginación de resultados',
  'persons.none': 'Ninguna persona coincide con «{q}».',
  'persons.noneAll': 'Todavía no hay personas registradas.',
  'persons.household': 'Hogar {id}',

  'person.title': 'Persona',
  'person.details': 'Datos personales',
  'person.givenNames': 'Nombre(s)',
  'person.paternalSurname': 'Primer apellido',
  'person.maternalSurname': 'Segundo apellido',
  'person.sex': 'Sexo',
  'person.birthDate': 'Fecha de nacimiento',
  'person.birthState': 'Estado de nacimiento',
  'person.birthMunicipality': 'Municipio de nacimiento (clave INEGI)',
  'person.curp': 'CURP',
  'person.languages': 'Lenguas',
  'person.phone': 'Teléfono',
  'person.relationship': 'Parentesco con la jefa o el jefe del hogar',
  'person.created': 'Registrada el',
  'person.version': 'Versión del registro',
  'person.household': 'Hogar {id}',
  'person.householdMembers': 'Integrantes del hogar',
  'person.thisPerson': 'esta persona',
  'person.arrivals': 'Llegadas',
  'person.noArrivals': 'Sin llegadas registradas.',
  'person.backToSearch': 'Volver a la búsqueda',

  'arrival.site': 'Sitio',
  'arrival.time': 'Fecha y hora',
  'arrival.mode': 'Medio',
  'arrival.batch': 'Grupo',
  'arrival.person': 'Persona',

  'sex.F': 'Mujer',
  'sex.M': 'Hombre',
  'sex.X': 'No binario (X)',
  'sex.unknown': 'Sin dato',

  'relationship.head': 'Jefa o jefe del hogar',
  'relationship.spouse': 'Cónyuge o pareja',
  'relationship.child': 'Hija o hijo',
  'relationship.parent': 'Madre o padre',
  'relationship.sibling': 'Hermana o hermano',
  'relationship.grandchild': 'Nieta o nieto',
  'relationship.other_relative': 'Otro familiar',
  'relationship.non_relative': 'Sin parentesco',

  'mode.land_port': 'Garita terrestre',
  'mode.flight': 'Vuelo',
  'mode.bus': 'Autobús',
  'mode.other': 'Otro',

  'siteKind.reception_centre': 'Centro de recepción',
  'siteKind.shelter': 'Albergue',

  'sectionKind.men': 'Hombres',
  'sectionKind.women': 'Mujeres',
  'sectionKind.families': 'Familias',
  'sectionKind.unaccompanied_minors': 'Menores no acompañados',
  'sectionKind.lgbtq': 'LGBTQ+',
  'sectionKind.medical': 'Atención médica',

  'language.spa': 'Español',
  'language.nah': 'Náhuatl',
  'language.mix': 'Mixteco',
  'language.zap': 'Zapoteco',
  'language.tzo': 'Tsotsil',
  'language.tzh': 'Tseltal',
  'language.yua': 'Maya',
  'language.oto': 'Otomí',
  'language.tsz': 'Purépecha',
  'language.eng': 'Inglés',

  'sites.title': 'Sitios',
  'sites.new': 'Nuevo sitio',
  'sites.colName': 'Nombre',
  'sites.colKind': 'Tipo',
  'sites.colCity': 'Ciudad',
  'sites.colState': 'Estado',
  'sites.colBeds': 'Camas',
  'sites.none': 'Todavía no hay sitios. Cree el primero.',
  'sites.total': '{count} sitios · {beds} camas en total',

  'site.name': 'Nombre',
  'site.kind': 'Tipo de sitio',
  'site.operator': 'Organización que lo opera',
  'site.city': 'Ciudad',
  'site.state': 'Estado',
  'site.timezone': 'Zona horaria',
  'site.latitude': 'Latitud',
  'site.longitude': 'Longitud',
  'site.coordinatesHint': 'Grados decimales, por ejemplo 32.5149 y -117.0382.',
  'site.coordinates': 'Coordenadas',
  'site.coordinateInvalid': 'Escriba un número en grados decimales, por ejemplo 32.5149.',
  'site.beds': 'Camas',
  'site.demo': 'Demo',
  'site.demoTitle': 'Datos de demostración, no son personas ni sitios reales',
  'site.edit': 'Editar sitio',
  'site.delete': 'Eliminar sitio',
  'site.confirmDelete': '¿Eliminar el sitio «{name}»? No se puede deshacer.',
  'site.newTitle': 'Nuevo sitio',
  'site.editTitle': 'Editar «{name}»',
  'site.create': 'Crear sitio',
  'site.backToList': 'Volver a Sitios',
  'site.backToSite': 'Volver al sitio',
  'site.sections': 'Secciones',
  'site.noSections': 'Este sitio todavía no tiene secciones.',
  'site.addSection': 'Agregar sección',
  'site.arrivalsToday': 'Llegadas de hoy',
  'site.arrivalsDate': 'Fecha local del sitio: {date}',
  'site.arrivalsNone': 'Hoy no se han registrado llegadas.',
  'site.arrivalsCount': '{count} personas',
  'site.arrivalsShowAll': 'Mostrar las {count}',

  'section.name': 'Nombre de la sección',
  'section.kind': 'Tipo',
  'section.beds': 'Camas',
  'section.confirmDelete': '¿Eliminar la sección «{name}»?',
  'section.editLabel': 'Editar la sección {name}',
  'section.deleteLabel': 'Eliminar la sección {name}',

  'intake.title': 'Registro de llegada',
  'intake.arrival': 'Llegada',
  'intake.site': 'Sitio que recibe',
  'intake.siteGroupReception': 'Centros de recepción',
  'intake.siteGroupShelter': 'Albergues',
  'intake.noSites': 'No hay sitios. Cree uno en «Sitios» antes de registrar.',
  'intake.mode': 'Medio de llegada',
  'intake.batch': 'Número de autobús o vuelo',
  'intake.batchHint': 'El mismo para todo el grupo, por ejemplo «Autobús 14».',
  'intake.arrivedAt': 'Fecha y hora de llegada',
  'intake.arrivedAtHint': 'Hora de este dispositivo; por omisión, ahora.',
  'intake.household': 'Hogar',
  'intake.member': 'Integrante {n}',
  'intake.birthDatePlaceholder': 'AAAA-MM-DD',
  'intake.birthDateHint': 'Fecha completa (AAAA-MM-DD), año y mes (AAAA-MM) o solo el año (AAAA).',
  'intake.curpHint': '18 caracteres, si la persona la conoce.',
  'intake.addMember': 'Agregar integrante',
  'intake.removeMember': 'Quitar integrante {n}',
  'intake.submit': 'Registrar hogar',
  'intake.submitting': 'Registrando…',
  'intake.chooseSite': 'Elija el sitio que recibe.',
  'intake.chooseRelationship': 'Elija el parentesco.',
  'intake.notRegistered': 'No se registró el hogar.',
  'intake.successTitle': 'Hogar {id} registrado',
  'intake.successHint': 'Abra un perfil para revisar o completar los datos.',
  'intake.another': 'Registrar otro hogar',
};

export type MessageKey = keyof typeof es;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  'app.name': 'Acogida',
  'app.tagline': 'Reception and shelters',
  'a11y.skip': 'Skip to content',
  'nav.label': 'App sections',
  'nav.persons': 'People',
  'nav.intake': 'Intake',
  'nav.sites': 'Sites',
  'lang.label': 'Language',
  'footer.server': 'Server {version}',
  'footer.offline': 'Server unreachable',

  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.save': 'Save',
  'common.saving': 'Saving…',
  'common.cancel': 'Cancel',
  'common.edit': 'Edit',
  'common.delete': 'Delete',
  'common.empty': 'Not recorded',
  'common.optional': 'optional',
  'common.choose': 'Choose…',
  'common.actions': 'Actions',

  'error.network': 'Cannot reach the server. Check the network and try again.',
  'error.server': 'The server answered with an error ({code}): {message}',
  'error.field': 'Check the highlighted field: {message}',
  'error.conflict': 'Someone else changed this record while you were editing it. Load the current version and apply your changes again.',
  'error.reloadLatest': 'Load the current version',

  'notFound.title': 'Page not found',
  'notFound.body': 'This address is not a page of Acogida.',
  'notFound.back': 'Go to People',

  'persons.title': 'People',
  'persons.searchLabel': 'Search by name',
  'persons.searchHint': 'Type parts of the given names and surnames, with or without accents.',
  'persons.searchButton': 'Search',
  'persons.results': 'Results',
  'persons.colName': 'Name',
  'persons.colBirthDate': 'Born',
  'persons.colCurp': 'CURP',
  'persons.colHousehold': 'Household',
  'persons.colCreated': 'Registered',
  'persons.summary': '{from}–{to} of {total}',
  'persons.previous': 'Previous',
  'persons.next': 'Next',
  'persons.pagination': 'Results pages',
  'persons.none': 'Nobody matches “{q}”.',
  'persons.noneAll': 'Nobody has been registered yet.',
  'persons.household': 'Household {id}',

  'person.title': 'Person',
  'person.details': 'Personal details',
  'person.givenNames': 'Given names',
  'person.paternalSurname': 'Paternal surname',
  'person.maternalSurname': 'Maternal surname',
  'person.sex': 'Sex',
  'person.birthDate': 'Birth date',
  'person.birthState': 'Birth state',
  'person.birthMunicipality': 'Birth municipality (INEGI code)',
  'person.curp': 'CURP',
  'person.languages': 'Languages',
  'person.phone': 'Phone',
  'person.relationship': 'Relationship to the head of household',
  'person.created': 'Registered on',
  'person.version': 'Record version',
  'person.household': 'Household {id}',
  'person.householdMembers': 'Household members',
  'person.thisPerson': 'this person',
  'person.arrivals': 'Arrivals',
  'person.noArrivals': 'No arrivals recorded.',
  'person.backToSearch': 'Back to search',

  'arrival.site': 'Site',
  'arrival.time': 'Date and time',
  'arrival.mode': 'Mode',
  'arrival.batch': 'Group',
  'arrival.person': 'Person',

  'sex.F': 'Female',
  'sex.M': 'Male',
  'sex.X': 'Non-binary (X)',
  'sex.unknown': 'Not recorded',

  'relationship.head': 'Head of household',
  'relationship.spouse': 'Spouse or partner',
  'relationship.child': 'Child',
  'relationship.parent': 'Parent',
  'relationship.sibling': 'Sibling',
  'relationship.grandchild': 'Grandchild',
  'relationship.other_relative': 'Other relative',
  'relationship.non_relative': 'Not related',

  'mode.land_port': 'Land port',
  'mode.flight': 'Flight',
  'mode.bus': 'Bus',
  'mode.other': 'Other',

  'siteKind.reception_centre': 'Reception centre',
  'siteKind.shelter': 'Shelter',

  'sectionKind.men': 'Men',
  'sectionKind.women': 'Women',
  'sectionKind.families': 'Families',
  'sectionKind.unaccompanied_minors': 'Unaccompanied minors',
  'sectionKind.lgbtq': 'LGBTQ+',
  'sectionKind.medical': 'Medical care',

  'language.spa': 'Spanish',
  'language.nah': 'Nahuatl',
  'language.mix': 'Mixtec',
  'language.zap': 'Zapotec',
  'language.tzo': 'Tzotzil',
  'language.tzh': 'Tzeltal',
  'language.yua': 'Yucatec Maya',
  'language.oto': 'Otomi',
  'language.tsz': 'Purépecha',
  'language.eng': 'English',

  'sites.title': 'Sites',
  'sites.new': 'New site',
  'sites.colName': 'Name',
  'sites.colKind': 'Type',
  'sites.colCity': 'City',
  'sites.colState': 'State',
  'sites.colBeds': 'Beds',
  'sites.none': 'No sites yet. Create the first one.',
  'sites.total': '{count} sites · {beds} beds in total',

  'site.name': 'Name',
  'site.kind': 'Site type',
  'site.operator': 'Operating organisation',
  'site.city': 'City',
  'site.state': 'State',
  'site.timezone': 'Time zone',
  'site.latitude': 'Latitude',
  'site.longitude': 'Longitude',
  'site.coordinatesHint': 'Decimal degrees, for example 32.5149 and -117.0382.',
  'site.coordinates': 'Coordinates',
  'site.coordinateInvalid': 'Type a number in decimal degrees, for example 32.5149.',
  'site.beds': 'Beds',
  'site.demo': 'Demo',
  'site.demoTitle': 'Demo data, not real people or sites',
  'site.edit': 'Edit site',
  'site.delete': 'Delete site',
  'site.confirmDelete': 'Delete the site “{name}”? This cannot be undone.',
  'site.newTitle': 'New site',
  'site.editTitle': 'Edit “{name}”',
  'site.create': 'Create site',
  'site.backToList': 'Back to Sites',
  'site.backToSite': 'Back to the site',
  'site.sections': 'Sections',
  'site.noSections': 'This site has no sections yet.',
  'site.addSection': 'Add section',
  'site.arrivalsToday': 'Today’s arrivals',
  'site.arrivalsDate': 'Site’s local date: {date}',
  'site.arrivalsNone': 'No arrivals registered today.',
  'site.arrivalsCount': '{count} people',
  'site.arrivalsShowAll': 'Show all {count}',

  'section.name': 'Section name',
  'section.kind': 'Type',
  'section.beds': 'Beds',
  'section.confirmDelete': 'Delete the section “{name}”?',
  'section.editLabel': 'Edit section {name}',
  'section.deleteLabel': 'Delete section {name}',

  'intake.title': 'Arrival intake',
  'intake.arrival': 'Arrival',
  'intake.site': 'Receiving site',
  'intake.siteGroupReception': 'Reception centres',
  'intake.siteGroupShelter': 'Shelters',
  'intake.noSites': 'There are no sites. Create one under “Sites” before registering.',
  'intake.mode': 'Arrival mode',
  'intake.batch': 'Bus or flight number',
  'intake.batchHint': 'The same for the whole group, for example “Bus 14”.',
  'intake.arrivedAt': 'Arrival date and time',
  'intake.arrivedAtHint': 'This device’s time; defaults to now.',
  'intake.household': 'Household',
  'intake.member': 'Member {n}',
  'intake.birthDatePlaceholder': 'YYYY-MM-DD',
  'intake.birthDateHint': 'Full date (YYYY-MM-DD), year and month (YYYY-MM) or just the year (YYYY).',
  'intake.curpHint': '18 characters, if the person knows it.',
  'intake.addMember': 'Add member',
  'intake.removeMember': 'Remove member {n}',
  'intake.submit': 'Register household',
  'intake.submitting': 'Registering…',
  'intake.chooseSite': 'Choose the receiving site.',
  'intake.chooseRelationship': 'Choose the relationship.',
  'intake.notRegistered': 'The household was not registered.',
  'intake.successTitle': 'Household {id} registered',
  'intake.successHint': 'Open a profile to review or complete the details.',
  'intake.another': 'Register another household',
};

// Each language with its own name (autonym), as shown in the switch, and the Intl locale for dates and numbers.
export const LOCALES = [
  { code: 'es', autonym: 'Español', intl: 'es-MX', messages: es },
  { code: 'en', autonym: 'English', intl: 'en-US', messages: en },
] as const satisfies readonly { code: string; autonym: string; intl: string; messages: Messages }[];

export type Locale = (typeof LOCALES)[number]['code'];
export const DEFAULT_LOCALE: Locale = 'es';
const STORAGE_KEY = 'acogida.locale';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface I18n {
  locale: Locale;
  intlLocale: string;
  t: Translate;
  setLocale: (locale: Locale) => void;
}

// True when `key` is in the dictionaries; used to label enum values the server sends.
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(es, key);
}

export function isLocale(value: unknown): value is Locale {
  return LOCALES.some((entry) => entry.code === value);
}

// Returns the stored choice, or Spanish. Never throws (storage may be disabled).
export function loadLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Private mode or storage disabled: fall through to the default.
  }
  return DEFAULT_LOCALE;
}

export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // The choice then lasts only for this page load.
  }
}

export function makeI18n(locale: Locale, setLocale: (locale: Locale) => void): I18n {
  const entry = LOCALES.find((candidate) => candidate.code === locale) ?? LOCALES[0];
  const messages: Messages = entry.messages;
  const t: Translate = (key, vars) => {
    const template = messages[key];
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in vars ? String(vars[name]) : whole,
    );
  };
  return { locale: entry.code, intlLocale: entry.intl, t, setLocale };
}

export const I18nContext = createContext<I18n>(makeI18n(DEFAULT_LOCALE, () => {}));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
