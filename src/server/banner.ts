/**
 * The short human banner `npm start` prints in development before the start-up log lines (which
 * stay JSON, for machines): where the service, its IDE and the simulator are, and the auth mode.
 * Production prints none.
 */
export interface BannerFacts {
  graphqlUrl: string;
  ide: boolean;
  simulatorUrl?: string;
  upstreamUrl?: string;
  /** e.g. "off (no GRAPHQL_API_KEYS or JWT)" or "on: 2 API keys, JWT (JWKS)". */
  auth: string;
  corsOrigins: readonly string[];
}

export function formatBanner(facts: BannerFacts): string {
  const rows: [string, string][] = [
    ['GraphQL', facts.graphqlUrl],
    ['IDE', facts.ide ? `${facts.graphqlUrl} (open in a browser)` : 'off (GRAPHQL_IDE=false)'],
    facts.simulatorUrl
      ? ['Flip', `embedded simulator at ${facts.simulatorUrl}`]
      : ['Flip', facts.upstreamUrl ?? 'unknown'],
    ['Auth', facts.auth],
    [
      'CORS',
      facts.corsOrigins.length > 0 ? facts.corsOrigins.join(', ') : 'no browser origins (CORS_ORIGINS)',
    ],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
  return ['', '  flip-graphql is running', '', ...lines, '', ''].join('\n');
}
