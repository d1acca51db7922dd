import { z } from 'zod';
import { ServiceError } from '../errors.js';
import { checkFor } from './compiled-schema.js';
import type { UnknownEnumReporter } from './enums.js';
import { type HttpClient, segment } from './http.js';
import { parseItem, streamedList } from './list-stream.js';
import {
  toEnrollmentRecord,
  toEventRecord,
  toEventSiteRecord,
  toGroupRecord,
  toTelemetryPointRecord,
} from './map.js';
import type { ActionInput, CreateEventInput, UpdateEnrollmentPatch, UtilityClient } from './records.js';
import { WireEnrollment, WireEvent, WireEventSite, WireGroup, WireTelemetryResponse } from './wire.js';

/**
 * The Utility API (REFERENCE.md section 1), one method per endpoint. Reads are retried and
 * coalesced; the telemetry endpoints are POSTs but only query, so they are treated as reads.
 */

const WireGroupList = z.array(WireGroup);
/** Ajv-compiled from WireEnrollment, as by-id answers are: 50,000 of them per list. */
const checkEnrollment = checkFor(WireEnrollment);
const WireEventList = z.array(WireEvent);
const WireEventSiteList = z.array(WireEventSite);

// eslint-disable-next-line no-control-regex -- the point: C0, DEL and C1 control characters
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * One id as a path segment. Defence in depth behind the GraphQL edge's checks: an empty id would
 * address the collection, and `.`/`..` (also as `%2E%2E`, which a WHATWG URL parser resolves
 * like `..`) would climb the path, so `DELETE /v1/events/..` became `DELETE /v1/`.
 */
function id(value: string, name: string): string {
  const problem =
    value.trim() === ''
      ? 'must not be empty'
      : CONTROL_CHARS.test(value)
        ? 'must not contain control characters'
        : isDotSegment(value)
          ? 'must not be . or ..'
          : null;
  if (problem) throw new ServiceError('BAD_USER_INPUT', `${name} ${problem}`, { fieldPaths: [name] });
  return segment(value);
}

/** `.`, `..` and their percent-encoded forms, decoded as often as a chain of hops might. */
function isDotSegment(value: string): boolean {
  let text = value;
  for (;;) {
    if (text === '.' || text === '..') return true;
    const decoded = text.replace(/%2e/gi, '.').replace(/%25/g, '%');
    if (decoded === text) return false;
    text = decoded;
  }
}

function actionBody(a: ActionInput) {
  return {
    mode: a.mode,
    starts_at: a.startsAt.toISOString(),
    duration_s: a.durationS,
    power_mode: a.powerMode,
    setpoint_w: a.setpointW,
    backup_reserve_percentage: a.backupReservePercentage,
    enable_grid_import: a.enableGridImport,
  };
}

