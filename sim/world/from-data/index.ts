// A world from the user's own files: read each layer, choose the column mapping, see the plan, build.
export { DATA_LAYERS, readDataLayer, type DataLayer, type DataLayerRead, type ReadOutcome } from './read.ts'
export { DATA_FIELDS, autoMapping, applyChoice, mapLayer, type LayerMapping, type MappedLayer, type MapOutcome } from './mapping.ts'
export { HH_PER_HA, estimateHouseholds, type HouseholdEstimate, type FormName } from './estimate.ts'
export { buildFromData, planFromData, noticeOf, FROM_DATA_VERSION, type FromDataInput, type FromDataResult, type FromDataSummary, type HouseholdSource } from './build.ts'
