import type { TelemetryPointRecord } from '../flip/index.js';

/** What changed in a program, as programChanges reports it. */
export type ProgramChangeKind =
  | 'ENROLLMENT_STATUS_CHANGED'
  | 'ENROLLMENT_GROUPS_CHANGED'
  | 'ENROLLMENT_UPDATED'
  | 'GROUP_CREATED'
  | 'GROUP_RENAMED'
  | 'GROUP_DELETED'
  | 'EVENT_DISPATCHED'
  | 'EVENT_CANCELED'
  | 'SITE_COMMISSIONED';

export interface ProgramChangeRecord {
  programId: string;
  kind: ProgramChangeKind;
  /** The mutation that made the change. */
  operation: string;
  /** Enrollment, group or event ids the write named. */
  targetIds: string[];
  /** Null when auth is off. */
  callerId: string | null;
  at: Date;
}

/**
 * What crosses instances (JSON over Redis pub/sub): dates as ISO strings. `telemetry` carries a
 * batch (one webhook or one poll), so a 2,000-device webhook is one message, not 2,000.
 */
export type LiveMessage =
  | { kind: 'telemetry'; programId: string; points: WirePoint[] }
  | { kind: 'program-change'; programId: string; change: WireChange };

export type WirePoint = Omit<TelemetryPointRecord, 'startTime'> & { startTime: string };
export type WireChange = Omit<ProgramChangeRecord, 'at'> & { at: string };

export function toWirePoint(p: TelemetryPointRecord): WirePoint {
  return { ...p, startTime: p.startTime.toISOString() };
}

export function fromWirePoint(p: WirePoint): TelemetryPointRecord {
  return { ...p, startTime: new Date(p.startTime) };
}

export function toWireChange(c: ProgramChangeRecord): WireChange {
  return { ...c, at: c.at.toISOString() };
}

export function fromWireChange(c: WireChange): ProgramChangeRecord {
  return { ...c, at: new Date(c.at) };
}
