import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { request } from '../api';
import { t } from '../i18n';
import { describeError } from './errors';

/**
 * An SVG diagram from the API. Fetched with the key (an <img src> cannot send it) and shown as an
 * image, so nothing in it runs in the page.
 */
export function Diagram(props: { path: string; alt: string; refresh?: number }): JSX.Element {
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const controller = new AbortController();
    let objectUrl: string | undefined;
    setError(undefined);
    request(props.path, { headers: { Accept: 'image/svg+xml' }, signal: controller.signal })
      .then((response) => response.blob())
      .then((blob) => {
        objectUrl = URL.createObjectURL(new Blob([blob], { type: 'image/svg+xml' }));
        setUrl(objectUrl);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(describeError(caught));
      });
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [props.path, props.refresh]);
  if (error) return <p class="notice muted">{`${t('diagram')}: ${error}`}</p>;
  if (!url) return <p class="loading">{t('loading')}</p>;
  return (
    <div class="diagram">
      <a href={url} target="_blank" rel="noopener">
        <img src={url} alt={props.alt} />
      </a>
    </div>
  );
}
