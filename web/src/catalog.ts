// Reference data shared by the pages: the enum values the API accepts, Mexico's 32 states by INEGI code,
// the Mexican IANA time zones, and the languages offered at intake. Labels for enum values live in the
// dictionary (i18n.ts); state names are official proper nouns and are shown as INEGI publishes them.

export const SITE_KINDS = ['reception_centre', 'shelter'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export const SECTION_KINDS = ['men', 'women', 'families', 'unaccompanied_minors', 'lgbtq', 'medical'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const ARRIVAL_MODES = ['land_port', 'flight', 'bus', 'other'] as const;
export type ArrivalMode = (typeof ARRIVAL_MODES)[number];

// Modes that come in groups sharing a batch id (a bus number, a flight number).
export const BATCHED_MODES: readonly ArrivalMode[] = ['bus', 'flight'];

export const SEXES = ['F', 'M', 'X', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const RELATIONSHIPS = [
  'head', 'spouse', 'child', 'parent', 'sibling', 'grandchild', 'other_relative', 'non_relative',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

// ISO 639-3 codes offered as checkboxes at intake; Spanish first and preset.
export const LANGUAGES = ['spa', 'nah', 'mix', 'zap', 'tzo', 'tzh', 'yua', 'oto', 'tsz', 'eng'] as const;
export type LanguageCode = (typeof LANGUAGES)[number];

export interface MexicanState {
  code: string; // INEGI "01".."32"
  name: string;
  // The zone most of the state keeps; offered as the default time zone when creating a site there.
  timezone: string;
}

export const STATES: readonly MexicanState[] = [
  { code: '01', name: 'Aguascalientes', timezone: 'America/Mexico_City' },
  { code: '02', name: 'Baja California', timezone: 'America/Tijuana' },
  { code: '03', name: 'Baja California Sur', timezone: 'America/Mazatlan' },
  { code: '04', name: 'Campeche', timezone: 'America/Merida' },
  { code: '05', name: 'Coahuila de Zaragoza', timezone: 'America/Monterrey' },
  { code: '06', name: 'Colima', timezone: 'America/Mexico_City' },
  { code: '07', name: 'Chiapas', timezone: 'America/Mexico_City' },
  { code: '08', name: 'Chihuahua', timezone: 'America/Chihuahua' },
  { code: '09', name: 'Ciudad de México', timezone: 'America/Mexico_City' },
  { code: '10', name: 'Durango', timezone: 'America/Monterrey' },
  { code: '11', name: 'Guanajuato', timezone: 'America/Mexico_City' },
  { code: '12', name: 'Guerrero', timezone: 'America/Mexico_City' },
  { code: '13', name: 'Hidalgo', timezone: 'America/Mexico_City' },
  { code: '14', name: 'Jalisco', timezone: 'America/Mexico_City' },
  { code: '15', name: 'México', timezone: 'America/Mexico_City' },
  { code: '16', name: 'Michoacán de Ocampo', timezone: 'America/Mexico_City' },
  { code: '17', name: 'Morelos', timezone: 'America/Mexico_City' },
  { code: '18', name: 'Nayarit', timezone: 'America/Mazatlan' },
  { code: '19', name: 'Nuevo León', timezone: 'America/Monterrey' },
  { code: '20', name: 'Oaxaca', timezone: 'America/Mexico_City' },
  { code: '21', name: 'Puebla', timezone: 'America/Mexico_City' },
  { code: '22', name: 'Querétaro', timezone: 'America/Mexico_City' },
  { code: '23', name: 'Quintana Roo', timezone: 'America/Cancun' },
  { code: '24', name: 'San Luis Potosí', timezone: 'America/Mexico_City' },
  { code: '25', name: 'Sinaloa', timezone: 'America/Mazatlan' },
  { code: '26', name: 'Sonora', timezone: 'America/Hermosillo' },
  { code: '27', name: 'Tabasco', timezone: 'America/Mexico_City' },
  { code: '28', name: 'Tamaulipas', timezone: 'America/Matamoros' },
  { code: '29', name: 'Tlaxcala', timezone: 'America/Mexico_City' },
  { code: '30', name: 'Veracruz de Ignacio de la Llave', timezone: 'America/Mexico_City' },
  { code: '31', name: 'Yucatán', timezone: 'America/Merida' },
  { code: '32', name: 'Zacatecas', timezone: 'America/Mexico_City' },
];

export function stateName(code: string): string {
  return STATES.find((state) => state.code === code)?.name ?? code;
}

// Mexico's IANA zones, west to east.
export const TIMEZONES = [
  'America/Tijuana',
  'America/Hermosillo',
  'America/Mazatlan',
  'America/Bahia_Banderas',
  'America/Ciudad_Juarez',
  'America/Ojinaga',
  'America/Chihuahua',
  'America/Matamoros',
  'America/Monterrey',
  'America/Mexico_City',
  'America/Merida',
  'America/Cancun',
] as const;
