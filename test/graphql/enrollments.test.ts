import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WireEnrollment } from '../../src/flip/wire.js';
import {
  EnrollmentReviewQueueDocument,
  ProgramDashboardDocument,
  type EnrollmentReviewQueueQuery,
  type ProgramDashboardQuery,
} from '../../schema/client/graphql.js';
import { startService, type GqlResult, type StartedService } from '../support/start.js';
import {
  DEVICE_FIELDS,
  ENROLLMENT_FIELDS,
  SITE_FIELDS,
  expectedDevice,
  expectedEnrollment,
  expectedSite,
  seedEnrollments,
} from './helpers.js';

const PAGE = /* GraphQL */ `
  query ($id: ID!, $first: Int, $after: String, $filter: EnrollmentFilter, $orderBy: EnrollmentOrder) {
    program(id: $id) {
      enrollments(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
        totalCount
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
        edges {
          cursor
          node {
            id
          }
        }
      }
    }
  }
`;

interface Page {
  program: {
    enrollments: {
      totalCount: number;
      pageInfo: {
        hasNextPage: boolean;
        hasPreviousPage: boolean;
        startCursor: string | null;
        endCursor: string | null;
      };
      edges: { cursor: string; node: { id: string } }[];
    } | null;
  } | null;
}

let svc: StartedService;
let programId: string;
let seed: WireEnrollment[];
beforeAll(async () => {
  svc = await startService({ autoClose: false });
  programId = svc.sim.programs[0]!.id;
  seed = seedEnrollments(svc.sim, programId);
});
afterAll(() => svc.close());
beforeEach(() => svc.sim.journal.clear());

/** Every id of the list, page after page, following endCursor. */
async function walk(variables: Record<string, unknown>, first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res: GqlResult<Page> = await svc.gql<Page>(PAGE, { id: programId, first, after, ...variables });
    expect(res.body.errors).toBeUndefined();
    const connection = res.body.data!.program!.enrollments!;
    ids.push(...connection.edges.map((e) => e.node.id));
    if (!connection.pageInfo.hasNextPage) return ids;
    after = connection.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

const byId = (a: WireEnrollment, b: WireEnrollment) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const time = (s: string | null | undefined) => (s ? Date.parse(s) : -Infinity);

describe('Program.enrollments', () => {
  it('maps every field of the seed: enrollment, site and devices', async () => {
    const res = await svc.gql(
      /* GraphQL */ `
      query ($id: ID!) {
        program(id: $id) {
          enrollments(first: 500) { nodes { ${ENROLLMENT_FIELDS} site { ${SITE_FIELDS} } devices { ${DEVICE_FIELDS} } } }
        }
      }
    `,
      { id: programId },
    );
    expect(res.body.errors).toBeUndefined();
    const expected = [...seed]
      .sort((a, b) => time(a.created_at) - time(b.created_at) || byId(a, b))
      .map((w) => ({
        ...expectedEnrollment(w),
        site: expectedSite(w.site),
        devices: (w.devices ?? []).map(expectedDevice),
      }));
    expect(
      (res.body.data as { program: { enrollments: { nodes: unknown[] } } }).program.enrollments.nodes,
    ).toEqual(expected);
  });

  it('pages with opaque cursors through every enrollment once, in the default order (createdAt, id)', async () => {
    const expected = [...seed]
      .sort((a, b) => time(a.created_at) - time(b.created_at) || byId(a, b))
      .map((e) => e.id);
    expect(await walk({}, 40)).toEqual(expected);
  });

  it('reports totalCount, pageInfo and cursors of a middle page', async () => {
    const first = await svc.gql<Page>(PAGE, { id: programId, first: 10 });
    const after = first.body.data!.program!.enrollments!.pageInfo.endCursor;
    const res = await svc.gql<Page>(PAGE, { id: programId, first: 10, after });
    const connection = res.body.data!.program!.enrollments!;
    expect(connection.totalCount).toBe(seed.length);
    expect(connection.edges).toHaveLength(10);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: connection.edges[0]!.cursor,
      endCursor: connection.edges[9]!.cursor,
    });
  });

  it('uses DEFAULT_PAGE_SIZE when first is absent and returns an empty page for first: 0', async () => {
    const res = await svc.gql<ProgramDashboardQuery>(ProgramDashboardDocument, { programId, first: null });
    expect(res.body.data?.program?.enrollments?.nodes).toHaveLength(svc.config.defaultPageSize);
    const empty = await svc.gql<Page>(PAGE, { id: programId, first: 0 });
    expect(empty.body.data!.program!.enrollments).toMatchObject({
      totalCount: seed.length,
      edges: [],
      pageInfo: { hasNextPage: true, startCursor: null, endCursor: null },
    });
  });

  it('orders by SITE_NAME descending (last, first, company name, then id), stable across pages', async () => {
    const name = (e: WireEnrollment) =>
      [e.site.last_name, e.site.first_name, e.site.company_name].map((s) => (s ?? '').toLowerCase());
    const compare = (a: WireEnrollment, b: WireEnrollment) => {
      const [ka, kb] = [name(a), name(b)];
      for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
      return byId(a, b);
    };
    const expected = [...seed].sort((a, b) => -compare(a, b)).map((e) => e.id);
    expect(await walk({ orderBy: { field: 'SITE_NAME', direction: 'DESC' } }, 33)).toEqual(expected);
  });

  it('orders by ENROLLED_AT ascending with never-enrolled first', async () => {
    const expected = [...seed]
      .sort((a, b) => time(a.enrolled_at) - time(b.enrolled_at) || byId(a, b))
      .map((e) => e.id);
    expect(await walk({ orderBy: { field: 'ENROLLED_AT', direction: 'ASC' } }, 500)).toEqual(expected);
  });

  it('orders by UPDATED_AT descending', async () => {
    const expected = [...seed]
      .sort((a, b) => time(b.updated_at) - time(a.updated_at) || byId(b, a))
      .map((e) => e.id);
    expect(await walk({ orderBy: { field: 'UPDATED_AT', direction: 'DESC' } }, 500)).toEqual(expected);
  });
});

