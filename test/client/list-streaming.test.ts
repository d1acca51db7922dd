import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { WireEnrollment } from '../../src/flip/wire.js';
import { buildClients } from '../support/client.js';
import { startStubFlip } from '../support/stub-flip.js';

// GET /v1/enrollments is read while it downloads (issue 9): items are cut out of the body as the
// bytes arrive (json-items.ts), parsed per run, checked with the Ajv-compiled WireEnrollment and
// mapped. Whatever the chunking, the records must be those of JSON.parse of the whole body, and
// a body that is not JSON of the documented shape must fail as before.

/** Writes `body` in pieces of `size` bytes, each flushed before the next. */
async function writeInPieces(res: ServerResponse, body: string, size: number) {
  res.writeHead(200, { 'content-type': 'application/json' });
  const bytes = Buffer.from(body);
  for (let i = 0; i < bytes.length; i += size) {
    res.write(bytes.subarray(i, i + size));
    await new Promise((r) => setImmediate(r));
  }
  res.end();
}

async function clientAnswering(body: string, pieceSize = 64) {
  const stub = await startStubFlip((req, res) => {
    req.resume();
    void writeInPieces(res, body, pieceSize);
  });
  return buildClients(stub).clients.utility;
}

const enrollment = (i: number, extra: Record<string, unknown> = {}) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  status: i % 2 ? 'ACTIVE' : 'PAUSED',
  status_reason: null,
  enrolled_at: '2024-11-03T15:27:12Z',
  created_at: '2024-11-03T15:27:12.5Z',
  site: {
    id: `site-${i}`,
    first_name: 'Zoë "Z" \\ O\'Brien',
    city: 'São Paulo } ] , { [',
    groups: [
      { id: 'LZ_WEST', name: 'West' },
      { id: 'g2', name: '{"id":"x","status":"ACTIVE"}' },
    ],
  },
  devices: [
    { id: `dev-${i}-1`, type: 'BATTERY', attributes: { battery_capacity_wh: 12000 } },
    { id: `dev-${i}-2`, status: 'x', type: 'EV_CHARGER' },
  ],
  ...extra,
});

const list = (n: number) => Array.from({ length: n }, (_, i) => enrollment(i));

describe('GET /v1/enrollments read while it downloads', () => {
  // [piece size in bytes, items]: byte by byte on a short list (each piece is a socket write).
  it.each([
    [1, 6],
    [7, 40],
    [64, 40],
    [1000, 40],
    [100_000, 40],
  ])('maps every item whatever the chunk size (%i bytes, %i items)', async (pieceSize, count) => {
    const items = list(count);
    const utility = await clientAnswering(JSON.stringify({ enrollments: items }), pieceSize);
    const records = await utility.listEnrollments('p1');
    expect(records.map((r) => r.id)).toEqual(items.map((e) => e.id));
    expect(records[3]!.site.firstName).toBe('Zoë "Z" \\ O\'Brien');
    expect(records[3]!.site.city).toBe('São Paulo } ] , { [');
    expect(records[3]!.site.groups.map((g) => g.name)).toEqual(['West', '{"id":"x","status":"ACTIVE"}']);
    expect(records[5]!.devices.map((d) => [d.id, d.batteryCapacityWh])).toEqual([
      ['dev-5-1', 12000],
      ['dev-5-2', null],
    ]);
    expect(records[0]!.createdAt?.toISOString()).toBe('2024-11-03T15:27:12.500Z');
  });

  it('accepts whitespace, other keys around the array and items that differ in key order', async () => {
    const items = list(5);
    const reordered = { status: 'ACTIVE', id: 'e-reordered', site: { id: 's-r' } };
    const body = `{ "count": 6,\n "enrollments" : [ ${[...items, reordered].map((e) => JSON.stringify(e, null, 2)).join(' ,\n')} ] ,"next": {"a": [1, "]"]} }`;
    const records = await (await clientAnswering(body, 50)).listEnrollments('p1');
    expect(records.map((r) => r.id)).toEqual([...items.map((e) => e.id), 'e-reordered']);
  });

  it('#18: reads a valid body split right after an item, before or after its comma', async () => {
    const items = list(3);
    const body = Buffer.from(JSON.stringify({ enrollments: items }));
    const first = JSON.stringify(items[0]);
    const firstEnd = body.indexOf(first) + Buffer.byteLength(first);
    for (const at of [firstEnd, firstEnd + 1]) {
      const stub = await startStubFlip((req, res) => {
        req.resume();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(body.subarray(0, at));
        // A pause, so that the client reads the two parts apart (not asserted: a missed split
        // only weakens this example; the property tests of json-items.ts split deterministically).
        setTimeout(() => res.end(body.subarray(at)), 20);
      });
      const records = await buildClients(stub).clients.utility.listEnrollments('p1');
      expect(records.map((r) => r.id)).toEqual(items.map((e) => e.id));
    }
  });

  it('reads an empty list', async () => {
    const utility = await clientAnswering('{"enrollments":[]}', 3);
    await expect(utility.listEnrollments('p1')).resolves.toEqual([]);
  });

  it.each([
    ['cut short inside an item', `{"enrollments":[${JSON.stringify(enrollment(1))},{"id":"trunc`],
    ['cut short after an item', `{"enrollments":[${JSON.stringify(enrollment(1))},`],
    ['missing the closing brace', `{"enrollments":[${JSON.stringify(enrollment(1))}]`],
    ['a trailing comma', `{"enrollments":[${JSON.stringify(enrollment(1))},]}`],
    [
      'two items without a comma',
      `{"enrollments":[${JSON.stringify(enrollment(1))} ${JSON.stringify(enrollment(2))}]}`,
    ],
    ['a broken item', `{"enrollments":[${JSON.stringify(enrollment(1))},{"id":"x",status:1}]}`],
    ['bytes after the object', `{"enrollments":[]} x`],
    ['a broken value after the array', `{"enrollments":[],"next":tru}`],
    ['HTML', '<html>Bad gateway</html>'],
  ])('answers UPSTREAM_UNAVAILABLE "not JSON" for %s', async (_, body) => {
    const utility = await clientAnswering(body, 40);
    await expect(utility.listEnrollments('p1')).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
      message: 'Flip Utility API sent an unreadable answer: not JSON (GET /v1/enrollments).',
    });
  });

  it('names the top level when the body is JSON but not an object', async () => {
    const utility = await clientAnswering('[1,2]', 2);
    await expect(utility.listEnrollments('p1')).rejects.toMatchObject({
      message: expect.stringContaining('unexpected shape at the top level'),
    });
  });

  it('names the first bad field of a late item, with its index', async () => {
    const items = [...list(30), enrollment(30, { site: { id: 's', groups: [{ id: 'g' }] } })];
    const utility = await clientAnswering(JSON.stringify({ enrollments: items }), 500);
    await expect(utility.listEnrollments('p1')).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
      message: expect.stringContaining('unexpected shape at enrollments.30.site.groups.0.name'),
    });
  });
});

