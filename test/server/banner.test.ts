import { Writable } from 'node:stream';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';

const ENV = { PORT: '0', SIM_SITES: '50', CACHE_TTL_S: '0' };

/** Starts the app as main.ts does, collecting the banner and the log lines in arrival order. */
async function start(env: Record<string, string>) {
  const output: string[] = [];
  const app = await createApp(loadConfig({ ...ENV, ...env }), {
    printBanner: (text) => output.push(`BANNER${text}`),
    logDestination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        output.push(chunk.toString('utf8'));
        done();
      },
    }),
  });
  onTestFinished(() => app.close());
  return { app, output };
}

describe('start-up banner', () => {
  it('prints the service, IDE and simulator URLs and the auth mode in development, before the listening line', async () => {
    const { app, output } = await start({ NODE_ENV: 'development' });
    const bannerAt = output.findIndex((o) => o.startsWith('BANNER'));
    const listeningAt = output.findIndex((o) => o.includes('GraphQL IDE at'));
    expect(bannerAt).toBeGreaterThanOrEqual(0);
    expect(bannerAt).toBeLessThan(listeningAt);
    const banner = output[bannerAt]!;
    expect(banner).toContain(`GraphQL  ${app.graphqlUrl}`);
    expect(banner).toContain(`IDE      ${app.graphqlUrl} (open in a browser)`);
    expect(banner).toContain(`embedded simulator at ${app.simulator!.url}`);
    expect(banner).toMatch(/Auth +off: any caller may query/);
    expect(banner).toContain('http://localhost:*, http://127.0.0.1:*');
    // Human text only: no JSON line in it.
    expect(banner.split('\n').some((line) => line.trim().startsWith('{'))).toBe(false);
  });

  it('says auth is on and how to send the token when keys are configured', async () => {
    const { output } = await start({
      NODE_ENV: 'development',
      GRAPHQL_API_KEYS: 'banner-test-key-0123456789:viewer',
    });
    const banner = output.find((o) => o.startsWith('BANNER'));
    expect(banner).toMatch(/Auth +on: 1 API key\(s\); send Authorization: Bearer <token>/);
    expect(banner).not.toContain('banner-test-key');
  });

  it('prints none in production: every line is JSON', async () => {
    const { output } = await start({ NODE_ENV: 'production' });
    expect(output.length).toBeGreaterThan(0);
    for (const line of output) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });
});
