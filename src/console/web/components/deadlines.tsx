import type { Deadline } from '../types';
import { formatTime, t } from '../i18n';

const DAY_MS = 86_400_000;

function delayLabel(delay: string): string {
  if (delay === 'overdue') return t('delayOverdue');
  if (delay === 'reportReminder') return t('delayReportReminder');
  return delay;
}

/** Each deadline with how it was derived: rule, base date, offset, time paused, approved changes. */
export function Deadlines(props: { deadlines: Deadline[] }) {
  if (props.deadlines.length === 0) return <p class="muted">{t('noDeadlines')}</p>;
  return (
    <ul class="deadlines">
      {props.deadlines.map((deadline) => (
        <li key={deadline.key} data-testid={`deadline-${deadline.delay}`}>
          <strong>{delayLabel(deadline.delay)}</strong> · {formatTime(deadline.dueAt)}
          <dl class="derivation">
            <dt>{t('deadlineRule')}</dt>
            <dd>
              <code>{deadline.derivation.rule}</code>
            </dd>
            {deadline.derivation.baseDate && (
              <>
                <dt>{t('deadlineBase')}</dt>
                <dd>{deadline.derivation.baseDate}</dd>
              </>
            )}
            <dt>{t('deadlineOffset')}</dt>
            <dd>{deadline.derivation.offset}</dd>
            {deadline.derivation.pausedMs > 0 && (
              <>
                <dt>{t('deadlinePaused')}</dt>
                <dd>
                  {Math.round(deadline.derivation.pausedMs / DAY_MS)} {t('days')}
                </dd>
              </>
            )}
            {deadline.derivation.changes.length > 0 && (
              <>
                <dt>{t('deadlineChanges')}</dt>
                <dd>{deadline.derivation.changes.length}</dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}