describe('Flip date-times in a list', () => {
  const dates = [
    '2024-11-03T15:27:12Z',
    '2024-11-03T15:27:12.5Z',
    '2024-11-03T15:27:12.05Z',
    '2024-11-03T15:27:12.123Z',
    '2024-11-03T15:27:12.1234Z',
    '2024-02-29T23:59:59Z',
    '2023-02-29T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '0050-01-01T00:00:00Z',
    '2024-11-03T24:00:00Z',
    '2024-11-03T15:27:60Z',
    '2024-11-03T15:27:12+02:00',
    '2024-11-03 15:27:12Z',
    '2024-1x-03T15:27:12Z',
    'yesterday',
  ];

  it('read exactly as new Date() reads them (an unreadable optional date is null)', async () => {
    const items = dates.map((d, i) => ({ ...enrollment(i), enrolled_at: d }));
    const records = await (
      await clientAnswering(JSON.stringify({ enrollments: items }))
    ).listEnrollments('p1');
    const expected = dates.map((d) => {
      const date = new Date(d);
      return Number.isNaN(date.getTime()) ? null : date.toISOString();
    });
    expect(records.map((r) => r.enrolledAt?.toISOString() ?? null)).toEqual(expected);
  });
});

describe('the Ajv-compiled enrollment check', () => {
  // The list is checked with Ajv compiled from WireEnrollment (compiled-schema.ts); by id with zod.
  // Both must accept and refuse the same values.
  const base = enrollment(1);
  const variants: [string, unknown][] = [
    ['valid', base],
    ['extra keys', { ...base, new_field: { x: 1 } }],
    ['null optionals', { ...base, status_reason: null, devices: null, program_specific_attributes: null }],
    ['absent optionals', { id: 'e', status: 'ACTIVE', site: { id: 's' } }],
    [
      'attribute values of every type',
      {
        ...base,
        program_specific_attributes: [
          { name: 'a', value: 1 },
          { name: 'b', value: true },
          { name: 'c', value: 'x', type: null },
        ],
      },
    ],
    ['id a number', { ...base, id: 1 }],
    ['status missing', { ...base, status: undefined }],
    ['site missing', { ...base, site: undefined }],
    ['site id null', { ...base, site: { id: null } }],
    ['empty date', { ...base, created_at: '' }],
    ['device without type', { ...base, devices: [{ id: 'd' }] }],
    [
      'capacity a string',
      { ...base, devices: [{ id: 'd', type: 'BATTERY', attributes: { battery_capacity_wh: '1' } }] },
    ],
    ['group without name', { ...base, site: { id: 's', groups: [{ id: 'g' }] } }],
    ['attribute value an object', { ...base, program_specific_attributes: [{ name: 'a', value: {} }] }],
    ['not an object', 'enrollment'],
  ];

  it.each(variants)('agrees with zod on %s', async (_, value) => {
    const json = JSON.parse(JSON.stringify(value)) as unknown;
    const isZodValid = WireEnrollment.safeParse(json).success;
    const utility = await clientAnswering(JSON.stringify({ enrollments: [json] }), 1000);
    const outcome = await utility.listEnrollments('p1').then(
      () => true,
      () => false,
    );
    expect(outcome).toBe(isZodValid);
  });
});
