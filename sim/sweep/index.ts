// The sweep core's surface (re-exported by sim/api.ts for the page): one plan, its jobs, rows, CSV and summaries.
export { parseSweepPlan, checkLeverValues, jobAt, jobCount, jobsOf, scenarioOfJob, PlanError, MAX_SWEEP_JOBS, type SweepPlan as CorePlan, type SweepJob as CoreJob } from './plan.ts'
export { rowOf, rowCells, metricsOf, sweepHeader, pageHeader, pageCells, inPlanOrder, type SweepRow, type RunMetrics } from './rows.ts'
export { csvText, csvLine, csvCell, cellText, csvRecords, stripBom, BOM } from './csv.ts'
export { summarizeRows, meetsTarget as settingMeets, bestSetting, SWEEP_OBJECTIVES, type SettingSummary, type SweepTarget as CoreTarget, type SweepObjective } from './summary.ts'
export { feed } from './feed.ts'
