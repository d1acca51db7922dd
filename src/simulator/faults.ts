import type { FaultKind, FaultRule, Faults } from './types.js';

/**
 * Fault rules, matched per request in the order added; the first match wins and consumes one of
 * its `times`. A rule for `*` covers every Utility/Cloud route; the OAuth token endpoint is only
 * matched by a rule naming `/oauth/token` (so `*` never breaks token fetching by accident).
 */
export interface FaultStore extends Faults {
  /** The rule that applies to this call (consuming one use), or undefined. */
  take(call: FaultCall): FaultRule | undefined;
}

const KINDS: readonly FaultKind[] = ['latency', 'status', 'hang', 'reset', 'malformed', 'chunked'];

/** What a rule is matched against. */
export interface FaultCall {
  api: string;
  method: string;
  path: string;
  route: string;
  query?: Record<string, string>;
}

interface LiveRule {
  rule: FaultRule;
  left: number;
}

export function createFaults(initial: readonly FaultRule[] = []): FaultStore {
  let rules: LiveRule[] = [];
  const store: FaultStore = {
    add(rule) {
      const problem = faultRuleProblem(rule);
      if (problem) throw new TypeError(`invalid fault rule: ${problem}`);
      rules.push({ rule: { ...rule }, left: rule.times ?? Infinity });
    },
    clear() {
      rules = [];
    },
    list: () => rules.map((r) => ({ ...r.rule, ...(r.rule.times !== undefined ? { times: r.left } : {}) })),
    take(call) {
      const live = rules.find((r) => r.left > 0 && matches(r.rule, call));
      if (!live) return undefined;
      live.left -= 1;
      if (live.left <= 0) rules = rules.filter((r) => r !== live);
      return live.rule;
    },
  };
  for (const rule of initial) store.add(rule);
  return store;
}

function matches(rule: FaultRule, call: FaultCall): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== call.method) return false;
  if (rule.query && Object.entries(rule.query).some(([k, v]) => call.query?.[k] !== v)) return false;
  if (call.api === 'oauth') return rule.route === call.path;
  return rule.route === '*' || rule.route === call.route || rule.route === call.path;
}

/** Why a rule (from a test, the control API or SIM_FAULTS) is unusable, or undefined. */
export function faultRuleProblem(rule: unknown): string | undefined {
  if (typeof rule !== 'object' || rule === null) return 'must be an object';
  const r = rule as Record<string, unknown>;
  if (typeof r.route !== 'string' || r.route === '') return 'route must be a non-empty string';
  if (!KINDS.includes(r.kind as FaultKind)) return `kind must be one of ${KINDS.join('|')}`;
  if (r.method !== undefined && typeof r.method !== 'string') return 'method must be a string';
  if (
    r.query !== undefined &&
    (typeof r.query !== 'object' ||
      r.query === null ||
      Object.values(r.query).some((v) => typeof v !== 'string'))
  ) {
    return 'query must be an object of strings';
  }
  for (const k of ['latencyMs', 'retryAfterS', 'times', 'pauseMs', 'seed'] as const) {
    if (r[k] !== undefined && (typeof r[k] !== 'number' || (r[k] as number) < 0)) return `${k} must be >= 0`;
  }
  if (r.kind === 'status' && (typeof r.status !== 'number' || r.status < 400 || r.status > 599)) {
    return 'status must be an HTTP error status (400-599)';
  }
  if (r.kind === 'latency' && typeof r.latencyMs !== 'number') return 'latency needs latencyMs';
  if (r.chunkBytes !== undefined && !(Number.isInteger(r.chunkBytes) && (r.chunkBytes as number) >= 1)) {
    return 'chunkBytes must be an integer >= 1';
  }
  if (r.applyFirst !== undefined && typeof r.applyFirst !== 'boolean') return 'applyFirst must be a boolean';
  return undefined;
}
