// The one surface of the simulation package: the browser app (directly or through the worker), the CLI and
// tests call these and nothing deeper, so internals can move without breaking them.
export { buildWorld, PRESETS, GENERATOR_VERSION, SYNTHETIC_NOTICE, type Preset, type BuildOptions } from './world/generate/generate-world.ts'
export { DISTRICT_PRESETS, STREET_PRESET_CODE, SYNTHETIC_NOTICE_EN, SYNTHETIC_NOTICE_ZH, planPreset, presetOutlines, type PresetOutlines } from './world/generate/generate-world.ts'
export { DISTRICTS, type DistrictInfo } from './world/generate/presets.ts'
export { buildCommunity, buildStreet, formFor, type CommunitySpec, type CommunityLayers } from './world/generate/street-builder.ts'
export { householdSize, planDistrict, type PlannedStreet, type PlannedCommunity } from './world/generate/population.ts'
export { compileWorld, type CompiledWorld } from './world/compile.ts'
export { checkWorld, checkCommunity, type WorldReport, type CommunityCheck } from './world/check-world.ts'
export { indexGridLayer, putGrid, buildingPlaces, indexSteps, type BuildingPlaces, type GridLayerIndex, type GridRec } from './world/grid-layer-index.ts'
export { worldToFiles, worldFromFiles, parseLayer, LAYER_FILES, WorldFileError } from './world/world-io.ts'
export { generateGrids, gridCount, DEFAULT_BAND, type GridBand } from './geometry/generate-grids.ts'
export { repairGrids, type RepairResult, type RepairStep } from './geometry/repair-grids.ts'
export { FINDING, type Finding, type FindingCode, type Severity } from './geometry/findings.ts'
export { type GridStats, WALK_SPEED_KMH, DETOUR_FACTOR } from './geometry/grid-stats.ts'
export { importFile, type ColumnTable, type CrsReport, type ImportOptions, type ImportResult, type ImportIssue } from './import/index.ts'
export type { MsgId as ImportMsgId } from './import/messages.ts'
export type { ImportCode } from './import/reasons.ts'
export type { World, WorldMeta } from './world/types.ts'
export * from './world/from-data/index.ts'
export * from './world/schema.ts'
export { splitGrid, mergeGrids, carveGrid } from './geometry/edit-grids.ts'
export { difference, intersect } from './geometry/clip.ts'
export { COORD_DECIMALS, roundClipped, roundCoords, roundPolys, roundPosition, samePosition } from './geometry/precision.ts'
export { editShared, moveEdge, nodedRing, nodeGrids } from './geometry/topology.ts'
// Simulation (discrete-event, agent-based): scenarios, runs, replicates, metrics.
export { createRng, type Rng } from './engine/rng.ts'
export { EventHeap } from './engine/heap.ts'
export { Scheduler, type Handlers } from './engine/scheduler.ts'
export { Pools } from './engine/pool.ts'
export { erlangC, erlangCWait, erlangRow, type ErlangRow } from './metrics/erlang.ts'
export {
  ScenarioSchema,
  LEVERS,
  ALLOCATION_RULES,
  parseScenario,
  defaultScenario,
  diffScenarios,
  flatten as flattenScenario,
  leversOf,
  setPath as setScenarioPath,
  leverPathProblem,
  leverPathIssue,
  ScenarioError,
  type Scenario,
  type ScenarioInput,
  type LeverMeta,
  type DiffRow,
} from './scenario/schema.ts'
export { SCENARIO_EN, scenarioIssue, scenarioIssueText, type ScenarioIssue, type ScenarioIssueCode, type ScenarioIssueParams } from './scenario/issues.ts'
export { SCENARIO_PRESETS, scenarioPreset, scenarioPresets } from './scenario/presets.ts'
export { CATEGORIES, CATEGORY, type Category, type CategorySpec } from './model/categories.ts'
export { CHANNELS, ROLES, EV, type EventKind, type SimEvent } from './model/model.ts'
export { highNeedByBuilding } from './model/needs.ts'
export {
  simulate,
  simulateAsync,
  summarize,
  meanCi,
  metricRange,
  t975,
  SHARE_RANGE,
  NON_NEGATIVE,
  replicateSeeds,
  metricAt,
  SUMMARY_METRICS,
  RESULT_VERSION,
  type SimOptions,
  type SimResult,
  type ReplicateSummary,
} from './run/simulate.ts'
export { CALIBRATION_TARGETS, calibrate, type CalibrationRow } from './run/calibrate.ts'
export { RUN_LIMITS, withinLimit } from './run/limits.ts'
export * from './sweep/index.ts'
export { METRICS, AREA_METRICS, RESULT_METRICS, type ResultMetric, OUTCOME_RATES, isSummaryMetric, metricInfo, targetOp, labelIn, type Label, type MetricInfo, type AreaMetricInfo, type AreaMetric, type SummaryMetric, type Direction as MetricDirection, type MetricUnit } from './metrics/registry.ts'
export { estimateRun, checkRunBounds, RunBoundsError, RUN_MEMORY_LIMIT_BYTES, type RunEstimate } from './run/run-bounds.ts'
export { worldToMessage, worldFromMessage, type WorldMessage } from './run/world-message.ts'
// City runs: the world sharded by district across workers, merged exactly (sim/run/city.ts).
export { presetShards, districtSeed, runShard, mergeCity, summarizeCity, totalsOf, CITY_SUMMARY, type CityShard, type ShardResult, type CityResult, type CityTotals } from './run/city.ts'
export { runCityJob, BUILD_SHARE, type CityJob } from './run/city-job.ts'
export { runPool, cityProgress } from './run/city-pool.ts'
export { splitDistricts, type DistrictWorld } from './run/split-districts.ts'
export { cityShape, type CityShape } from './run/city-shape.ts'
export { layerDiff } from './geometry/layer-diff.ts'
// The worker's contract, written once: the page and the sweep pool wrap the worker as Comlink.wrap<SimService>.
// Type-only, so importing sim/api.ts never pulls the worker module in.
export type { SimService, RunRequest, ProgressCallback, EventsCallback, BatchCallback } from './worker.ts'
// Playback (the trainer): binary event batches, recordings, the state at any moment, one issue's story.
export { BatchEncoder, KINDS as EVENT_KINDS, K as EVENT_KIND, transferables, type EventBatch } from './playback/codec.ts'
export { RecordingBuilder, eventsUpTo, type Recording } from './playback/recording.ts'
export { Replay, STATE, STATE_NAMES, C as COUNTER, backlog, type Rates } from './playback/replay.ts'
export { storyOf, eventLogCsv, clockText, eventsOf, issueFacts, OUTCOMES, type Step, type StepKind } from './playback/story.ts'
export { placesOf, momentsOf, type Places } from './playback/places.ts'
