import { ApiError } from '../api/http';

/** Where the runtime's refusal belongs: at the form's fields it names, or above the form. */
export interface PlacedIssues<Field extends string> {
  byField: Partial<Record<Field, string>>;
  /** The error itself when some of it names no field of the form (or it is not a refusal at all). */
  general?: unknown;
}

/**
 * Places a refusal's issues at the fields `fieldOf` maps their paths to; schema errors name body and path fields
 * `body.x` and `params.x`, which `fieldOf` sees as `x`. Several issues at one field are joined. A 409 goes to
 * `conflictAt` when the form names one.
 */
export function placeIssues<Field extends string>(
  error: unknown,
  fieldOf: (path: string) => Field | undefined,
  conflictAt?: Field,
): PlacedIssues<Field> {
  if (!(error instanceof ApiError)) return { byField: {}, general: error };
  const byField: Partial<Record<Field, string>> = {};
  if (error.status === 409 && conflictAt !== undefined) return { byField: { ...byField, [conflictAt]: error.message } };
  const elsewhere = error.issues.filter((issue) => {
    const field = fieldOf(issue.path.replace(/^(body|params)\./, ''));
    if (field === undefined) return true;
    const earlier = byField[field];
    byField[field] = earlier ? `${earlier}; ${issue.message}` : issue.message;
    return false;
  });
  const placed = Object.keys(byField).length > 0 && elsewhere.length === 0;
  return placed ? { byField } : { byField, general: error };
}

/** For forms whose fields are the body's top-level keys: an issue at `name` or `name.first` belongs at `name`. */
export function topLevelField<Field extends string>(fields: readonly Field[]): (path: string) => Field | undefined {
  return (path) => fields.find((field) => field === path.split('.')[0]);
}
