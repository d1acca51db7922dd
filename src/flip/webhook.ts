import { z } from 'zod';
import { createUnknownEnumReporter, type WarnLogger } from './enums.js';
import { toTelemetryPointRecord } from './map.js';
import type { TelemetryPointRecord } from './records.js';
import { WireTelemetryPoint, WireTelemetryWebhook } from './wire.js';

/** What a `telemetry.published` body held: the points that fit, and how many did not. */
export type TelemetryWebhook =
  | { ok: true; programId: string; points: TelemetryPointRecord[]; rejectedPoints: number }
  | { ok: false; reason: 'not-json' | 'unknown-type' | 'invalid-envelope' };

// The envelope is checked first, each point on its own: one malformed point drops that point only.
const Envelope = WireTelemetryWebhook.extend({
  data: z.object({ program_id: z.string().min(1), telemetry: z.array(z.unknown()) }),
});

/**
 * Parses a verified webhook body (REFERENCE.md 1.5, shape in wire.ts WireTelemetryWebhook) into
 * records. Never throws: a body that does not fit is reported by reason, never echoed.
 */
export function parseTelemetryWebhook(rawBody: string, logger?: WarnLogger): TelemetryWebhook {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const type = (json as { type?: unknown } | null)?.type;
  if (type !== 'telemetry.published') return { ok: false, reason: 'unknown-type' };
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) return { ok: false, reason: 'invalid-envelope' };
  const report = createUnknownEnumReporter(logger);
  const points: TelemetryPointRecord[] = [];
  let rejectedPoints = 0;
  for (const item of envelope.data.data.telemetry) {
    const wire = WireTelemetryPoint.safeParse(item);
    if (!wire.success) {
      rejectedPoints++;
      continue;
    }
    try {
      points.push(toTelemetryPointRecord(wire.data, report));
    } catch {
      rejectedPoints++;
    }
  }
  return { ok: true, programId: envelope.data.data.program_id, points, rejectedPoints };
}
