import { context, propagation, trace, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { NodeSDK, resources, tracing } from '@opentelemetry/sdk-node';
import type { Config } from '../config.js';

/** The instrumentation scope of every span the service makes. */
const TRACER_NAME = 'flip-graphql';

export interface Tracing {
  /** Absent when tracing is off: then no span, pending span or traceparent is ever made. */
  tracer?: Tracer;
  /** Flushes and stops the SDK this started (nothing for a provider given by the caller). */
  shutdown(): Promise<void>;
}

/**
 * Tracing for one app. With `provider` (tests: an in-memory exporter) its tracer is used and
 * nothing global but the context plumbing is touched. Otherwise, when config.tracing.enabled
 * (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT set), the OpenTelemetry Node
 * SDK starts with traces only: it reads the standard OTEL_* variables itself (exporter protocol,
 * headers, sampler, resource attributes). Without OTEL_TRACES_SAMPLER the sampling is ours:
 * parentbased_traceidratio at config.sampleRatio. Metrics stay on /metrics, logs on stdout.
 */
export function startTracing(config: Config['tracing'], provider?: TracerProvider): Tracing {
  if (provider) {
    registerContextPlumbing();
    return { tracer: provider.getTracer(TRACER_NAME), shutdown: async () => undefined };
  }
  if (!config.enabled) return { shutdown: async () => undefined };
  const sdk = new NodeSDK({
    serviceName: config.serviceName,
    ...(config.sampleRatio === null
      ? {}
      : {
          sampler: new tracing.ParentBasedSampler({
            root: new tracing.TraceIdRatioBasedSampler(config.sampleRatio),
          }),
        }),
    resourceDetectors: [resources.envDetector, resources.processDetector, resources.hostDetector],
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return { tracer: trace.getTracer(TRACER_NAME), shutdown: () => sdk.shutdown() };
}

/**
 * Async context and W3C propagation are process-wide in the OpenTelemetry API; registering them
 * again is refused (and harmless), so the first app of a process (or the SDK) sets them.
 */
function registerContextPlumbing(): void {
  const manager = new AsyncLocalStorageContextManager().enable();
  if (!context.setGlobalContextManager(manager)) manager.disable();
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
}
