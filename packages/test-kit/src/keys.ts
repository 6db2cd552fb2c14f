import {
  CallerTokenSigner,
  generateSigningKey,
  type Identity,
  type Jwks,
  type PrivateJwk,
} from '@county/kit';

/**
 * The keys of a test run, made once per test process: the gateway's signing key (startTestGateway signs
 * with it, every test subgraph trusts it) and each sibling's directory key (the test people trusts them).
 */
const gateway = generateSigningKey('test-gateway');

/** Every subgraph a test starts with a directory: their keys are trusted by the test directory. */
const DIRECTORY_CLIENTS = ['reform', 'gov-services', 'pilots', 'governance', 'probe'];
const directoryKeys = new Map(DIRECTORY_CLIENTS.map((name) => [name, generateSigningKey(name)]));

export const testGatewayKeys: Jwks = { keys: [gateway.publicKey] };
export const testGatewaySigningKey: PrivateJwk = gateway.privateKey;
export const testDirectoryClientKeys: Jwks = { keys: [...directoryKeys.values()].map((k) => k.publicKey) };

export function testDirectoryKey(name: string): PrivateJwk {
  const key = directoryKeys.get(name);
  if (!key) throw new Error(`add "${name}" to DIRECTORY_CLIENTS in packages/test-kit/src/keys.ts`);
  return key.privateKey;
}

const signer = new CallerTokenSigner(gateway.privateKey);
/** The caller token the gateway would send `audience` for `identity`. */
export const gatewayToken = (identity: Identity, audience: string): Promise<string> =>
  signer.sign(identity, audience);