describe('EnrollmentFilter', () => {
  const ids = (list: WireEnrollment[]) =>
    list.sort((a, b) => time(a.created_at) - time(b.created_at) || byId(a, b)).map((e) => e.id);

  it('keeps the review queue (PENDING, NEEDS_ACTION) with totalCount after filtering', async () => {
    const res = await svc.gql<EnrollmentReviewQueueQuery>(EnrollmentReviewQueueDocument, {
      programId,
      first: 500,
    });
    const expected = ids(seed.filter((e) => e.status === 'PENDING' || e.status === 'NEEDS_ACTION'));
    expect(expected.length).toBeGreaterThan(0);
    const connection = res.body.data?.program?.enrollments;
    expect(connection?.totalCount).toBe(expected.length);
    expect(connection?.edges.map((e) => e.node.id)).toEqual(expected);
  });

  it('matches any of groupIds, a device type, a state code (any case), a zip code, manufacturers, zip codes and an enrollment window', async () => {
    const group = svc.sim.state.groups(programId)[1]!.id;
    const sample = seed.find((e) => e.site.zip_code)!;
    const maker = seed.flatMap((e) => e.devices ?? []).find((d) => d.manufacturer_name)!.manufacturer_name!;
    const zips = [...new Set(seed.map((e) => e.site.zip_code).filter((z): z is string => !!z))].slice(0, 3);
    const enrolled = seed
      .map((e) => e.enrolled_at)
      .filter((t): t is string => !!t)
      .map(Date.parse)
      .sort((a, b) => a - b);
    // The middle half of the enrollment dates, bounds exclusive: enrollments on both sides.
    const after = new Date(enrolled[Math.floor(enrolled.length / 4)]!);
    const before = new Date(enrolled[Math.floor((3 * enrolled.length) / 4)]!);
    const cases: [Record<string, unknown>, (e: WireEnrollment) => boolean][] = [
      [{ groupIds: [group, 'no-such-group'] }, (e) => (e.site.groups ?? []).some((g) => g.id === group)],
      [{ deviceType: 'EV_CHARGER' }, (e) => (e.devices ?? []).some((d) => d.type === 'EV_CHARGER')],
      [
        { stateCode: sample.site.state_code!.toLowerCase() },
        (e) => e.site.state_code === sample.site.state_code,
      ],
      [{ zipCode: sample.site.zip_code }, (e) => e.site.zip_code === sample.site.zip_code],
      [
        { status: ['ACTIVE'], deviceType: 'BATTERY' },
        (e) => e.status === 'ACTIVE' && (e.devices ?? []).some((d) => d.type === 'BATTERY'),
      ],
      [{ status: [], groupIds: [] }, () => true],
      [
        { manufacturerNames: [maker.toUpperCase(), 'No Such Maker'] },
        (e) => (e.devices ?? []).some((d) => d.manufacturer_name?.toLowerCase() === maker.toLowerCase()),
      ],
      [{ zipCodes: zips }, (e) => zips.includes(e.site.zip_code ?? '')],
      [
        { enrolledAfter: after.toISOString(), enrolledBefore: before.toISOString() },
        (e) =>
          !!e.enrolled_at &&
          Date.parse(e.enrolled_at) > after.getTime() &&
          Date.parse(e.enrolled_at) < before.getTime(),
      ],
      [
        { enrolledAfter: after.toISOString() },
        (e) => !!e.enrolled_at && Date.parse(e.enrolled_at) > after.getTime(),
      ],
      [{ manufacturerNames: [], zipCodes: [] }, () => true],
    ];
    for (const [filter, keep] of cases) {
      const expected = ids(seed.filter(keep));
      expect(expected.length, `the seed has matches for ${JSON.stringify(filter)}`).toBeGreaterThan(0);
      expect(await walk({ filter }, 500), JSON.stringify(filter)).toEqual(expected);
    }
  });

  it('#14: searches names, email, address, zip code, enrollment, site and device ids, serial numbers, manufacturers and products case-insensitively', async () => {
    const sample = seed.find((e) => (e.devices ?? []).length > 0 && e.site.email)!;
    const device = sample.devices![0]!;
    const terms = [
      sample.site.last_name!.toUpperCase(),
      `${sample.site.first_name} ${sample.site.last_name}`.toLowerCase(),
      sample.site.email!.toUpperCase(),
      sample.site.street_address!,
      device.serial_number!.toLowerCase(),
      sample.id.toUpperCase(),
      sample.site.id,
      device.id,
      device.manufacturer_name!.toUpperCase(),
      device.product_name!,
      sample.site.zip_code!,
    ];
    for (const term of terms) {
      const hits = await walk({ filter: { search: term } }, 500);
      expect(hits, term).toContain(sample.id);
      const t = term.toLowerCase();
      const expected = seed.filter((e) => {
        const s = e.site;
        const texts = [
          s.first_name,
          s.last_name,
          [s.first_name, s.last_name].filter(Boolean).join(' '),
          s.company_name,
          s.email,
          s.street_address,
          s.street_address2,
          s.city,
          s.zip_code,
          e.id,
          s.id,
          ...(e.devices ?? []).flatMap((d) => [d.id, d.serial_number, d.manufacturer_name, d.product_name]),
        ];
        return texts.some((x) => typeof x === 'string' && x.toLowerCase().includes(t));
      });
      expect(hits, term).toEqual(ids(expected));
    }
  });
});

