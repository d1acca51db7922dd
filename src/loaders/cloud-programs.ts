import { DEVICE_TYPES } from '../flip/wire.js';
import type { CallOptions, CloudClient, CloudProgramRecord } from '../flip/index.js';
import { RequestMemo } from './memo.js';

// The Cloud API lists programs only for a device (GET /v1/programs requires device_type,
// total_capacity_wh and total_power_w, REFERENCE.md 2.2) and has no get-one-program endpoint.
// Asking once per device type with the largest GraphQL Int for size and power lists every
// program whose thresholds are minimums (as the simulator's and Flip's examples are); a program
// the Cloud API still hides answers its Cloud fields as null (unknown). Issue 14 section 3.
const LARGEST_INT = 2_147_483_647;

/**
 * The Cloud API's programs by id, once per request when asked: one GET /v1/programs per device
 * type. Without the Cloud API configured: an empty map (the fields are unknown, not an error).
 */
export class CloudProgramLoader {
  private readonly memo: RequestMemo<'all', ReadonlyMap<string, CloudProgramRecord>>;

  constructor(
    private readonly cloud: CloudClient,
    private readonly callOptions: CallOptions,
    isMemoized: boolean,
  ) {
    this.memo = new RequestMemo(() => this.fetch(), isMemoized);
  }

  async get(programId: string): Promise<CloudProgramRecord | null> {
    return (await this.memo.get('all')).get(programId) ?? null;
  }

  private async fetch(): Promise<ReadonlyMap<string, CloudProgramRecord>> {
    if (!this.cloud.isConfigured) return new Map();
    const lists = await Promise.all(
      DEVICE_TYPES.map((deviceType) =>
        this.cloud.listPrograms(
          { deviceType, totalCapacityWh: LARGEST_INT, totalPowerW: LARGEST_INT },
          this.callOptions,
        ),
      ),
    );
    const byId = new Map<string, CloudProgramRecord>();
    for (const program of lists.flat()) if (!byId.has(program.id)) byId.set(program.id, program);
    return byId;
  }
}
