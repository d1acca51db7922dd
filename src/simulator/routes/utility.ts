import type { Route } from '../http.js';
import type { Store } from '../store.js';
import { enrollmentRoutes } from './enrollments.js';
import { eventRoutes } from './events.js';
import { groupRoutes } from './groups.js';
import { telemetryRoutes } from './telemetry.js';

/** Every Utility API route (REFERENCE.md 1.3), templates relative to the `/utility` prefix. */
export function utilityRoutes(store: Store): Route[] {
  return [
    ...enrollmentRoutes(store),
    ...groupRoutes(store),
    ...eventRoutes(store),
    ...telemetryRoutes(store),
  ];
}
