import { it } from 'vitest';
import { startService } from '../support/start.js';

it('scratch', async () => {
  const s = await startService();
  const p = s.sim.programs[0]!.id;
  const e = s.sim.state.enrollments(p) as any[];
  console.log(s.sim.programs, e.length, JSON.stringify(e[0]).slice(0, 800));
  console.log(s.sim.state.groups(p));
  const counts: Record<string, number> = {};
  for (const x of e) counts[x.status] = (counts[x.status] ?? 0) + 1;
  console.log(counts, e.filter((x) => x.devices.some((d: any) => d.type === 'EV_CHARGER')).length);
  const r = await s.gql(`mutation($id: ID!) { pauseEnrollment(id: $id, reason: "maint") { id status statusReason program { id stats { byStatus { status count } } } } }`, { id: e[0].id });
  console.log(JSON.stringify(r.body));
  console.log(JSON.stringify(s.sim.journal.calls()));
  console.log(s.logs.filter((l) => l.audit || String(l.msg).includes('audit')));
});
