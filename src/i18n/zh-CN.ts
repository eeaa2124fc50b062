// zh-CN, the page's first language: every area's strings (strings-*.ts) in one dictionary; its keys are the type of
// every key (i18n.ts), and en.ts must have each of them.
import { cityZh } from './strings-city.ts'
import { trainerZh } from './trainer.zh-CN.ts'
import { mapZh } from './strings-map.ts'
import { editingZh } from './strings-editing.ts'
import { filesZh } from './strings-files.ts'
import { analystZh } from './strings-analyst.ts'
import { resultsZh } from './strings-results.ts'
import { chartsZh } from './strings-charts.ts'
import { fromDataZh } from './strings-from-data.ts'
import { reportZh } from './strings-report.ts'
import { csvZh } from './strings-csv.ts'

export const zh = {
  ...cityZh,
  ...trainerZh,
  ...mapZh,
  ...editingZh,
  ...filesZh,
  ...analystZh,
  ...resultsZh,
  ...chartsZh,
  ...fromDataZh,
  ...reportZh,
  ...csvZh,
}
