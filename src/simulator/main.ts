import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../config.js';
import { faultRuleProblem, startSimulator, type FaultRule } from './index.js';

/**
 * `npm run simulator`: the simulator alone, on SIM_PORT (default 4010), for frontends and tools.
 * Prints one line with URLs, keys and program ids; closes on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env).simulator;
  const faults = parseFaults(config.faultsJson);
  const sim = await startSimulator({
    port: config.port,
    sites: config.sites,
    seed: config.seed,
    latencyMs: config.latencyMs,
    faults,
  });
  const programs = sim.programs.map((p) => `${p.id}=${p.name}`).join(',');
  const env =
    `FLIP_UTILITY_API_URL=${sim.utilityUrl} FLIP_UTILITY_API_KEY=${sim.utilityApiKey} ` +
    `FLIP_CLOUD_API_URL=${sim.cloudUrl} FLIP_CLOUD_API_KEY=${sim.cloudApiKey} FLIP_PROGRAMS="${programs}"`;
  const oauth =
    `FLIP_OAUTH_TOKEN_URL=${sim.oauthTokenUrl} FLIP_OAUTH_CLIENT_ID=${sim.oauthClient.clientId} ` +
    `FLIP_OAUTH_CLIENT_SECRET=${sim.oauthClient.clientSecret}`;
  console.log(
    `flip simulator on ${sim.url} (${config.sites} sites, seed ${config.seed}): ${env} ` +
      `(or OAuth instead of the key: ${oauth}) control API: ${sim.url}/__sim/journal, ${sim.url}/__sim/faults`,
  );
  // SIM_WEBHOOK_URL (e.g. http://127.0.0.1:4000/webhooks/flip): signed telemetry.published there.
  if (config.webhookUrl && config.webhookIntervalS > 0) {
    const secret = config.webhookSecret ?? `whsec_${randomBytes(32).toString('base64')}`;
    sim.sendWebhooks({ url: config.webhookUrl, secret, intervalS: config.webhookIntervalS });
    console.log(
      `webhooks every ${config.webhookIntervalS} s to ${config.webhookUrl}: give the service FLIP_WEBHOOK_SECRET=${secret}`,
    );
  }
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function parseFaults(json: string | undefined): FaultRule[] {
  if (json === undefined || json.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ConfigError('invalid configuration: SIM_FAULTS must be a JSON array of fault rules');
  }
  if (!Array.isArray(parsed)) throw new ConfigError('invalid configuration: SIM_FAULTS must be a JSON array');
  parsed.forEach((rule, i) => {
    const problem = faultRuleProblem(rule);
    if (problem) throw new ConfigError(`invalid configuration: SIM_FAULTS[${i}] ${problem}`);
  });
  return parsed as FaultRule[];
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
