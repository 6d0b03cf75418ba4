// What well-known programs do once started (docs/image-behaviour.md): servers (ports, routes, start-up, memory,
// stop handling), wrappers (tini, gosu, env, timeout) and shells. Everything is keyed by the program, so
// `command:` overrides follow the same rules as the image defaults. Entrypoint scripts are in entrypoints.ts.
import type { ProgCtx, ProgramRun, Resolution } from './internal';
import { parseSleep, stressBytesMi, quantityMi } from './expand';
import { base, flag, go, handles, none, oneShot, portOf, run, server, unknownProgram } from './programKit';
import { entrypoint } from './entrypoints';

export { base, unknownProgram } from './programKit';

// ---- servers ------------------------------------------------------------------------------------------------

function nginx(argv: string[], ctx: ProgCtx): ProgramRun {
  const sig = flag(argv, [], '-s');
  if (sig !== undefined) {
    const stops = sig === 'quit' || sig === 'stop';
    return oneShot(`nginx -s ${sig}`, 0, 0, stops ? { stopsMain: { afterSeconds: sig === 'quit' ? 0.5 : 0, code: 0 } } : {});
  }
  if (argv.some((a) => a === '-t' || a === '-T' || a === '-v' || a === '-V' || a === '-h')) return oneShot(argv.join(' '), 0, 0);
  const port = Number(ctx.image?.params['nginxPort'] ?? 80);
  const g = flag(argv, [], '-g') ?? '';
  const notes: string[] = [];
  const declared = ctx.declaredPorts.map((p) => p.port);
  if (declared.length > 0 && !declared.includes(port)) {
    notes.push(`nginx's default configuration listens on ${port}; the container declares ${declared.join(', ')} (a mounted configuration may differ — use a scenario override if it does)`);
  }
  const srv = server(argv.join(' '), [port], 0, {
    http: { routes: { '/': 200, '/index.html': 200, '/50x.html': 200 }, defaultStatus: 404 },
    memoryMi: 5,
    signals: handles(0),
    notes,
  });
  if (!/daemon\s+off/.test(g)) {
    srv.daemon = true;
    srv.notes.push('nginx without `-g "daemon off;"` forks into the background: the command itself returns at once');
  }
  return srv;
}

function agnhost(argv: string[], ctx: ProgCtx): ProgramRun {
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
      return server('agnhost serve-hostname', [port(9376)], 0, { memoryMi: 8, signals: handles(0, 60, ['SIGTERM']), notes: ['agnhost serve-hostname sleeps 60 s after SIGTERM before it exits'] });
    case 'liveness':
      return livenessServer('agnhost liveness');
    case 'test-webserver':
      return server('agnhost test-webserver', [port(80)], 0, { http: { routes: { '/': 200 }, defaultStatus: 404 }, memoryMi: 8, signals: go });
    case 'porter': {
      const ports: number[] = [];
      for (const n of ctx.envNames()) {
        const m = /^SERVE_(?:TLS_)?PORT_(\d+)$/.exec(n);
        if (m) ports.push(Number(m[1]));
      }
      return server('agnhost porter', ports, 0, { memoryMi: 8, signals: go });
    }
    case 'grpc-health-checking':
      return server('agnhost grpc-health-checking', [port(5000, ['port']), portOf(flag(rest, ['http-port'])) ?? 8080], 0, { grpc: { serving: true }, memoryMi: 8, signals: go });
    case 'entrypoint-tester':
      return oneShot('agnhost entrypoint-tester', 0, 0);
    default: {
      const u = unknownProgram(argv, ctx, `agnhost subcommand \`${sub}\` is not modelled`);
      u.signals = go;
      return u;
    }
  }
}

