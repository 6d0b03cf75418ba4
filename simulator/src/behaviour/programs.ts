// How a command line resolves by its program (docs/image-behaviour.md): shells and wrappers first (wrappers.ts),
// then entrypoint scripts (entrypoints.ts) and the table of well-known programs — servers (servers.ts), language
// runtimes (runtimes.ts) and the small servers defined inline below. Everything is keyed by the program, so
// `command:` overrides follow the same rules as the image defaults.
import type { ProgCtx, ProgramRun, Resolution } from './internal';
import type { StaticFiles } from './types';
import { resolvePath } from './toolKit';
import { parseSleep } from './expand';
import { base, flag, go, handles, musl, none, oneShot, portOf, run, server, unknownProgram } from './programKit';
import { versionAtLeast } from '../model/imageRef';
import { entrypoint } from './entrypoints';
import { httpdStartupFailure } from './startupWrites';
import { resolveWrapper } from './wrappers';
import { agnhost, livenessServer, ncListen, nginx, socat } from './servers';
import { node, perl, python, stress, vishStress } from './runtimes';

/** The official httpd image's stock htdocs ("It works!"), from httpd's docs/conf/httpd.conf.in (docs/kubelet-behaviour.md). */
function httpdFiles(key: string | undefined): { files?: StaticFiles } {
  if (key !== 'httpd') return {};
  return {
    files: {
      server: 'httpd',
      root: '/usr/local/apache2/htdocs',
      image: ['/index.html'],
      config: '/usr/local/apache2/conf',
    },
  };
}

/**
 * How a command line resolves, by its program (argv[0]'s base name). Undefined: not a program this module
 * knows as long-running or as a wrapper (the caller tries the utilities, then `unknownProgram`).
 */
