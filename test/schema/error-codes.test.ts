import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';
import { contractPath, readText } from './paths.js';

/** The codes the contract's header lists after "extensions.code:", up to "(plus ...". */
function contractCodes(): string[] {
  const header = readText(contractPath)
    .split('\n')
    .filter((line) => line.startsWith('#'))
    .map((line) => line.replace(/^#\s?/, ''))
    .join(' ');
  const list = /extensions\.code:(.*?)\(plus/s.exec(header)?.[1];
  if (!list) throw new Error('the contract header no longer lists error codes after "extensions.code:"');
  return list.match(/[A-Z][A-Z_]+[A-Z]/g) ?? [];
}

describe('ErrorCode (src/errors.ts)', () => {
  it("equals the contract header's list of codes, in both directions", () => {
    expect([...ERROR_CODES].sort()).toEqual([...contractCodes()].sort());
  });
});
