import { isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Paths redacted from every log line: customer data (names, emails, street addresses, phone
 * numbers) and anything that could carry a credential. Keys are matched at any depth we log.
 */
const REDACT_PATHS = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'apiKey',
  '*.apiKey',
  'token',
  '*.token',
  'clientSecret',
  '*.clientSecret',
  'firstName',
  'lastName',
  'email',
  'phone',
  'streetAddress',
  'streetAddress2',
  '*.firstName',
  '*.lastName',
  '*.email',
  '*.phone',
  '*.streetAddress',
  '*.streetAddress2',
  'variables',
];

/**
 * JSON logger (pino) with the redaction above. `destination` lets tests capture lines. A line
 * written inside a span carries its `traceId` and `spanId` (nothing when tracing is off).
 * With WORKERS > 1 every line says which process wrote it: `worker` (1, 2, ... or `primary`).
 */
export function createLogger(options: {
  level: string;
  destination?: DestinationStream;
  worker?: number | 'primary';
}): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'flip-graphql', ...(options.worker === undefined ? {} : { worker: options.worker }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: traceFields,
    },
    options.destination,
  );
}

function traceFields(): { traceId?: string; spanId?: string } {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return isSpanContextValid(span.spanContext()) ? { traceId, spanId } : {};
}
