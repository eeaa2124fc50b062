// The levers of the book's community-level systems (docs/book-systems.md): social organisations (三社联动),
// consultation (议事协商), owners' committees (业委会), alley stewards and street chiefs (小巷管家 / 街巷长), resident
// participation, the people's-conditions map (民情图) and parked cases (挂账). Every default leaves its mechanism
// off or at the world's own data, so a scenario that does not set them runs exactly as before they existed.
import { z } from 'zod'
import { addZh, bool, int, num, optNum, pick } from './lever-meta.ts'

export const CONSULTATION_SCOPES = ['disputes', 'public', 'disputes+public'] as const

addZh({
  'socialOrgs.perCommunity': '每个社区的社区社会组织数',
  'socialOrgs.budgetPerCommunity': '政府购买社会组织服务经费（每社区每年）',
  'socialOrgs.yuanPerHour': '购买服务每小时成本',
  'socialOrgs.handOffShare': '养老、纠纷诉求转交社会组织的比例（组织数达标时）',
  'socialOrgs.fix': '社会组织 / 社工一次解决概率',
  'consultation.intervalDays': '议事协商会召开间隔（0 = 不开）',
  'consultation.scope': '提交议事协商的诉求类别',
  'consultation.needShare': '需居民共同商议的诉求比例',
  'consultation.agreeFix': '协商达成一致后疑难诉求的解决概率',
  'consultation.satGain': '协商后不满意减少的比例',
  'owners.committeeShare': '成立业委会的小区比例（空 = 按底图数据）',
  'owners.formationPerYear': '党建引领每年新成立业委会的比例',
  'owners.supervisionGain': '业委会督促物业：失败工单转为解决的比例',
  'owners.replaceAfterFailures': '未解决物业诉求累计多少件后更换物业（0 = 不更换）',
  'owners.replaceMonths': '更换物业所需月数',
  'stewards.perCommunity': '每个社区的小巷管家人数',
  'stewards.hoursPerWeek': '小巷管家每周巡查小时（日巡）',
  'stewards.detect': '小巷管家发现问题能力（相对网格员）',
  'stewards.chiefPatrolsPerWeek': '街巷长每周巡查次数（周查）',
  'participation.gainGood': '满意办结后居民参与增加（次 / 年）',
  'participation.gainConsultation': '参加议事协商后居民参与增加（次 / 年）',
  'participation.lossIgnored': '问题被忽视后居民参与减少（次 / 年）',
  'participation.feedback': '居民参与对反映问题和志愿者的带动强度',
  'needs.elderlyAloneFactor': '独居老人户比例（相对楼栋老年人口比例）',
  'needs.disabledShare': '残疾人户比例',
  'needs.lowIncomeShare': '低收入（低保）户比例',
  'needs.priorityShare': '民情图：入户走访优先给重点户的时间比例（0 = 不区分）',
  'parked.enabled': '挂账：暂不能解决的诉求说明情况后单独统计',
  'parked.reopenDay': '政策调整生效日（挂账诉求重新办理）',
  'parked.reopenFix': '政策调整后挂账诉求的解决概率',
})

