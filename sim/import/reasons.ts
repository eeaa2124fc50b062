// Every issue code the importer can report. Codes are stable strings (the UI keys help text on them);
// messages are for people and may change.
import type { RingProblemCode } from '../geometry/ring-validity.ts'

// errors: the file is refused
export const TOO_LARGE = 'TOO_LARGE'
export const UNSUPPORTED_FORMAT = 'UNSUPPORTED_FORMAT'
export const TEXT_ENCODING = 'TEXT_ENCODING'
export const JSON_SYNTAX = 'JSON_SYNTAX'
export const NOT_GEOJSON = 'NOT_GEOJSON'
export const UNSUPPORTED_GEOMETRY = 'UNSUPPORTED_GEOMETRY'
export const WRONG_NESTING = 'WRONG_NESTING'
export const EMPTY = 'EMPTY'
export const NOT_A_NUMBER = 'NOT_A_NUMBER'
export const OUT_OF_RANGE = 'OUT_OF_RANGE'
export const PROJECTED_COORDINATES = 'PROJECTED_COORDINATES'
export const TOO_FEW_POINTS = 'TOO_FEW_POINTS'
export const UNCLOSED_RING = 'UNCLOSED_RING'
export const SELF_INTERSECTION = 'SELF_INTERSECTION'
export const WRONG_GEOMETRY_FOR_LAYER = 'WRONG_GEOMETRY_FOR_LAYER'
export const INVALID_PROPERTY = 'INVALID_PROPERTY'
export const DUPLICATE_ID = 'DUPLICATE_ID'
export const SHAPEFILE_BROKEN = 'SHAPEFILE_BROKEN'
export const MULTIPLE_LAYERS = 'MULTIPLE_LAYERS'
export const KML_BROKEN = 'KML_BROKEN'
export const BAD_OPTION = 'BAD_OPTION'
/** a bug in the importer, reported instead of thrown */
export const INTERNAL = 'INTERNAL'

// warnings: imported, but the user should look
export const WINDING_FIXED = 'WINDING_FIXED'
export const CRS_UNSURE = 'CRS_UNSURE'
export const MISSING_FIELD = 'MISSING_FIELD'
export const CHECK_INCOMPLETE = 'CHECK_INCOMPLETE'
export const TEXT_GARBLED = 'TEXT_GARBLED'
export const UNKNOWN_CODE_PAGE = 'UNKNOWN_CODE_PAGE'
/** a value that does not fit its field, kept with the feature as a property */
export const VALUE_KEPT = 'VALUE_KEPT'

// info: what the importer did on the user's behalf
export const CRS_DETECTED = 'CRS_DETECTED'
export const GENERATED_ID = 'GENERATED_ID'
export const VALUE_CONVERTED = 'VALUE_CONVERTED'
export const REPEATED_POSITIONS_DROPPED = 'REPEATED_POSITIONS_DROPPED'
export const ALTITUDE_DROPPED = 'ALTITUDE_DROPPED'
export const FORMAT_BY_CONTENT = 'FORMAT_BY_CONTENT'
export const DECODED_AS_GBK = 'DECODED_AS_GBK'
export const LAYER_GUESSED = 'LAYER_GUESSED'
/** projected metres unprojected with proj4 (a warning when the projection is a guess) */
export const PROJECTED_CONVERTED = 'PROJECTED_CONVERTED'
/** stands for the issues past the reporting cap */
export const MORE_ISSUES = 'MORE_ISSUES'

export const ERROR_CODES = [
  TOO_LARGE, UNSUPPORTED_FORMAT, TEXT_ENCODING, JSON_SYNTAX, NOT_GEOJSON, UNSUPPORTED_GEOMETRY, WRONG_NESTING, EMPTY,
  NOT_A_NUMBER, OUT_OF_RANGE, PROJECTED_COORDINATES, TOO_FEW_POINTS, UNCLOSED_RING, SELF_INTERSECTION,
  WRONG_GEOMETRY_FOR_LAYER, INVALID_PROPERTY, DUPLICATE_ID, SHAPEFILE_BROKEN, MULTIPLE_LAYERS, KML_BROKEN, BAD_OPTION,
  INTERNAL, MORE_ISSUES,
] as const
export const WARNING_CODES = [WINDING_FIXED, CRS_UNSURE, MISSING_FIELD, CHECK_INCOMPLETE, TEXT_GARBLED, UNKNOWN_CODE_PAGE, DECODED_AS_GBK, VALUE_KEPT, PROJECTED_CONVERTED, MORE_ISSUES] as const
export const INFO_CODES = [
  CRS_DETECTED, GENERATED_ID, VALUE_CONVERTED, REPEATED_POSITIONS_DROPPED, ALTITUDE_DROPPED, FORMAT_BY_CONTENT,
  DECODED_AS_GBK, LAYER_GUESSED, PROJECTED_CONVERTED, MORE_ISSUES,
] as const
export const ALL_CODES: ReadonlySet<string> = new Set<string>([...ERROR_CODES, ...WARNING_CODES, ...INFO_CODES])

export type ImportCode = (typeof ERROR_CODES)[number] | (typeof WARNING_CODES)[number] | (typeof INFO_CODES)[number]

// The ring checker lives in sim/geometry and names its problems with the same strings.
const ringCodesAreOurs: Record<RingProblemCode, ImportCode> = {
  TOO_FEW_POINTS, UNCLOSED_RING, SELF_INTERSECTION, NOT_A_NUMBER, CHECK_INCOMPLETE,
}
export const ringCode = (c: RingProblemCode): ImportCode => ringCodesAreOurs[c]
