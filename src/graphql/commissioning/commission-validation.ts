import type { CommissionInput } from '../../flip/index.js';
import { US_STATE_CODES } from '../../flip/wire.js';
import { Violations } from '../violations.js';
import type { CommissionDevice, CommissionSiteInput } from './commission.inputs.js';

const STATE_CODES: ReadonlySet<string> = new Set(US_STATE_CODES);
// Deliberately loose: one @, no spaces, a dot in the domain. Flip decides the rest.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ZIP_SHAPE = /^\d{5}(-\d{4})?$/;
const RATINGS = ['batteryCapacityWh', 'batteryPowerInputW', 'batteryPowerOutputW'] as const;
const REQUIRED_TEXT = ['id', 'manufacturerName', 'productName', 'serialNumber'] as const;

/**
 * Checks a commissioning input before it is sent, every violation at once (BAD_USER_INPUT with
 * paths like `input.devices[1].batteryCapacityWh`). Messages never repeat the values (they may be
 * personal data). Returns the input as the client sends it; the state code upper-cased.
 */
export function validateCommission(input: CommissionSiteInput, now: Date): CommissionInput {
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
