import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { request } from '../api';
import { t } from '../i18n';
import { describeError } from './errors';
import { SvgView } from './svg-view';

/** An SVG diagram from the API, fetched with the key (an <img src> cannot send it). */
export function Diagram(props: { path: string; alt: string; refresh?: number }): JSX.Element {
  const [svg, setSvg] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const controller = new AbortController();
    setError(undefined);
    request(props.path, { headers: { Accept: 'image/svg+xml' }, signal: controller.signal })
      .then((response) => response.text())
      .then(setSvg)
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(describeError(caught));
      });
    return () => controller.abort();
  }, [props.path, props.refresh]);
  if (error) return <p class="notice muted">{`${t('diagram')}: ${error}`}</p>;
  if (!svg) return <p class="loading">{t('loading')}</p>;
  return <SvgView svg={svg} label={props.alt} />;
}
