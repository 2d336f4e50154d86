import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import { safeSvgElement } from './safe-svg';

/**
 * A diagram placed in the page itself rather than in an <img>, so the hover tooltips Graphviz writes
 * as <title> (a project's entry times per state) reach the reader. Announced as one image with `label`.
 */
export function SvgView(props: { svg: string; label: string }): JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = safeSvgElement(props.svg);
    if (!box.current) return;
    if (!element) {
      box.current.textContent = t('diagramUnreadable');
      return;
    }
    element.setAttribute('role', 'img');
    element.setAttribute('aria-label', props.label);
    element.setAttribute('focusable', 'false');
    box.current.replaceChildren(element);
  }, [props.svg, props.label]);
  return <div class="diagram" ref={box} />;
}
