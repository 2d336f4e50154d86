import type { JSX } from 'preact';
import { t } from '../i18n';
import { useLiveStatus } from '../stream';

/** Whether live updates are arriving, said in words and not only in colour. */
export function LiveBadge(): JSX.Element {
  const status = useLiveStatus();
  const text =
    status === 'live' ? t('liveConnected') : status === 'polling' ? t('livePolling') : t('liveReconnecting');
  return (
    <span class={`badge live-${status}`} role="status">
      {text}
    </span>
  );
}
