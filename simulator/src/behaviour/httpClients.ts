// HTTP clients as exec probes use them, with the real tools' exit codes and words (docs/image-behaviour.md, "Shell
// and tools"): curl, wget (busybox vs GNU), grpc_health_probe. Hosts outside the pod are assumed to answer.
// Clients below HTTP (nc, database clients, ping, DNS lookups): socketClients.ts.
import type { CmdResult, Sys } from './internal';
import { fail, isLocalHost, ok, parseUrl, resolvePath } from './toolKit';

const REASON: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  412: 'Precondition Failed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Split `-abc` into -a -b -c for tools with single-letter flags; `--x=y` and values stay whole. */
function letters(arg: string): string[] {
  return /^-[A-Za-z]{2,}$/.test(arg) ? [...arg.slice(1)].map((c) => '-' + c) : [arg];
}

export function curl(args: string[], sys: Sys): CmdResult {
  let failOn = false;
  let silent = false;
  let showErr = false;
  let url: string | undefined;
  let outFile: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--fail' || a === '--fail-with-body') failOn = true;
    else if (a === '--silent') silent = true;
    else if (a === '--show-error') showErr = true;
    else if (a === '-o' || a === '--output') outFile = args[++i];
    else if (
      /^--(max-time|connect-timeout|retry|retry-delay|header|data|data-raw|request|user|write-out|user-agent|cacert|cert|key|resolve|url)$/.test(
        a,
      )
    ) {
      if (a === '--url') url = args[i + 1];
      i++;
    } else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const ch of a.slice(1)) {
        if (ch === 'f') failOn = true;
        else if (ch === 's') silent = true;
        else if (ch === 'S') showErr = true;
        else if ('XHdmwuAoerEKTxyYzbc'.includes(ch)) {
          const v = args[++i];
          if (ch === 'o') outFile = v;
          break;
        }
      }
    } else if (!a.startsWith('-') && url === undefined) url = a;
  }
  const say = (code: number, msg: string): CmdResult => fail(code, silent && !showErr ? '' : `curl: (${code}) ${msg}`);
  if (url === undefined) return fail(2, "curl: try 'curl --help' or 'curl --manual' for more information");
  const u = parseUrl(url);
  if (u === undefined) return say(3, `URL rejected: Malformed input to a URL function`);
  const save = () => {
    if (outFile !== undefined && outFile !== '-' && outFile !== '/dev/null')
      sys.write('write', resolvePath(sys.cwd, outFile));
  };
  if (!isLocalHost(u.host)) {
    if (sys.resolve(u.host) === 'nxdomain') return say(6, `Could not resolve host: ${u.host}`);
    sys.note(`curl ${url}: a host outside the pod; assumed to answer 200`);
    save();
    return { code: 0, unknownOut: true };
  }
  const st = sys.http(u.port, u.path, u.host);
  if (st === 'unknown') return { code: 0, unknownOut: true };
  if (st === 'refused')
    return say(
      7,
      `Failed to connect to ${u.host || 'localhost'} port ${u.port} after 0 ms: Couldn't connect to server`,
    );
  if (failOn && st >= 400) return say(22, `The requested URL returned error: ${st}`);
  save();
  return { code: 0, unknownOut: true };
}

export function wget(args: string[], sys: Sys): CmdResult {
  let quiet = false;
  let spider = false;
  let url: string | undefined;
  let outFile: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--spider') spider = true;
    else if (a === '--quiet') quiet = true;
    else if (a === '-O' || a === '--output-document') outFile = args[++i];
    else if (a.startsWith('--output-document=')) outFile = a.slice(18);
    else if (/^-(T|t|U|Y|P|e)$/.test(a) || /^--(header|timeout|tries|user-agent|post-data)$/.test(a)) i++;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const ch of letters(a)) {
        if (ch === '-q') quiet = true;
        if (ch === '-O') {
          const rest = a.slice(a.indexOf('O') + 1);
          outFile = rest !== '' ? rest : args[++i];
          break;
        }
      }
    } else if (/^-O./.test(a)) outFile = a.slice(2);
    else if (!a.startsWith('-') && url === undefined) url = a;
  }
  const gnu = sys.userland === 'gnu';
  if (url === undefined)
    return fail(1, gnu ? 'wget: missing URL\nUsage: wget [OPTION]... [URL]...' : 'BusyBox: wget: missing URL');
  const u = parseUrl(url);
  if (u === undefined) return fail(1, `wget: bad address '${url}'`);
  const save = () => {
    if (spider) return;
    if (outFile !== undefined && outFile !== '-' && outFile !== '/dev/null')
      sys.write('write', resolvePath(sys.cwd, outFile));
    else if (outFile === undefined)
      sys.write('write', resolvePath(sys.cwd, u.path.split('?')[0]!.split('/').pop() || 'index.html'));
  };
  if (!isLocalHost(u.host)) {
    if (sys.resolve(u.host) === 'nxdomain')
      return gnu
        ? fail(4, `wget: unable to resolve host address '${u.host}'`)
        : fail(1, `wget: bad address '${u.host}'`);
    sys.note(`wget ${url}: a host outside the pod; assumed to answer 200`);
    save();
    return { code: 0, unknownOut: true };
  }
  const st = sys.http(u.port, u.path, u.host);
  const ip = u.host === 'localhost' || u.host === '' ? '127.0.0.1' : u.host;
  if (st === 'unknown') return { code: 0, unknownOut: true };
  if (st === 'refused') {
    return gnu
      ? fail(4, quiet ? '' : `Connecting to ${u.host} (${u.host})|${ip}|:${u.port}... failed: Connection refused.`)
      : fail(1, `wget: can't connect to remote host (${ip}): Connection refused`);
  }
  if (st >= 400) {
    const reason = REASON[st] ?? '';
    return gnu
      ? fail(8, quiet ? '' : `ERROR ${st}: ${reason}.`)
      : fail(1, `wget: server returned error: HTTP/1.1 ${st} ${reason}`.trimEnd());
  }
  if (spider) return ok(gnu || quiet ? '' : 'remote file exists\n');
  save();
  return { code: 0, unknownOut: true };
}

export function grpcProbe(args: string[], sys: Sys): CmdResult {
  let addr: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-addr' || a === '--addr') addr = args[++i];
    else if (/^--?addr=/.test(a)) addr = a.slice(a.indexOf('=') + 1);
  }
  if (addr === undefined) return fail(1, 'error: -addr not specified');
  const m = /^(.*):(\d+)$/.exec(addr);
  if (!m) return fail(1, `error: invalid -addr "${addr}"`);
  if (!isLocalHost(m[1]!)) return ok('status: SERVING\n', { unknownOut: true });
  const st = sys.grpc(Number(m[2]));
  if (st === 'refused') return fail(2, `timeout: failed to connect service "${addr}" within 1s`);
  if (st === 'NOT_SERVING') return fail(4, 'service unhealthy (responded with "NOT_SERVING")');
  return ok('status: SERVING\n');
}
