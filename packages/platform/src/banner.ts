import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { signDevToken } from '@county/gateway';

interface BannerFacts {
  gatewayUrl: string;
  database: string;
  jwtSecret: string;
  logDir: string;
  seconds: number;
}

/** What a newcomer needs after `npm start`: where things are, tokens to try, a first query. */
export async function printBanner(facts: BannerFacts): Promise<void> {
  const city = generateDemoCity({ counties: 1 });
  const reformOffice = city.organizations.find(
    (o) => o.regionCode === DEMO_COUNTY_CODE && o.name.includes('改革'),
  );
  const township = city.regions.find((r) => r.parentCode === DEMO_COUNTY_CODE);
  const sign = (roles: string[], sub: string) => signDevToken({ sub, roles }, { secret: facts.jwtSecret });
  const tokens: [string, string][] = [
    ['leader', await sign(['leader'], 'demo-leader')],
    ['reform-office', await sign(['reform-office'], 'demo-reform-office')],
    [
      'approval-bureau (keeps the working-day calendar)',
      await sign(['approval-bureau'], 'demo-approval-bureau'),
    ],
    ['hr (sees personal data)', await sign(['hr'], 'demo-hr')],
    ['auditor', await sign(['auditor'], 'demo-auditor')],
  ];
  if (reformOffice)
    tokens.push([
      `department:${reformOffice.id} (${reformOffice.name})`,
      await sign([`department:${reformOffice.id}`], 'demo-department'),
    ]);
  if (township)
    tokens.push([
      `township:${township.code} (${township.name})`,
      await sign([`township:${township.code}`], 'demo-township'),
    ]);

  const query = `{ region(code: "${DEMO_COUNTY_CODE}") { name children { name } } organizations(regionCode: "${DEMO_COUNTY_CODE}", first: 5) { totalCount nodes { name leader { name } } } }`;
  console.log(`
县域治理图谱 · the county governance graph is running (ready in ${facts.seconds.toFixed(1)} s)

  Leaders' cockpit   ${facts.gatewayUrl}/cockpit/?region=${DEMO_COUNTY_CODE}&year=2019&token=${tokens[0][1]}
  GraphQL endpoint   ${facts.gatewayUrl}/graphql
  Explorer (offline) ${facts.gatewayUrl}/explorer
  Health             ${facts.gatewayUrl}/healthz   ${facts.gatewayUrl}/readyz   (/metrics: bearer metricsToken of .data/dev-secrets.json)
  Database           ${facts.database}
  Logs               ${facts.logDir}

Demo tokens (12 h; header "Authorization: Bearer <token>"; no token = anonymous viewer):
${tokens.map(([role, token]) => `  ${role}\n    ${token}`).join('\n')}

Try:
  curl -s ${facts.gatewayUrl}/graphql -H 'content-type: application/json' \\
    -d '${JSON.stringify({ query })}'

Ctrl-C stops everything, PostgreSQL included.
`);
}
