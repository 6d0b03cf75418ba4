// Well-known servers as programs (docs/image-behaviour.md): nginx, agnhost subcommands, the liveness test server,
// and `nc -l` / `socat` listeners — their ports, HTTP routes, stop handling and memory.
import type { ProgCtx, ProgramRun } from './internal';
import type { StaticFiles } from './types';
import { nginxStartupFailure } from './startupWrites';
import { flag, go, handles, musl, none, oneShot, portOf, run, server, unknownProgram } from './programKit';

const NGINX_FILES: StaticFiles = {
  server: 'nginx',
  root: '/usr/share/nginx/html',
  image: ['/index.html', '/50x.html'],
  config: '/etc/nginx',
};

export function nginx(argv: string[], ctx: ProgCtx): ProgramRun {
  const sig = flag(argv, [], '-s');
  if (sig !== undefined) {
    const stops = sig === 'quit' || sig === 'stop';
    return oneShot(
      `nginx -s ${sig}`,
      0,
      0,
      stops ? { stopsMain: { afterSeconds: sig === 'quit' ? 0.5 : 0, code: 0 } } : {},
    );
  }
  if (argv.some((a) => a === '-t' || a === '-T' || a === '-v' || a === '-V' || a === '-h'))
    return oneShot(argv.join(' '), 0, 0);
  const port = Number(ctx.image?.params['nginxPort'] ?? 80);
  const g = flag(argv, [], '-g') ?? '';
  const notes: string[] = [];
  const declared = ctx.declaredPorts.map((p) => p.port);
  if (declared.length > 0 && !declared.includes(port)) {
    notes.push(
      `nginx's default configuration listens on ${port}; the container declares ${declared.join(', ')} (a mounted configuration may differ — use a scenario override if it does)`,
    );
  }
  // The catalogue's nginx images serve the stock default server from the pod's files (docs/kubelet-behaviour.md, static file servers); a
  // configuration of its own (`-c`) or another image's nginx answers as the routes say.
  const stock = ctx.image?.key === 'nginx' && flag(argv, [], '-c') === undefined;
  const failure = stock ? nginxStartupFailure(ctx) : undefined;
  if (failure !== undefined)
    return oneShot(argv.join(' '), 0, 1, {
      message: failure.message,
      reason: failure.reason,
      notes: [...notes, ...failure.notes],
    });
  const srv = server(argv.join(' '), [port], 0, {
    http: {
      routes: { '/': 200, '/index.html': 200, '/50x.html': 200 },
      defaultStatus: 404,
      ...(stock ? { files: NGINX_FILES } : {}),
    },
    memoryMi: 5,
    signals: handles(0),
    notes,
    bind: { program: 'nginx', musl: musl(ctx) },
  });
  if (!/daemon\s+off/.test(g)) {
    srv.daemon = true;
    srv.notes.push('nginx without `-g "daemon off;"` forks into the background: the command itself returns at once');
  }
  return srv;
}

export function agnhost(argv: string[], ctx: ProgCtx): ProgramRun {
  const sub = argv[1] ?? 'pause';
  const rest = argv.slice(2);
  const port = (def: number, names = ['port', 'http-port']) => portOf(flag(rest, names)) ?? def;
  switch (sub) {
    case 'pause':
      return run('agnhost pause', { memoryMi: 8, signals: handles(2, 0, ['SIGTERM']) });
    case 'netexec': {
      const delay = Number(flag(rest, ['delay-shutdown']) ?? 0) || 0;
      const handlesTerm = ctx.image?.params['netexecHandlesTerm'] !== false;
      return server(`agnhost netexec`, [port(8080, ['http-port'])], 0, {
        http: { routes: { '/healthz': 200, '/readyz': 200 }, defaultStatus: 200 },
        memoryMi: 10,
        signals: handlesTerm ? handles(0, delay, ['SIGTERM']) : go,
      });
    }
    case 'serve-hostname':
      return server('agnhost serve-hostname', [port(9376)], 0, {
        memoryMi: 8,
        signals: handles(0, 60, ['SIGTERM']),
        notes: ['agnhost serve-hostname sleeps 60 s after SIGTERM before it exits'],
      });
    case 'liveness':
      return livenessServer('agnhost liveness');
    case 'test-webserver':
      return server('agnhost test-webserver', [port(80)], 0, {
        http: { routes: { '/': 200 }, defaultStatus: 404 },
        memoryMi: 8,
        signals: go,
      });
    case 'porter': {
      const ports: number[] = [];
      for (const n of ctx.envNames()) {
        const m = /^SERVE_(?:TLS_)?PORT_(\d+)$/.exec(n);
        if (m) ports.push(Number(m[1]));
      }
      return server('agnhost porter', ports, 0, { memoryMi: 8, signals: go });
    }
    case 'grpc-health-checking':
      return server(
        'agnhost grpc-health-checking',
        [port(5000, ['port']), portOf(flag(rest, ['http-port'])) ?? 8080],
        0,
        { grpc: { serving: true }, memoryMi: 8, signals: go },
      );
    case 'entrypoint-tester':
      return oneShot('agnhost entrypoint-tester', 0, 0);
    default: {
      const u = unknownProgram(argv, ctx, `agnhost subcommand \`${sub}\` is not modelled`);
      u.signals = go;
      return u;
    }
  }
}

export function livenessServer(desc: string): ProgramRun {
  return server(desc, [8080], 0, {
    // k/k test/images/agnhost/liveness/server.go: /redirect answers http.Redirect(w, r, loc, 302) with loc the
    // (unescaped) `loc` query parameter.
    http: {
      routes: { '/healthz': 200, '/started': 200, '/redirect': 302, '/': 404 },
      defaultStatus: 404,
      redirects: { '/redirect': { locationQuery: 'loc' } },
    },
    httpTimeline: [{ at: 10, routes: { '/healthz': 500 } }],
    memoryMi: 8,
    signals: go,
    notes: [`${desc}: /healthz answers 200 for the first 10 s, then 500; /redirect?loc=<url> answers 302 to <url>`],
  });
}

export function ncListen(argv: string[]): ProgramRun | undefined {
  const flags = argv
    .slice(1)
    .filter((a) => a.startsWith('-'))
    .join('');
  if (!/l/.test(flags.replace(/-/g, ''))) return undefined;
  const keep = /k/.test(flags) || /ll/.test(flags.replace(/-/g, ''));
  const pIdx = argv.findIndex((a) => a === '-p' || /^-[a-z]*p$/.test(a));
  const port = portOf(
    pIdx >= 0
      ? argv[pIdx + 1]
      : argv
          .slice(1)
          .filter((a) => /^\d+$/.test(a))
          .pop(),
  );
  if (port === undefined) return oneShot(argv.join(' '), 0, 1, { message: 'nc: missing port' });
  const srv = server(argv.join(' '), [port], 0, { http: undefined, memoryMi: 1, signals: none });
  delete srv.http;
  if (!keep) {
    srv.exitOnFirstConnection = port;
    srv.notes.push(`\`${argv.join(' ')}\` exits 0 after the first connection to ${port} (no -k)`);
  }
  return srv;
}

export function socat(argv: string[]): ProgramRun | undefined {
  const l = argv.find((a) => /^tcp[46]?-listen:/i.test(a));
  if (!l) return undefined;
  const port = portOf(/:(\d+)/.exec(l)?.[1]);
  if (port === undefined) return undefined;
  const srv = server(argv.join(' '), [port], 0, { memoryMi: 2, signals: none });
  delete srv.http;
  if (!/,fork/i.test(l)) srv.exitOnFirstConnection = port;
  return srv;
}
