// Clients below HTTP as exec probes use them, with the real tools' exit codes and words (docs/image-behaviour.md,
// "Shell and tools"): nc -z, pg_isready, psql, redis-cli, mysqladmin/mysql, mongosh, rabbitmq-diagnostics, ping,
// nslookup/dig/host/getent. Hosts outside the pod are assumed to answer. HTTP clients: httpClients.ts.
import type { CmdResult, Stdin, Sys } from './internal';
import { fail, isLocalHost, ok } from './toolKit';

export function nc(args: string[], sys: Sys): CmdResult {
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (/^-[wWiqpsI]$/.test(a)) i++;
    else if (!a.startsWith('-')) pos.push(a);
  }
  const [host, portStr] = pos;
  const port = Number(portStr);
  if (host === undefined || !Number.isInteger(port))
    return fail(
      1,
      sys.userland === 'busybox'
        ? 'BusyBox: nc: missing host or port'
        : 'usage: nc [-46CDdFhklNnrStUuvZz] destination [port]',
    );
  if (!isLocalHost(host)) {
    if (sys.resolve(host) === 'nxdomain')
      return fail(
        1,
        sys.userland === 'busybox'
          ? `nc: bad address '${host}'`
          : `nc: getaddrinfo for host "${host}" port ${port}: Name or service not known`,
      );
    sys.note(`nc ${host} ${port}: a host outside the pod; assumed reachable`);
    return { code: 0 };
  }
  const r = sys.connect(port, host);
  if (r === 'refused')
    return fail(
      1,
      args.includes('-z') && !args.some((a) => /^-[a-z]*v/.test(a))
        ? ''
        : `nc: can't connect to remote host (127.0.0.1): Connection refused`,
    );
  return { code: 0 };
}

/** `-h HOST`, `-p PORT`, `--port=N`, `-P N`, `-hHOST` for database clients. */
function hostPort(
  args: string[],
  portFlag: string,
  defPort: number,
): { host: string; port: number; hasPassword: boolean } {
  let host = '';
  let port = defPort;
  let hasPassword = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-h' || a === '--host') host = args[++i] ?? '';
    else if (a.startsWith('--host=')) host = a.slice(7);
    else if (/^-h./.test(a)) host = a.slice(2);
    else if (a === portFlag || a === '--port') port = Number(args[++i]) || defPort;
    else if (a.startsWith('--port=')) port = Number(a.slice(7)) || defPort;
    else if (a.startsWith(portFlag) && /^\d+$/.test(a.slice(2))) port = Number(a.slice(2));
    else if (/^-p.+/.test(a) || a.startsWith('--password') || a === '-p') hasPassword = true;
  }
  return { host, port, hasPassword };
}

export function dbClient(args: string[], sys: Sys, _stdin: Stdin | undefined, name: string): CmdResult {
  switch (name) {
    case 'pg_isready': {
      const { host, port } = hostPort(args, '-p', 5432);
      const where = host === '' ? `/var/run/postgresql:${port}` : `${host}:${port}`;
      if (host !== '' && !isLocalHost(host)) return ok(`${where} - accepting connections\n`, { unknownOut: true });
      const r = sys.connect(port, host);
      return r === 'refused' ? { code: 2, out: `${where} - no response\n` } : ok(`${where} - accepting connections\n`);
    }
    case 'psql': {
      const { host, port } = hostPort(args, '-p', 5432);
      if (host !== '' && !isLocalHost(host)) return { code: 0, unknownOut: true };
      if (sys.connect(port, host) === 'refused') {
        return fail(
          2,
          host === ''
            ? `psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.${port}" failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?`
            : `psql: error: connection to server at "${host}" (127.0.0.1), port ${port} failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?`,
        );
      }
      return { code: 0, unknownOut: true };
    }
    case 'redis-cli': {
      const { host, port } = hostPort(args, '-p', 6379);
      if (host !== '' && !isLocalHost(host)) return { code: 0, unknownOut: true };
      const cmd = args.filter((a, i) => !a.startsWith('-') && !/^-[hpan]$/.test(args[i - 1] ?? ''))[0]?.toLowerCase();
      if (sys.connect(port, host) === 'refused')
        return fail(1, `Could not connect to Redis at 127.0.0.1:${port}: Connection refused`);
      return cmd === 'ping' ? ok('PONG\n') : { code: 0, unknownOut: true };
    }
    case 'mysqladmin':
    case 'mariadb-admin': {
      const { host, port } = hostPort(args, '-P', 3306);
      if (host !== '' && !isLocalHost(host)) return { code: 0, unknownOut: true };
      if (sys.connect(port, host) === 'refused') {
        const tcp = host !== '' && host !== 'localhost';
        return fail(
          1,
          `${name}: connect to server at '${host || 'localhost'}' failed\nerror: '${tcp ? `Can't connect to MySQL server on '${host}:${port}' (111)` : "Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)"}'`,
        );
      }
      // `mysqladmin ping` returns 0 when the server runs, even on "Access denied".
      return args.includes('ping') ? ok('mysqld is alive\n') : { code: 0, unknownOut: true };
    }
    case 'mysql':
    case 'mariadb': {
      const { host, port, hasPassword } = hostPort(args, '-P', 3306);
      if (host !== '' && !isLocalHost(host)) return { code: 0, unknownOut: true };
      if (sys.connect(port, host) === 'refused') {
        return fail(
          1,
          host !== '' && host !== 'localhost'
            ? `ERROR 2003 (HY000): Can't connect to MySQL server on '${host}:${port}' (111)`
            : "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)",
        );
      }
      const rootPw = sys.env('MYSQL_ROOT_PASSWORD') ?? sys.env('MARIADB_ROOT_PASSWORD');
      if (rootPw !== undefined && rootPw !== '' && !hasPassword && !args.some((a) => a.startsWith('--defaults'))) {
        return fail(1, `ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)`);
      }
      return { code: 0, unknownOut: true };
    }
    case 'mongosh':
    case 'mongo': {
      const { host, port } = hostPort(args, '--port', 27017);
      if (host !== '' && !isLocalHost(host)) return { code: 0, unknownOut: true };
      if (sys.connect(port, host) === 'refused')
        return fail(1, `MongoNetworkError: connect ECONNREFUSED 127.0.0.1:${port}`);
      return ok('{ ok: 1 }\n');
    }
    case 'healthcheck.sh':
      return sys.connect(3306, '') === 'refused' ? fail(1, 'healthcheck connect failed') : ok();
    default: {
      // rabbitmq-diagnostics / rabbitmqctl
      if (sys.connect(25672, '') === 'refused' && sys.connect(5672, '') === 'refused') {
        return fail(
          69,
          `Error: unable to perform an operation on node 'rabbit@${sys.env('HOSTNAME') ?? 'localhost'}'. Please see diagnostics information and suggestions below.`,
        );
      }
      return args.includes('ping') ? ok('Ping succeeded\n') : { code: 0, unknownOut: true };
    }
  }
}

