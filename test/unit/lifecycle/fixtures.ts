// Shared fixtures for the lifecycle unit tests: the shipped definition, actors, a driver, sample payloads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  initialize,
  parseDefinition,
  step,
  type Actor,
  type JsonObject,
  type LifecycleDefinition,
  type RecordedEvent,
  type SnapshotJson,
  type StepResult,
} from '../../../src/lifecycle';

/** A fresh copy of workflows/industrial-project.json (machines are cached per object). */
export function loadShipped(): LifecycleDefinition {
  const json: unknown = JSON.parse(
    readFileSync(join(__dirname, '../../../workflows/industrial-project.json'), 'utf8'),
  );
  const parsed = parseDefinition(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.definition;
}

export const enterprise: Actor = { id: 'ent-1', role: 'enterprise' };
export const bureau: Actor = { id: 'bur-1', role: 'bureau' };
export const service: Actor = { id: 'svc-1', role: 'service' };
export const expert: Actor = { id: 'exp-1', role: 'expert' };
export const system: Actor = { id: 'timer-worker', role: 'system' };

/** The 2015 biotech platform of ~120 million yuan. */
export const projectData: JsonObject = {
  plannedCompletion: '2017-12-31',
  plannedInvestment: 120_000_000,
  industry: 'biomedicine',
  approvalNo: '深南发改〔2015〕86号',
  description: '生物医药公共技术服务平台',
  fundingProgram: '战略性新兴产业发展专项资金',
};

/** A valid payload per event type, the one the path tests send. */
export const samplePayloads: Record<string, JsonObject> = {
  SUBMIT: { applicant: '深圳某生物科技有限公司' },
  APPROVE: { approvalNo: '深南发改〔2015〕86号', opinion: '同意立项' },
  RETURN_FOR_REVISION: { reasons: ['投资估算依据不足'] },
  REJECT: { reason: '不符合扶持方向' },
  SUSPEND: { reason: '疫情停工', category: 'epidemic', expectedResumeDate: '2020-04-01' },
  RESUME: {},
  PROGRESS_REPORT: {
    period: '2016-Q1',
    percentComplete: 40,
    investmentSpent: 48_000_000,
    investmentPlanned: 50_000_000,
    problems: ['设备进口报关延迟'],
    helpRequested: [{ kind: 'financing', detail: '贴息贷款' }],
  },
  REQUEST_CHANGE: { newCompletionDate: '2018-12-31', reasons: ['疫情影响设备到货'] },
  APPROVE_CHANGE: { opinion: '同意延期' },
  REJECT_CHANGE: { reason: '理由不充分' },
  APPLY_ACCEPTANCE: { materials: ['竣工报告', '审计报告'] },
  MATERIALS_COMPLETE: {},
  MATERIALS_INCOMPLETE: { missing: ['专项审计报告'], returnToConstruction: false },
  SUBMIT_SUPPLEMENT: { materials: ['专项审计报告'] },
  SCHEDULE_MOCK_DEFENSE: { date: '2018-03-01', experts: ['王教授'] },
  RECORD_MOCK_DEFENSE: { result: 'ready', problems: [] },
  SCHEDULE_EXPERT_ACCEPTANCE: { date: '2018-04-01', panel: ['王教授', '李工'] },
  RECORD_EXPERT_VERDICT: { verdict: 'pass', panel: ['王教授', '李工'], opinions: '同意通过验收' },
  SUBMIT_RECTIFICATION: { fixed: ['补充检测报告'] },
  TERMINATE: { reason: '企业主动申请撤销' },
  COACHING: { topic: '验收材料准备', notes: '一对一辅导' },
  SITE_VISIT: { experts: ['王教授'], findings: ['主体工程已完工'] },
  ASK_QUESTION: { question: '专项审计由谁委托？', topic: 'acceptance' },
  ANSWER_QUESTION: { questionId: '1', answer: '由企业委托有资质的事务所' },
  REFERRAL: { program: 'ip', note: '专利布局' },
};

/** Who sends each event in the path tests. */
export const senders: Record<string, Actor> = {
  SUBMIT: enterprise,
  SUSPEND: enterprise,
  RESUME: enterprise,
  PROGRESS_REPORT: enterprise,
  REQUEST_CHANGE: enterprise,
  APPLY_ACCEPTANCE: enterprise,
  SUBMIT_SUPPLEMENT: enterprise,
  SUBMIT_RECTIFICATION: enterprise,
  ASK_QUESTION: enterprise,
  SCHEDULE_MOCK_DEFENSE: service,
  RECORD_MOCK_DEFENSE: service,
  COACHING: service,
  RECORD_EXPERT_VERDICT: expert,
};

export function senderOf(type: string): Actor {
  if (type.startsWith('xstate.after.')) return system;
  return senders[type] ?? bureau;
}

/** Drives one instance through events, recording each accepted event like the event store would. */
export class Driver {
  snapshot: SnapshotJson;
  readonly recorded: RecordedEvent[] = [];
  readonly stored: SnapshotJson[] = [];
  last: StepResult;

  constructor(
    readonly definition: LifecycleDefinition,
    readonly startedAt = '2015-03-01T09:00:00+08:00',
    data: JsonObject = projectData,
  ) {
    const started = initialize(definition, data, enterprise, startedAt);
    if (!started.ok) throw new Error(JSON.stringify(started.refusal));
    this.snapshot = started.snapshot;
    this.stored.push(started.snapshot);
    this.last = started;
  }

  send(
    type: string,
    at: string,
    payload: JsonObject = samplePayloads[type] ?? {},
    actor = senderOf(type),
  ): StepResult {
    this.last = step(this.definition, this.snapshot, { type, payload }, actor, at);
    if (this.last.ok) {
      this.snapshot = this.last.snapshot;
      this.recorded.push({ type, payload, actor, at });
      this.stored.push(this.last.snapshot);
    }
    return this.last;
  }

  /** Sends and fails the test with the refusal when refused. */
  ok(type: string, at: string, payload?: JsonObject, actor?: Actor) {
    const result = this.send(type, at, payload, actor);
    if (!result.ok) throw new Error(`${type} refused: ${JSON.stringify(result.refusal)}`);
    return result;
  }
}

export const OVERDUE_ACTIVE = 'xstate.after.overdue.industrial-project.construction.active';
export const REMINDER_ACTIVE = 'xstate.after.reportReminder.industrial-project.construction.active';
export const OVERDUE_KEY = 'industrial-project.construction.active#overdue';
export const REMINDER_KEY = 'industrial-project.construction.active#reportReminder';
