import { Ajv } from 'ajv';
import { z } from 'zod';

/**
 * A wire schema compiled with Ajv, for the items of long lists (a program's 50,000 enrollments).
 * zod stays the one definition (wire.ts): Ajv compiles the JSON Schema zod emits for it. Why:
 * Ajv checks the parsed JSON in place, where zod builds a copy of every object it parses; on a
 * 60 MB list that is 2-3x the time (issue 9, measured in the README's Performance section).
 * Both accept the same values (test/client/list-items.test.ts checks them side by side): the
 * schemas have no transforms or defaults, so the checked value is what zod would return, plus
 * any keys Flip added (which the mappers never read).
 */
export type Check<T> = (value: unknown) => { ok: true; value: T } | { ok: false; path: string };

const ajv = new Ajv({ allErrors: false, strict: false });

export function compileWireSchema<T>(schema: z.ZodType<T>): Check<T> {
  // io 'input': objects stay open to extra keys, as zod's (which strips them) are.
  const validate = ajv.compile<T>(z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }));
  return (value) => {
    if (validate(value)) return { ok: true, value };
    return { ok: false, path: pathOf(validate.errors?.[0]) };
  };
}

/** `/site/groups/0/id` -> `site.groups.0.id`; a missing property is named as zod would name it. */
function pathOf(error: { instancePath: string; params: Record<string, unknown> } | undefined): string {
  if (!error) return '';
  const steps = error.instancePath.split('/').slice(1);
  const missing = error.params.missingProperty;
  if (typeof missing === 'string') steps.push(missing);
  return steps.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
}
