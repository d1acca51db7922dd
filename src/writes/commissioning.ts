import type { CommissionInput, CommissionResultRecord } from '../flip/index.js';
import { US_STATE_CODES } from '../flip/wire.js';
import { audited, invalidateShared } from './audit.js';
import type { WriteCall, WriteDeps } from './types.js';
import { asInputError, Violations } from './violations.js';

type CommissionDevice = CommissionInput['devices'][number];

/** A commissioning request as the caller wrote it (null: not given). */
export interface CommissionRequest {
  site: CommissionInput['site'];
  devices: readonly CommissionDevice[];
  canAutoEnroll?: boolean | null;
}

const STATE_CODES: ReadonlySet<string> = new Set(US_STATE_CODES);
// Deliberately loose: one @, no spaces, a dot in the domain. Flip decides the rest.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ZIP_SHAPE = /^\d{5}(-\d{4})?$/;
const RATINGS = ['batteryCapacityWh', 'batteryPowerInputW', 'batteryPowerOutputW'] as const;
const REQUIRED_TEXT = ['id', 'manufacturerName', 'productName', 'serialNumber'] as const;

/** Cloud API commissioning. Audited. */
export interface CommissioningWrites {
  /** POST /v1/commission; Flip's list of missing attributes comes back as BAD_USER_INPUT. */
  commissionSite(call: WriteCall, input: CommissionRequest): Promise<CommissionResultRecord>;
}

export function createCommissioningWrites(deps: WriteDeps): CommissioningWrites {
  return {
    commissionSite(call, input) {
      const record = { programId: null, targetIds: [input.site.id, ...input.devices.map((d) => d.id)] };
      return audited(deps, call, 'commissionSite', record, async (r) => {
        const body = validateCommission(input, call.now);
        let result: CommissionResultRecord;
        try {
          result = await deps.clients.cloud.commission(body, { requestId: call.requestId });
        } catch (error) {
          // Flip's paths are its body's: `site.zip_code`, `devices[0].attributes.battery_capacity_wh`;
          // its enrollment form (`enrollment.program_specific_attributes.x`) has no input field here.
          throw asInputError(error, 'input', { flatten: ['attributes'], isInputPath: isCommissionInputPath });
        }
        if (result.enrollmentId !== null) {
          r.detail = { enrollmentId: result.enrollmentId };
          // A new enrollment in a program we do not know from the answer: every program may have changed.
          for (const p of deps.programs) call.loaders.invalidateProgram(p.id);
          await invalidateShared(deps, [null], ['enrollments']);
        }
        return result;
      });
    },
  };
}

function isCommissionInputPath(path: string): boolean {
  return (
    path.startsWith('site.') ||
    path.startsWith('devices[') ||
    ['site', 'devices', 'can_auto_enroll'].includes(path)
  );
}

/**
 * Checks a commissioning input before it is sent, every violation at once (BAD_USER_INPUT with
 * paths like `input.devices[1].batteryCapacityWh`). Messages never repeat the values (they may be
 * personal data). Returns the input as the client sends it; the state code upper-cased.
 */
function validateCommission(input: CommissionRequest, now: Date): CommissionInput {
  const violations = new Violations();
  const site = input.site;
  if (site.id.trim() === '') violations.add('input.site.id', 'must not be empty');
  const stateCode = site.stateCode == null ? site.stateCode : site.stateCode.trim().toUpperCase();
  if (stateCode != null && !STATE_CODES.has(stateCode)) {
    violations.add('input.site.stateCode', 'must be a two-letter US state code (or PR), e.g. CA');
  }
  if (site.email != null && !EMAIL_SHAPE.test(site.email)) {
    violations.add('input.site.email', 'is not an email address');
  }
  if (site.zipCode != null && !ZIP_SHAPE.test(site.zipCode)) {
    violations.add('input.site.zipCode', 'must be a US ZIP code (12345 or 12345-6789)');
  }
  if (input.devices.length === 0) violations.add('input.devices', 'must list at least one device');
  input.devices.forEach((device, i) => checkDevice(violations, device, `input.devices[${i}]`, now));
  const firstAt = new Map<string, number>();
  input.devices.forEach((device, i) => {
    const first = firstAt.get(device.id);
    if (first === undefined) firstAt.set(device.id, i);
    else violations.add(`input.devices[${i}].id`, `repeats input.devices[${first}].id`);
  });
  violations.throwIfAny('The site was not commissioned');

  return {
    site: { ...site, stateCode },
    devices: input.devices.map((d) => ({ ...d })),
    ...(input.canAutoEnroll == null ? {} : { canAutoEnroll: input.canAutoEnroll }),
  };
}

function checkDevice(violations: Violations, device: CommissionDevice, path: string, now: Date): void {
  for (const field of REQUIRED_TEXT) {
    if (device[field].trim() === '') violations.add(`${path}.${field}`, 'must not be empty');
  }
  for (const field of RATINGS) {
    if (device[field] <= 0) violations.add(`${path}.${field}`, 'must be more than 0');
  }
  if (device.installDate.getTime() > now.getTime()) {
    violations.add(`${path}.installDate`, 'must not be in the future');
  }
}
