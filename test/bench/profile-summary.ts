import { readdirSync, readFileSync } from 'node:fs';

/**
 * Where a service process spent its CPU, from a V8 CPU profile (BENCH_CPU_PROF=true): self time
 * per sample, bucketed by the function or file it was in. Builtins such as JSON.parse show up in
 * the JS function that called them (parseSuccess, prettyJSONStringify), which names the bucket.
 * Approximate (sampling, inlining), but enough to see what dominates.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const BUCKETS: [string, (fn: string, url: string) => boolean][] = [
  ['garbage collection', (fn) => fn === '(garbage collector)'],
  ['idle (waiting on Flip or clients)', (fn) => fn === '(idle)'],
  [
    'startup (module loading)',
    (fn, url) => /modules\/(esm|cjs)|compileSourceTextModule|wrapSafe/.test(url + fn),
  ],
  ['JSON.parse of Flip bodies', (fn, url) => fn === 'parseSuccess' && url.includes('/flip/')],
  ['receiving bodies (bytes to text)', (fn, url) => /undici|node:buffer|_copyActual/.test(url + fn)],
  ['zod validation', (_fn, url) => url.includes('node_modules/zod')],
  ['mapping wire to records', (_fn, url) => /\/flip\/(map|enums|utility-client|http)\.js/.test(url)],
  ['indexing programs', (_fn, url) => /program-index|program-locator|\/cache\//.test(url)],
  ['stats, filters, ordering', (_fn, url) => /stats\/|enrollment-query|derived/.test(url)],
  ['serialising answers (JSON.stringify)', (fn) => fn === 'prettyJSONStringify'],
  // The kernel's copy of an answer to the socket (writev), under the JS that wrote it.
  [
    'writing answers to sockets',
    (fn, url) => /^writev|^writeBuffer|^writeUtf8String/.test(fn) || /stream_base_commons/.test(url),
  ],
  ['audit trail (PGlite, opened in the background)', (_fn, url) => /pglite|^wasm:/.test(url)],
  [
    'GraphQL execution (graphql-js, type-graphql, resolvers, loaders)',
    (fn, url) =>
      /node_modules\/(graphql|graphql-jit|type-graphql|dataloader)\/|\/dist\/(graphql|loaders)\//.test(url) ||
      // graphql-jit's compiled query: functions without a file, named after the fields they resolve.
      (url === '' && /Handler|__context|ResolverHandler/.test(fn)),
  ],
  [
    'HTTP server, Apollo, auth, limits',
    (_fn, url) => /@apollo|\/dist\/server\/|node:_http|node:net|stream/.test(url),
  ],
];

export function summariseProfile(file: string): { bucket: string; ms: number; share: number }[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = nodeById.get(id)?.callFrame ?? { functionName: '', url: '' };
    const bucket = BUCKETS.find(([, test]) => test(frame.functionName, frame.url))?.[0] ?? 'other';
    totals.set(bucket, (totals.get(bucket) ?? 0) + us);
    total += us;
  });
  return [...totals]
    .map(([bucket, us]) => ({ bucket, ms: us / 1000, share: us / total }))
    .sort((a, b) => b.ms - a.ms);
}

/** The newest profile whose name starts with `prefix`, summarised as markdown lines. */
export function describeLatestProfile(dir: string, prefix: string): string {
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.cpuprofile'))
    .sort();
  const file = files.at(-1);
  if (!file) return `(no profile ${prefix}*)`;
  const lines = summariseProfile(`${dir}/${file}`).map(
    (b) => `| ${b.bucket} | ${b.ms.toFixed(0)} | ${(100 * b.share).toFixed(1)}% |`,
  );
  return [`${file}`, '| where | CPU ms | share |', '| --- | --- | --- |', ...lines].join('\n');
}