function livenessServer(desc: string): ProgramRun {
  return server(desc, [8080], 0, {
    // k/k test/images/agnhost/liveness/server.go: /redirect answers http.Redirect(w, r, loc, 302) with loc the
    // (unescaped) `loc` query parameter.
    http: { routes: { '/healthz': 200, '/started': 200, '/redirect': 302, '/': 404 }, defaultStatus: 404, redirects: { '/redirect': { locationQuery: 'loc' } } },
    httpTimeline: [{ at: 10, routes: { '/healthz': 500 } }],
    memoryMi: 8,
    signals: go,
    notes: [`${desc}: /healthz answers 200 for the first 10 s, then 500; /redirect?loc=<url> answers 302 to <url>`],
  });
}

function python(argv: string[], ctx: ProgCtx): ProgramRun | Resolution {
  const exe = base(argv[0]!);
  const major = /python2/.test(exe) ? 2 : /python3/.test(exe) ? 3 : ctx.image?.python ?? 3;
  let i = 1;
  while (i < argv.length && /^-[uBOsSEIbdqv]+$/.test(argv[i]!)) i++;
  const a = argv[i];
  if (a === undefined) {
    if (ctx.interactive) return run(`${exe} (interactive)`, { memoryMi: 8 });
    return oneShot(`${exe} (no program; stdin is empty)`, 0, 0, { notes: [`${exe} reads its program from stdin, which is empty in a pod without stdin: true: exits 0 at once`] });
  }
  if (a === '-c') return oneShot(`${exe} -c …`, 1, 0, { memoryMi: 10, notes: [`inline Python program (${exe} -c): not interpreted; assumed to finish with exit 0 after about 1 s`] });
  if (a === '-m') {
    const mod = argv[i + 1] ?? '';
    const rest = argv.slice(i + 2);
    if (mod === 'http.server' || mod === 'SimpleHTTPServer') {
      const wanted = mod === 'http.server' ? 3 : 2;
      if (major !== wanted) return oneShot(`${exe} -m ${mod}`, 0.1, 1, { message: `/usr/local/bin/${exe}: No module named ${mod}`, notes: [`${mod} does not exist in Python ${major}`] });
      const port = portOf(rest.find((x) => /^\d+$/.test(x))) ?? 8000;
      return server(`${exe} -m ${mod} ${port}`, [port], 0, { http: { routes: { '/': 200 }, defaultStatus: 404 }, memoryMi: 15, notes: [`${mod} serves a listing of the working directory: / answers 200, files that do not exist 404`] });
    }
    if (mod === 'pip' || mod === 'venv' || mod === 'ensurepip' || mod === 'compileall') return oneShot(`${exe} -m ${mod}`, 0, 0, { recognised: false, notes: [`\`${exe} -m ${mod}\`: assumed to succeed at once`] });
    return unknownProgram(argv, ctx, `Python module \`${mod}\` is an application the simulator does not know`);
  }
  if (a.startsWith('-')) return unknownProgram(argv, ctx);
  const u = unknownProgram(argv, ctx, `Python program \`${a}\` is not known`);
  if (ctx.main) {
    u.signals = none;
    u.notes[0] = u.notes[0]!.replace('exiting 143 at once on SIGTERM', 'ignoring SIGTERM as PID 1 (Python installs no handler)');
  }
  return u;
}

function node(argv: string[], ctx: ProgCtx): ProgramRun {
  const a = argv[1];
  if (a === undefined) {
    if (ctx.interactive) return run('node (interactive)', { memoryMi: 30 });
    return oneShot('node (no script; stdin is empty)', 0, 0, { notes: ['node without a script reads it from stdin, which is empty in a pod without stdin: true: exits 0 at once'] });
  }
  if (a === '-e' || a === '--eval' || a === '-p' || a === '--print') return oneShot('node -e …', 1, 0, { memoryMi: 30, notes: ['inline Node.js program: not interpreted; assumed to exit 0 after about 1 s'] });
  if (a === '-v' || a === '--version') return oneShot('node --version', 0, 0);
  if (ctx.image?.key === 'node-hello') {
    return server('node server.js (node-hello)', [8080], 0, { memoryMi: 30, signals: none, notes: ['node as PID 1 without a SIGTERM handler ignores SIGTERM'] });
  }
  const u = unknownProgram(argv, ctx, `Node.js application \`${argv.slice(1).join(' ')}\` is not known`);
  if (ctx.main) {
    u.signals = none;
    u.memoryMi = Math.max(u.memoryMi, 40);
    u.notes[0] = u.notes[0]!.replace('exiting 143 at once on SIGTERM', 'ignoring SIGTERM as PID 1 unless the app handles it (Node.js installs no handler)');
  }
  return u;
}

