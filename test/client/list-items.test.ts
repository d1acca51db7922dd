import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { buildClients } from '../support/client.js';
import { startStubFlip } from '../support/stub-flip.js';

// GET /v1/enrollments validates each enrollment as it maps it (issue 9: zod's copies of a
// 50,000-item list then die young); what a caller sees of a bad item is unchanged.

function json(res: ServerResponse, body: unknown) {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function clientsAnswering(body: unknown) {
  const stub = await startStubFlip((req, res) => {
    req.resume();
    json(res, body);
  });
  return buildClients(stub).clients;
}

describe('GET /v1/enrollments with a malformed item', () => {
  it('answers UPSTREAM_UNAVAILABLE naming the path of the first bad field', async () => {
    const clients = await clientsAnswering({
      enrollments: [
        { id: 'e1', status: 'ACTIVE', site: { id: 's1' } },
        { id: 'e2', status: 'ACTIVE', site: { id: 42 } },
      ],
    });
    const failure = clients.utility.listEnrollments('p1').catch((e: unknown) => e);
    await expect(failure).resolves.toMatchObject({
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
      message: expect.stringContaining('unexpected shape at enrollments.1.site.id'),
    });
  });

  it('answers UPSTREAM_UNAVAILABLE when the list itself is missing', async () => {
    const clients = await clientsAnswering({ items: [] });
    await expect(clients.utility.listEnrollments('p1')).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
      message: expect.stringContaining('unexpected shape at enrollments'),
    });
  });

  it('maps every valid item', async () => {
    const clients = await clientsAnswering({
      enrollments: [
        { id: 'e1', status: 'ACTIVE', site: { id: 's1' } },
        { id: 'e2', status: 'PAUSED', site: { id: 's2' }, devices: [{ id: 'd1', type: 'BATTERY' }] },
      ],
    });
    const records = await clients.utility.listEnrollments('p1');
    expect(records.map((r) => [r.id, r.status, r.devices.map((d) => d.siteId)])).toEqual([
      ['e1', 'ACTIVE', []],
      ['e2', 'PAUSED', ['s2']],
    ]);
  });
});
