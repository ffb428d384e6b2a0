import type * as z from 'zod/mini';
import { labelOf } from '../schema-labels.ts';
import type { FieldError } from './problem.ts';

const TYPE_NAMES: Record<string, string> = {
  string: 'une chaîne de caractères',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'un booléen (true ou false)',
  object: 'un objet',
  array: 'une liste',
};

/** "at least / at most N characters, items" or "≥ / ≤ N" depending on what is measured. */
function bound(field: string, origin: string, limit: unknown, quantity: string, comparison: string): string {
  const unit = origin === 'string' ? 'caractère(s)' : origin === 'array' ? 'élément(s)' : undefined;
  return unit
    ? `Le champ « ${field} » doit contenir ${quantity} ${String(limit)} ${unit}.`
    : `Le champ « ${field} » doit être ${comparison} ou égal à ${String(limit)}.`;
}

function describe(issue: z.core.$ZodRawIssue, field: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `Le champ « ${field} » est obligatoire.`
        : `Le champ « ${field} » doit être ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
    case 'too_small':
      return bound(field, issue.origin, issue.minimum, 'au moins', 'supérieur');
    case 'too_big':
      return bound(field, issue.origin, issue.maximum, 'au plus', 'inférieur');
    case 'invalid_format':
      return issue.format === 'email'
        ? `Le champ « ${field} » doit être une adresse électronique valide.`
        : `Le format du champ « ${field} » est invalide.`;
    case 'invalid_value':
      return `Le champ « ${field} » doit valoir l'une des valeurs suivantes : ${issue.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return `Champ(s) inconnu(s) : ${issue.keys.join(', ')}.`;
    default:
      return `Le champ « ${field} » est invalide.`;
  }
}

/**
 * French default messages, passed to `safeParse` so that a schema's own `error` (the guide's
 * wording) still wins: zod uses schema-level messages first, then this per-parse map. A field is
 * named by its label (`labelled`), its path only when it has none.
 */
export const frenchErrorMap = (issue: z.core.$ZodRawIssue): string => {
  const path = issue.path ?? [];
  const name = labelOf(issue.inst) ?? (path.length > 0 ? path.map(String).join('.') : 'corps de la requête');
  return describe(issue, name);
};

/** Turns zod issues into `errors[]` entries, each naming its field under `location` (body, query, path). */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], location: string): FieldError[] {
  return issues.flatMap((issue) => {
    const base = [location, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((name) => ({
        path: [...base, name].join('.'),
        message: `Le champ « ${name} » est inconnu.`,
      }));
    }
    return [{ path: base.join('.'), message: issue.message }];
  });
}

/**
 * Every string of the input (object keys included) must be well-formed Unicode: a lone surrogate
 * (`"\ud800"`, legal in JSON) cannot be encoded in UTF-8, so it would break whatever later encodes
 * it (a header, a PDF, an email). Checked once here for every route, before its schema.
 */
export function illFormedStrings(value: unknown, location: string): FieldError[] {
  const found: FieldError[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (typeof node === 'string') {
      if (!node.isWellFormed()) {
        const field = path.length > 0 ? path.join('.') : 'corps de la requête';
        found.push({
          path: [location, ...path].join('.'),
          message: `Le champ « ${field} » contient des caractères invalides (Unicode mal formé).`,
        });
      }
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        const name = key.toWellFormed();
        if (name !== key) walk(key, [...path, name]);
        else walk(child, [...path, key]);
      }
    }
  };
  walk(value, []);
  return found;
}
