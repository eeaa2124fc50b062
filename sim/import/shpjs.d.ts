// shpjs ships no types; only the two parsers the importer calls are declared.
declare module 'shpjs' {
  /** Geometries of a .shp, reprojected to WGS84 when the .prj (WKT) is one proj4 understands. */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView | DataView, prj?: string): unknown[]
  /** Attribute rows of a .dbf; cpg names the text encoding. */
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView | DataView, cpg?: string): Record<string, unknown>[]
}
