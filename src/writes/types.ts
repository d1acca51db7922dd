import type { Config, ProgramConfig, Role } from '../config.js';
import type { ErrorCode } from '../errors.js';
import type { ActionMode, FlipClients, PowerMode, TargetType } from '../flip/index.js';
import type { Loaders } from '../loaders/index.js';
import type { KeyValueStore } from '../store/index.js';
import type { WriteHooks } from './hooks.js';

/** What every write service is built from, once per process (app.ts). */
export interface WriteDeps extends WriteHooks {
  clients: FlipClients;
  config: Readonly<Config>;
  /** The configured programs: a write names one of them. */
  programs: readonly ProgramConfig[];
  /** Idempotency records of dispatchEvent (memory, or Redis when several instances share them). */
  store: KeyValueStore;
  /** Wall clock in epoch ms, compared with Flip's created_at; injectable. Default: Date.now. */
  clock?: () => number;
}

/**
 * Who calls and with what request state: the caller (idempotency keys and audit lines are theirs),
 * the request id sent upstream, the request's loaders (reads before a write, primed after it) and
 * the request's instant (input checks against "now"). A GraphQL context is one.
 */
export interface WriteCall {
  requestId: string;
  /**
   * `kind` keeps an API key's `key:<id>` and a JWT whose sub is `key:<id>` apart; the role decides
   * overrides (an admin may make a status change the transition table refuses).
   */
  caller: { id: string; kind: 'api-key' | 'jwt'; role?: Role } | null;
  loaders: Loaders;
  now: Date;
}

/** Why one id of a bulk change failed. */
export interface BulkItemError {
  id: string;
  code: ErrorCode;
  message: string;
}

/** One action of an event to dispatch, as the caller wrote it (null: not given). */
export interface EventActionRequest {
  mode: ActionMode;
  startsAt: Date;
  durationS: number;
  powerMode?: PowerMode | null;
  setpointW?: number | null;
  backupReservePercentage?: number | null;
  enableGridImport?: boolean | null;
}

/** An event to dispatch or preview, as the caller wrote it. */
export interface DispatchRequest {
  programId: string;
  targetType: TargetType;
  targetIds: readonly string[];
  actions: readonly EventActionRequest[];
}
