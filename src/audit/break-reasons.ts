import type { LocalizedLabel } from '../lifecycle/definition.types';

/** Why the audit trail fails verification; each comes with a label for people. */
export const BREAK_REASONS = {
  modified: {
    zh: '记录被改动：重新计算的内容或哈希与存储的不符',
    en: 'Modified: the recomputed entry or hash differs from what is stored',
  },
  missing: {
    zh: '记录缺失：该版本的事件、审计记录或项目记录不存在',
    en: 'Missing: the event, audit entry or project row of this version is gone',
  },
  reordered: {
    zh: '顺序被调换：审计记录不属于此位置',
    en: 'Reordered: the audit entry belongs to another place in the chain',
  },
  truncated: {
    zh: '尾部被截断：链的末端早于链头记录或检查点',
    en: 'Truncated: the chain ends before its recorded head or the checkpoint',
  },
  untrusted: {
    zh: '检查点签名不可信：未由配置的公钥签名',
    en: 'Untrusted: the checkpoint is not signed by the configured public key',
  },
} as const satisfies Record<string, LocalizedLabel>;

export type BreakReason = keyof typeof BREAK_REASONS;