export function resolveProgram(argv: string[], ctx: ProgCtx): Resolution | undefined {
  const a0 = argv[0];
  if (a0 === undefined) return undefined;
  const name = base(a0);
  const key = ctx.image?.key;
  const r = (p: ProgramRun | undefined): Resolution | undefined => (p ? { kind: 'run', run: p } : undefined);
  const wrapped = resolveWrapper(argv, ctx);
  if (wrapped !== undefined) return wrapped;
  switch (name) {
    case 'docker-entrypoint.sh':
    case 'entrypoint.sh':
    case 'docker-entrypoint':
      return entrypoint(argv, ctx);
    case 'run.sh':
      if (key === 'grafana')
        return r(
          server('grafana-server', [portOf(ctx.env('GF_SERVER_HTTP_PORT')) ?? 3000], 5, {
            http: {
              routes: { '/api/health': 200, '/login': 200 },
              defaultStatus: 302,
              defaultRedirect: { location: '/login' },
            },
            memoryMi: 60,
            signals: handles(0),
            usedEnv: ['GF_SERVER_HTTP_PORT'],
          }),
        );
      return undefined;
    case 'nginx':
    case 'nginx-debug':
      return r(nginx(argv, ctx));
    case 'httpd':
      if (ctx.userland === 'busybox' && key !== 'httpd') {
        const port = portOf(flag(argv, [], '-p')) ?? 80;
        const root = resolvePath(ctx.cwd, flag(argv, [], '-h') ?? '.');
        const srv = server(argv.join(' '), [port], 0, {
          http: { routes: { '/': 200 }, defaultStatus: 404, files: { server: 'busybox', root, image: [] } },
          memoryMi: 1,
          signals: none,
          notes: [`busybox httpd serves the files under ${root}: a directory without index.html answers 404`],
          bind: { program: 'busybox-httpd', musl: musl(ctx) },
        });
        if (!argv.includes('-f')) srv.daemon = true;
        return r(srv);
      }
      return r(
        server('httpd -DFOREGROUND', [80], 0, {
          http: { routes: { '/': 200, '/index.html': 200 }, defaultStatus: 404, ...httpdFiles(key) },
          memoryMi: 20,
          signals: handles(0, 0, ['SIGTERM', 'SIGINT', 'SIGWINCH', 'SIGQUIT']),
        }),
      );
    case 'httpd-foreground':
    case 'apache2-foreground': {
      const failure = name === 'httpd-foreground' ? httpdStartupFailure(ctx) : undefined;
      if (failure !== undefined)
        return r(oneShot(name, 0, 1, { message: failure.message, reason: failure.reason, notes: failure.notes }));
      return r(
        server(name, [80], 0, {
          http: {
            routes: { '/': 200, '/index.html': 200 },
            defaultStatus: key === 'hpa-example' ? 200 : 404,
            ...(name === 'httpd-foreground' ? httpdFiles(key) : {}),
          },
          memoryMi: 20,
          signals: handles(0, 0, ['SIGTERM', 'SIGINT', 'SIGWINCH', 'SIGQUIT']),
        }),
      );
    }
    case 'redis-server': {
      if (argv.some((x) => x === '-v' || x === '--version')) return r(oneShot('redis-server --version', 0, 0));
      const notes = argv.slice(1).some((x) => x.endsWith('.conf'))
        ? ['redis-server reads a configuration file the simulator cannot see: port 6379 assumed unless --port is given']
        : [];
      return r(
        server(argv.join(' '), [portOf(flag(argv, ['port'])) ?? 6379], 0, {
          memoryMi: 5,
          signals: handles(0),
          notes,
          // redis 7+'s words, from server.c's listenToPort (docs/kubelet-behaviour.md); older releases word it otherwise.
          ...(key === 'redis' && versionAtLeast(ctx.image?.ref.tag ?? '', [7]) !== false
            ? { bind: { program: 'redis' as const, musl: musl(ctx) } }
            : {}),
        }),
      );
    }
    case 'postgres':
      return r(
        server(
          'postgres',
          [portOf(flag(argv, [], '-p')) ?? portOf(/port=(\d+)/.exec(argv.join(' '))?.[1]) ?? 5432],
          1,
          { memoryMi: 35, signals: handles(0, 0, ['SIGTERM', 'SIGINT', 'SIGQUIT']) },
        ),
      );
    case 'mysqld':
    case 'mariadbd':
    case 'mysqld_safe': {
      const port = portOf(flag(argv, ['port'], '-P')) ?? 3306;
      const ports = key === 'mysql' || key === 'mysql-server' ? [port, 33060] : [port];
      const mem = Number(ctx.image?.params['memoryMi'] ?? (name === 'mariadbd' ? 120 : 400));
      return r(server(name, ports, 2, { memoryMi: mem, signals: handles(0) }));
    }
    case 'mongod':
      return r(server('mongod', [portOf(flag(argv, ['port'])) ?? 27017], 1, { memoryMi: 150, signals: handles(0) }));
    case 'memcached':
      return r(
        server('memcached', [portOf(flag(argv, ['port'], '-p')) ?? 11211], 0, {
          memoryMi: 3,
          signals: handles(0, 0.5),
        }),
      );
    case 'rabbitmq-server': {
      const ports = [5672, 4369, 25672, 15692, ...(ctx.image?.params['management'] === true ? [15672] : [])];
      return r(server('rabbitmq-server', ports, 10, { memoryMi: 130, signals: handles(0) }));
    }
    case 'pause':
      if (argv.includes('-v')) return r(oneShot('pause -v', 0, 0));
      return r(run('pause', { memoryMi: 0.5, signals: handles(0, 0, ['SIGTERM', 'SIGINT']) }));
    case 'hello-app': {
      const port = portOf(ctx.env('PORT')) ?? 8080;
      // main.go: log.Fatal(http.ListenAndServe(…)) (the hello-app sample's main.go; docs/image-behaviour.md).
      return r(
        server('hello-app', [port], 0, { memoryMi: 8, signals: go, usedEnv: ['PORT'], bind: { program: 'go' } }),
      );
    }
    case 'whoami':
      if (!a0.startsWith('/') && key !== 'whoami') return undefined;
      return r(
        server('whoami', [portOf(flag(argv, ['port'])) ?? portOf(ctx.env('WHOAMI_PORT_NUMBER')) ?? 80], 0, {
          http: { routes: { '/health': 200 }, defaultStatus: 200 },
          memoryMi: 8,
          signals: go,
          usedEnv: ['WHOAMI_PORT_NUMBER'],
        }),
      );
    case 'http-echo': {
      const text = flag(argv, ['text']) ?? ctx.env('ECHO_TEXT');
      const positional = argv
        .slice(1)
        .filter((x, i, arr) => !x.startsWith('-') && !(i > 0 && /^--?(listen|text|status-code)$/.test(arr[i - 1]!)));
      if (positional.length > 0) return r(oneShot('http-echo', 0, 127, { message: 'Too many arguments!' }));
      if (text === undefined || text === '')
        return r(
          oneShot('http-echo', 0, 127, {
            message: 'Missing -text option or ECHO_TEXT env var!',
            usedEnv: ['ECHO_TEXT'],
          }),
        );
      const code = Number(flag(argv, ['status-code']) ?? 200) || 200;
      return r(
        server('http-echo', [portOf(flag(argv, ['listen'])) ?? 5678], 0, {
          http: { routes: { '/health': 200 }, defaultStatus: code },
          memoryMi: 5,
          signals: handles(2, 0, ['SIGTERM', 'SIGINT']),
          usedEnv: ['ECHO_TEXT'],
        }),
      );
    }
    case 'agnhost':
      return r(agnhost(argv, ctx));
    case 'server':
      return key === 'liveness' ? r(livenessServer('liveness server')) : undefined;
    case 'serve_hostname':
      return r(server('serve_hostname', [portOf(flag(argv, ['port'])) ?? 9376], 0, { memoryMi: 5, signals: go }));
    case 'test-webserver':
      return r(
        server('test-webserver', [portOf(flag(argv, ['port'])) ?? 80], 0, {
          http: { routes: { '/': 200 }, defaultStatus: 404 },
          memoryMi: 8,
          signals: go,
        }),
      );
    case 'sleep':
      if (key === 'perf-sleep' && a0.startsWith('/')) {
        const d = parseSleep([argv[1] ?? '0'], 'gnu', false);
        return r(
          'seconds' in d
            ? oneShot(`/sleep ${argv[1] ?? ''}`, d.seconds, 0, { signals: go })
            : oneShot('/sleep', 0, 2, { message: d.error }),
        );
      }
      return undefined;
    case 'python':
    case 'python2':
    case 'python3':
    case 'python2.7': {
      const p = python(argv, ctx);
      return 'kind' in p ? p : r(p);
    }
    case 'node':
    case 'nodejs':
      return r(node(argv, ctx));
    case 'npm':
    case 'yarn':
    case 'pnpm':
      if (/^(start|run|serve|dev)$/.test(argv[1] ?? '')) {
        const u = unknownProgram(argv, ctx, `\`${argv.join(' ')}\` starts an application the simulator does not know`);
        if (ctx.main) u.signals = none;
        return r(u);
      }
      return r(
        oneShot(argv.join(' '), 0, 0, {
          recognised: false,
          notes: [`\`${argv.join(' ')}\`: assumed to succeed at once`],
        }),
      );
    case 'perl':
      return r(perl(argv, ctx));
    case 'stress':
      return r(a0 === '/stress' || key === 'vish-stress' ? vishStress(argv) : stress(argv));
    case 'curl':
      if (key === 'curl' && argv.length === 1)
        return r(
          oneShot('curl (no URL)', 0, 2, {
            message: "curl: try 'curl --help' or 'curl --manual' for more information",
          }),
        );
      return undefined;
    case 'nc':
    case 'netcat':
    case 'ncat':
      return r(ncListen(argv));
    case 'socat':
      return r(socat(argv));
    case 'prometheus':
      return r(
        server('prometheus', [portOf(flag(argv, ['web.listen-address'])) ?? 9090], 2, {
          http: { routes: { '/-/healthy': 200, '/-/ready': 200, '/metrics': 200 }, defaultStatus: 200 },
          memoryMi: 50,
          signals: handles(0),
        }),
      );
    case 'yes':
      return r(run('yes', { memoryMi: 1 }));
    case 'watch':
      return r(run(argv.join(' '), { memoryMi: 1 }));
  }
  return undefined;
}
