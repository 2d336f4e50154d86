import { call, inParallel } from '../service/api-client';
import { APPROVE, PROJECT_DATA, SUBMIT } from '../engine/payloads';
import { throttled } from '../report/progress';

interface Keys {
  enterprise: string;
  bureau: string;
}

/**
 * Creates `count` projects through the API and drives each into construction (SUBMIT by the
 * enterprise, APPROVE by the bureau), so the load starts from states the real service wrote.
 */
export async function seedConstruction(
  baseUrl: string,
  keys: Keys,
  count: number,
  onProgress: (done: number) => void,
): Promise<string[]> {
  const ids: string[] = new Array<string>(count);
  const report = throttled(onProgress);
  let done = 0;
  await inParallel(ids, 16, async (_unused, index) => {
    const title = `基准项目 bench project ${index + 1}`;
    const body = { definition: 'industrial-project', title, data: PROJECT_DATA };
    const { id } = await call<{ id: string }>(baseUrl, keys.enterprise, 'POST', '/api/projects', body);
    await sendEvent(baseUrl, keys.enterprise, id, 'SUBMIT', SUBMIT);
    await sendEvent(baseUrl, keys.bureau, id, 'APPROVE', APPROVE);
    ids[index] = id;
    report(++done);
  });
  return ids;
}

function sendEvent(
  baseUrl: string,
  key: string,
  id: string,
  type: string,
  payload: object,
): Promise<unknown> {
  return call(baseUrl, key, 'POST', `/api/projects/${id}/events`, { type, payload }, 200);
}
