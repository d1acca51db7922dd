import { WireUpdateEnrollmentBody } from '../../flip/wire.js';
import { badRequest, notFound, ok, parseBody, requireQuery, type Route } from '../http.js';
import { renderEnrollment } from '../render.js';
import type { Store } from '../store.js';

export function enrollmentRoutes(store: Store): Route[] {
  return [
    {
      method: 'GET',
      template: '/v1/enrollments',
      handler: (req) => {
        const programId = requireQuery(req, 'program_id');
        const p = store.program(programId);
        // Flip scopes every call to the caller's organisation and has no "get program"
        // endpoint; an unknown program therefore reads as one with no enrollments (200, []).
        if (!p) return ok({ enrollments: [] });
        return { status: 200, json: store.enrollmentListJson(p) };
      },
    },
    {
      method: 'GET',
      template: '/v1/enrollments/{id}',
      handler: (req) => {
        const e =
          store.enrollment(req.params.id as string) ?? notFound('enrollment', req.params.id as string);
        return { status: 200, json: store.enrollmentAsJson(e) };
      },
    },
    {
      method: 'PATCH',
      template: '/v1/enrollments/{id}',
      handler: (req) => {
        const e =
          store.enrollment(req.params.id as string) ?? notFound('enrollment', req.params.id as string);
        const body = parseBody(req, WireUpdateEnrollmentBody);
        const groups = groupsOf(store, e.programId);
        const unknown = (body.group_ids ?? []).flatMap((id, i) =>
          groups.has(id)
            ? []
            : [{ message: `group ${id} not found in the program`, path: `group_ids[${i}]` }],
        );
        if (unknown.length > 0) badRequest(unknown);
        store.updateEnrollment(e, {
          status: body.status,
          statusReason: body.status_reason,
          // A null group_ids is pydantic's "not given" (Optional, default None): groups unchanged.
          groupIds: body.group_ids ?? undefined,
        });
        return ok(renderEnrollment(e, groups));
      },
    },
  ];
}

function groupsOf(store: Store, programId: string): ReadonlyMap<string, string> {
  return store.program(programId)?.groups ?? new Map();
}
