import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { Measured } from './drive.js';

/** One line of the table: a scenario run one way. */
export interface Row {
  scenario: string;
  /** direct REST | service, cache warm | service, cache off | naive (no batching, no cache) | cold ... */
  variant: string;
  measured: Measured;
  /** Upstream calls in the measured window per operation. */
  callsPerOp: number;
  /** Peak resident memory of the service process (VmHWM), MB; NaN for direct. */
  peakRssMb: number;
  /** The service process's CPU time per operation in the measured window, ms; absent for direct. */
  cpuMsPerOp?: number;
  /** Against the direct REST row of the same scenario: ops/s ratio, p50 ratio, p50 added (ms). */
  vsDirect?: { throughput: number; p50: number; addedP50Ms: number };
  note?: string;
}

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/** Fills vsDirect from each scenario's direct row. */
export function withRatios(rows: Row[]): Row[] {
  return rows.map((row) => {
    const direct = rows.find((r) => r.scenario === row.scenario && r.variant === 'direct REST');
    if (!direct || row === direct) return row;
    return {
      ...row,
      vsDirect: {
        throughput: row.measured.opsPerS / direct.measured.opsPerS,
        p50: row.measured.p50Ms / direct.measured.p50Ms,
        addedP50Ms: row.measured.p50Ms - direct.measured.p50Ms,
      },
    };
  });
}

export function printTable(rows: Row[]): string {
  const header = [
    'scenario',
    'variant',
    'ops/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'calls/op',
    'peak RSS MB',
    'service CPU ms/op',
    'ops/s vs direct',
    'p50 vs direct',
    'p50 added ms',
    'failures',
  ];
  const lines = rows.map((r) => [
    r.scenario,
    r.variant,
    fixed(r.measured.opsPerS),
    fixed(r.measured.p50Ms),
    fixed(r.measured.p95Ms),
    fixed(r.measured.p99Ms),
    fixed(r.callsPerOp, 2),
    fixed(r.peakRssMb, 0),
    fixed(r.cpuMsPerOp ?? NaN, 2),
    r.vsDirect ? `${fixed(r.vsDirect.throughput, 2)}x` : '',
    r.vsDirect ? `${fixed(r.vsDirect.p50, 2)}x` : '',
    r.vsDirect ? fixed(r.vsDirect.addedP50Ms, 1) : '',
    String(r.measured.failures),
  ]);
  const table = [header, header.map(() => '---'), ...lines].map((cols) => `| ${cols.join(' | ')} |`);
  return table.join('\n');
}

/** Writes the rows and the run's settings under .artifacts/bench/ (ignored by git). */
export function writeReport(rows: Row[], settings: Record<string, unknown>, startedLoad: number[]): string {
  mkdirSync('.artifacts/bench', { recursive: true });
  const report = {
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 1e9),
      node: process.version,
      loadAverageAtStart: startedLoad,
      loadAverageAtEnd: loadavg(),
    },
    settings,
    rows,
  };
  const text = JSON.stringify(report, null, 2) + '\n';
  const file = `.artifacts/bench/bench-${report.at.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, text);
  writeFileSync('.artifacts/bench/latest.json', text);
  return file;
}
