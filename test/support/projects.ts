import type { Response } from 'supertest';
import type { TestApp } from './test-app';

export const PROJECT_DATA = {
  plannedCompletion: '2017-12-31',
  plannedInvestment: 120_000_000,
  industry: 'biomedicine',
};

/** A valid payload for each event of the shipped lifecycle, as its roles would fill the forms. */
export const SAMPLE_PAYLOADS: Record<string, Record<string, unknown>> = {
  SUBMIT: { applicant: '李工 Li Gong' },
  APPROVE: { approvalNo: '穗埔发改〔2015〕86号' },
  RETURN_FOR_REVISION: { reasons: ['预算表缺少明细 budget table lacks detail'] },
  REJECT: { reason: '不符合申报条件 not eligible' },
  SUSPEND: { reason: '新冠肺炎疫情 COVID-19 epidemic', category: 'epidemic' },
  RESUME: { note: '三月复工 resumed in March' },
  PROGRESS_REPORT: {
    period: '2020-Q3',
    percentComplete: 60,
    investmentSpent: 70_000_000,
    investmentPlanned: 120_000_000,
    problems: ['资金到位慢 funds arrive slowly'],
    helpRequested: [{ kind: 'financing', detail: '知识产权质押融资 IP-backed loan' }],
  },
  REQUEST_CHANGE: { newCompletionDate: '2021-06-30', reasons: ['疫情停工 epidemic stoppage'] },
  APPROVE_CHANGE: { opinion: '同意 agreed' },
  APPLY_ACCEPTANCE: { materials: ['竣工报告 completion report'] },
  MATERIALS_COMPLETE: {},
  SCHEDULE_MOCK_DEFENSE: { date: '2020-12-10', experts: ['王专家 Expert Wang'] },
  RECORD_MOCK_DEFENSE: { result: 'ready', problems: [] },
  SCHEDULE_EXPERT_ACCEPTANCE: { date: '2020-12-20' },
  RECORD_EXPERT_VERDICT: { verdict: 'pass', panel: ['王专家', '陈专家'], opinions: '同意通过验收 passed' },
  COACHING: { topic: '验收材料准备 acceptance materials' },
  ASK_QUESTION: { question: '发改项目和工信项目备案有何区别？', topic: 'filing' },
};

export interface Keys {
  bureau: string;
  service: string;
  expert: string;
  auditor: string;
  enterprise: string;
  otherEnterprise: string;
}

export async function makeKeys(
  t: TestApp,
  enterpriseId = 'ent-a',
  otherEnterpriseId = 'ent-b',
): Promise<Keys> {
  return {
    bureau: t.adminKey,
    service: await t.keyFor('service'),
    expert: await t.keyFor('expert'),
    auditor: await t.keyFor('auditor'),
    enterprise: await t.keyFor('enterprise', enterpriseId),
    otherEnterprise: await t.keyFor('enterprise', otherEnterpriseId),
  };
}

export const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

export async function createProject(
  t: TestApp,
  key: string,
  title = '生物医药产业平台 Biomedicine platform',
): Promise<string> {
  const res = await t.http
    .post('/api/projects')
    .set(auth(key))
    .send({ definition: 'industrial-project', title, data: PROJECT_DATA });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return (res.body as { id: string }).id;
}

export function sendEvent(
  t: TestApp,
  key: string,
  id: string,
  type: string,
  payload = SAMPLE_PAYLOADS[type] ?? {},
) {
  return t.http.post(`/api/projects/${id}/events`).set(auth(key)).send({ type, payload });
}

/** Who sends each event on the happy path to construction and through acceptance. */
export const HAPPY_PATH: Array<[keyof Keys, string]> = [
  ['enterprise', 'SUBMIT'],
  ['bureau', 'APPROVE'],
  ['enterprise', 'PROGRESS_REPORT'],
  ['enterprise', 'APPLY_ACCEPTANCE'],
  ['bureau', 'MATERIALS_COMPLETE'],
  ['service', 'SCHEDULE_MOCK_DEFENSE'],
  ['service', 'RECORD_MOCK_DEFENSE'],
  ['bureau', 'SCHEDULE_EXPERT_ACCEPTANCE'],
  ['expert', 'RECORD_EXPERT_VERDICT'],
];

export async function drive(
  t: TestApp,
  keys: Keys,
  id: string,
  steps: Array<[keyof Keys, string]>,
): Promise<Response> {
  let last: Response | undefined;
  for (const [who, type] of steps) {
    last = await sendEvent(t, keys[who], id, type);
    if (last.status !== 200) throw new Error(`${type} by ${who} failed: ${last.status} ${last.text}`);
  }
  if (!last) throw new Error('no steps');
  return last;
}
