import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { describe, expect, it, onTestFinished } from 'vitest';
import { WELCOME_QUERY } from '../../src/server/ide/index.js';
import { startService } from '../support/start.js';
import { requireBinary } from '../support/system-binary.js';

// Debian's `chromium` package is the only browser used; .ci/run installs it with apt-get, a
// developer machine may not have it (the browser test is then skipped with this reason), and no
// browser is ever downloaded from anywhere else.
const chromiumBinary = requireBinary('chromium', 'apt-get install chromium');
const ARTIFACTS = '.artifacts';
const OPERATIONS_DIR = join(import.meta.dirname, '..', 'operations');
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

async function getPage(url: string, accept = BROWSER_ACCEPT) {
  const res = await request(url, { headers: { accept } });
  return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
}

/** Every URL the markup itself would load or link: src/href attributes and CSS url()/@import. */
function markupUrls(html: string): string[] {
  const attributes = [...html.matchAll(/\s(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]!);
  const css = [...html.matchAll(/(?:url\(|@import)\s*["']?([^"')\s;]+)/gi)].map((m) => m[1]!);
  return [...attributes, ...css];
}

/** Writes in the order whose preconditions hold when the tabs run one after the other. */
const WRITES_IN_ORDER = [
  'CreateGroup',
  'AddEnrollmentsToGroup',
  'RemoveEnrollmentsFromGroup',
  'RenameGroup',
  'DeleteGroup',
  'ApproveEnrollment',
  'PauseEnrollment',
  'UpdateEnrollment',
  'UpdateEnrollments',
  'CommissionSite',
  'DispatchEvent',
  'CancelEvent',
];

/**
 * The operation names of each example file in the IDE's tab order: reads by file name, then
 * writes as WRITES_IN_ORDER lists them (any other write after them, by file name).
 */
function exampleOperationNames(): string[][] {
  const names = readdirSync(OPERATIONS_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(OPERATIONS_DIR, f), 'utf8'))
    .map((text) => ({
      write: /^mutation /m.test(text),
      names: [...text.matchAll(/^(?:query|mutation|subscription) (\w+)/gm)].map((m) => m[1]!),
    }));
  const rank = (name: string) => (WRITES_IN_ORDER.includes(name) ? WRITES_IN_ORDER.indexOf(name) : 99);
  const writes = names.filter((n) => n.write).sort((a, b) => rank(a.names[0]!) - rank(b.names[0]!));
  return [...names.filter((n) => !n.write), ...writes].map((n) => n.names);
}

describe('GET /graphql from a browser', () => {
  it('serves GraphiQL with the example operations and loads nothing from another host', async () => {
    const service = await startService();
    const page = await getPage(service.graphqlUrl);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<title>flip-graphql</title>');
    const remote = markupUrls(page.body).filter((u) => /^(https?:)?\/\//i.test(u));
    expect(remote).toEqual([]);
    for (const name of ['ProgramsOverview', ...exampleOperationNames().flat()])
      expect(page.body).toContain(name);
  });

  it('sends a Content-Security-Policy that allows connections to its own origin only', async () => {
    const service = await startService();
    const { headers } = await getPage(service.graphqlUrl);
    const policy = Object.fromEntries(
      String(headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values.join(' ')]),
    );
    expect(policy).toMatchObject({
      'default-src': "'none'",
      'connect-src': "'self'",
      'worker-src': 'blob:',
      'font-src': 'data:',
    });
    expect(policy['script-src']).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  });

  it('opens with a query that returns the simulator programs', async () => {
    const service = await startService();
    const res = await service.gql<{ programs: { name: string }[] }>(WELCOME_QUERY);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.programs.map((p) => p.name)).toEqual(service.sim.programs.map((p) => p.name));
  });
});

describe('the IDE page over HTTP', () => {
  it('is served compressed as the browser asks, and revalidated by ETag', async () => {
    const service = await startService();
    const plain = await getPage(service.graphqlUrl);
    for (const encoding of ['br', 'gzip'] as const) {
      const res = await request(service.graphqlUrl, {
        headers: { accept: BROWSER_ACCEPT, 'accept-encoding': `${encoding}, deflate` },
      });
      const bytes = Buffer.from(await res.body.arrayBuffer());
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(bytes.length).toBeLessThan(plain.body.length / 3);
      const text = (encoding === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes)).toString('utf8');
      expect(text).toBe(plain.body);
    }
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('no-cache');
    const etag = String(plain.headers.etag);
    const again = await request(service.graphqlUrl, {
      headers: { accept: BROWSER_ACCEPT, 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(await again.body.text()).toBe('');
    expect(again.headers['content-security-policy']).toBe(plain.headers['content-security-policy']);
  });

  it('lists reads before writes, the writes in the order their preconditions hold', async () => {
    const service = await startService();
    const { body } = await getPage(service.graphqlUrl);
    const names = exampleOperationNames().map((n) => n[0]!);
    const positions = names.map((name) =>
      Math.max(...['query', 'mutation', 'subscription'].map((kind) => body.indexOf(`${kind} ${name}`))),
    );
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('with auth on, is served without a token and says where the token goes', async () => {
    const service = await startService({ env: { GRAPHQL_API_KEYS: 'ide-page-key-0123456789:viewer' } });
    const page = await getPage(service.graphqlUrl);
    expect(page.status).toBe(200);
    expect(page.body).toContain('AUTH IS ON');
    expect(page.body).toContain('Bearer <your API key or JWT>');
    const open = await startService();
    expect((await getPage(open.graphqlUrl)).body).not.toContain('AUTH IS ON');
  });
});

describe("the example tabs' variables", () => {
  it('on the embedded simulator come from its current data, and a reload after a write shows fresh ones', async () => {
    const service = await startService();
    const programId = service.sim.programs[0]!.id;
    const hourAhead = Date.now() + 3_600_000;
    const open = (service.sim.state.events() as { id: string; program_id: string; ends_at: string }[]).find(
      (e) => e.program_id === programId && Date.parse(e.ends_at) > hourAhead,
    )!;
    const before = await getPage(service.graphqlUrl);
    for (const text of ['ide-example-group', 'ide-example-site', open.id])
      expect(before.body).toContain(text);
    // No variable starts as null (the variables are JSON text inside the page's JSON: quotes escaped).
    expect(before.body).not.toMatch(/\\"\w+\\": null/);

    const cancelled = await service.gql(`mutation ($id: ID!) { cancelEvent(id: $id) }`, { id: open.id });
    expect(cancelled.body.errors).toBeUndefined();
    const after = await getPage(service.graphqlUrl);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body).not.toContain(open.id);
  });

  it('against a Flip that is not embedded, fill only the program ids (the page is served without a token)', async () => {
    const embedded = await startService();
    const service = await startService({ upstream: embedded.sim });
    const { body } = await getPage(service.graphqlUrl);
    expect(body).toContain(embedded.sim.programs[0]!.id);
    expect(body).not.toContain('ide-example-group');
    expect(body).toMatch(/\\"input\\": null/);
  });
});

describe('GET /playground', () => {
  it('redirects to /graphql', async () => {
    const service = await startService();
    const res = await request(`${service.url}/playground`);
    await res.body.dump();
    expect({ status: res.statusCode, location: res.headers.location }).toEqual({
      status: 302,
      location: '/graphql',
    });
  });
});

describe('GRAPHQL_IDE=false', () => {
  it('serves neither the page nor /playground', async () => {
    const service = await startService({ env: { GRAPHQL_IDE: 'false' } });
    const page = await getPage(service.graphqlUrl);
    expect(page.headers['content-type']).not.toMatch(/text\/html/);
    expect(page.body).not.toContain('<html');
    expect((await getPage(`${service.url}/playground`)).status).toBe(404);
  });
});

describe('the IDE in Chromium', chromiumBinary.suite, () => {
  it(
    'runs the example query on the simulator and sends every request to its own origin',
    { timeout: 90_000 },
    async () => {
      const service = await startService();
      const origin = new URL(service.url).origin;
      const { page, requested } = await openRecordedPage();
      const violations: string[] = [];
      page.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
      page.on('pageerror', (e) => violations.push(e.message));

      await page.goto(service.graphqlUrl);
      const tabs = ['ProgramsOverview', ...exampleOperationNames().map((names) => names[0])];
      await expect.poll(() => page.locator('.graphiql-tab-button').allTextContents()).toEqual(tabs);
      await page.getByRole('button', { name: /execute query/i }).click();
      const programName = service.sim.programs[0]!.name;
      await page.locator('.graphiql-response').getByText(programName).first().waitFor();

      await page.getByRole('button', { name: /documentation explorer/i }).click();
      await page.locator('.graphiql-doc-explorer').getByText('programs').first().waitFor();

      await page.getByText('Headers', { exact: true }).click();
      await page.locator('.graphiql-editor-tool [data-uri$="-headers.json"]').waitFor();

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'ide.png') });
      await page.getByRole('button', { name: /graphiql explorer/i }).click();
      await page.locator('.graphiql-plugin').getByText('Explorer', { exact: true }).waitFor();

      expect(requested.filter((u) => new URL(u).origin !== origin)).toEqual([]);
      expect(requested).toContain(service.graphqlUrl);
      expect(violations).toEqual([]);
    },
  );
});

describe('every IDE tab in Chromium', chromiumBinary.suite, () => {
  it(
    'runs as it opens on the simulator, in tab order, with no error; each write reaches Flip once',
    { timeout: 240_000 },
    async () => {
      const service = await startService();
      const page = await openPage();
      await page.goto(service.graphqlUrl);
      const tabs = ['ProgramsOverview', ...exampleOperationNames().map((names) => names[0]!)];
      await expect.poll(() => page.locator('.graphiql-tab-button').allTextContents()).toEqual(tabs);
      const eventsBefore = service.sim.state.events().length;
      service.sim.journal.clear();
      const answers: Record<string, string> = {};
      for (const name of tabs) {
        answers[name] = await runTab(page, name);
        expect(answers[name], name).toMatch(/"data"|^$/);
        expect(answers[name], name).not.toMatch(/"errors"|TypeError|NetworkError/);
      }
      // Every query and mutation answered with data; a subscription may not have sent yet.
      const subscriptions = ['DeviceTelemetryLive', 'EventProgress', 'ProgramChanges'];
      for (const name of tabs.filter((t) => !subscriptions.includes(t)))
        expect(answers[name], name).toContain('"data"');
      // Each write reached Flip once, in tab order (telemetry POSTs are reads).
      const programId = service.sim.programs[0]!.id;
      const writes = service.sim.journal
        .calls()
        .filter((c) => c.method !== 'GET' && !c.route.startsWith('/v1/telemetry/'))
        .map((c) => `${c.method} ${c.route.replace(/^\/v1\/(enrollments|events)\/[^/]+$/, '/v1/$1/{id}')}`);
      const group = `/v1/programs/${programId}/groups`;
      expect(writes).toEqual([
        `POST ${group}`,
        'PATCH /v1/enrollments/{id}',
        'PATCH /v1/enrollments/{id}',
        `PATCH ${group}/ide-example-group`,
        `DELETE ${group}/ide-example-group`,
        'PATCH /v1/enrollments/{id}',
        'PATCH /v1/enrollments/{id}',
        'PATCH /v1/enrollments/{id}',
        'PATCH /v1/enrollments/{id}',
        'POST /v1/commission',
        'POST /v1/events',
        'DELETE /v1/events/{id}',
      ]);
      // Dispatched one, cancelled one: the simulator lists as many events as before.
      expect(service.sim.state.events()).toHaveLength(eventsBefore);
    },
  );
});

describe('subscriptions in the IDE', chromiumBinary.suite, () => {
  it(
    "with auth on, runs EventProgress of an event dispatched over HTTP with the Headers editor's token over the same origin WebSocket, and shows its cancellation",
    { timeout: 120_000 },
    async () => {
      const key = 'ide-admin-key-0123456789';
      const service = await startService({ env: { GRAPHQL_API_KEYS: `${key}:admin` } });
      const auth = { authorization: `Bearer ${key}` };
      const origin = new URL(service.url).origin;
      const programId = service.sim.programs[0]!.id;
      // Another request dispatches the event the IDE then follows.
      const site = (
        service.sim.state.enrollments(programId) as { status: string; site: { id: string } }[]
      ).find((e) => e.status === 'ACTIVE')!.site.id;
      const startsAt = new Date(Math.ceil(Date.now() / 3_600_000 + 1) * 3_600_000).toISOString();
      const dispatched = await service.gql<{ dispatchEvent: { id: string } }>(
        /* GraphQL */ `
          mutation ($input: DispatchEventInput!, $key: String!) {
            dispatchEvent(input: $input, idempotencyKey: $key) {
              id
            }
          }
        `,
        {
          input: {
            programId,
            targetType: 'SITE',
            targetIds: [site],
            actions: [{ mode: 'DISCHARGE', startsAt, durationS: 3600 }],
          },
          key: 'ide-e2e-event-progress',
        },
        auth,
      );
      expect(dispatched.body.errors).toBeUndefined();
      const eventId = dispatched.body.data!.dispatchEvent.id;

      const { page, requested } = await openRecordedPage();
      page.on('websocket', (ws) => requested.push(ws.url()));
      await page.goto(service.graphqlUrl);
      await page.locator('.graphiql-tab-button', { hasText: /^EventProgress$/ }).click();
      const document = page.locator('.graphiql-query-editor').getByText('subscription EventProgress');
      await document.waitFor();
      await replaceEditorText(page, 'variables', JSON.stringify({ id: eventId }));
      await replaceEditorText(page, 'headers', JSON.stringify({ Authorization: `Bearer ${key}` }));
      // With the cursor in the document, Ctrl-Enter runs the operation under it.
      await document.click();
      await page.waitForTimeout(300);
      await page.keyboard.press('Control+Enter');
      const response = page.locator('.graphiql-response');
      // The current state first (the token was accepted at connect and at subscribe)...
      await response.getByText(eventId).first().waitFor();
      await response.getByText('UPCOMING').first().waitFor();
      // ...then the change another request makes.
      const cancelled = await service.gql(
        /* GraphQL */ `
          mutation ($id: ID!) {
            cancelEvent(id: $id)
          }
        `,
        { id: eventId },
        auth,
      );
      expect(cancelled.body.errors).toBeUndefined();
      await response.getByText('CANCELED').first().waitFor();
      expect(await response.textContent()).not.toMatch(/"errors"|4403|Forbidden/);
      const wsOrigin = origin.replace(/^http/, 'ws');
      expect(requested.filter((u) => u.startsWith('ws')).every((u) => u.startsWith(wsOrigin))).toBe(true);
      expect(requested.some((u) => u.startsWith(wsOrigin))).toBe(true);
    },
  );

  it(
    'runs the ProgramChanges example over the same origin WebSocket and shows a write made meanwhile',
    { timeout: 90_000 },
    async () => {
      const service = await startService();
      const { page } = await openRecordedPage();
      await page.goto(service.graphqlUrl);
      await page.locator('.graphiql-tab-button', { hasText: /^ProgramChanges$/ }).click();
      // Execute only once the tab's own document is in the editor (else GraphiQL runs the
      // operation name of the tab it is leaving).
      const document = page.locator('.graphiql-query-editor').getByText('subscription ProgramChanges');
      await document.waitFor();
      // GraphiQL takes the operation name from the editor (debounced); with the cursor in the
      // document, Ctrl-Enter runs the operation under it, whatever the tab before it named.
      await document.click();
      await page.keyboard.press('Control+Enter');
      const programId = service.sim.programs[0]!.id;
      // The subscription starts asynchronously: write until the change shows in the response pane.
      const shown = page.locator('.graphiql-response').getByText('GROUP_CREATED').first();
      for (let i = 0; !(await shown.isVisible()); i++) {
        const res = await service.gql(
          /* GraphQL */ `
            mutation ($input: CreateGroupInput!) {
              createGroup(input: $input) {
                id
              }
            }
          `,
          { input: { programId, id: `ide-${i}`, name: 'IDE' } },
        );
        expect(res.body.errors).toBeUndefined();
        await page.waitForTimeout(200);
      }
    },
  );
});

/** Replaces the text of GraphiQL's Variables or Headers editor (opening the tools pane). */
async function replaceEditorText(page: Page, editor: 'variables' | 'headers', text: string): Promise<void> {
  await page.getByText(editor === 'variables' ? 'Variables' : 'Headers', { exact: true }).click();
  const area = page.locator(`.graphiql-editor-tool [data-uri$="-${editor}.json"]`);
  await area.waitFor();
  await area.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // As one input (a paste): typed, Monaco would close each bracket and quote itself.
  await page.keyboard.insertText(text);
  await area.getByText(text.slice(0, 12)).first().waitFor();
}

/**
 * Opens the tab, runs its operation with Ctrl-Enter in its document and returns the response
 * pane's text: a query's or mutation's answer, a subscription's first message (or nothing after a
 * few seconds without one; it is stopped either way).
 */
async function runTab(page: Page, name: string): Promise<string> {
  await page.locator('.graphiql-tab-button', { hasText: new RegExp(`^${name}$`) }).click();
  // Execute only once the tab's own document is in the editor, with the cursor in it: Ctrl-Enter
  // then runs the operation under the cursor (the Execute button may run the tab before's).
  const document = page
    .locator('.graphiql-query-editor')
    .getByText(new RegExp(String.raw`(query|mutation|subscription)\s${name}[\s({]`));
  await document.waitFor();
  const isSubscription = /^subscription\s/.test((await document.textContent()) ?? '');
  const response = page.locator('.graphiql-response');
  const answer = response.getByText(/"(data|errors)"/).first();
  await document.click();
  // GraphiQL takes the operation name from the cursor after a debounce; until then it may still
  // name the previous tab's operation ("Cannot infer operation", nothing is sent): let it settle,
  // and if it still says so, run it again until the pane shows another answer.
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+Enter');
  if (isSubscription) await answer.waitFor({ timeout: 5_000 }).catch(() => undefined);
  else await answer.waitFor();
  const stale = async () => ((await response.textContent()) ?? '').includes('Cannot infer operation');
  if (await stale()) {
    await expect
      .poll(async () => {
        await document.click();
        await page.waitForTimeout(500);
        await page.keyboard.press('Control+Enter');
        await page.waitForTimeout(500);
        return stale();
      })
      .toBe(false);
  }
  const text = (await response.textContent()) ?? '';
  if (isSubscription) await page.getByRole('button', { name: /^stop query/i }).click();
  return text;
}

/** A fresh page that records the URL of every request it sends. */
async function openRecordedPage(): Promise<{ page: Page; requested: string[] }> {
  const page = await openPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  return { page, requested };
}

async function openPage(): Promise<Page> {
  const browser = await chromium.launch({
    executablePath: chromiumBinary.path,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  onTestFinished(() => browser.close());
  // A new context is a fresh profile: no stored tabs or headers from an earlier run.
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  return context.newPage();
}
