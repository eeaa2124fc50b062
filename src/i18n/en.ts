// English: the same keys as zh-CN.ts, area by area (strings-*.ts).
import type { zh } from './zh-CN.ts'
import { cityEn } from './strings-city.ts'
import { trainerEn } from './trainer.en.ts'
import { mapEn } from './strings-map.ts'
import { editingEn } from './strings-editing.ts'
import { filesEn } from './strings-files.ts'
import { analystEn } from './strings-analyst.ts'
import { resultsEn } from './strings-results.ts'
import { chartsEn } from './strings-charts.ts'
import { fromDataEn } from './strings-from-data.ts'
import { reportEn } from './strings-report.ts'
import { csvEn } from './strings-csv.ts'

export const en: Record<keyof typeof zh, string> = {
  ...cityEn,
  ...trainerEn,
  ...mapEn,
  ...editingEn,
  ...filesEn,
  ...analystEn,
  ...resultsEn,
  ...chartsEn,
  ...fromDataEn,
  ...reportEn,
  ...csvEn,
}
