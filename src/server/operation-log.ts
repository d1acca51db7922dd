import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { isServiceError } from '../errors.js';
import type { UpstreamCallReport } from '../flip/index.js';
import { rememberRequestId } from './format-error.js';
import { costOf } from './limits.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { requestInfoOf } from './request-info.js';

/** Open operations tracked at once; beyond it the oldest entry is dropped (a leak guard). */
const MAX_TRACKED_REQUESTS = 10_000;

export interface UpstreamCallRecorder {
  /** For createFlipClients({ onUpstreamCall }): debug log line, metrics, per-request count. */
  onUpstreamCall(report: UpstreamCallReport): void;
  begin(requestId: string): void;
  /** Stops counting for the request and returns its upstream call count. */
  end(requestId: string): number;
}

/** Logs each upstream call at debug level, feeds the metrics and counts calls per request id. */
export function createUpstreamCallRecorder(options: {
  logger: Logger;
  metrics: Metrics;
}): UpstreamCallRecorder {
  // Keyed by request id; `refs` because a caller may send the same x-request-id twice at once.
  const open = new Map<string, { calls: number; refs: number }>();
  return {
    onUpstreamCall(report) {
      options.logger.debug({ ...report }, 'upstream call');
      options.metrics.observeUpstreamCall(report);
      const entry = open.get(report.requestId);
      if (entry) entry.calls += 1;
    },
    begin(requestId) {
      const entry = open.get(requestId);
      if (entry) {
        entry.refs += 1;
        return;
      }
      if (open.size >= MAX_TRACKED_REQUESTS) open.delete(open.keys().next().value as string);
      open.set(requestId, { calls: 0, refs: 1 });
    },
    end(requestId) {
      const entry = open.get(requestId);
      if (!entry) return 0;
      entry.refs -= 1;
      if (entry.refs <= 0) open.delete(requestId);
      return entry.calls;
    },
  };
}

/**
 * One log line per operation (request id, caller id, operation name and type, duration, upstream
 * call count, cost, error codes; never the variables) and the operation metrics. Also hands the
 * request id to formatError, which has no context, for INTERNAL_SERVER_ERROR answers.
 */
export function operationLogPlugin<TContext extends BaseContext>(options: {
  logger: Logger;
  metrics: Metrics;
  upstream: UpstreamCallRecorder;
}): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const startedAt = performance.now();
      const info = requestInfoOf(contextValue);
      const requestId = info?.requestId ?? 'unknown';
      options.upstream.begin(requestId);
      return {
        async didEncounterErrors({ errors }) {
          rememberRequestId(errors, requestId);
          logUpstreamDetails(options.logger, requestId, errors);
        },
        async willSendResponse({ response, operationName, operation }) {
          const durationMs = Math.round((performance.now() - startedAt) * 10) / 10;
          const upstreamCalls = options.upstream.end(requestId);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const errorCodes = [...new Set((errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
          const type = operation?.operation ?? 'unknown';
          options.logger.info(
            {
              requestId,
              caller: info?.caller?.id,
              operationName: operationName ?? null,
              operationType: type,
              durationMs,
              upstreamCalls,
              cost: costOf(contextValue),
              status: response.http.status ?? 200,
              errorCodes,
            },
            'graphql operation',
          );
          options.metrics.observeOperation({ name: operationName ?? null, type, durationMs, errorCodes });
        },
      };
    },
  };
}

/**
 * What Flip said about requests it refused: logged here, never answered (the caller gets our own
 * message and its input paths). One line per error that carries such a detail.
 */
function logUpstreamDetails(logger: Logger, requestId: string, errors: readonly GraphQLError[]): void {
  for (const error of errors) {
    const original = error.originalError ?? error;
    if (!isServiceError(original) || !original.upstreamDetail) continue;
    logger.info(
      { requestId, code: original.code, path: error.path, upstreamDetail: original.upstreamDetail },
      'upstream refused the request',
    );
  }
}
