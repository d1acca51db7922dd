import { DEVICE_TYPES, type DeviceType, WireCommissionBody } from '../../flip/wire.js';
import { SANDBOX_ZIPS } from '../catalog.js';
import {
  type DetailItem,
  ok,
  parseBody,
  type Route,
  SimHttpError,
  type SimRequest,
  unprocessable,
} from '../http.js';
import type { DeviceRec, EnrollmentRec, ProgramDef, SiteRec } from '../model.js';
import { renderCloudProgram, renderCloudSite } from '../render.js';
import type { Store } from '../store.js';

/** GET /v1/sites: REFERENCE.md 2.1 defaults; the maximum limit is our choice. */
const DEFAULT_SITES_LIMIT = 100;
export const MAX_SITES_LIMIT = 1000;

export function cloudRoutes(store: Store): Route[] {
  return [
    { method: 'GET', template: '/v1/programs', handler: (req) => ok(listPrograms(store, req)) },
    {
      method: 'GET',
      template: '/v1/sites',
      handler: (req) => {
        const errors: DetailItem[] = [];
        const skip = intParam(req, 'skip', { fallback: 0, min: 0 }, errors);
        const limit = intParam(
          req,
          'limit',
          { fallback: DEFAULT_SITES_LIMIT, min: 1, max: MAX_SITES_LIMIT },
          errors,
        );
        validationFailure(errors);
        const page = [...store.cloudSites.values()].slice(skip, skip + limit);
        return ok(page.map((s) => renderCloudSite(s.site)));
      },
    },
    { method: 'POST', template: '/v1/commission', handler: (req) => ok(commission(store, req)) },
  ];
}

function listPrograms(store: Store, req: SimRequest) {
  const errors: DetailItem[] = [];
  const deviceType = req.query.device_type;
  if (deviceType === undefined)
    errors.push({ loc: ['query', 'device_type'], msg: 'Field required', type: 'missing' });
  else if (!(DEVICE_TYPES as readonly string[]).includes(deviceType)) {
    errors.push({
      loc: ['query', 'device_type'],
      msg: `Input should be ${DEVICE_TYPES.join(' or ')}`,
      type: 'enum',
    });
  }
  const capacityWh = intParam(req, 'total_capacity_wh', { min: 1 }, errors);
  const powerW = intParam(req, 'total_power_w', { min: 0 }, errors);
  validationFailure(errors);
  return store
    .programDefs()
    .filter((p) => isEligible(p, deviceType as DeviceType, capacityWh, powerW))
    .map(renderCloudProgram);
}

function isEligible(p: ProgramDef, type: DeviceType, capacityWh: number, powerW: number): boolean {
  return p.eligibleDeviceTypes.includes(type) && capacityWh >= p.minCapacityWh && powerW >= p.minPowerW;
}

/**
 * Commissioning (REFERENCE.md 2.2; the response shape is our choice, see WireCommissionResponse):
 * stores the site and devices, lists the programs they qualify for and, when allowed, enrolls
 * the site (PENDING) in the first eligible auto-enrolling program.
 */
function commission(store: Store, req: SimRequest) {
  const body = parseBody(req, WireCommissionBody);
  const missing = (['zip_code', 'state_code'] as const).filter((k) => !body.site[k]);
  if (missing.length > 0) {
    throw new SimHttpError(422, {
      enrollment: {
        missing_site_attributes: missing,
        missing_program_specific_attributes: [],
        missing_has_agreed_to_terms_and_conditions: false,
        missing_terms_and_conditions_version: false,
        incorrect_terms_and_conditions_version: false,
      },
    });
  }
  const { site, devices } = upsertSite(store, body);
  const programs = store.programDefs().filter((p) => qualifies(p, site, devices));
  const target = body.can_auto_enroll ? programs.find((p) => p.canAutoEnroll) : undefined;
  const enrollment = target ? enroll(store, target, site, devices) : undefined;
  return {
    site: renderCloudSite(site),
    programs: programs.map(renderCloudProgram),
    enrollment: enrollment ? renderCommissionEnrollment(enrollment) : null,
  };
}

/** The Cloud Enrollment as seed 002_7edede9bb4ff2399 documents it (auto-enrolled: no terms agreed). */
function renderCommissionEnrollment(e: EnrollmentRec) {
  return {
    id: e.id,
    device_ids: e.devices.map((d) => d.id),
    site_id: e.site.id,
    program_id: e.programId,
    enroll_method: 'AUTO_ENROLL',
    status: e.status,
    status_reason: e.statusReason,
    enrolled_at: e.enrolledAt === null ? null : new Date(e.enrolledAt).toISOString(),
    unenrolled_at: e.unenrolledAt === null ? null : new Date(e.unenrolledAt).toISOString(),
    program_specific_attributes: [],
    has_agreed_to_terms_and_conditions: null,
    terms_and_conditions_version: null,
  };
}

