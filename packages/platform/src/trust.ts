import {
  CallerTokenSigner,
  generateSigningKey,
  Identity,
  IDENTITY_HEADER,
  publicKeyOf,
  type PrivateJwk,
} from '@county/kit';
import { DIRECTORY_SUBGRAPH, SUBGRAPHS } from './registry';

/**
 * The keys inside one deployment: the gateway's (it signs every caller for every subgraph call) and each
 * subgraph's own key towards the directory. Each process receives only its own private key; the others
 * get public keys. `npm start` keeps them in .data/dev-secrets.json, `npm run keys` prints a set for .env.
 */
export interface DeploymentKeys {
  gateway: PrivateJwk;
  /** Every subgraph but the directory itself: name → its DIRECTORY_KEY. */
  directory: Record<string, PrivateJwk>;
}

const version = () => new Date().toISOString().slice(0, 10);

export function generateDeploymentKeys(): DeploymentKeys {
  return {
    gateway: generateSigningKey(`gateway.${version()}`).privateKey,
    directory: Object.fromEntries(
      SUBGRAPHS.filter((s) => s.name !== DIRECTORY_SUBGRAPH).map(({ name }) => [
        name,
        generateSigningKey(`${name}.${version()}`).privateKey,
      ]),
    ),
  };
}

/** Keys a file made earlier lacks (a subgraph added since) are made now; the others are kept. */
export function completeDeploymentKeys(existing: Partial<DeploymentKeys> | undefined): DeploymentKeys {
  const fresh = generateDeploymentKeys();
  return {
    gateway: existing?.gateway ?? fresh.gateway,
    directory: Object.fromEntries(
      Object.entries(fresh.directory).map(([name, key]) => [name, existing?.directory?.[name] ?? key]),
    ),
  };
}

/** The gateway's part: its signing key. */
export const gatewayTrustEnvironment = (keys: DeploymentKeys): Record<string, string> => ({
  IDENTITY_SIGNING_KEY: JSON.stringify(keys.gateway),
});

/**
 * A subgraph's part: the gateway's public key; on the directory, the others' public keys; on the others,
 * the directory's address and their own key.
 */
export function subgraphTrustEnvironment(
  name: string,
  keys: DeploymentKeys,
  directoryUrl?: string,
): Record<string, string> {
  const env: Record<string, string> = { GATEWAY_KEYS: JSON.stringify({ keys: [publicKeyOf(keys.gateway)] }) };
  if (name === DIRECTORY_SUBGRAPH) {
    env.DIRECTORY_CLIENT_KEYS = JSON.stringify({ keys: Object.values(keys.directory).map(publicKeyOf) });
  } else if (directoryUrl) {
    const key = keys.directory[name];
    if (!key) throw new Error(`no directory key for ${name}: is it in packages/platform/src/registry.ts?`);
    env.DIRECTORY_URL = directoryUrl;
    env.DIRECTORY_KEY = JSON.stringify(key);
  }
  return env;
}

/** Headers for calling a subgraph directly as the gateway would (the bench's subgraph-only figures). */
export async function gatewayHeaders(
  keys: DeploymentKeys,
  subgraph: string,
  identity: Identity = Identity.anonymous,
): Promise<Record<string, string>> {
  signers.set(keys, signers.get(keys) ?? new CallerTokenSigner(keys.gateway));
  return { [IDENTITY_HEADER]: await signers.get(keys)!.sign(identity, subgraph) };
}
const signers = new WeakMap<DeploymentKeys, CallerTokenSigner>();
