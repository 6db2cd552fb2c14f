import fs from 'node:fs';
import type { Server } from 'node:http';
import type { GatewayConfig } from '../config';

/** The process's soft limit on open files (Linux: /proc/self/limits); null where it cannot be read. */
export function openFilesLimit(limits = '/proc/self/limits'): number | null {
  try {
    const line = fs
      .readFileSync(limits, 'utf8')
      .split('\n')
      .find((text) => text.startsWith('Max open files'));
    const soft = line?.slice('Max open files'.length).trim().split(/\s+/)[0];
    return soft && /^\d+$/.test(soft) ? Number(soft) : null;
  } catch {
    return null;
  }
}

/**
 * Client connections allowed at once: HTTP_MAX_CONNECTIONS, but always below the descriptor limit, with a
 * quarter (at least 64) kept for what the gateway itself opens (connections to subgraphs, files, logs).
 */
export function connectionCap(configured: number, descriptors: number | null): number {
  if (descriptors === null) return configured;
  return Math.max(1, Math.min(configured, descriptors - Math.max(64, Math.floor(descriptors / 4))));
}

/**
 * Slow and idle clients are cut (headers, whole request, idle keep-alive), no address holds more than
 * HTTP_MAX_CONNECTIONS_PER_ADDRESS sockets, and all of them together stay under `connectionCap`: idle
 * sockets cannot use up the descriptors and lock every other client out. A refused socket is closed at
 * once. Node checks the header and request timeouts every 30 s, so a silent socket lives at most that
 * much longer than HTTP_HEADERS_TIMEOUT_MS.
 */
export function limitConnections(server: Server, config: GatewayConfig): { maxConnections: number } {
  server.headersTimeout = config.HTTP_HEADERS_TIMEOUT_MS;
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = config.HTTP_IDLE_TIMEOUT_MS;
  server.maxConnections = connectionCap(config.HTTP_MAX_CONNECTIONS, openFilesLimit());
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > config.HTTP_MAX_CONNECTIONS_PER_ADDRESS) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  return { maxConnections: server.maxConnections };
}
