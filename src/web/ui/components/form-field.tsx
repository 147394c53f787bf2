/**
 * A labelled form field with its error message, and the summary of a form's problems.
 */
import { h } from '../jsx.js';

export type FieldErrors = Record<string, string>;

/**
 * A labelled form field with an optional hint and its error beside it, tied together with
 * aria-describedby and aria-invalid so screen readers announce both.
 */
export function Field(props: {
  name: string;
  label: string;
  type: 'email' | 'text' | 'password' | 'textarea' | 'date' | 'number';
  autocomplete?: string;
  value?: string | null;
  hint?: string;
  required?: boolean;
  readonly?: boolean;
  /** The id of a `<datalist>` of suggestions; any other value may still be typed. */
  list?: string;
  errors: FieldErrors;
}) {
  const id = `field-${props.name}`;
  const error = props.errors[props.name];
  const describedBy = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: props.name,
    required: props.required ?? false,
    readonly: props.readonly ?? false,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.type === 'textarea' ? (
        <textarea {...common} rows={4}>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          type={props.type}
          autocomplete={props.autocomplete}
          list={props.list}
          value={props.type === 'password' ? undefined : (props.value ?? undefined)}
        />
      )}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A problem with the form as a whole (not one field), announced when the page loads. */
export function FormProblem(props: { errors: FieldErrors }) {
  return props.errors.form ? (
    <p class="form-error" role="alert">
      {props.errors.form}
    </p>
  ) : null;
}