function qualifies(p: ProgramDef, site: SiteRec, devices: DeviceRec[]): boolean {
  const inArea = SANDBOX_ZIPS.includes(site.zipCode ?? '') || p.states.includes(site.stateCode ?? '');
  const usable = devices.filter((d) => p.eligibleDeviceTypes.includes(d.type));
  const capacityWh = usable.reduce((s, d) => s + d.capacityWh, 0);
  const powerW = usable.reduce((s, d) => s + Math.max(d.powerOutputW, d.powerInputW), 0);
  return inArea && usable.length > 0 && capacityWh >= p.minCapacityWh && powerW >= p.minPowerW;
}

function upsertSite(store: Store, body: WireCommissionBody): { site: SiteRec; devices: DeviceRec[] } {
  const at = store.now();
  const existing = store.cloudSites.get(body.site.id);
  const s = body.site;
  const site: SiteRec = existing?.site ?? {
    id: s.id,
    n: store.cloudSites.size + 1,
    firstName: null,
    lastName: null,
    companyName: null,
    email: null,
    streetAddress: null,
    streetAddress2: null,
    city: null,
    stateCode: null,
    zipCode: null,
    serviceAccountId: null,
    createdAt: at,
    updatedAt: at,
  };
  Object.assign(site, {
    firstName: s.first_name ?? null,
    lastName: s.last_name ?? null,
    companyName: s.company_name ?? null,
    email: s.email ?? null,
    streetAddress: s.street_address ?? null,
    streetAddress2: s.street_address2 ?? null,
    city: s.city ?? null,
    stateCode: s.state_code ?? null,
    zipCode: s.zip_code ?? null,
    serviceAccountId: s.service_account_id ?? null,
    updatedAt: at,
  });
  const kept = (existing?.devices ?? []).filter((d) => !body.devices.some((b) => b.id === d.id));
  const fresh: DeviceRec[] = body.devices.map((d, k) => ({
    id: d.id,
    n: site.n * 4 + k + 1_000_000_000,
    siteId: site.id,
    type: d.type,
    manufacturerName: d.manufacturer_name ?? '',
    productName: d.product_name ?? '',
    serialNumber: d.serial_number ?? '',
    installDate: Date.parse(d.install_date) || at,
    capacityWh: d.attributes.battery_capacity_wh,
    powerInputW: d.attributes.battery_power_input_w,
    powerOutputW: d.attributes.battery_power_output_w,
    reservePercentage: d.type === 'BATTERY' ? 20 : null,
    isOffline: false,
    solarPeakW: 0,
    createdAt: at,
    updatedAt: at,
  }));
  const devices = [...kept, ...fresh];
  store.cloudSites.set(site.id, { site, devices });
  store.siteChanged(site.id);
  return { site, devices };
}

function enroll(store: Store, def: ProgramDef, site: SiteRec, devices: DeviceRec[]): EnrollmentRec {
  const already = store.program(def.id)?.sites.get(site.id);
  if (already) return already;
  const at = store.now();
  const e: EnrollmentRec = {
    id: store.newId(),
    programId: def.id,
    status: 'PENDING',
    statusReason: null,
    enrolledAt: null,
    unenrolledAt: null,
    createdAt: at,
    updatedAt: at,
    programSpecificAttributes: [],
    groupIds: [],
    site,
    devices: devices.filter((d) => def.eligibleDeviceTypes.includes(d.type)),
  };
  store.addEnrollment(e);
  return e;
}

function intParam(
  req: SimRequest,
  name: string,
  rule: { fallback?: number; min: number; max?: number },
  errors: DetailItem[],
): number {
  const raw = req.query[name];
  if (raw === undefined || raw === '') {
    if (rule.fallback !== undefined) return rule.fallback;
    errors.push({ loc: ['query', name], msg: 'Field required', type: 'missing' });
    return NaN;
  }
  const n = Number(raw);
  if (!Number.isInteger(n))
    errors.push({ loc: ['query', name], msg: 'Input should be a valid integer', type: 'int_parsing' });
  else if (n < rule.min)
    errors.push({
      loc: ['query', name],
      msg: `Input should be greater than or equal to ${rule.min}`,
      type: 'greater_than_equal',
    });
  else if (rule.max !== undefined && n > rule.max)
    errors.push({
      loc: ['query', name],
      msg: `Input should be less than or equal to ${rule.max}`,
      type: 'less_than_equal',
    });
  return n;
}

function validationFailure(errors: DetailItem[]): void {
  if (errors.length > 0) unprocessable(errors, 'cloud');
}
