import type { Config } from '../../config.js';
import { assertNever } from '../../errors.js';
import type { ActionInput, CreateEventInput, TargetType } from '../../flip/records.js';
import { isConfiguredProgram } from '../programs.js';
import type { DispatchRequest, EventActionRequest, WriteCall, WriteDeps } from '../types.js';
import { Violations } from '../violations.js';

/** Idempotency keys are opaque to us; the bound keeps store keys and log lines small. */
export const MAX_IDEMPOTENCY_KEY_CHARS = 200;

/** REFERENCE.md 2.2 (Command.battery_commands): power_mode applies to CHARGE/DISCHARGE only. */
const POWER_MODE_ACTIONS = new Set(['CHARGE', 'DISCHARGE']);

const TARGET_NOUNS: Record<TargetType, string> = {
  DEVICE: 'a device',
  SITE: 'a site',
  GROUP: 'a group',
  PROGRAM: 'the program',
};

/** Adds the violations of an idempotency key (path `idempotencyKey`). */
export function checkIdempotencyKey(violations: Violations, key: string): void {
  if (key.trim() === '') violations.add('idempotencyKey', 'must not be empty');
  else if (key.length > MAX_IDEMPOTENCY_KEY_CHARS) {
    violations.add('idempotencyKey', `must be at most ${MAX_IDEMPOTENCY_KEY_CHARS} characters`);
  }
}

/**
 * Everything dispatchEvent and previewEvent check before any write, all violations at once
 * (BAD_USER_INPUT, paths like `input.targetIds[2]`, `input.actions[0].durationS`): the program is
 * configured, the targets exist in it for their type, the actions are sound. Target existence
 * costs one read through the request's loaders: the program's enrollments (DEVICE, SITE) or its
 * groups (GROUP); PROGRAM costs none. Returns the input as the client sends it.
 */
export async function validateDispatch(
  deps: WriteDeps,
  call: WriteCall,
  input: DispatchRequest,
  options: { summary: string; violations?: Violations },
): Promise<CreateEventInput> {
  const violations = options.violations ?? new Violations();
  const isConfigured = isConfiguredProgram(deps, input.programId);
  if (!isConfigured) violations.add('input.programId', 'is not a configured program');
  checkTargetList(violations, input.targetIds);
  checkActions(violations, input.actions, call.now, deps.config.dispatch);
  if (isConfigured) await checkTargetsExist(call, violations, input);
  violations.throwIfAny(options.summary);
  return toCreateEventInput(input);
}

function checkTargetList(violations: Violations, ids: readonly string[]): void {
  if (ids.length === 0) violations.add('input.targetIds', 'must list at least one target');
  const firstAt = new Map<string, number>();
  ids.forEach((id, i) => {
    if (id.trim() === '') violations.add(`input.targetIds[${i}]`, 'must not be empty');
    const first = firstAt.get(id);
    if (first === undefined) firstAt.set(id, i);
    else violations.add(`input.targetIds[${i}]`, `repeats input.targetIds[${first}]`);
  });
}

function checkActions(
  violations: Violations,
  actions: readonly EventActionRequest[],
  now: Date,
  limits: Config['dispatch'],
): void {
  if (actions.length === 0) violations.add('input.actions', 'must list at least one action');
  const earliestMs = now.getTime() - limits.startGraceS * 1000;
  actions.forEach((a, i) => {
    const at = (field: string) => `input.actions[${i}].${field}`;
    if (a.startsAt.getTime() < earliestMs) {
      violations.add(
        at('startsAt'),
        `must not be in the past (more than ${limits.startGraceS} s before now)`,
      );
    }
    if (a.durationS <= 0) violations.add(at('durationS'), 'must be more than 0');
    else if (a.durationS > limits.maxDurationS) {
      violations.add(at('durationS'), `must be at most ${limits.maxDurationS} s`);
    }
    if (a.powerMode != null && !POWER_MODE_ACTIONS.has(a.mode)) {
      violations.add(at('powerMode'), 'applies only to CHARGE and DISCHARGE actions');
    }
    if (a.powerMode === 'SETPOINT' && a.setpointW == null) {
      violations.add(at('setpointW'), 'is required when powerMode is SETPOINT');
    } else if (a.setpointW != null && a.setpointW <= 0) {
      violations.add(at('setpointW'), 'must be more than 0');
    } else if (a.setpointW != null && a.powerMode !== 'SETPOINT') {
      violations.add(at('setpointW'), 'applies only when powerMode is SETPOINT');
    }
    const reserve = a.backupReservePercentage;
    if (reserve != null && (reserve < 0 || reserve > 100)) {
      violations.add(at('backupReservePercentage'), 'must be from 0 to 100');
    }
  });
}

async function checkTargetsExist(
  call: WriteCall,
  violations: Violations,
  input: DispatchRequest,
): Promise<void> {
  const exists = await existenceCheck(call, input.programId, input.targetType);
  const noun = TARGET_NOUNS[input.targetType];
  input.targetIds.forEach((id, i) => {
    if (id.trim() === '' || exists(id)) return;
    const where = input.targetType === 'PROGRAM' ? `(${input.programId})` : `of program ${input.programId}`;
    violations.add(`input.targetIds[${i}]`, `is not ${noun} ${where}`);
  });
}

async function existenceCheck(
  call: WriteCall,
  programId: string,
  targetType: TargetType,
): Promise<(id: string) => boolean> {
  switch (targetType) {
    case 'PROGRAM':
      return (id) => id === programId;
    case 'GROUP': {
      const ids = new Set((await call.loaders.groups(programId)).map((g) => g.id));
      return (id) => ids.has(id);
    }
    case 'SITE': {
      const index = await call.loaders.programIndex(programId);
      return (id) => index.siteById.has(id);
    }
    case 'DEVICE': {
      const index = await call.loaders.programIndex(programId);
      return (id) => index.deviceById.has(id);
    }
    default:
      return assertNever(targetType);
  }
}

/** The input as the client sends it: absent and null optional fields are left out. */
export function toCreateEventInput(input: DispatchRequest): CreateEventInput {
  return {
    programId: input.programId,
    targetType: input.targetType,
    targetIds: [...input.targetIds],
    actions: input.actions.map(toActionInput),
  };
}

function toActionInput(a: EventActionRequest): ActionInput {
  return {
    mode: a.mode,
    startsAt: a.startsAt,
    durationS: a.durationS,
    ...(a.powerMode == null ? {} : { powerMode: a.powerMode }),
    ...(a.setpointW == null ? {} : { setpointW: a.setpointW }),
    ...(a.backupReservePercentage == null ? {} : { backupReservePercentage: a.backupReservePercentage }),
    ...(a.enableGridImport == null ? {} : { enableGridImport: a.enableGridImport }),
  };
}
