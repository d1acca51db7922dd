import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import {
  CommissionSiteDocument,
  CreateGroupDocument,
  DeviceTelemetryDocument,
} from '../../schema/client/graphql.js';
import { startSimulator } from '../../src/simulator/index.js';
import { startService, type StartedService } from '../support/start.js';
import { seedEnrollments } from './helpers.js';
import { errorsOf } from './mutations/helpers.js';

// Issue 18 section 4: Flip's error text is data. Callers get our message and their own input
// paths; the text Flip sent goes to the log.

let svc: StartedService;
let programId: string;
beforeAll(async () => {
  svc = await startService({ autoClose: false });
  programId = svc.sim.programs[0]!.id;
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());

const refusals = () => svc.logs.filter((l) => l.msg === 'upstream refused the request');

describe("Flip's refusals reach callers in the service's own words", () => {
  it("#18: names a 422's fields by the caller's input paths and logs Flip's text instead", async () => {
    const before = refusals().length;
    const res = await svc.gql(CommissionSiteDocument, {
      input: {
        site: { id: 'oem-site-upstream-422' },
        devices: [
          {
            id: 'bat-upstream-422',
            manufacturerName: 'DeviceMaker',
            productName: 'Model 1',
            serialNumber: 'SN-422',
            type: 'BATTERY',
            batteryCapacityWh: 15_000,
            batteryPowerInputW: 6_000,
            batteryPowerOutputW: 7_500,
            installDate: '2024-02-22T00:00:00Z',
          },
        ],
      },
    });
    expect(res.body.errors?.map((e) => [e.message, e.extensions])).toEqual([
      [
        'Flip refused the input at input.site.zipCode, input.site.stateCode.',
        {
          code: 'BAD_USER_INPUT',
          fieldPaths: ['input.site.zipCode', 'input.site.stateCode'],
          fields: ['input.site.zipCode', 'input.site.stateCode'].map((path) => ({
            path,
            message: `Flip refused ${path}.`,
            code: 'BAD_USER_INPUT',
          })),
        },
      ],
    ]);
    expect(svc.sim.journal.counts()).toEqual({ 'POST /v1/commission': 1 });
    expect(refusals().slice(before)).toEqual([
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        path: ['commissionSite'],
        upstreamDetail: 'missing or invalid site.zip_code, site.state_code',
      }),
    ]);
  });

  it('#18: maps a telemetry window Flip refuses to the argument `to`, without its message', async () => {
    const before = refusals().length;
    const deviceId = seedEnrollments(svc.sim, programId)[0]!.devices![0]!.id;
    const res = await svc.gql(DeviceTelemetryDocument, {
      deviceId,
      from: '2030-05-01T00:00:00Z',
      to: '2030-05-09T00:00:00Z',
    });
    expect(errorsOf(res)).toEqual([{ code: 'BAD_USER_INPUT', fieldPaths: ['to'] }]);
    expect(res.body.errors?.[0]?.message).toBe('Flip refused the input at to.');
    expect(svc.sim.journal.counts()['POST /v1/telemetry/historical']).toBe(1);
    expect(refusals().slice(before)).toEqual([
      expect.objectContaining({ upstreamDetail: expect.stringContaining('7 days') }),
    ]);
  });

  it("#18: answers a 409 as CONFLICT without Flip's text", async () => {
    const res = await svc.gql(CreateGroupDocument, { input: { programId, id: 'LZ_NORTH', name: 'Again' } });
    expect(errorsOf(res)).toEqual([{ code: 'CONFLICT' }]);
    expect(res.body.errors?.[0]?.message).not.toContain('already exists');
    expect(JSON.stringify(refusals())).toContain('already exists');
  });
});

describe('a 422 at a path the caller did not write', () => {
  // A stand-in Cloud API (the simulator cannot refuse such paths): Flip's FastAPI shape, at a
  // top-level field of ours and at one with no counterpart in the input.
  async function startRefusingCloud(): Promise<{ url: string; close: () => Promise<void> }> {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(422, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            detail: [
              { loc: ['body', 'can_auto_enroll'], msg: 'value is not a valid boolean', type: 'type_error' },
              { loc: ['body', 'installer_ref'], msg: 'unknown field installer_ref', type: 'value_error' },
            ],
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
  }

  it('#14: names every path in argument names: its input field, or the input as a whole', async () => {
    const sim = await startSimulator({ port: 0, host: '127.0.0.1', sites: 50, seed: 1 });
    onTestFinished(() => sim.close());
    const cloud = await startRefusingCloud();
    onTestFinished(() => cloud.close());
    const service = await startService({ upstream: sim, env: { FLIP_CLOUD_API_URL: cloud.url } });
    const res = await service.gql(CommissionSiteDocument, {
      input: {
        site: { id: 'oem-site-stub-422', zipCode: '94107', stateCode: 'CA' },
        canAutoEnroll: true,
        devices: [
          {
            id: 'bat-stub-422',
            manufacturerName: 'DeviceMaker',
            productName: 'Model 1',
            serialNumber: 'SN-STUB',
            type: 'BATTERY',
            batteryCapacityWh: 15_000,
            batteryPowerInputW: 6_000,
            batteryPowerOutputW: 7_500,
            installDate: '2024-02-22',
          },
        ],
      },
    });
    expect(res.body.errors?.map((e) => [e.message, e.extensions])).toEqual([
      [
        'Flip refused the input at input.canAutoEnroll, input.',
        {
          code: 'BAD_USER_INPUT',
          fieldPaths: ['input.canAutoEnroll', 'input'],
          fields: ['input.canAutoEnroll', 'input'].map((path) => ({
            path,
            message: `Flip refused ${path}.`,
            code: 'BAD_USER_INPUT',
          })),
        },
      ],
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/can_auto_enroll|installer_ref/);
  });
});
