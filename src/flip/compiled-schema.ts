import { Ajv } from 'ajv';
import { z } from 'zod';

/**
 * Wire schemas compiled with Ajv, which every Flip answer is checked with (http.ts). zod stays
 * the one definition (wire.ts): Ajv compiles the JSON Schema zod emits for it. Why: Ajv checks
 * the parsed JSON in place, where zod builds a copy of every object it parses; on a 60 MB list
 * that is 2-3x the time, and a tenth of a by-id request's CPU (issue 9, test/bench/README.md).
 * Both accept the same values (test/client/list-streaming.test.ts checks them side by side): the
 * response schemas have no transforms or defaults, so the checked value is what zod would return,
 * plus any keys Flip added (which the mappers never read). A schema zod cannot express as JSON
 * Schema is checked with zod itself.
 */
export type Check<T> = (value: unknown) => { ok: true; value: T } | { ok: false; path: string };

const ajv = new Ajv({ allErrors: false, strict: false });

const compiled = new WeakMap<z.ZodType, Check<unknown>>();

/** The schema's check, compiled on first use and kept (one per schema object). */
export function checkFor<T>(schema: z.ZodType<T>): Check<T> {
  let check = compiled.get(schema);
  if (!check) {
    check = compileWireSchema(schema);
    compiled.set(schema, check);
  }
  return check as Check<T>;
}

function compileWireSchema<T>(schema: z.ZodType<T>): Check<T> {
  let jsonSchema: object;
  try {
    jsonSchema = z.toJSONSchema(schema, { io: 'input', target: 'draft-7' });
  } catch {
    return zodCheck(schema);
  }
  // io 'input': objects stay open to extra keys, as zod's (which strips them) are.
  const validate = ajv.compile<T>(jsonSchema);
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

function zodCheck<T>(schema: z.ZodType<T>): Check<T> {
  return (value) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, path: (parsed.error.issues[0]?.path ?? []).join('.') };
  };
}
