// Language runtimes and load generators as programs (docs/image-behaviour.md): python (http.server, -c, -m),
// node, perl (the pi job), stress. The inside of an application program is not followed.
import type { ProgCtx, ProgramRun, Resolution } from './internal';
import { parseSleep, stressBytesMi } from './expand';
import { parseQuantity, quantityNumber } from '../model/quantity';
import { resolvePath } from './toolKit';
import { base, flag, go, musl, none, oneShot, portOf, run, server, unknownProgram } from './programKit';

export function python(argv: string[], ctx: ProgCtx): ProgramRun | Resolution {
  const exe = base(argv[0]!);
  const major = /python2/.test(exe) ? 2 : /python3/.test(exe) ? 3 : (ctx.image?.python ?? 3);
  let i = 1;
  while (i < argv.length && /^-[uBOsSEIbdqv]+$/.test(argv[i]!)) i++;
  const a = argv[i];
  if (a === undefined) {
    if (ctx.interactive) return run(`${exe} (interactive)`, { memoryMi: 8 });
    return oneShot(`${exe} (no program; stdin is empty)`, 0, 0, {
      notes: [`${exe} reads its program from stdin, which is empty in a pod without stdin: true: exits 0 at once`],
    });
  }
  // An inline program may serve, loop or fail: PodLab does not interpret Python, so its outcome is unknown.
  if (a === '-c') return unknownProgram(argv, ctx, `the inline Python program (\`${exe} -c\`) is not interpreted`);
  if (a === '-m') {
    const mod = argv[i + 1] ?? '';
    const rest = argv.slice(i + 2);
    if (mod === 'http.server' || mod === 'SimpleHTTPServer') {
      const wanted = mod === 'http.server' ? 3 : 2;
      if (major !== wanted)
        return oneShot(`${exe} -m ${mod}`, 0.1, 1, {
          message: `/usr/local/bin/${exe}: No module named ${mod}`,
          notes: [`${mod} does not exist in Python ${major}`],
        });
      const port = portOf(rest.find((x) => /^\d+$/.test(x))) ?? 8000;
      // --directory/-d (3.7+); SimpleHTTPServer serves the working directory only (docs/kubelet-behaviour.md, static file servers).
      const dir = mod === 'http.server' ? flag(rest, ['directory'], '-d') : undefined;
      const root = resolvePath(ctx.cwd, dir ?? '.');
      return server(`${exe} -m ${mod} ${port}`, [port], 0, {
        http: { routes: { '/': 200 }, defaultStatus: 404, files: { server: 'python', root, image: [] } },
        memoryMi: 15,
        notes: [`${mod} serves the files under ${root}: a directory without index.html answers a listing (200)`],
        bind: { program: major === 3 ? 'python3' : 'python2', musl: musl(ctx) },
      });
    }
    if (mod === 'pip' || mod === 'venv' || mod === 'ensurepip' || mod === 'compileall')
      return oneShot(`${exe} -m ${mod}`, 0, 0, {
        recognised: false,
        notes: [`\`${exe} -m ${mod}\`: assumed to succeed at once`],
      });
    return unknownProgram(argv, ctx, `Python module \`${mod}\` is an application the simulator does not know`);
  }
  if (a.startsWith('-')) return unknownProgram(argv, ctx);
  const u = unknownProgram(argv, ctx, `Python program \`${a}\` is not known`);
  if (ctx.main) {
    u.signals = none;
    u.notes[0] = u.notes[0]!.replace(
      'exiting 143 at once on SIGTERM',
      'ignoring SIGTERM as PID 1 (Python installs no handler)',
    );
  }
  return u;
}

