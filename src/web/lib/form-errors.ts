import { isApiError } from './api-client';

export interface FieldErrorEntry<N extends string = string> {
  name: N;
  errors: string[];
}

/**
 * Turns the server's `fields` (JSON pointers such as `/phone`) into entries for a form's
 * `setFields`, keeping only fields the form actually shows so nothing is silently dropped:
 * the caller still shows the top-level message for the rest.
 */
export function fieldErrorsFor<const N extends string>(
  error: unknown,
  formFields: readonly N[],
  /** Domain codes that are about one input even when the server names no field, e.g. PHONE_TAKEN → phone. */
  codeFields: Readonly<Record<string, N>> = {},
): FieldErrorEntry<N>[] {
  if (!isApiError(error)) return [];
  const isFormField = (name: string): name is N => (formFields as readonly string[]).includes(name);
  const byName = new Map<N, string[]>();
  const codeField = codeFields[error.code];
  if (error.fields.length === 0 && codeField && isFormField(codeField)) {
    return [{ name: codeField, errors: [error.message] }];
  }
  // A domain error (INVALID_ID_NUMBER…) already says what is wrong in its message; its field
  // entry only points at the input. Schema errors carry one message per field.
  const useTopMessage = error.code !== 'VALIDATION_FAILED';
  for (const field of error.fields) {
    const name = field.path.replace(/^\//, '').split('/')[0] ?? '';
    if (!isFormField(name)) continue;
    const message = useTopMessage ? error.message : field.message;
    const existing = byName.get(name) ?? [];
    if (!existing.includes(message)) byName.set(name, [...existing, message]);
  }
  return [...byName].map(([name, errors]) => ({ name, errors }));
}

export function errorMessage(error: unknown, fallback: string): string {
  if (isApiError(error)) return error.message;
  return fallback;
}
