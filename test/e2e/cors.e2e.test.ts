import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startService } from '../support/start.js';
import { requireBinary } from '../support/system-binary.js';

// Debian's `chromium` only (see ide.e2e.test.ts); skipped with this reason when absent locally.
const chromiumBinary = requireBinary('chromium', 'apt-get install chromium');

const KEY = 'cors-e2e-key-0123456789';

/** A blank page on its own port: another origin than the service. */
async function startPageServer(): Promise<{ origin: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<!doctype html><title>frontend</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** What a frontend's fetch sees: the JSON answer, or the browser's network error. */
function fetchFrom(page: Page, url: string, token?: string) {
  return page.evaluate(
    async ({ url, token }) => {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ query: '{ programs { id name } }' }),
        });
        return { status: res.status, body: (await res.json()) as unknown };
      } catch (err) {
        return { error: String(err) };
      }
    },
    { url, token },
  );
}

describe('a browser page on another origin', chromiumBinary.suite, () => {
  it(
    'queries the service from an allowed origin with a token, and is blocked from another origin',
    { timeout: 60_000 },
    async () => {
      const allowed = await startPageServer();
      const other = await startPageServer();
      const service = await startService({
        env: { GRAPHQL_API_KEYS: `${KEY}:viewer`, CORS_ORIGINS: allowed.origin },
      });
      const browser = await chromium.launch({
        executablePath: chromiumBinary.path,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
      });
      onTestFinished(() => browser.close());
      const context = await browser.newContext();

      const page = await context.newPage();
      await page.goto(allowed.origin);
      const ok = await fetchFrom(page, service.graphqlUrl, KEY);
      expect(ok).toEqual({
        status: 200,
        body: { data: { programs: service.sim.programs.map((p) => ({ id: p.id, name: p.name })) } },
      });
      // The preflight went without a token; the answer without one is the service's own 401.
      expect(await fetchFrom(page, service.graphqlUrl)).toMatchObject({
        status: 401,
        body: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] },
      });

      const blocked = await context.newPage();
      await blocked.goto(other.origin);
      expect(await fetchFrom(blocked, service.graphqlUrl, KEY)).toEqual({
        error: expect.stringMatching(/Failed to fetch/) as unknown,
      });
    },
  );
});
