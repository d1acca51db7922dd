import { createRequire } from 'node:module';

/** `flip-graphql/<version>`: package.json is two levels up from both src/flip and dist/flip. */
function version(): string {
  try {
    const pkg = createRequire(import.meta.url)('../../package.json') as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const USER_AGENT = `flip-graphql/${version()}`;
