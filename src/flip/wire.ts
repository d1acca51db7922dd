import { z } from 'zod';

/**
 * Flip's JSON as documented in ../shared/flip-api/REFERENCE.md and openapi.yaml, snake_case.
 * Shared by the client (to validate responses) and the simulator (whose contract tests check
 * its responses against these). Mapping to camelCase lives in map.ts, never here.
 *
 * Leniency rules, so that a documented-but-unspecified detail never fails a whole response:
 * - extra fields are ignored (zod objects strip unknown keys);
 * - fields whose nullability the docs leave open accept null and absence;
 * - enum-valued fields are plain strings here: an unknown value is mapped to a documented
 *   fallback by map.ts (and logged once), not rejected. The known values are exported below.
 */

export const ENROLLMENT_STATUSES = [
  'CREATED',
  'SUBMITTED',
  'PENDING',
  'NEEDS_ACTION',
  'ACTIVE',
  'PAUSED',
  'REJECTED',
  'UNENROLLED',
] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export const DEVICE_TYPES = ['BATTERY', 'EV_CHARGER'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

export const TARGET_TYPES = ['DEVICE', 'GROUP', 'PROGRAM', 'SITE'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export const ACTION_MODES = [
  'CHARGE',
  'DISCHARGE',
  'STANDBY',
  'BACKUP',
  'SAVINGS',
  'SELF_CONSUMPTION',
] as const;
export type ActionMode = (typeof ACTION_MODES)[number];

export const POWER_MODES = ['SETPOINT', 'FOLLOW_LOAD'] as const;
export type PowerMode = (typeof POWER_MODES)[number];

/** REFERENCE.md 1.1: group ids are caller-chosen, pattern ^[\w-]+$. */
export const GROUP_ID_PATTERN = /^[\w-]+$/;

/** ISO-8601 date-time string. Kept as a string on the wire; map.ts turns it into a Date. */
const dateTime = z.string().min(1);
const nstr = z.string().nullish();
const nnum = z.number().nullish();

export const WireErrorBody = z.object({
  code: z.string().nullish(),
  detail: z
    .array(
      z.object({
        loc: z.array(z.union([z.string(), z.number()])).nullish(),
        msg: z.string().nullish(),
        type: z.string().nullish(),
      }),
    )
    .nullish(),
  errors: z.array(z.object({ message: z.string().nullish(), path: z.string().nullish() })).nullish(),
  message: z.string().nullish(),
  status_code: z.number().nullish(),
});
export type WireErrorBody = z.infer<typeof WireErrorBody>;

export const WireGroup = z.object({ id: z.string(), name: z.string() });
export type WireGroup = z.infer<typeof WireGroup>;

export const WireDevice = z.object({
  id: z.string(),
  site_id: nstr,
  type: z.string(),
  manufacturer_name: nstr,
  product_name: nstr,
  serial_number: nstr,
  install_date: dateTime.nullish(),
  attributes: z
    .object({
      battery_capacity_wh: nnum,
      battery_power_input_w: nnum,
      battery_power_output_w: nnum,
    })
    .nullish(),
  configuration: z.object({ reserve_percentage: nnum }).nullish(),
  created_at: dateTime.nullish(),
  updated_at: dateTime.nullish(),
});
export type WireDevice = z.infer<typeof WireDevice>;

export const WireUtilitySite = z.object({
  id: z.string(),
  first_name: nstr,
  last_name: nstr,
  company_name: nstr,
  email: nstr,
  street_address: nstr,
  street_address2: nstr,
  city: nstr,
  state_code: nstr,
  zip_code: nstr,
  service_account_id: nstr,
  groups: z.array(WireGroup).nullish(),
  created_at: dateTime.nullish(),
  updated_at: dateTime.nullish(),
});
export type WireUtilitySite = z.infer<typeof WireUtilitySite>;

export const WireProgramSpecificAttribute = z.object({
  name: z.string(),
  type: nstr,
  value: z.union([z.string(), z.number(), z.boolean()]).nullish(),
});

export const WireEnrollment = z.object({
  id: z.string(),
  status: z.string(),
  status_reason: nstr,
  enrolled_at: dateTime.nullish(),
  unenrolled_at: dateTime.nullish(),
  created_at: dateTime.nullish(),
  updated_at: dateTime.nullish(),
  program_specific_attributes: z.array(WireProgramSpecificAttribute).nullish(),
  site: WireUtilitySite,
  devices: z.array(WireDevice).nullish(),
});
export type WireEnrollment = z.infer<typeof WireEnrollment>;

export const WireEnrollmentList = z.object({ enrollments: z.array(WireEnrollment) });

export const WireUpdateEnrollmentBody = z
  .object({
    group_ids: z.array(z.string()).nullish(),
    status: z.enum(ENROLLMENT_STATUSES).optional(),
    status_reason: z.string().optional(),
  })
  .strict();
export type WireUpdateEnrollmentBody = z.infer<typeof WireUpdateEnrollmentBody>;

export const WireCreateGroupBody = z
  .object({ id: z.string().min(1).regex(GROUP_ID_PATTERN), name: z.string().min(1) })
  .strict();
export const WireUpdateGroupBody = z
  .object({ id: z.string().min(1).regex(GROUP_ID_PATTERN).optional(), name: z.string().min(1).optional() })
  .strict();

export const WireAction = z.object({
  mode: z.string(),
  starts_at: dateTime,
  duration_s: z.number(),
  power_mode: nstr,
  setpoint_mode: nstr,
  setpoint_w: nnum,
  backup_reserve_percentage: nnum,
  enable_grid_import: z.boolean().nullish(),
});
export type WireAction = z.infer<typeof WireAction>;

export const WireEvent = z.object({
  id: z.string(),
  program_id: z.string(),
  target_type: z.string(),
  target_ids: z.array(z.string()),
  actions: z.array(WireAction),
  starts_at: dateTime,
  ends_at: dateTime.nullish(),
  duration_s: nnum,
  created_at: dateTime.nullish(),
  updated_at: dateTime.nullish(),
});
export type WireEvent = z.infer<typeof WireEvent>;

/** What the service sends: strict, so the simulator rejects what Flip would. */
export const WireActionInput = z
  .object({
    mode: z.enum(ACTION_MODES),
    starts_at: dateTime,
    duration_s: z.number().int().positive(),
    power_mode: z.enum(POWER_MODES).optional(),
    setpoint_mode: z.string().optional(),
    setpoint_w: z.number().positive().optional(),
    backup_reserve_percentage: z.number().min(0).max(100).optional(),
    enable_grid_import: z.boolean().optional(),
  })
  .strict();
export const WireCreateEventBody = z
  .object({
    program_id: z.string().min(1),
    target_type: z.enum(TARGET_TYPES),
    target_ids: z.array(z.string().min(1)).min(1),
    actions: z.array(WireActionInput).min(1),
  })
  .strict();
export type WireCreateEventBody = z.infer<typeof WireCreateEventBody>;

export const WireEventSite = z.object({
  site_id: z.string(),
  is_participating: z.boolean(),
  performance_expected_power_w: nnum,
  performance_actual_power_w: nnum,
  performance_expected_energy_wh: nnum,
  performance_actual_energy_wh: nnum,
});
export type WireEventSite = z.infer<typeof WireEventSite>;

export const WireTelemetryPoint = z.object({
  device_id: z.string(),
  start_time: dateTime,
  duration_s: z.number(),
  battery_state_of_charge_percentage: nnum,
  battery_last_backup_reserve_percentage: nnum,
  battery_power_charge_w: nnum,
  battery_power_discharge_w: nnum,
  battery_total_energy_charge_wh: nnum,
  battery_total_energy_discharge_wh: nnum,
  grid_power_w: nnum,
  grid_total_energy_wh: nnum,
  home_power_w: nnum,
  home_total_energy_wh: nnum,
  solar_power_w: nnum,
  solar_total_energy_wh: nnum,
  last_is_online: z.boolean().nullish(),
  last_mode: nstr,
});
export type WireTelemetryPoint = z.infer<typeof WireTelemetryPoint>;

export const WireTelemetryResponse = z.object({ telemetry: z.array(WireTelemetryPoint) });

/**
 * The body of a `telemetry.published` webhook. REFERENCE.md 1.5 shows no payload (an Unknown):
 * this is the Standard Webhooks envelope (`type`, `timestamp`, `data`) around the program and the
 * points exactly as POST /v1/telemetry/latest answers them, so one mapper serves both.
 */
export const WireTelemetryWebhook = z.object({
  type: z.literal('telemetry.published'),
  timestamp: dateTime,
  data: z.object({ program_id: z.string().min(1), telemetry: z.array(WireTelemetryPoint) }),
});
export type WireTelemetryWebhook = z.infer<typeof WireTelemetryWebhook>;

export const WireLatestTelemetryBody = z
  .object({ program_id: z.string().min(1), device_ids: z.array(z.string()).optional() })
  .strict();
export const WireHistoricalTelemetryBody = z
  .object({
    program_id: z.string().min(1),
    start_time: dateTime,
    end_time: dateTime,
    device_ids: z.array(z.string()).optional(),
  })
  .strict();

// ---------------- Cloud API ----------------

export const US_STATE_CODES = [
  'AK',
  'AL',
  'AR',
  'AZ',
  'CA',
  'CO',
  'CT',
  'DE',
  'FL',
  'GA',
  'HI',
  'IA',
  'ID',
  'IL',
  'IN',
  'KS',
  'KY',
  'LA',
  'MA',
  'MD',
  'ME',
  'MI',
  'MN',
  'MO',
  'MS',
  'MT',
  'NC',
  'ND',
  'NE',
  'NH',
  'NJ',
  'NM',
  'NV',
  'NY',
  'OH',
  'OK',
  'OR',
  'PA',
  'PR',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VA',
  'VT',
  'WA',
  'WI',
  'WV',
  'WY',
] as const;

export const WireCloudSite = z.object({
  id: z.string(),
  created_at: dateTime.nullish(),
  updated_at: dateTime.nullish(),
  first_name: nstr,
  last_name: nstr,
  email: nstr,
  state_code: nstr,
  city: nstr,
  zip_code: nstr,
  street_address: nstr,
  street_address2: nstr,
  service_account_id: nstr,
});
export type WireCloudSite = z.infer<typeof WireCloudSite>;

export const WireCloudProgram = z.object({
  id: z.string(),
  name: z.string(),
  description: nstr,
  eligible_device_types: z.array(z.string()).nullish(),
  can_auto_enroll: z.boolean(),
  minimum_reserve_percentage: nnum,
  minimum_commitment_months: nnum,
  participation_months: z.array(z.number()).nullish(),
  earnings_for_site_upfront: nnum,
  earnings_for_site_yearly: nnum,
  enrollment_form: z.array(z.object({ name: z.string(), label: nstr, type: nstr, hint: nstr })).nullish(),
  terms_and_conditions_version: nstr,
  terms_and_conditions_text: nstr,
  created_at: dateTime.nullish(),
  updated_at: dateTime.nullish(),
});
export type WireCloudProgram = z.infer<typeof WireCloudProgram>;

export const WireCommissionBody = z
  .object({
    site: z
      .object({
        id: z.string().min(1),
        first_name: z.string().nullish(),
        last_name: z.string().nullish(),
        company_name: z.string().nullish(),
        email: z.string().nullish(),
        state_code: z.enum(US_STATE_CODES).nullish(),
        city: z.string().nullish(),
        zip_code: z.string().nullish(),
        street_address: z.string().nullish(),
        street_address2: z.string().nullish(),
        service_account_id: z.string().nullish(),
      })
      .strict(),
    devices: z.array(
      z
        .object({
          id: z.string().min(1),
          // Required by the Cloud API (seed 002_7edede9bb4ff2399: DeviceCreateIn.site_id, required).
          site_id: z.string().min(1),
          manufacturer_name: z.string().optional(),
          product_name: z.string().optional(),
          serial_number: z.string().optional(),
          type: z.enum(DEVICE_TYPES),
          attributes: z
            .object({
              battery_capacity_wh: z.number().int().positive(),
              battery_power_input_w: z.number().int().positive(),
              battery_power_output_w: z.number().int().positive(),
            })
            .strict(),
          install_date: dateTime,
        })
        .strict(),
    ),
    can_auto_enroll: z.boolean().optional(),
  })
  .strict();
export type WireCommissionBody = z.infer<typeof WireCommissionBody>;

/**
 * The commission response as seed 002_7edede9bb4ff2399 documents it: the eligible programs (each
 * with its enrollment form and terms and conditions) and, when enrolled, the enrollment (Cloud
 * Enrollment shape). `site` is the simulator's addition (README "Unknowns").
 */
export const WireCommissionResponse = z.object({
  site: WireCloudSite.nullish(),
  programs: z.array(WireCloudProgram).nullish(),
  enrollment: z
    .object({
      id: z.string(),
      status: z.string(),
      program_id: nstr,
      site_id: nstr,
      device_ids: z.array(z.string()).nullish(),
      enroll_method: nstr,
      status_reason: nstr,
      enrolled_at: dateTime.nullish(),
      unenrolled_at: dateTime.nullish(),
      has_agreed_to_terms_and_conditions: z.boolean().nullish(),
      terms_and_conditions_version: nstr,
    })
    .nullish(),
});
export type WireCommissionResponse = z.infer<typeof WireCommissionResponse>;

/** Aggregator-style 422 body for commission when more data is needed (REFERENCE.md 2.2). */
export const WireCommissionMissing = z.object({
  enrollment: z.object({
    missing_site_attributes: z.array(z.string()).nullish(),
    missing_program_specific_attributes: z
      .array(z.object({ name: z.string(), label: nstr, type: nstr, hint: nstr, error: nstr }))
      .nullish(),
    missing_has_agreed_to_terms_and_conditions: z.boolean().nullish(),
    missing_terms_and_conditions_version: z.boolean().nullish(),
    incorrect_terms_and_conditions_version: z.boolean().nullish(),
  }),
});

export const WireOAuthToken = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
});
