import type { JSX } from 'preact';
import { t } from '../i18n';
import type { JsonSchema } from '../types';
import { fieldLabel, optionLabel } from './field-names';
import { encodeOption, fieldsOf, type Field, type FormValue, type FormValues } from './fields';
import { fieldMessage } from './messages';

export interface FieldsProps {
  schema: JsonSchema;
  base?: string;
  values: FormValues;
  errors: Record<string, string[]>;
  idPrefix: string;
  onChange: (pointer: string, value: FormValue) => void;
}

/** The inputs for an object schema; each field carries its label, hint and the API's errors. */
export function SchemaFields(props: FieldsProps): JSX.Element {
  return (
    <div class="fields">
      {fieldsOf(props.schema, props.base).map((field) => (
        <FieldView key={field.pointer} {...props} field={field} />
      ))}
    </div>
  );
}

function FieldView(props: FieldsProps & { field: Field }): JSX.Element {
  const { field } = props;
  const id = `${props.idPrefix}${field.pointer.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const errors = props.errors[field.pointer] ?? [];
  const describedBy = [hintOf(field) ? `${id}-hint` : '', errors.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const common = { id, describedBy, invalid: errors.length > 0 };
  const labelText = (
    <>
      {fieldLabel(field.name, field.schema)}
      {field.required && (
        <span class="required">
          {' '}
          *<span class="sr-only">{t('required')}</span>
        </span>
      )}
    </>
  );
  const grouped = field.kind === 'multi' || field.kind === 'objects' || field.kind === 'object';
  return (
    <div class={`field field-${field.kind}${errors.length ? ' has-error' : ''}`} data-pointer={field.pointer}>
      {grouped ? (
        <fieldset aria-describedby={describedBy || undefined}>
          <legend>{labelText}</legend>
          {control(props, common)}
        </fieldset>
      ) : field.kind === 'boolean' ? (
        <label class="check" for={id}>
          {control(props, common)} {labelText}
        </label>
      ) : (
        <>
          <label for={id}>{labelText}</label>
          {control(props, common)}
        </>
      )}
      {hintOf(field) && (
        <p class="hint" id={`${id}-hint`}>
          {hintOf(field)}
        </p>
      )}
      {errors.length > 0 && (
        <p class="field-error" id={`${id}-error`}>
          {errors.map(fieldMessage).join('；')}
        </p>
      )}
    </div>
  );
}

function hintOf(field: Field): string {
  const parts: string[] = [];
  if (field.schema.description && field.schema.title) parts.push(field.schema.description);
  if (field.kind === 'list') parts.push(t('onePerLine'));
  const { minimum, maximum } = field.schema;
  if (
    (field.kind === 'number' || field.kind === 'integer') &&
    minimum !== undefined &&
    maximum !== undefined
  ) {
    parts.push(`${minimum} – ${maximum}`);
  }
  return parts.join(' · ');
}

interface Common {
  id: string;
  describedBy: string;
  invalid: boolean;
}

function control(props: FieldsProps & { field: Field }, common: Common): JSX.Element {
  const { field, values, onChange } = props;
  const aria = {
    id: common.id,
    'aria-describedby': common.describedBy || undefined,
    'aria-invalid': common.invalid || undefined,
    'aria-required': field.required || undefined,
  };
  const text = typeof values[field.pointer] === 'string' ? (values[field.pointer] as string) : '';
  const onText = (event: Event) => onChange(field.pointer, (event.currentTarget as HTMLInputElement).value);
  switch (field.kind) {
    case 'boolean':
      return (
        <input
          type="checkbox"
          {...aria}
          checked={values[field.pointer] === true}
          onChange={(event) => onChange(field.pointer, event.currentTarget.checked)}
        />
      );
    case 'enum':
      return (
        <select {...aria} value={text} onChange={onText}>
          <option value="">{t('choose')}</option>
          {(field.schema.enum ?? []).map((option) => (
            <option key={encodeOption(option)} value={encodeOption(option)}>
              {optionLabel(encodeOption(option))}
            </option>
          ))}
        </select>
      );
    case 'number':
    case 'integer':
      // Text, not type=number: what was typed reaches the API, which names a wrong type beside the field.
      return (
        <input
          type="text"
          inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'}
          {...aria}
          value={text}
          onInput={onText}
        />
      );
    case 'date':
      return <input type="date" {...aria} value={text} onInput={onText} />;
    case 'datetime':
      return <input type="datetime-local" {...aria} value={text} onInput={onText} />;
    case 'textarea':
    case 'list':
      return <textarea {...aria} rows={field.kind === 'list' ? 3 : 4} value={text} onInput={onText} />;
    case 'multi':
      return <MultiChoice {...props} id={common.id} />;
    case 'objects':
      return <ObjectList {...props} />;
    case 'object':
      return <SchemaFields {...props} schema={field.schema} base={field.pointer} />;
    default:
      return <input type="text" {...aria} value={text} onInput={onText} maxLength={field.schema.maxLength} />;
  }
}

function MultiChoice(props: FieldsProps & { field: Field; id: string }): JSX.Element {
  const { field, values, onChange } = props;
  const chosen = Array.isArray(values[field.pointer]) ? (values[field.pointer] as string[]) : [];
  return (
    <div class="choices">
      {(field.schema.items?.enum ?? []).map((option, index) => {
        const value = encodeOption(option);
        const id = `${props.id}-${index}`;
        return (
          <label key={value} for={id} class="check">
            <input
              type="checkbox"
              id={id}
              checked={chosen.includes(value)}
              onChange={(event) =>
                onChange(
                  field.pointer,
                  event.currentTarget.checked ? [...chosen, value] : chosen.filter((item) => item !== value),
                )
              }
            />{' '}
            {optionLabel(value)}
          </label>
        );
      })}
    </div>
  );
}

function ObjectList(props: FieldsProps & { field: Field }): JSX.Element {
  const { field, values, onChange } = props;
  const count = Number(values[field.pointer]) || 0;
  return (
    <div class="object-list">
      {Array.from({ length: count }, (_, index) => (
        <div class="object-item" key={index}>
          <p class="object-item-title">{t('item', { n: index + 1 })}</p>
          <SchemaFields {...props} schema={field.schema.items ?? {}} base={`${field.pointer}/${index}`} />
          {index === count - 1 && (
            <button type="button" class="link" onClick={() => onChange(field.pointer, String(count - 1))}>
              {t('removeItem')}
            </button>
          )}
        </div>
      ))}
      <button type="button" class="secondary" onClick={() => onChange(field.pointer, String(count + 1))}>
        {t('addItem')}
      </button>
    </div>
  );
}