function perl(argv: string[], ctx: ProgCtx): ProgramRun {
  const script = argv.slice(1).join(' ');
  const bpi = /bpi\((\d+)\)/.exec(script);
  if (bpi) {
    const digits = Math.min(Number(bpi[1]), 1_000_000);
    const seconds = Math.round(Math.min(3600, Math.max(1, 5 * (digits / 2000) ** 2)) * 10) / 10;
    return oneShot(`perl: print ${digits} digits of pi`, seconds, 0, { memoryMi: 15, memoryAfter: 0.5, notes: [`perl computing ${digits} digits of pi: exits 0 after about ${seconds} s (estimate)`] });
  }
  if (argv.includes('-de0') || (argv.includes('-d') && argv.includes('-e0'))) {
    if (ctx.interactive) return run('perl debugger (interactive)', { memoryMi: 5 });
    return oneShot('perl -de0 (debugger; stdin is empty)', 0, 0);
  }
  if (argv.slice(1).some((x) => /^-[a-zA-Z]*e$/.test(x) || /^-M/.test(x))) return oneShot('perl -e …', 1, 0, { memoryMi: 10, notes: ['inline Perl program: not interpreted; assumed to exit 0 after about 1 s'] });
  if (argv.length === 1) return oneShot('perl (no program; stdin is empty)', 0, 0);
  return unknownProgram(argv, ctx);
}

function stress(argv: string[]): ProgramRun {
  const vm = Number(flag(argv, ['vm'], '-m') ?? 0) || 0;
  const bytes = stressBytesMi(flag(argv, ['vm-bytes']) ?? '256M') ?? 256;
  const cpu = Number(flag(argv, ['cpu'], '-c') ?? 0) || 0;
  const io = Number(flag(argv, ['io'], '-i') ?? 0) || 0;
  const timeout = flag(argv, ['timeout'], '-t');
  if (vm + cpu + io === 0 && !argv.some((a) => /^--?(hdd|d)$/.test(a))) {
    return oneShot('stress (no workers)', 0, 1, { message: 'stress: FAIL: no workers specified', notes: ['stress without workers prints its usage and fails (estimate)'] });
  }
  const mem = vm * bytes + 1;
  const t = timeout !== undefined ? parseSleep([timeout], 'gnu', false) : undefined;
  const p: Partial<ProgramRun> = {
    memoryMi: mem,
    memoryAfter: 1,
    signals: none,
    notes: vm > 0 ? [`stress allocates ${vm} × ${Math.round(bytes)}Mi and keeps it (--vm-hang): about ${Math.round(mem)}Mi`] : [],
  };
  if (t && 'seconds' in t && t.seconds !== Infinity) return oneShot(argv.join(' '), t.seconds, 0, p);
  return run(argv.join(' '), p);
}

function vishStress(argv: string[]): ProgramRun {
  const total = quantityMi(flag(argv, ['mem-total']) ?? '0') ?? 0;
  return run(argv.join(' '), { memoryMi: Math.max(2, total), memoryAfter: total > 0 ? 5 : 0, signals: go, notes: total > 0 ? [`stress allocates ${Math.round(total)}Mi`] : [] });
}