/** the book's community-level systems, as lever groups of the scenario schema */
export function bookLevers() {
  return {
    socialOrgs: z
      .object({
        perCommunity: int('socialOrgs.perCommunity', 0, 0, 100, 'organisations', 'book ch. 7.2.2 (target ≥ 10 per urban community, 民发〔2017〕191号); 0 = off', 'community social organisations per community'),
        budgetPerCommunity: num('socialOrgs.budgetPerCommunity', 30, 0, 1000, '10,000 yuan (万元) / community / year', 'assumption (book ch. 2.2.1: Shanghai bought ¥5.35 bn of services in 2013)', 'services government buys from them, per community and year'),
        yuanPerHour: num('socialOrgs.yuanPerHour', 80, 10, 1000, 'yuan / service hour', 'assumption', 'cost of one purchased service hour'),
        handOffShare: num('socialOrgs.handOffShare', 0.7, 0, 1, 'share of welfare and dispute cases', 'assumption (book ch. 7.2.2: 91.3 % expect services, 84.56 % conflict resolution)', 'welfare and dispute cases handed to them (at the target number of organisations)'),
        fix: num('socialOrgs.fix', 0.9, 0, 1, 'probability', 'assumption (as community workers in their own categories)', 'chance a social-organisation job solves it'),
      })
      .prefault({}),
    consultation: z
      .object({
        intervalDays: int('consultation.intervalDays', 0, 0, 365, 'days (0 = none)', 'book ch. 4.3.2 (Heyi: a community-affairs meeting every month); 0 = off', 'a consultation meeting every'),
        scope: pick('consultation.scope', CONSULTATION_SCOPES, 'disputes+public', 'book ch. 4.2.2, 9.2.3 (public matters and disputes)', 'categories taken to consultation'),
        needShare: num('consultation.needShare', 0.4, 0, 1, 'share of issues in scope', 'assumption', 'issues in scope that need residents’ agreement'),
        agreeFix: num('consultation.agreeFix', 0.7, 0, 1, 'probability', 'assumption (book ch. 9.2.3)', 'chance an agreed hard case is then solved'),
        satGain: num('consultation.satGain', 0.5, 0, 1, 'share of dissatisfaction removed', 'assumption (book ch. 5.2.2)', 'consulted residents: share of dissatisfaction removed'),
      })
      .prefault({}),
    owners: z
      .object({
        committeeShare: optNum('owners.committeeShare', 0, 1, 'share of compounds', 'book ch. 6.1.5, table 6-1 (7.8 % of respondents); unset = the world’s compounds (generated near it)', 'compounds with an owners’ committee'),
        formationPerYear: num('owners.formationPerYear', 0, 0, 1, 'share of the rest / year', 'book ch. 6.1.5 (party-led formation); size an assumption, 0 = off', 'party-led formation: share of compounds without one forming one each year'),
        supervisionGain: num('owners.supervisionGain', 0, 0, 1, 'share of failed jobs', 'book ch. 6.1.3 (owners’ committees represent owners to the company); size an assumption, 0 = off', 'with a committee: failed property jobs it presses into a fix'),
        replaceAfterFailures: int('owners.replaceAfterFailures', 0, 0, 1000, 'unsolved property cases', 'book ch. 6.1.3 (the owners’ assembly can dismiss the company); threshold an assumption, 0 = off', 'with a committee: unsolved property cases before the company is replaced'),
        replaceMonths: num('owners.replaceMonths', 3, 0, 36, 'months', 'assumption', 'months a replacement takes'),
      })
      .prefault({}),
    stewards: z
      .object({
        perCommunity: num('stewards.perCommunity', 0, 0, 500, 'stewards', 'book ch. 4.2.2, 4.3.2 (小巷管家, one per adopted alley); 0 = off', 'alley stewards per community'),
        hoursPerWeek: num('stewards.hoursPerWeek', 7, 0, 80, 'hours / week', 'book ch. 4.2.2 (每日巡: a daily walk); an hour a day an assumption', 'hours each steward walks the alleys'),
        detect: num('stewards.detect', 0.6, 0, 1, 'relative to grid workers', 'assumption', 'how well stewards spot issues'),
        chiefPatrolsPerWeek: num('stewards.chiefPatrolsPerWeek', 0, 0, 14, 'patrols / week', 'book ch. 4.2.2 (街巷长: 日巡周查月评季通报, a weekly check); 0 = off', 'street chiefs’ walks over every road of the community'),
      })
      .prefault({}),
    participation: z
      .object({
        gainGood: num('participation.gainGood', 0.5, 0, 12, 'activities / year', 'assumption (book ch. 8.2.3)', 'participation gained per satisfying outcome'),
        gainConsultation: num('participation.gainConsultation', 2, 0, 12, 'activities / year', 'assumption (book ch. 8.2.3, 9.2.3)', 'participation gained by taking part in a consultation'),
        lossIgnored: num('participation.lossIgnored', 1, 0, 12, 'activities / year', 'assumption (book ch. 8.2.3)', 'participation lost per ignored issue'),
        feedback: num('participation.feedback', 0, 0, 2, '× relative change', 'assumption; 0 (off) so the calibration stands', 'how strongly participation moves reporting and volunteers'),
      })
      .prefault({}),
    needs: z
      .object({
        elderlyAloneFactor: num('needs.elderlyAloneFactor', 0.3, 0, 1, 'households per unit elderly share', 'assumption (book ch. 4.3.2: 西罗园 “四多”, many elderly)', 'elderly living alone (× the building’s elderly share)'),
        disabledShare: num('needs.disabledShare', 0.06, 0, 0.5, 'share of households', 'assumption (about the national disabled share of residents, 2006 sample survey)', 'households with a disabled member'),
        lowIncomeShare: num('needs.lowIncomeShare', 0.02, 0, 0.5, 'share of households', 'assumption', 'low-income (低保) households'),
        priorityShare: num('needs.priorityShare', 0, 0, 1, 'share of visit time', 'book ch. 4.3.2 (民情图, 西罗园 2012); 0 = visits spread evenly', 'people’s-conditions map: share of visits given to high-need households first'),
      })
      .prefault({}),
    parked: z
      .object({
        enabled: bool('parked.enabled', false, '接诉即办 practice (挂账: cases that cannot be solved now are explained and tracked apart)', 'park cases that cannot be solved now, explained and counted apart'),
        reopenDay: optNum('parked.reopenDay', 0, 3650, 'day of the run', 'assumption (a policy change, e.g. 每月一题)', 'day a policy change reopens parked cases'),
        reopenFix: num('parked.reopenFix', 0.6, 0, 1, 'probability', 'assumption', 'chance a reopened case is solved under the new policy'),
      })
      .prefault({}),
  }
}
