import { isServiceError, ServiceError } from '../errors.js';

/** One invalid input field: its path as the caller wrote it (`input.actions[0].durationS`). */
export interface Violation {
  path: string;
  message: string;
}

/**
 * Collects every violation of an input before anything is sent, so one answer lists them all
 * (BAD_USER_INPUT with `fieldPaths`). Messages name paths and ids, never names or addresses.
 */
export class Violations {
  readonly list: Violation[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  get isEmpty(): boolean {
    return this.list.length === 0;
  }

  /** Throws BAD_USER_INPUT listing every violation; does nothing when there is none. */
  throwIfAny(summary: string): void {
    if (this.isEmpty) return;
    const shown = this.list.slice(0, MAX_LISTED).map((v) => `${v.path} ${v.message}`);
    const more = this.list.length > MAX_LISTED ? `; and ${this.list.length - MAX_LISTED} more` : '';
    throw new ServiceError('BAD_USER_INPUT', `${summary}: ${shown.join('; ')}${more}.`, {
      fieldPaths: [...new Set(this.list.map((v) => v.path))],
      fields: this.list.map((v) => ({
        path: v.path,
        message: `${v.path} ${v.message}`,
        code: 'BAD_USER_INPUT',
      })),
    });
  }
}

/** Past this many, the message says "and N more" (fieldPaths still lists all). */
const MAX_LISTED = 20;

/**
 * Flip's validation paths are its snake_case body paths (`target_ids[2]`,
 * `devices[0].attributes.battery_capacity_wh`); the caller knows its own input's. Rewrites the
 * fieldPaths of an upstream BAD_USER_INPUT into input paths (`input.targetIds[2]`), with our own
 * message naming them (Flip's text stays in `upstreamDetail`, for the log); any other error is
 * returned as it is. `rename` maps whole Flip paths (`end_time` -> `to`); `flatten` drops wrapper
 * segments our input does not have (`attributes`); a path `isInputPath` rejects (a field the
 * input has no counterpart for) names the input as a whole (`prefix`), never Flip's body name, and
 * is left out where there is no whole input to name (prefix '').
 */
export function asInputError(
  error: unknown,
  prefix: string,
  options: {
    flatten?: readonly string[];
    isInputPath?: (path: string) => boolean;
    rename?: Readonly<Record<string, string>>;
  } = {},
): unknown {
  if (!isServiceError(error) || error.code !== 'BAD_USER_INPUT') return error;
  const paths = error.extensions.fieldPaths;
  if (!Array.isArray(paths) || paths.length === 0) return error;
  const mapped = [
    ...new Set(
      paths
        .map(String)
        .map((p) =>
          (options.isInputPath?.(p) ?? true)
            ? inputPath(options.rename?.[p] ?? p, prefix, options.flatten ?? [])
            : prefix,
        )
        .filter((p) => p !== ''),
    ),
  ];
  return new ServiceError(
    'BAD_USER_INPUT',
    mapped.length > 0 ? `Flip refused the input at ${mapped.join(', ')}.` : 'Flip refused the input.',
    {
      fieldPaths: mapped,
      fields: mapped.map((path) => ({ path, message: `Flip refused ${path}.`, code: 'BAD_USER_INPUT' })),
    },
    { upstreamDetail: error.upstreamDetail },
  );
}

function inputPath(path: string, prefix: string, flatten: readonly string[]): string {
  const segments = path
    .split('.')
    .filter((s) => !flatten.includes(s))
    .map((s) => s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()));
  return [prefix, ...segments].filter((s) => s !== '').join('.');
}