export function ping(args: string[], sys: Sys): CmdResult {
  const host = args.filter((a, j) => !a.startsWith('-') && !/^-[cwWist]$/.test(args[j - 1] ?? '')).pop() ?? '';
  if (!isLocalHost(host) && sys.resolve(host) === 'nxdomain') {
    return sys.userland === 'busybox'
      ? fail(1, `ping: bad address '${host}'`)
      : fail(2, `ping: ${host}: Name or service not known`);
  }
  const i = args.findIndex((a) => a === '-c');
  const n = i >= 0 ? Number(args[i + 1]) : NaN;
  if (!Number.isFinite(n) || n <= 0) return { code: 0, forever: true, unknownOut: true };
  return { code: 0, seconds: Math.max(0, n - 1), unknownOut: true };
}

/** nslookup / dig / host / getent hosts: only names of Services the manifest defines resolve in the cluster. */
export function dns(args: string[], sys: Sys, _stdin: Stdin | undefined, name: string): CmdResult {
  const skip = new Set(['-type', '-port', '-p', '-t', '-c']);
  const names = args.filter(
    (a, j) =>
      !a.startsWith('-') &&
      !a.startsWith('+') &&
      !a.startsWith('@') &&
      !skip.has(args[j - 1] ?? '') &&
      !(name === 'getent' && a === 'hosts'),
  );
  const host = names[0];
  if (host === undefined) return { code: 0, unknownOut: true };
  let r = sys.resolve(host);
  const inCluster = r === 'ok' || r === 'nxdomain';
  // busybox ≥ 1.29 nslookup mishandles search domains: short in-cluster names fail (docs/image-behaviour.md, "Shell and tools").
  if (
    name === 'nslookup' &&
    sys.userland === 'busybox' &&
    !sys.oldBusybox &&
    r === 'ok' &&
    !/\.cluster\.local\.?$/.test(host)
  )
    r = 'nxdomain';
  if (r !== 'nxdomain') return { code: 0, unknownOut: true };
  if (inCluster)
    sys.lookupFailed({
      host,
      service: host.split('.')[0] ?? host,
      reason: sys.resolve(host) === 'ok' ? 'search-domain' : 'no-service',
    });
  switch (name) {
    case 'nslookup':
      if (sys.userland === 'busybox' && sys.oldBusybox)
        return {
          code: 1,
          out: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n',
          err: `nslookup: can't resolve '${host}'\n`,
        };
      return {
        code: 1,
        out: `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find ${host}: NXDOMAIN\n`,
      };
    case 'host':
      return { code: 1, out: `Host ${host} not found: 3(NXDOMAIN)\n` };
    case 'dig':
      return { code: 0, unknownOut: true };
    default:
      return { code: 2 };
  }
}