export function createUtilityClient(http: HttpClient, report: UnknownEnumReporter): UtilityClient {
  const toEnrollment = (w: WireEnrollment) => toEnrollmentRecord(w, report);
  // Read while it downloads, item by item (list-stream.ts streamedList): a program's list can be 60 MB.
  const enrollmentList = streamedList('enrollments', (item, i) =>
    toEnrollment(parseItem(checkEnrollment, item, `enrollments.${i}`)),
  );
  return {
    listEnrollments: async (programId, opts) =>
      http.request({
        method: 'GET',
        endpoint: '/v1/enrollments',
        path: '/v1/enrollments',
        query: { program_id: programId },
        safety: 'read',
        coalesce: true,
        stream: enrollmentList,
        // Shared by coalesced callers: records are never mutated (a write builds a new index).
        map: (records) => records,
        opts,
      }),

    getEnrollment: async (enrollmentId, opts) =>
      http.request({
        method: 'GET',
        endpoint: '/v1/enrollments/{id}',
        path: `/v1/enrollments/${id(enrollmentId, 'id')}`,
        safety: 'read',
        coalesce: true,
        schema: WireEnrollment,
        map: toEnrollment,
        opts,
      }),

    updateEnrollment: async (enrollmentId, patch: UpdateEnrollmentPatch, opts) =>
      http.request({
        method: 'PATCH',
        endpoint: '/v1/enrollments/{id}',
        path: `/v1/enrollments/${id(enrollmentId, 'id')}`,
        json: { status: patch.status, status_reason: patch.statusReason, group_ids: patch.groupIds },
        // Absolute values (status, the full group list): applying twice leaves the same state.
        safety: 'idempotent-write',
        schema: WireEnrollment,
        map: toEnrollment,
        opts,
      }),

    listGroups: async (programId, opts) =>
      http.request({
        method: 'GET',
        endpoint: '/v1/programs/{programId}/groups',
        path: `/v1/programs/${id(programId, 'programId')}/groups`,
        safety: 'read',
        coalesce: true,
        schema: WireGroupList,
        map: (w) => w.map(toGroupRecord),
        opts,
      }),

    createGroup: async (programId, group, opts) =>
      http.request({
        method: 'POST',
        endpoint: '/v1/programs/{programId}/groups',
        path: `/v1/programs/${id(programId, 'programId')}/groups`,
        json: { id: group.id, name: group.name },
        safety: 'write',
        schema: WireGroup,
        map: toGroupRecord,
        opts,
      }),

    updateGroup: async (programId, groupId, patch, opts) =>
      http.request({
        method: 'PATCH',
        endpoint: '/v1/programs/{programId}/groups/{id}',
        path: `/v1/programs/${id(programId, 'programId')}/groups/${id(groupId, 'id')}`,
        json: { id: patch.id, name: patch.name },
        // Re-keying moves the group: a repeat would address the old id and fail (or hit another
        // group), so only a rename is retried.
        safety: patch.id !== undefined && patch.id !== groupId ? 'write' : 'idempotent-write',
        schema: WireGroup,
        map: toGroupRecord,
        opts,
      }),

    deleteGroup: async (programId, groupId, opts) =>
      http.request({
        method: 'DELETE',
        endpoint: '/v1/programs/{programId}/groups/{id}',
        path: `/v1/programs/${id(programId, 'programId')}/groups/${id(groupId, 'id')}`,
        safety: 'write',
        map: () => undefined,
        opts,
      }),

    listEvents: async (opts) =>
      http.request({
        method: 'GET',
        endpoint: '/v1/events',
        path: '/v1/events',
        safety: 'read',
        coalesce: true,
        schema: WireEventList,
        map: (w) => w.map((e) => toEventRecord(e, report)),
        opts,
      }),

    createEvent: async (input: CreateEventInput, opts) =>
      http.request({
        method: 'POST',
        endpoint: '/v1/events',
        path: '/v1/events',
        json: {
          program_id: input.programId,
          target_type: input.targetType,
          target_ids: input.targetIds,
          actions: input.actions.map(actionBody),
        },
        safety: 'write',
        schema: WireEvent,
        map: (w) => toEventRecord(w, report),
        opts,
      }),

    cancelEvent: async (eventId, opts) =>
      http.request({
        method: 'DELETE',
        endpoint: '/v1/events/{id}',
        path: `/v1/events/${id(eventId, 'id')}`,
        safety: 'write',
        map: () => undefined,
        opts,
      }),

    listEventSites: async (eventId, opts) =>
      http.request({
        method: 'GET',
        endpoint: '/v1/events/{id}/sites',
        path: `/v1/events/${id(eventId, 'id')}/sites`,
        safety: 'read',
        coalesce: true,
        schema: WireEventSiteList,
        map: (w) => w.map(toEventSiteRecord),
        opts,
      }),

    latestTelemetry: async (programId, deviceIds, opts) =>
      http.request({
        method: 'POST',
        endpoint: '/v1/telemetry/latest',
        path: '/v1/telemetry/latest',
        json: { program_id: programId, device_ids: deviceIds },
        safety: 'read',
        coalesce: true,
        schema: WireTelemetryResponse,
        map: (w) => w.telemetry.map((p) => toTelemetryPointRecord(p, report)),
        opts,
      }),

    historicalTelemetry: async (programId, window, deviceIds, opts) =>
      http.request({
        method: 'POST',
        endpoint: '/v1/telemetry/historical',
        path: '/v1/telemetry/historical',
        json: {
          program_id: programId,
          start_time: window.from.toISOString(),
          end_time: window.to.toISOString(),
          device_ids: deviceIds,
        },
        safety: 'read',
        coalesce: true,
        schema: WireTelemetryResponse,
        map: (w) => w.telemetry.map((p) => toTelemetryPointRecord(p, report)),
        opts,
      }),
  };
}
