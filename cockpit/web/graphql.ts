import type { TypedDocumentString } from '@cockpit/generated/operations';
import type { GraphQLErrorEntry } from './errors';

export interface GraphQLResult<R> {
  status: number;
  data?: R | null;
  errors?: GraphQLErrorEntry[];
}

/** Thrown when no GraphQL answer came back at all (network down, gateway restarting, not JSON). */
export class RequestFailed extends Error {}

/** POSTs one typed operation to the gateway on this origin. */
export async function request<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  token: string | null,
  signal?: AbortSignal,
): Promise<GraphQLResult<R>> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new RequestFailed('网关无法连接');
  }
  try {
    const body = (await response.json()) as Omit<GraphQLResult<R>, 'status'>;
    return { status: response.status, ...body };
  } catch {
    throw new RequestFailed(`网关返回 HTTP ${response.status}`);
  }
}