describe('Program.enrollments arguments', () => {
  it('rejects first above MAX_PAGE_SIZE with BAD_USER_INPUT naming first, before any upstream call', async () => {
    const res = await svc.gql<Page>(PAGE, { id: programId, first: svc.config.maxPageSize + 1 });
    expect(res.body.data).toEqual({ program: { enrollments: null } });
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: `\`first\` must be at most ${svc.config.maxPageSize}`,
        path: ['program', 'enrollments'],
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fieldPaths: ['first'] }),
      }),
    ]);
    expect(svc.sim.journal.calls()).toEqual([]);
  });

  it('rejects a negative first, a malformed after, and a cursor of another orderBy', async () => {
    const other = await svc.gql<Page>(PAGE, {
      id: programId,
      first: 1,
      orderBy: { field: 'SITE_NAME', direction: 'ASC' },
    });
    const foreignCursor = other.body.data!.program!.enrollments!.pageInfo.endCursor;
    const cases: [Record<string, unknown>, string][] = [
      [{ first: -1 }, 'first'],
      [{ after: 'not a cursor' }, 'after'],
      [{ after: Buffer.from('{"x":1}').toString('base64url') }, 'after'],
      [{ after: foreignCursor }, 'after'],
    ];
    for (const [variables, field] of cases) {
      const res = await svc.gql<Page>(PAGE, { id: programId, ...variables });
      expect(
        res.body.errors?.map((e) => [e.extensions?.code, e.extensions?.fieldPaths]),
        JSON.stringify(variables),
      ).toEqual([['BAD_USER_INPUT', [field]]]);
    }
  });
});
