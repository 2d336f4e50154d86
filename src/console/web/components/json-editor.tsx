import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

interface Props {
  value: string;
  readOnly: boolean;
  label: string;
  onChange: (text: string) => void;
}

/**
 * A JSON editor with syntax highlighting. CodeMirror is loaded on first use, as its own chunk, so only
 * the definitions page pays for it; until then (or if it cannot load) a plain textarea does the job.
 */
export function JsonEditor(props: Props): JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const [enhanced, setEnhanced] = useState(false);

  useEffect(() => {
    let destroyed = false;
    let destroy: (() => void) | undefined;
    import('./codemirror-setup')
      .then(({ createJsonEditor }) => {
        if (destroyed || !host.current) return;
        destroy = createJsonEditor(host.current, {
          doc: props.value,
          readOnly: props.readOnly,
          label: props.label,
          onChange: (text) => onChange.current(text),
        });
        setEnhanced(true);
      })
      .catch(() => undefined);
    return () => {
      destroyed = true;
      destroy?.();
    };
  }, [props.readOnly]);

  return (
    <div class="json-editor">
      <div ref={host} class="cm-host" />
      {!enhanced && (
        <>
          <p class="muted small">{t('editorLoading')}</p>
          <textarea
            aria-label={props.label}
            class="code"
            rows={24}
            readOnly={props.readOnly}
            value={props.value}
            onInput={(event) => props.onChange(event.currentTarget.value)}
          />
        </>
      )}
    </div>
  );
}
