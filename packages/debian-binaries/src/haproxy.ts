import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDaemon, type RunningDaemon } from './daemon';
import { debianBinary } from './debian';

/** Debian's HAProxy (2.6 on bookworm) and the libraries a base system lacks. */
export const haproxyBinary = () =>
  debianBinary({
    program: 'haproxy',
    packages: ['haproxy', 'liblua5.3-0', 'libopentracing-c-wrapper0', 'libopentracing1'],
    file: 'usr/sbin/haproxy',
    installedVariable: 'HAPROXY_BIN',
  });

export interface BalancedTier {
  /** Names the frontend and backend, e.g. `gateway` or `people`. */
  name: string;
  /** The loopback port clients call. */
  port: number;
  /** The replicas, by name (answered in `x-served-by`) and loopback port. */
  replicas: { name: string; port: number }[];
}

/** What the health checks need: a replica is taken out after two failed /readyz checks 250 ms apart. */
export const HEALTH_CHECK = { path: '/readyz', intervalMs: 250, fall: 2, rise: 2 };

/**
 * HTTP load balancing for replicas of the gateway or a subgraph, as a deployment would configure it:
 * round robin over the replicas whose /readyz answers 200; a request that could not be delivered (refused
 * connection) goes to another replica; one whose replica died before answering (empty response, timeout,
 * 503) is sent again to another replica only when that is safe: a read, or a write that carries an
 * Idempotency-Key (the subgraph then answers the retry with the first result, or says it is still running).
 * Requests that may be writes (`mutation` anywhere in the body) without a key are never sent twice.
 */
export function haproxyConfig(tiers: BalancedTier[], statsPort: number): string {
  const { path: check, intervalMs, fall, rise } = HEALTH_CHECK;
  const lines = [
    'global',
    '  maxconn 1024',
    'defaults',
    '  mode http',
    '  timeout connect 500ms',
    '  timeout client 30s',
    '  timeout server 15s',
    '  timeout http-request 10s',
    '  timeout http-keep-alive 5s',
    '  timeout check 1s',
    // the body is read before routing: the write rule below looks into it
    '  option http-buffer-request',
    '  retries 3',
    '  option redispatch 1',
    '  retry-on conn-failure empty-response junk-response response-timeout 503',
    `  default-server inter ${intervalMs}ms fall ${fall} rise ${rise}`,
  ];
  for (const tier of tiers) {
    lines.push(
      `frontend ${tier.name}`,
      `  bind 127.0.0.1:${tier.port}`,
      `  default_backend ${tier.name}`,
      `backend ${tier.name}`,
      '  balance roundrobin',
      `  option httpchk GET ${check}`,
      '  http-check expect status 200',
      '  http-request disable-l7-retry if { req.body -m sub mutation } !{ req.hdr(idempotency-key) -m found }',
      '  http-response set-header x-served-by %[srv_name]',
      ...tier.replicas.map((replica) => `  server ${replica.name} 127.0.0.1:${replica.port} check`),
    );
  }
  lines.push('listen stats', `  bind 127.0.0.1:${statsPort}`, '  stats enable', '  stats uri /stats');
  return `${lines.join('\n')}\n`;
}

export interface ReplicaStats {
  tier: string;
  replica: string;
  /** UP, DOWN, `UP 1/2` (going down), `DOWN 1/2` (coming up), … */
  status: string;
  /** Requests it answered with 2xx, and sessions it was given. */
  answered2xx: number;
  sessions: number;
  /** Requests sent again elsewhere (redispatches) and retries, as HAProxy counts them. */
  redispatched: number;
  retried: number;
}

export interface RunningHaproxy extends RunningDaemon {
  statsUrl: string;
  /** Every replica's state and counters, from HAProxy's CSV statistics. */
  stats(): Promise<ReplicaStats[]>;
}

/** HAProxy on loopback with `config` (see `haproxyConfig`); ready once the ports in `ports` accept. */
export async function startHaproxy(
  config: string,
  ports: number[],
  statsPort: number,
): Promise<RunningHaproxy> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'county-haproxy-'));
  const file = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(file, config);
  let daemon: RunningDaemon;
  try {
    daemon = await startDaemon({
      name: 'haproxy',
      binary: haproxyBinary(),
      // -db: in the foreground, logs to stderr
      args: ['-db', '-f', file],
      ports: [...ports, statsPort],
    });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const statsUrl = `http://127.0.0.1:${statsPort}/stats`;
  return {
    ...daemon,
    statsUrl,
    async stop() {
      await daemon.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    async stats() {
      const csv = await (await fetch(`${statsUrl};csv`)).text();
      const [header, ...rows] = csv.trim().split('\n');
      const columns = header.replace(/^# /, '').split(',');
      const at = (row: string[], name: string) => row[columns.indexOf(name)] ?? '';
      return rows
        .map((line) => line.split(','))
        .filter(
          (row) => !['FRONTEND', 'BACKEND'].includes(at(row, 'svname')) && at(row, 'pxname') !== 'stats',
        )
        .map((row) => ({
          tier: at(row, 'pxname'),
          replica: at(row, 'svname'),
          status: at(row, 'status'),
          answered2xx: Number(at(row, 'hrsp_2xx')),
          sessions: Number(at(row, 'stot')),
          redispatched: Number(at(row, 'wredis')),
          retried: Number(at(row, 'wretr')),
        }));
    },
  };
}
