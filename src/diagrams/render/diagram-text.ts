import type { LifecycleDefinition, NamedRef } from '../../lifecycle/definition.types';
import type { DiagramState, DiagramTransition } from './diagram-model.types';
import type { DiagramLang } from './diagram-options.types';

/** The words the diagrams print, in each language. */
export const DIAGRAM_WORDS = {
  zh: {
    anyOpenState: '任何未结束状态',
    recordsOnly: '仅记录，不改变状态：',
    entered: '进入时间：',
    notEntered: '尚未进入',
    counts: (now: number, ever: number) => `现有 ${now} · 累计 ${ever}`,
    // A word, not a clock glyph: fonts without emoji drew it as a box.
    deadline: '期限',
  },
  en: {
    anyOpenState: 'Any open state',
    recordsOnly: 'Recorded, no state change:',
    entered: 'Entered:',
    notEntered: 'Not entered yet',
    counts: (now: number, ever: number) => `now ${now} · ever ${ever}`,
    deadline: 'deadline',
  },
} as const;

export function stateLabelOf(state: DiagramState, lang: DiagramLang): string {
  return state.label?.[lang] ?? state.key;
}

/** `专家验收结论 [payloadEquals]` or `期限 overdue (plannedCompletion + P1Y)`. */
export function transitionLabelOf(
  transition: DiagramTransition,
  definition: LifecycleDefinition,
  lang: DiagramLang,
): string {
  const trigger = transition.trigger;
  const head =
    trigger.kind === 'event'
      ? (definition.events[trigger.event]?.label[lang] ?? trigger.event)
      : `${DIAGRAM_WORDS[lang].deadline} ${trigger.delay}${delaySummaryOf(definition.delays?.[trigger.delay])}`;
  return transition.guard === undefined ? head : `${head} [${transition.guard.type}]`;
}

/** The full references, for tooltips: event type, delay and guard with their params. */
export function transitionDetailOf(transition: DiagramTransition, definition: LifecycleDefinition): string {
  const trigger = transition.trigger;
  const delay = trigger.kind === 'after' ? definition.delays?.[trigger.delay] : undefined;
  const delayText = delay === undefined ? '' : ` (${namedRefText(delay)})`;
  const guard = transition.guard === undefined ? '' : ` [${namedRefText(transition.guard)}]`;
  return `${transition.eventType}${delayText}${guard}`;
}

/** ` (plannedCompletion + P1Y)`: the first date-like param plus the first ISO 8601 duration, else every param. */
function delaySummaryOf(delay: NamedRef | undefined): string {
  if (delay === undefined) return '';
  const strings = Object.values(delay.params ?? {}).filter((value): value is string => typeof value === 'string');
  const offset = strings.find(isIsoDuration);
  if (offset === undefined) return ` (${namedRefText(delay)})`;
  const base = strings.find((value) => !isIsoDuration(value));
  // References into the project's context read better without the `context.` prefix.
  return base === undefined ? ` (${offset})` : ` (${base.replace(/^context\./, '')} + ${offset})`;
}

function isIsoDuration(value: string): boolean {
  return /^-?P(?=\d|T\d)/.test(value);
}

function namedRefText(ref: NamedRef): string {
  const params = Object.entries(ref.params ?? {}).map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  return params.length === 0 ? ref.type : `${ref.type} ${params.join(', ')}`;
}
