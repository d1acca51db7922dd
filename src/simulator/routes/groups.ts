import { WireCreateGroupBody, WireUpdateGroupBody } from '../../flip/wire.js';
import { fail, noContent, notFound, ok, parseBody, type Route, type SimRequest } from '../http.js';
import type { Store } from '../store.js';

export function groupRoutes(store: Store): Route[] {
  const programOf = (req: SimRequest) => {
    const id = req.params.programId as string;
    return store.program(id) ?? notFound('program', id);
  };
  const groupOf = (req: SimRequest) => {
    const p = programOf(req);
    const id = req.params.id as string;
    if (!p.groups.has(id)) notFound('group', id);
    return { p, id };
  };
  return [
    {
      method: 'GET',
      template: '/v1/programs/{programId}/groups',
      handler: (req) => ok([...programOf(req).groups].map(([id, name]) => ({ id, name }))),
    },
    {
      method: 'POST',
      template: '/v1/programs/{programId}/groups',
      handler: (req) => {
        const p = programOf(req);
        const body = parseBody(req, WireCreateGroupBody);
        if (p.groups.has(body.id)) fail(409, `group ${body.id} already exists in the program`);
        store.createGroup(p.def.id, body.id, body.name);
        return ok({ id: body.id, name: body.name });
      },
    },
    {
      method: 'PATCH',
      template: '/v1/programs/{programId}/groups/{id}',
      handler: (req) => {
        const { p, id } = groupOf(req);
        const body = parseBody(req, WireUpdateGroupBody);
        if (body.id !== undefined && body.id !== id && p.groups.has(body.id)) {
          fail(409, `group ${body.id} already exists in the program`);
        }
        return ok(store.updateGroup(p.def.id, id, { id: body.id, name: body.name }));
      },
    },
    {
      method: 'DELETE',
      template: '/v1/programs/{programId}/groups/{id}',
      handler: (req) => {
        const { p, id } = groupOf(req);
        store.deleteGroup(p.def.id, id);
        return noContent;
      },
    },
  ];
}
