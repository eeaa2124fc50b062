// The preset scenarios of docs/domain.md § Presets, stored as data in data/scenarios/*.json (imported, so the browser bundle
// and the worker carry them without file access).
import baseline from '../../data/scenarios/baseline-pre-reform.json' with { type: 'json' }
import jan from '../../data/scenarios/fengtai-2019-01.json' with { type: 'json' }
import grid from '../../data/scenarios/grid-management.json' with { type: 'json' }
import whistle from '../../data/scenarios/whistle.json' with { type: 'json' }
import hotline from '../../data/scenarios/hotline-reform.json' with { type: 'json' }
import volunteers from '../../data/scenarios/volunteers.json' with { type: 'json' }
import red from '../../data/scenarios/red-property.json' with { type: 'json' }
import burden from '../../data/scenarios/burden-reduction.json' with { type: 'json' }
import epidemic from '../../data/scenarios/epidemic-surge.json' with { type: 'json' }
import cogov from '../../data/scenarios/co-governance-2024.json' with { type: 'json' }
import shanghai from '../../data/scenarios/shanghai-government-led.json' with { type: 'json' }
import shenyang from '../../data/scenarios/shenyang-self-governing.json' with { type: 'json' }
import jianghan from '../../data/scenarios/jianghan-cooperative.json' with { type: 'json' }
import { parseScenario, type Scenario } from './schema.ts'

// the three typical models of book ch. 2.2 come last: stylised mixes of the book's systems, not Beijing history
const RAW: unknown[] = [baseline, jan, grid, whistle, hotline, volunteers, red, burden, epidemic, cogov, shanghai, shenyang, jianghan]

export const SCENARIO_PRESETS: readonly string[] = RAW.map((r) => (r as { name: string }).name)

/** a preset by name, validated (defaults filled in) */
export function scenarioPreset(name: string): Scenario {
  const raw = RAW.find((r) => (r as { name: string }).name === name)
  if (!raw) throw new Error(`unknown scenario "${name}": one of ${SCENARIO_PRESETS.join(', ')}`)
  return parseScenario(raw)
}

/** every preset, validated */
export const scenarioPresets = (): Scenario[] => SCENARIO_PRESETS.map(scenarioPreset)