export function node(argv: string[], ctx: ProgCtx): ProgramRun {
  const a = argv[1];
  if (a === undefined) {
    if (ctx.interactive) return run('node (interactive)', { memoryMi: 30 });
    return oneShot('node (no script; stdin is empty)', 0, 0, {
      notes: [
        'node without a script reads it from stdin, which is empty in a pod without stdin: true: exits 0 at once',
      ],
    });
  }
  if (a === '-e' || a === '--eval' || a === '-p' || a === '--print')
    return unknownProgram(argv, ctx, `the inline Node.js program (\`node ${a}\`) is not interpreted`);
  if (a === '-v' || a === '--version') return oneShot('node --version', 0, 0);
  if (ctx.image?.key === 'node-hello') {
    return server('node server.js (node-hello)', [8080], 0, {
      memoryMi: 30,
      signals: none,
      notes: ['node as PID 1 without a SIGTERM handler ignores SIGTERM'],
      bind: { program: 'node' },
    });
  }
  const u = unknownProgram(argv, ctx, `Node.js application \`${argv.slice(1).join(' ')}\` is not known`);
  if (ctx.main) {
    u.signals = none;
    u.memoryMi = Math.max(u.memoryMi, 40);
    u.notes[0] = u.notes[0]!.replace(
      'exiting 143 at once on SIGTERM',
      'ignoring SIGTERM as PID 1 unless the app handles it (Node.js installs no handler)',
    );
  }
  return u;
}

export function perl(argv: string[], ctx: ProgCtx): ProgramRun {
  const script = argv.slice(1).join(' ');
  const bpi = /bpi\((\d+)\)/.exec(script);
  if (bpi) {
    const digits = Math.min(Number(bpi[1]), 1_000_000);
    const seconds = Math.round(Math.min(3600, Math.max(1, 5 * (digits / 2000) ** 2)) * 10) / 10;
    return oneShot(`perl: print ${digits} digits of pi`, seconds, 0, {
      memoryMi: 15,
      memoryAfter: 0.5,
      notes: [`perl computing ${digits} digits of pi: exits 0 after about ${seconds} s (estimate)`],
    });
  }
  if (argv.includes('-de0') || (argv.includes('-d') && argv.includes('-e0'))) {
    if (ctx.interactive) return run('perl debugger (interactive)', { memoryMi: 5 });
    return oneShot('perl -de0 (debugger; stdin is empty)', 0, 0);
  }
  if (argv.slice(1).some((x) => /^-[a-zA-Z]*e$/.test(x) || /^-M/.test(x)))
    return oneShot('perl -e …', 1, 0, {
      memoryMi: 10,
      notes: ['inline Perl program: not interpreted; assumed to exit 0 after about 1 s'],
    });
  if (argv.length === 1) return oneShot('perl (no program; stdin is empty)', 0, 0);
  return unknownProgram(argv, ctx);
}

export function stress(argv: string[]): ProgramRun {
  const vm = Number(flag(argv, ['vm'], '-m') ?? 0) || 0;
  const bytes = stressBytesMi(flag(argv, ['vm-bytes']) ?? '256M') ?? 256;
  const cpu = Number(flag(argv, ['cpu'], '-c') ?? 0) || 0;
  const io = Number(flag(argv, ['io'], '-i') ?? 0) || 0;
  const timeout = flag(argv, ['timeout'], '-t');
  if (vm + cpu + io === 0 && !argv.some((a) => /^--?(hdd|d)$/.test(a))) {
    return oneShot('stress (no workers)', 0, 1, {
      message: 'stress: FAIL: no workers specified',
      notes: ['stress without workers prints its usage and fails (estimate)'],
    });
  }
  const mem = vm * bytes + 1;
  const t = timeout !== undefined ? parseSleep([timeout], 'gnu', false) : undefined;
  const p: Partial<ProgramRun> = {
    memoryMi: mem,
    memoryAfter: 1,
    signals: none,
    notes:
      vm > 0
        ? [`stress allocates ${vm} × ${Math.round(bytes)}Mi and keeps it (--vm-hang): about ${Math.round(mem)}Mi`]
        : [],
  };
  if (t && 'seconds' in t && t.seconds !== Infinity) return oneShot(argv.join(' '), t.seconds, 0, p);
  return run(argv.join(' '), p);
}

export function vishStress(argv: string[]): ProgramRun {
  // vishh/stress reads -mem-total with resource.MustParse: a Kubernetes quantity, no whitespace
  const q = parseQuantity(flag(argv, ['mem-total']) ?? '0');
  const total = ((q && quantityNumber(q)) ?? 0) / 1024 ** 2;
  return run(argv.join(' '), {
    memoryMi: Math.max(2, total),
    memoryAfter: total > 0 ? 5 : 0,
    signals: go,
    notes: total > 0 ? [`stress allocates ${Math.round(total)}Mi`] : [],
  });
}
