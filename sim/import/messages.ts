// The importer's messages as an id plus parameters. sim/ has no i18n: the English sentence is made here, once, for
// the CLI and the English page; the page renders the same id in Chinese from its own table (src/i18n/import-text.ts).
// Issues without an id (rare, technical) are shown in Chinese by their reason code.

export type Params = Record<string, string | number>

const s = (n: number | string, one = '', many = 's') => (Number(n) === 1 ? one : many)

/** English text of each message; parameters named `field` and `layer` are our field and layer names */
export const IMPORT_EN = {
  valueKept: (p: { column: string; n: number; field: string; value: string; why: string }) =>
    `column "${p.column}": ${p.n} value${s(p.n)} do${s(p.n, 'es', '')} not fit field "${p.field}" (e.g. ${p.value} ${p.why}); kept as a property`,
  valueMisfit: (p: { column: string; field: string; bad: number; seen: number; value: string }) =>
    `column "${p.column}" looks like "${p.field}", but ${p.bad} of its first ${p.seen} values do not fit (e.g. ${p.value}); kept as a property`,
  valueConverted: (p: { column: string; n: number }) =>
    `converted ${p.n} value${s(p.n)} of column "${p.column}" (text to number, percent to share, 是/否 to yes/no, or a Chinese word to our code)`,
  generatedId: (p: { n: number; first: string }) =>
    `${p.n} feature${s(p.n, ' has', 's have')} no id; generated ${p.first}${p.n > 3 ? ', …' : ''}`,
  missingField: (p: { field: string; layer: string }) =>
    `no column gives "${p.field}", which ${p.layer} need; the features are imported without it and must get it in the editor (e.g. from the layer they lie in) before use`,
  invalidValue: (p: { field: string; column: string; value: string; why: string }) =>
    `field "${p.field}"${p.column ? ` (column "${p.column}")` : ''} has ${p.value}, which ${p.why}`,
  invalidField: (p: { field: string; column: string; value: string; why: string }) =>
    `field "${p.field}"${p.column ? ` (column "${p.column}")` : ''} ${p.value ? `has ${p.value}: ` : 'is required but empty: '}${p.why}`,
  duplicateId: (p: { id: string; twin: number }) => `has id "${p.id}", already used by feature ${p.twin}; ids must be unique within a layer`,
  jsonSyntax: (p: { line: number; column: number; problem: string }) => `not valid JSON at line ${p.line}, column ${p.column}: ${p.problem}`,
  noFeatures: () => 'the FeatureCollection has no features',
  nullGeometry: () => 'has no geometry (null)',
  outOfRange: (p: { at: string; pos: string; lon: number; swapped: number }) =>
    `position ${p.at} is ${p.pos}: ${p.lon ? 'longitude must be within ±180' : 'latitude must be within ±90'}${p.swapped ? '; longitude and latitude look swapped (GeoJSON puts longitude first)' : ''}`,
  layerGuessed: (p: { layer: string; reason: string }) => `imported as ${p.layer} (${p.reason}); set the layer option if that is wrong`,
  wrongGeometry: (p: { type: string; layer: string; allowed: string; guessed: number }) =>
    `is a ${p.type}, but ${p.layer} need ${p.allowed}${p.guessed ? ' (the layer was guessed; set the layer option if it is wrong)' : ''}`,
  crsUnsure: (p: { reason: string }) =>
    `cannot tell whether the coordinates are WGS84, GCJ-02 or BD-09 (${p.reason}); if the features sit a few hundred metres off, import again choosing the crs option`,
  crsOverruled: (p: { applied: string; overruled: string; reason: string }) =>
    `coordinates read as ${p.applied}, not ${p.overruled} (${p.reason}); if that is wrong, import again choosing the crs option`,
  crsDetected: (p: { applied: string; confidence: string; reason: string }) => `coordinates read as ${p.applied} (${p.confidence}: ${p.reason})`,
  projectedConverted: (p: { confidence: string; reason: string }) =>
    `projected coordinates converted to longitude/latitude with proj4 (${p.confidence}: ${p.reason})`,
  projectedUnknown: (p: { prj: string; x: number; y: number }) =>
    `${p.prj ? `its .prj declares the projected system "${p.prj}", which could not be converted, and ` : ''}every coordinate is outside longitude/latitude range (e.g. ${p.x}, ${p.y}) and fits none of EPSG:3857 or the CGCS2000 Gauss-Krüger zones (EPSG:4491–4554) near the district; export as longitude/latitude (EPSG:4326)`,
  windingFixed: (p: { n: number }) =>
    `${p.n} feature${s(p.n, ' had rings', 's had rings')} wound the wrong way (RFC 7946 wants outer rings counter-clockwise, holes clockwise); rewound them`,
  repeatsDropped: (p: { n: number }) => `dropped ${p.n} repeated consecutive position${s(p.n)}`,
  altitudeDropped: (p: { n: number }) => `dropped the altitude of ${p.n} position${s(p.n)} (the map is 2D)`,
  tooLarge: (p: { size: string; limit: string }) => `the file is ${p.size}, over the ${p.limit} limit; clip it to the district or split it`,
  notRecognised: (p: { ext: string; hint: string }) =>
    `${p.ext ? `".${p.ext}" files` : 'files without an extension'} ${p.hint ? `cannot be imported: ${p.hint}` : 'are not recognised; import GeoJSON (.geojson/.json), KML (.kml/.kmz) or a zipped shapefile (.zip)'}`,
  xmlNotKml: () => 'this is an XML file but not KML; import GeoJSON, KML or a zipped shapefile',
  moreIssues: (p: { n: number; severity: string; cap: number }) =>
    `${p.n} more ${p.severity === 'info' ? 'notes' : p.severity + 's'} not listed (only the first ${p.cap} of each kind are shown)`,
} satisfies Record<string, (p: never) => string>

export type MsgId = keyof typeof IMPORT_EN
export interface Msg { id: MsgId; params: Params }

/** a message with its parameters, checked against its English text's parameters */
export const msg = <K extends MsgId>(id: K, ...params: Parameters<(typeof IMPORT_EN)[K]>): Msg => ({ id, params: (params[0] ?? {}) as Params })

/** the one English formatter: the CLI's text and the English page's */
export const importEnglish = (m: Msg): string => (IMPORT_EN[m.id] as (p: Params) => string)(m.params)
