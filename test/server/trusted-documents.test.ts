import { print, type DocumentNode } from 'graphql';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import {
  ApproveEnrollmentDocument,
  FleetOverviewDocument,
  GroupManagementDocument,
} from '../../schema/client/graphql.js';
import manifest from '../../schema/client/persisted-documents.json' with { type: 'json' };
import { startService, type StartedService } from '../support/start.js';
import { seedEnrollments } from '../graphql/helpers.js';

// Issue 14 §5: TRUSTED_DOCUMENTS=only runs the manifest's documents, named by hash in Apollo's
// form or GraphQL over HTTP's, and refuses anything else before parsing it.

const ADMIN_KEY = 'admin-key-0123456789abcdef';
const OPERATOR_KEY = 'operator-key-0123456789abcdef';
const ONLY = { TRUSTED_DOCUMENTS: 'only' };

/** The hash codegen embeds in a typed document (`sha256:<hex>`), as a frontend reads it. */
function idOf(document: DocumentNode): string {
  return (document as DocumentNode & { __meta__: { hash: string } }).__meta__.hash;
}
const hexOf = (document: DocumentNode) => idOf(document).slice('sha256:'.length);

async function post(svc: StartedService, body: unknown, headers: Record<string, string> = {}) {
  const res = await request(svc.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
}

async function get(svc: StartedService, params: Record<string, string>) {
  const res = await request(`${svc.graphqlUrl}?${new URLSearchParams(params).toString()}`, {
    headers: { 'apollo-require-preflight': 'true' },
  });
  return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
}

const refused = (message: string) => ({
  errors: [{ message, extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
});
const NOT_TRUSTED =
  'Only trusted documents run here: send a persisted document id (documentId or extensions.persistedQuery.sha256Hash), not the document.';
const UNKNOWN_ID = 'No trusted document has this id.';

describe('schema/client/persisted-documents.json', () => {
  it('lists every example operation under the sha256 of its document, as the typed documents carry it', () => {
    const entries = Object.entries(manifest as Record<string, string>);
    expect(entries.length).toBeGreaterThanOrEqual(20);
    expect(manifest).toHaveProperty([idOf(FleetOverviewDocument)]);
    expect((manifest as Record<string, string>)[idOf(FleetOverviewDocument)]).toContain(
      'query FleetOverview',
    );
  });
});

describe('TRUSTED_DOCUMENTS=only', () => {
  it("runs a trusted document sent as Apollo's persisted query, as its text would run", async () => {
    const svc = await startService({ env: ONLY });
    const res = await post(svc, {
      extensions: { persistedQuery: { version: 1, sha256Hash: hexOf(FleetOverviewDocument) } },
    });
    expect(res.status).toBe(200);
    const open = await startService();
    expect(res.body).toEqual((await open.gql(FleetOverviewDocument)).body);
    expect((res.body.data as { programs: unknown[] }).programs).toHaveLength(3);
  });

  it('runs a trusted document sent as a GraphQL-over-HTTP documentId, in a POST and in a GET', async () => {
    const svc = await startService({ env: ONLY });
    const programId = svc.sim.programs[0]!.id;
    const variables = { programId };
    const byPost = await post(svc, { documentId: idOf(GroupManagementDocument), variables });
    expect(byPost.status).toBe(200);
    expect(byPost.body.errors).toBeUndefined();
    expect((byPost.body.data as { program: { id: string } }).program.id).toBe(programId);
    const byGet = await get(svc, {
      documentId: hexOf(GroupManagementDocument),
      variables: JSON.stringify(variables),
    });
    expect(byGet).toEqual(byPost);
  });

  it('applies a trusted mutation sent by id once', async () => {
    const svc = await startService({ env: ONLY });
    const target = seedEnrollments(svc.sim, svc.sim.programs[0]!.id).find((e) => e.status === 'PENDING')!;
    svc.sim.journal.clear();
    const res = await post(svc, {
      documentId: idOf(ApproveEnrollmentDocument),
      variables: { id: target.id, reason: 'checked' },
    });
    expect(res.body).toEqual({
      data: { approveEnrollment: { id: target.id, status: 'ACTIVE', statusReason: 'checked' } },
    });
    expect(svc.sim.journal.calls().filter((c) => c.method !== 'GET')).toEqual([
      {
        method: 'PATCH',
        route: `/v1/enrollments/${target.id}`,
        body: { status: 'ACTIVE', status_reason: 'checked' },
      },
    ]);
  });

  it('refuses an unknown id in either form with PERSISTED_QUERY_NOT_FOUND, 400, and calls nothing', async () => {
    const svc = await startService({ env: ONLY });
    svc.sim.journal.clear();
    const unknown = 'a'.repeat(64);
    for (const body of [
      { documentId: `sha256:${unknown}` },
      { documentId: 'not-a-hash' },
      { extensions: { persistedQuery: { version: 1, sha256Hash: unknown } } },
      // An Apollo client registering a document it sends along: still not a trusted one.
      { query: '{ programs { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: unknown } } },
    ]) {
      const res = await post(svc, body);
      expect(res).toEqual({ status: 400, body: refused(UNKNOWN_ID) });
    }
    expect(await get(svc, { documentId: unknown })).toEqual({ status: 400, body: refused(UNKNOWN_ID) });
    expect(svc.sim.journal.calls()).toEqual([]);
  });

  it('refuses a raw document before parsing it: a valid one, a broken one, and one in a GET', async () => {
    const svc = await startService({ env: ONLY });
    svc.sim.journal.clear();
    for (const query of [
      print(FleetOverviewDocument),
      '{ programs { id ',
      'mutation { cancelEvent(id: "x") }',
    ]) {
      expect(await post(svc, { query })).toEqual({ status: 400, body: refused(NOT_TRUSTED) });
    }
    expect(await get(svc, { query: '{ programs { id } }' })).toEqual({
      status: 400,
      body: refused(NOT_TRUSTED),
    });
    expect(svc.sim.journal.calls()).toEqual([]);
    expect(svc.logs.filter((l) => l.msg === 'request refused').map((l) => l.code)).toEqual(
      Array(4).fill('PERSISTED_QUERY_NOT_FOUND'),
    );
  });

  it('refuses a trusted id sent with another document as BAD_USER_INPUT', async () => {
    const svc = await startService({ env: ONLY });
    const res = await post(svc, {
      documentId: idOf(FleetOverviewDocument),
      query: '{ programs { id name } }',
    });
    expect(res).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'The query sent differs from the trusted document with this id.',
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      },
    });
  });

  it('lets admin callers send any document with TRUSTED_DOCUMENTS_ADMIN_ANY=true, and no one else', async () => {
    const keys = `${ADMIN_KEY}:admin,${OPERATOR_KEY}:operator`;
    const svc = await startService({
      env: { ...ONLY, TRUSTED_DOCUMENTS_ADMIN_ANY: 'true', GRAPHQL_API_KEYS: keys },
    });
    const query = '{ programs { id } }';
    const asAdmin = await post(svc, { query }, { authorization: `Bearer ${ADMIN_KEY}` });
    expect(asAdmin.status).toBe(200);
    expect((asAdmin.body.data as { programs: unknown[] }).programs).toHaveLength(3);
    const asOperator = await post(svc, { query }, { authorization: `Bearer ${OPERATOR_KEY}` });
    expect(asOperator).toEqual({ status: 400, body: refused(NOT_TRUSTED) });

    const strict = await startService({ env: { ...ONLY, GRAPHQL_API_KEYS: keys } });
    const adminWithoutFlag = await post(strict, { query }, { authorization: `Bearer ${ADMIN_KEY}` });
    expect(adminWithoutFlag).toEqual({ status: 400, body: refused(NOT_TRUSTED) });
  });

  it('still serves the IDE page (its operations are raw documents, refused unless allowed)', async () => {
    const svc = await startService({ env: ONLY });
    const res = await request(svc.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    await res.body.text();
  });
});

describe('TRUSTED_DOCUMENTS=off (the default)', () => {
  it('runs raw documents and trusted ids alike', async () => {
    const svc = await startService();
    const raw = await post(svc, { query: print(FleetOverviewDocument) });
    const byId = await post(svc, { documentId: idOf(FleetOverviewDocument) });
    expect(raw.status).toBe(200);
    expect(byId).toEqual(raw);
    expect(await post(svc, { documentId: 'sha256:' + 'b'.repeat(64) })).toEqual({
      status: 400,
      body: refused(UNKNOWN_ID),
    });
  });
});
