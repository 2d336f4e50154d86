import type { JsonObject } from '../../src/lifecycle/definition.types';

/** Payloads as the roles would fill the forms of workflows/industrial-project.json. */
export const PROJECT_DATA = {
  plannedCompletion: '2027-12-31',
  plannedInvestment: 120_000_000,
  industry: 'biomedicine',
};

export const SUBMIT = { applicant: '李工 Li Gong' };
export const APPROVE = { approvalNo: '穗埔发改〔2015〕86号' };

/** The peers' workload: a quarterly progress report (the form varies a little per report). */
export function progressReport(n: number): JsonObject {
  const quarter = (n % 4) + 1;
  const year = 2016 + (Math.floor(n / 4) % 80);
  return {
    period: `${year}-Q${quarter}`,
    percentComplete: n % 101,
    investmentSpent: 1_000_000 * (n % 120),
    investmentPlanned: 120_000_000,
    problems: n % 3 === 0 ? ['资金到位慢 funds arrive slowly'] : [],
    helpRequested: n % 5 === 0 ? [{ kind: 'financing', detail: '知识产权质押融资 IP-backed loan' }] : [],
  };
}

export function coaching(n: number): JsonObject {
  return { topic: `验收材料准备 acceptance materials ${n}`, notes: '一对一辅导 one-to-one session' };
}
