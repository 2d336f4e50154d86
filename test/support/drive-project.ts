import type TestAgent from 'supertest/lib/agent';

export const PROJECT_DATA = {
  plannedCompletion: '2017-12-31',
  plannedInvestment: 120000000,
  industry: 'biomedicine',
};

/** Creates an industrial-project for `enterpriseId` as the bureau; answers its id. */
export async function createProject(
  http: TestAgent,
  bureauKey: string,
  enterpriseId: string,
  title = 'Diagram test',
): Promise<string> {
  const res = await http
    .post('/api/projects')
    .set('Authorization', `Bearer ${bureauKey}`)
    .send({ definition: 'industrial-project', title, enterpriseId, data: PROJECT_DATA });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return (res.body as { id: string }).id;
}

/** Sends one event; throws unless the machine accepts it. */
export async function sendEvent(
  http: TestAgent,
  key: string,
  projectId: string,
  type: string,
  payload: Record<string, unknown> = {},
): Promise<void> {
  const res = await http
    .post(`/api/projects/${projectId}/events`)
    .set('Authorization', `Bearer ${key}`)
    .send({ type, payload });
  if (res.status !== 200) throw new Error(`${type} failed: ${res.status} ${res.text}`);
}
