import type { UpstreamConfig } from '../config.js';
import type { WorkerShared } from './worker-shared.js';

/** The embedded simulator as the primary uses it (app.ts starts it: startEmbeddedSimulator). */
export interface EmbeddedSimulator {
  url: string;
  utilityUrl: string;
  cloudUrl: string;
  utilityApiKey: string;
  cloudApiKey: string;
  programs: UpstreamConfig['programs'];
  sendWebhooks(options: { url: string; secret: string; intervalS: number }): () => void;
  close(): Promise<void>;
}

/** What the primary tells a worker when it starts (the `hello` call). */
export interface WorkerSetup {
  /** The embedded simulator the primary runs (no FLIP config): every worker uses this one. */
  simulator?: { url: string; upstream: UpstreamConfig };
  /** The key the primary's simulator signs its webhooks with (accepted by every worker). */
  simWebhookSecret?: string;
}

/** A cluster worker's link to its primary, for createApp. */
export interface ClusterWorker {
  /** cluster.worker.id: 1, 2, ... (a restarted worker gets a new id). */
  id: number;
  shared: WorkerShared;
  setup: WorkerSetup;
  /** Answers the primary's requests for this worker's metrics (JSON, as prom-client gives them). */
  serveMetrics(source: () => Promise<unknown>): void;
  /** Every worker's metrics, aggregated by the primary (Prometheus text). */
  metrics(): Promise<{ contentType: string; body: string }>;
}
