import { describe, expect, it } from 'vitest';
import { startService } from '../support/start.js';

describe('the started service', () => {
  it('answers { __typename } at /graphql on the embedded simulator', async () => {
    const service = await startService();
    const res = await service.gql('{ __typename }');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('logs one line saying it runs on the simulator and where the IDE is', async () => {
    const service = await startService();
    const lines = service.logs.filter((l) => String(l.msg).includes('embedded Flip simulator'));
    expect(lines).toHaveLength(1);
    expect(String(lines[0]?.msg)).toContain(`GraphQL IDE at ${service.graphqlUrl}`);
  });

  it('echoes a sane x-request-id and generates one otherwise', async () => {
    const service = await startService();
    const given = await service.gql('{ __typename }', undefined, { 'x-request-id': 'req-123' });
    expect(given.headers['x-request-id']).toBe('req-123');
    const generated = await service.gql('{ __typename }', undefined, {
      'x-request-id': 'bad id with spaces',
    });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
