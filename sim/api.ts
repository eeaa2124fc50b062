// The one surface of the simulation package: the browser app (directly or through the worker), the CLI and
// tests call these and nothing deeper, so internals can move without breaking them.
export { buildWorld, PRESETS, GENERATOR_VERSION, SYNTHETIC_NOTICE, type Preset, type BuildOptions } from './world/generate/generate-world.ts'
export { compileWorld, type CompiledWorld } from './world/compile.ts'
export { checkWorld, checkCommunity, type WorldReport, type CommunityCheck } from './world/check-world.ts'
export { indexGridLayer, putGrid, type GridLayerIndex, type GridRec } from './world/grid-layer-index.ts'
export { worldToFiles, worldFromFiles, parseLayer, LAYER_FILES, WorldFileError } from './world/world-io.ts'
export { generateGrids, gridCount, DEFAULT_BAND, type GridBand } from './geometry/generate-grids.ts'
export { repairGrids, type RepairResult } from './geometry/repair-grids.ts'
export { FINDING, type Finding, type FindingCode, type Severity } from './geometry/findings.ts'
export { type GridStats, WALK_SPEED_KMH, DETOUR_FACTOR } from './geometry/grid-stats.ts'
export { importFile, type ImportOptions, type ImportResult, type ImportIssue } from './import/index.ts'
export type { World, WorldMeta } from './world/types.ts'
export * from './world/schema.ts'
