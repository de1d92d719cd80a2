/**
 * What a form does with the errors of a submit, the contract's (checked before sending) and the API's
 * (`HttpError.body.errors`, built by http-client.ts from the error's `details` fields or its code, see
 * `RequestOptions.fieldName` / `codeFields`; react-admin puts them on the form's fields): the first field
 * with a message, in the order the form shows them, is scrolled into view and focused. A toast is left
 * only for what no input shows — a form-level error (`root.serverError`) or a field the form has no
 * input for — instead of react-admin's "The form is not valid".
 */
import { useEffect, useRef } from 'react';
import { useFormContext, useFormState, type FieldErrors } from 'react-hook-form';
import { SimpleForm, useNotify, type SimpleFormProps } from 'react-admin';
import { formLevelError } from './contract-form';

/** Field path → message of every error in react-hook-form's nested error tree. */
export function errorMessagesOf(errors: FieldErrors, prefix = ''): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string' && message) found.push([path, message]);
    // `type`, `message`, `ref` and `types` belong to the error itself, not to nested fields.
    const nested = Object.fromEntries(
      Object.entries(value).filter(([name]) => !['ref', 'types', 'message', 'type'].includes(name)),
    );
    found.push(...errorMessagesOf(nested as FieldErrors, path));
  }
  return found;
}

/** The form's element for a field path: its input (or first radio/checkbox) named after it. */
function inputOf(form: HTMLFormElement, path: string): HTMLElement | null {
  const named = form.querySelectorAll<HTMLElement>(`[name="${CSS.escape(path)}"]`);
  for (const element of named) {
    if (element instanceof HTMLInputElement && element.type === 'hidden') continue;
    return element;
  }
  return null;
}

function firstInDocumentOrder(elements: HTMLElement[]): HTMLElement | undefined {
  return [...elements].sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  )[0];
}

/**
 * Inside a react-admin form (`<SimpleForm>`, `<Form>`): after each submit that ended with errors, moves
 * to the first field that shows one, and notifies what no field shows. Pair it with
 * `disableInvalidFormNotification` on the form (or use `FieldErrorForm`).
 */
export function FocusFieldErrors() {
  const { control } = useFormContext();
  const { errors, submitCount, isSubmitting } = useFormState({ control });
  const notify = useNotify();
  const marker = useRef<HTMLSpanElement>(null);
  const handled = useRef(submitCount);

  useEffect(() => {
    if (isSubmitting || submitCount === handled.current) return;
    handled.current = submitCount;
    const form = marker.current?.closest('form');
    const messages = errorMessagesOf(errors);
    if (!form || messages.length === 0) return;
    const inputs: HTMLElement[] = [];
    const unshown: string[] = [];
    for (const [path, message] of messages) {
      const input = path === formLevelError ? null : inputOf(form, path);
      if (input) inputs.push(input);
      else unshown.push(message);
    }
    const first = firstInDocumentOrder(inputs);
    if (first) {
      first.scrollIntoView({ block: 'center' });
      first.focus({ preventScroll: true });
    }
    if (unshown.length > 0) notify([...new Set(unshown)].join(' '), { type: 'error' });
  }, [errors, submitCount, isSubmitting, notify]);

  return <span ref={marker} hidden />;
}

/** `<SimpleForm>` that moves to its first error after a submit (see `FocusFieldErrors`). */
export function FieldErrorForm({ children, ...props }: SimpleFormProps) {
  return (
    <SimpleForm disableInvalidFormNotification {...props}>
      {children}
      <FocusFieldErrors />
    </SimpleForm>
  );
}
