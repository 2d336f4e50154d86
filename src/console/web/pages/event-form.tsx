import type { JSX } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { describeError } from '../components/errors';
import { label, t } from '../i18n';
import { fieldLabel } from '../schema-form/field-names';
import {
  errorsByField,
  fieldPointers,
  initialValues,
  payloadOf,
  type FormValue,
} from '../schema-form/fields';
import { fieldMessage } from '../schema-form/messages';
import { SchemaFields } from '../schema-form/schema-form';
import type { AvailableEvent } from '../types';

interface Props {
  projectId: string;
  version: number;
  event: AvailableEvent;
  onSent: (message: string) => void;
  onStale: () => void;
}

/** One event the caller may send now, as a form generated from its payload schema. */
export function EventForm(props: Props): JSX.Element {
  const { event } = props;
  const [values, setValues] = useState(() => initialValues(event.payload));
  const [errors, setErrors] = useState<{ path: string; message: string }[]>([]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  // One key per attempt, kept across retries of the same values so a lost answer is not sent twice.
  const idempotencyKey = useRef(crypto.randomUUID());
  const summaryRef = useRef<HTMLDivElement>(null);
  const idPrefix = `ev-${event.type}`;
  const grouped = useMemo(
    () => errorsByField(errors, fieldPointers(event.payload, values)),
    [errors, values, event.payload],
  );

  function change(pointer: string, value: FormValue): void {
    setValues((previous) => ({ ...previous, [pointer]: value }));
    idempotencyKey.current = crypto.randomUUID();
  }

  async function submit(submitEvent: Event): Promise<void> {
    submitEvent.preventDefault();
    setBusy(true);
    setFailure(undefined);
    setErrors([]);
    try {
      await api(`/api/projects/${props.projectId}/events`, {
        method: 'POST',
        body: { type: event.type, payload: payloadOf(event.payload, values) },
        headers: { 'If-Match': `"${props.version}"`, 'Idempotency-Key': idempotencyKey.current },
      });
      idempotencyKey.current = crypto.randomUUID();
      setValues(initialValues(event.payload));
      props.onSent(`${t('sent')}${label(event.label, event.type)}`);
    } catch (caught) {
      showFailure(caught);
    } finally {
      setBusy(false);
    }
  }

  function showFailure(caught: unknown): void {
    if (caught instanceof ApiError && caught.status === 412) {
      setFailure(t('stale'));
      props.onStale();
    } else if (caught instanceof ApiError && caught.problem.errors?.length) {
      setErrors(caught.problem.errors);
      setFailure(t('fixFields'));
    } else {
      setFailure(describeError(caught));
    }
    // The summary is announced and takes focus, so keyboard users land on what to fix.
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  const unplaced = grouped[''] ?? [];
  return (
    <form
      class="event-form"
      onSubmit={submit}
      noValidate
      aria-describedby={failure ? `${idPrefix}-summary` : undefined}
    >
      {event.description && <p class="muted">{label(event.description)}</p>}
      {failure && (
        <div class="notice error" id={`${idPrefix}-summary`} role="alert" tabIndex={-1} ref={summaryRef}>
          <p>{failure}</p>
          {errors.length > 0 && (
            <ul>
              {errors.map((error) => (
                <li key={error.path + error.message}>
                  {pointerLabel(error.path)}：{fieldMessage(error.message)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <SchemaFields
        schema={event.payload}
        values={values}
        errors={grouped}
        idPrefix={idPrefix}
        onChange={change}
      />
      {unplaced.length > 0 && <p class="field-error">{unplaced.map(fieldMessage).join('；')}</p>}
      <button type="submit" disabled={busy}>
        {busy ? t('sending') : `${t('submit')}：${label(event.label, event.type)}`}
      </button>
    </form>
  );
}

/** `/payload/helpRequested/0/kind` → `Help requested › 1 › Kind`, in the field names the form shows. */
function pointerLabel(path: string): string {
  const parts = path
    .replace(/^\/payload\/?/, '')
    .split('/')
    .filter(Boolean);
  if (parts.length === 0) return t('event');
  return parts
    .map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : fieldLabel(part, {})))
    .join(' › ');
}