function nc(argv: string[]): ProgramRun | undefined {
  const flags = argv.slice(1).filter((a) => a.startsWith('-')).join('');
  if (!/l/.test(flags.replace(/-/g, ''))) return undefined;
  const keep = /k/.test(flags) || /ll/.test(flags.replace(/-/g, ''));
  const pIdx = argv.findIndex((a) => a === '-p' || /^-[a-z]*p$/.test(a));
  const port = portOf(pIdx >= 0 ? argv[pIdx + 1] : argv.slice(1).filter((a) => /^\d+$/.test(a)).pop());
  if (port === undefined) return oneShot(argv.join(' '), 0, 1, { message: 'nc: missing port' });
  const srv = server(argv.join(' '), [port], 0, { http: undefined, memoryMi: 1, signals: none });
  delete srv.http;
  if (!keep) {
    srv.exitOnFirstConnection = port;
    srv.notes.push(`\`${argv.join(' ')}\` exits 0 after the first connection to ${port} (no -k)`);
  }
  return srv;
}

function socat(argv: string[]): ProgramRun | undefined {
  const l = argv.find((a) => /^tcp[46]?-listen:/i.test(a));
  if (!l) return undefined;
  const port = portOf(/:(\d+)/.exec(l)?.[1]);
  if (port === undefined) return undefined;
  const srv = server(argv.join(' '), [port], 0, { memoryMi: 2, signals: none });
  delete srv.http;
  if (!/,fork/i.test(l)) srv.exitOnFirstConnection = port;
  return srv;
}

// ---- shells and wrappers -------------------------------------------------------------------------------------

function shell(argv: string[], sh: 'ash' | 'dash' | 'bash' | 'zsh'): Resolution {
  let i = 1;
  let c = false;
  let errexit = false;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-o' || a === '+o' || a === '-O' || a === '+O') {
      i++;
      if (argv[i] === 'errexit') errexit = true;
      continue;
    }
    if (/^--[a-z-]+$/.test(a)) continue;
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      if (a.startsWith('-') && a.includes('c')) c = true;
      if (a.startsWith('-') && a.includes('e')) errexit = true;
      continue;
    }
    break;
  }
  if (c) {
    const script = argv[i] ?? '';
    return { kind: 'shell', sh, script, name: argv[i + 1] ?? base(argv[0]!), positional: argv.slice(i + 2), errexit };
  }
  const file = argv[i];
  if (file !== undefined) return { kind: 'shell', sh, script: '', name: file, positional: argv.slice(i + 1), errexit, fromFile: file };
  return { kind: 'interactive', what: base(argv[0]!) };
}

