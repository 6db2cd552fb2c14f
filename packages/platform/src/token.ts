import { parseArgs } from 'node:util';
import { signDevToken } from '@county/gateway';
import { DATA_DIR } from './paths';
import { loadDevSecrets } from './dev-secrets';

const USAGE = `npm run token -- --role <role> [--role <role> …] [--org <organisation id>] [--region <township code>] [--sub <subject>]
roles: leader, reform-office, approval-bureau, hr, auditor, department (needs --org), township (needs --region)`;

/** Prints a signed development token for the local gateway (its secret is in .data/dev-secrets.json). */
async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true, default: [] },
      org: { type: 'string' },
      region: { type: 'string' },
      sub: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || values.role.length === 0) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const roles = values.role.map((role) => {
    if (role === 'department') return `department:${values.org ?? ''}`;
    if (role === 'township') return `township:${values.region ?? ''}`;
    return role;
  });
  const secret = process.env.JWT_SECRET ?? loadDevSecrets(DATA_DIR).jwtSecret;
  const token = await signDevToken({ sub: values.sub ?? `dev-${values.role.join('-')}`, roles }, { secret });
  console.log(token);
}

main().catch((error: unknown) => {
  const issues = (error as { issues?: { path: unknown[]; message: string }[] }).issues;
  console.error(
    issues
      ? `token: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n${USAGE}`
      : String(error),
  );
  process.exit(2);
});
