import type { JSX } from 'preact';
import { fieldLabel, optionLabel } from '../schema-form/field-names';
import { formatTime, t } from '../i18n';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
import type { Json, JsonObject, JsonSchema } from '../types';

/** A payload or context as labelled fields, never as raw JSON. */
export function Readable(props: { value: JsonObject; schema?: JsonSchema; depth?: number }): JSX.Element {
  const entries = Object.entries(props.value);
  if (entries.length === 0) return <span class="muted">{t('none')}</span>;
  return (
    <dl class="readable">
      {entries.map(([name, value]) => (
        <div key={name} class="readable-row">
          <dt>{fieldLabel(name, props.schema?.properties?.[name] ?? {})}</dt>
          <dd>
            <ReadableValue value={value} schema={props.schema?.properties?.[name]} depth={props.depth ?? 0} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ReadableValue(props: { value: Json; schema?: JsonSchema; depth: number }): JSX.Element {
  const { value } = props;
  if (value === null) return <span class="muted">—</span>;
  if (typeof value === 'boolean') return <span>{value ? t('yes') : t('no')}</span>;
  if (typeof value === 'number') return <span>{value.toLocaleString()}</span>;
  if (typeof value === 'string') {
    if (ISO_TIME.test(value)) return <time dateTime={value}>{formatTime(value)}</time>;
    return <span>{optionLabel(value)}</span>;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <span class="muted">{t('none')}</span>;
    return (
      <ul class="readable-list">
        {value.map((item, index) => (
          <li key={index}>
            <ReadableValue value={item} schema={props.schema?.items} depth={props.depth + 1} />
          </li>
        ))}
      </ul>
    );
  }
  if (props.depth > 3) return <code>{JSON.stringify(value)}</code>;
  return <Readable value={value} schema={props.schema} depth={props.depth + 1} />;
}