const SHELLS: Record<string, 'ash' | 'dash' | 'bash' | 'zsh' | 'sh'> = { sh: 'sh', ash: 'ash', dash: 'dash', bash: 'bash', zsh: 'zsh', ksh: 'bash', mksh: 'bash' };


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
  const sh = SHELLS[name];
  if (sh !== undefined) {
    const kind = sh === 'sh' ? (ctx.userland === 'busybox' ? 'ash' : ctx.image?.tools.includes('dash') === false ? 'bash' : 'dash') : sh;
    return shell(argv, kind);
  }
  switch (name) {
    case 'busybox':
      return argv.length > 1 ? { kind: 'exec', argv: argv.slice(1) } : r(oneShot('busybox (prints its applets)', 0, 0));
    case 'docker-entrypoint.sh':
    case 'entrypoint.sh':
    case 'docker-entrypoint':
      return entrypoint(argv, ctx);
    case 'run.sh':
      if (key === 'grafana') return r(server('grafana-server', [portOf(ctx.env('GF_SERVER_HTTP_PORT')) ?? 3000], 5, { http: { routes: { '/api/health': 200, '/login': 200 }, defaultStatus: 302, defaultRedirect: { location: '/login' } }, memoryMi: 60, signals: handles(0), usedEnv: ['GF_SERVER_HTTP_PORT'] }));
      return undefined;
    case 'tini':
    case 'dumb-init':
    case 'catatonit': {
      const rest = argv.slice(1);
      const dd = rest.indexOf('--');
      const cmd = dd >= 0 ? rest.slice(dd + 1) : rest.filter((x, i) => !x.startsWith('-') || i > 0 && !rest[i - 1]!.startsWith('-'));
      return { kind: 'exec', argv: cmd, viaInit: true, note: `${name} is PID 1 and forwards the stop signal: the program gets the default action unless it handles it` };
    }
    case 'gosu':
    case 'su-exec':
    case 'chroot':
      return { kind: 'exec', argv: argv.slice(2) };
    case 'nohup':
    case 'nice':
    case 'setsid':
    case 'stdbuf':
    case 'time':
    case 'exec':
      return { kind: 'exec', argv: argv.slice(1).filter((x, i) => i > 0 || !x.startsWith('-')) };
    case 'env': {
      let i = 1;
      while (i < argv.length && (argv[i]!.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i]!))) i++;
      return i < argv.length ? { kind: 'exec', argv: argv.slice(i) } : undefined;
    }
    case 'timeout': {
      let i = 1;
      while (i < argv.length && argv[i]!.startsWith('-')) i += /^-(s|k)$/.test(argv[i]!) ? 2 : 1;
      const d = parseSleep([argv[i] ?? ''], 'gnu', false);
      if ('error' in d) return undefined;
      return { kind: 'exec', argv: argv.slice(i + 1), timeout: d.seconds };
    }
    case 'nginx':
    case 'nginx-debug':
      return r(nginx(argv, ctx));
    case 'httpd':
      if (ctx.userland === 'busybox' && key !== 'httpd') {
        const port = portOf(flag(argv, [], '-p')) ?? 80;
        const srv = server(argv.join(' '), [port], 0, { http: { routes: { '/': 200 }, defaultStatus: 404 }, memoryMi: 1, signals: none, notes: ['busybox httpd: files under its -h directory are not known; / answers 200, other paths 404'] });
        if (!argv.includes('-f')) srv.daemon = true;
        return r(srv);
      }
      return r(server('httpd -DFOREGROUND', [80], 0, { http: { routes: { '/': 200, '/index.html': 200 }, defaultStatus: 404 }, memoryMi: 20, signals: handles(0, 0, ['SIGTERM', 'SIGINT', 'SIGWINCH', 'SIGQUIT']) }));
    case 'httpd-foreground':
    case 'apache2-foreground':
      return r(server(name, [80], 0, { http: { routes: { '/': 200, '/index.html': 200 }, defaultStatus: key === 'hpa-example' ? 200 : 404 }, memoryMi: 20, signals: handles(0, 0, ['SIGTERM', 'SIGINT', 'SIGWINCH', 'SIGQUIT']) }));
    case 'redis-server': {
      if (argv.some((x) => x === '-v' || x === '--version')) return r(oneShot('redis-server --version', 0, 0));
      const notes = argv.slice(1).some((x) => x.endsWith('.conf')) ? ['redis-server reads a configuration file the simulator cannot see: port 6379 assumed unless --port is given'] : [];
      return r(server(argv.join(' '), [portOf(flag(argv, ['port'])) ?? 6379], 0, { memoryMi: 5, signals: handles(0), notes }));
    }
    case 'postgres':
      return r(server('postgres', [portOf(flag(argv, [], '-p')) ?? portOf(/port=(\d+)/.exec(argv.join(' '))?.[1]) ?? 5432], 1, { memoryMi: 35, signals: handles(0, 0, ['SIGTERM', 'SIGINT', 'SIGQUIT']) }));
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
      return r(server('memcached', [portOf(flag(argv, ['port'], '-p')) ?? 11211], 0, { memoryMi: 3, signals: handles(0, 0.5) }));
    case 'rabbitmq-server': {
      const ports = [5672, 4369, 25672, 15692, ...(ctx.image?.params['management'] === true ? [15672] : [])];
      return r(server('rabbitmq-server', ports, 10, { memoryMi: 130, signals: handles(0) }));
    }
    case 'pause':
      if (argv.includes('-v')) return r(oneShot('pause -v', 0, 0));
      return r(run('pause', { memoryMi: 0.5, signals: handles(0, 0, ['SIGTERM', 'SIGINT']) }));
    case 'hello-app': {
      const port = portOf(ctx.env('PORT')) ?? 8080;
      return r(server('hello-app', [port], 0, { memoryMi: 8, signals: go, usedEnv: ['PORT'] }));
    }
    case 'whoami':
      if (!a0.startsWith('/') && key !== 'whoami') return undefined;
      return r(server('whoami', [portOf(flag(argv, ['port'])) ?? portOf(ctx.env('WHOAMI_PORT_NUMBER')) ?? 80], 0, { http: { routes: { '/health': 200 }, defaultStatus: 200 }, memoryMi: 8, signals: go, usedEnv: ['WHOAMI_PORT_NUMBER'] }));
    case 'http-echo': {
      const text = flag(argv, ['text']) ?? ctx.env('ECHO_TEXT');
      const positional = argv.slice(1).filter((x, i, arr) => !x.startsWith('-') && !(i > 0 && /^--?(listen|text|status-code)$/.test(arr[i - 1]!)));
      if (positional.length > 0) return r(oneShot('http-echo', 0, 127, { message: 'Too many arguments!' }));
      if (text === undefined || text === '') return r(oneShot('http-echo', 0, 127, { message: 'Missing -text option or ECHO_TEXT env var!', usedEnv: ['ECHO_TEXT'] }));
      const code = Number(flag(argv, ['status-code']) ?? 200) || 200;
      return r(server('http-echo', [portOf(flag(argv, ['listen'])) ?? 5678], 0, { http: { routes: { '/health': 200 }, defaultStatus: code }, memoryMi: 5, signals: handles(2, 0, ['SIGTERM', 'SIGINT']), usedEnv: ['ECHO_TEXT'] }));
    }
    case 'agnhost':
      return r(agnhost(argv, ctx));
    case 'server':
      return key === 'liveness' ? r(livenessServer('liveness server')) : undefined;
    case 'serve_hostname':
      return r(server('serve_hostname', [portOf(flag(argv, ['port'])) ?? 9376], 0, { memoryMi: 5, signals: go }));
    case 'test-webserver':
      return r(server('test-webserver', [portOf(flag(argv, ['port'])) ?? 80], 0, { http: { routes: { '/': 200 }, defaultStatus: 404 }, memoryMi: 8, signals: go }));
    case 'sleep':
      if (key === 'perf-sleep' && a0.startsWith('/')) {
        const d = parseSleep([argv[1] ?? '0'], 'gnu', false);
        return r('seconds' in d ? oneShot(`/sleep ${argv[1] ?? ''}`, d.seconds, 0, { signals: go }) : oneShot('/sleep', 0, 2, { message: d.error }));
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
      return r(oneShot(argv.join(' '), 0, 0, { recognised: false, notes: [`\`${argv.join(' ')}\`: assumed to succeed at once`] }));
    case 'perl':
      return r(perl(argv, ctx));
    case 'stress':
      return r(a0 === '/stress' || key === 'vish-stress' ? vishStress(argv) : stress(argv));
    case 'curl':
      if (key === 'curl' && argv.length === 1) return r(oneShot('curl (no URL)', 0, 2, { message: "curl: try 'curl --help' or 'curl --manual' for more information" }));
      return undefined;
    case 'nc':
    case 'netcat':
    case 'ncat':
      return r(nc(argv));
    case 'socat':
      return r(socat(argv));
    case 'prometheus':
      return r(server('prometheus', [portOf(flag(argv, ['web.listen-address'])) ?? 9090], 2, { http: { routes: { '/-/healthy': 200, '/-/ready': 200, '/metrics': 200 }, defaultStatus: 200 }, memoryMi: 50, signals: handles(0) }));
    case 'yes':
      return r(run('yes', { memoryMi: 1 }));
    case 'watch':
      return r(run(argv.join(' '), { memoryMi: 1 }));
  }
  return undefined;
}
