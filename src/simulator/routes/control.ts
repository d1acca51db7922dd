import { faultRuleProblem, type FaultStore } from '../faults.js';
import { errorBody, noContent, ok, type Route } from '../http.js';
import type { JournalStore } from '../journal.js';
import type { FaultRule, SimProgram } from '../types.js';

/**
 * The control API under `/__sim`: for tools and out-of-process tests. No auth, never journaled,
 * never faulted.
 */
export function controlRoutes(deps: {
  journal: JournalStore;
  faults: FaultStore;
  programs: SimProgram[];
}): Route[] {
  const { journal, faults } = deps;
  return [
    {
      method: 'GET',
      template: '/journal',
      handler: () =>
        ok({
          entries: journal.entries(),
          calls: journal.calls(),
          counts: journal.counts(),
          token_requests: journal.tokenRequests(),
        }),
    },
    { method: 'DELETE', template: '/journal', handler: () => (journal.clear(), noContent) },
    { method: 'GET', template: '/faults', handler: () => ok(faults.list()) },
    {
      method: 'POST',
      template: '/faults',
      handler: (req) => {
        const problem = req.bodyInvalid ? 'body is not JSON' : faultRuleProblem(req.body);
        if (problem) return { status: 400, body: errorBody(400, `invalid fault rule: ${problem}`) };
        faults.add(req.body as FaultRule);
        return ok(faults.list());
      },
    },
    { method: 'DELETE', template: '/faults', handler: () => (faults.clear(), noContent) },
    { method: 'GET', template: '/programs', handler: () => ok(deps.programs) },
  ];
}
