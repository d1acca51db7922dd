import type {
  WireCloudProgram,
  WireCloudSite,
  WireDevice,
  WireEnrollment,
  WireEvent,
  WireUtilitySite,
} from '../flip/wire.js';
import type { DeviceRec, EnrollmentRec, EventRec, ProgramDef, SiteRec } from './model.js';

/** Internal records -> Flip's snake_case JSON. Fresh objects every time (callers may mutate). */

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : iso(ms);
}

export function renderEnrollment(e: EnrollmentRec, groupNames: ReadonlyMap<string, string>): WireEnrollment {
  return {
    id: e.id,
    status: e.status,
    status_reason: e.statusReason,
    enrolled_at: isoOrNull(e.enrolledAt),
    unenrolled_at: isoOrNull(e.unenrolledAt),
    created_at: iso(e.createdAt),
    updated_at: iso(e.updatedAt),
    program_specific_attributes: e.programSpecificAttributes.map((a) => ({ ...a })),
    site: renderUtilitySite(e.site, e.groupIds, groupNames),
    devices: e.devices.map(renderDevice),
  };
}

function renderUtilitySite(
  s: SiteRec,
  groupIds: readonly string[],
  groupNames: ReadonlyMap<string, string>,
): WireUtilitySite {
  return {
    id: s.id,
    first_name: s.firstName,
    last_name: s.lastName,
    company_name: s.companyName,
    email: s.email,
    street_address: s.streetAddress,
    street_address2: s.streetAddress2,
    city: s.city,
    state_code: s.stateCode,
    zip_code: s.zipCode,
    service_account_id: s.serviceAccountId,
    groups: groupIds.map((id) => ({ id, name: groupNames.get(id) ?? id })),
    created_at: iso(s.createdAt),
    updated_at: iso(s.updatedAt),
  };
}

export function renderDevice(d: DeviceRec): WireDevice {
  return {
    id: d.id,
    site_id: d.siteId,
    type: d.type,
    manufacturer_name: d.manufacturerName,
    product_name: d.productName,
    serial_number: d.serialNumber,
    install_date: iso(d.installDate),
    attributes: {
      battery_capacity_wh: d.capacityWh,
      battery_power_input_w: d.powerInputW,
      battery_power_output_w: d.powerOutputW,
    },
    configuration: d.reservePercentage === null ? null : { reserve_percentage: d.reservePercentage },
    created_at: iso(d.createdAt),
    updated_at: iso(d.updatedAt),
  };
}

export function renderEvent(e: EventRec): WireEvent {
  return {
    id: e.id,
    program_id: e.programId,
    target_type: e.targetType,
    target_ids: [...e.targetIds],
    actions: e.actions.map((a) => ({
      mode: a.mode,
      starts_at: iso(a.startsAt),
      duration_s: a.durationS,
      power_mode: a.powerMode ?? null,
      setpoint_mode: a.setpointMode ?? null,
      setpoint_w: a.setpointW ?? null,
      backup_reserve_percentage: a.backupReservePercentage ?? null,
      enable_grid_import: a.enableGridImport ?? null,
    })),
    starts_at: iso(e.startsAt),
    ends_at: iso(e.endsAt),
    duration_s: Math.round((e.endsAt - e.startsAt) / 1000),
    created_at: iso(e.createdAt),
    updated_at: iso(e.updatedAt),
  };
}

export function renderCloudSite(s: SiteRec): WireCloudSite {
  return {
    id: s.id,
    created_at: iso(s.createdAt),
    updated_at: iso(s.updatedAt),
    first_name: s.firstName,
    last_name: s.lastName,
    email: s.email,
    state_code: s.stateCode,
    city: s.city,
    zip_code: s.zipCode,
    street_address: s.streetAddress,
    street_address2: s.streetAddress2,
    service_account_id: s.serviceAccountId,
  };
}

export function renderCloudProgram(p: ProgramDef): WireCloudProgram {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    eligible_device_types: [...p.eligibleDeviceTypes],
    can_auto_enroll: p.canAutoEnroll,
    minimum_reserve_percentage: p.minimumReservePercentage,
    minimum_commitment_months: p.minimumCommitmentMonths,
    participation_months: [...p.participationMonths],
    earnings_for_site_upfront: p.earningsUpfront,
    earnings_for_site_yearly: p.earningsYearly,
    enrollment_form: p.enrollmentForm.map((f) => ({ ...f })),
    terms_and_conditions_version: p.termsAndConditions?.version ?? null,
    terms_and_conditions_text: p.termsAndConditions?.text ?? null,
    created_at: iso(p.createdAt),
    updated_at: iso(p.createdAt),
  };
}
