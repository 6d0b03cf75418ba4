// Building blocks for program models: signal handling shorthands, ProgramRun builders, flag and port parsing,
// and the assumption for programs the simulator does not know.
import type { ProgCtx, ProgramRun, SignalHandling } from './internal';
import { TERM_INT_QUIT } from './internal';

export const go: SignalHandling = { kind: 'go' };
export const none: SignalHandling = { kind: 'none' };
export const handles = (code: number, afterSeconds = 0, signals = TERM_INT_QUIT): SignalHandling => ({
  kind: 'handles',
  code,
  afterSeconds,
  signals,
});

export function run(description: string, p: Partial<ProgramRun>): ProgramRun {
  return {
    description,
    recognised: true,
    code: 0,
    listen: [],
    memoryMi: 1,
    memoryAfter: 0,
    signals: none,
    notes: [],
    usedEnv: [],
    ...p,
  };
}

export function server(description: string, ports: number[], after: number, p: Partial<ProgramRun>): ProgramRun {
  return run(description, {
    listen: ports.map((port) => ({ port, after })),
    memoryAfter: after,
    http: { routes: {}, defaultStatus: 200 },
    ...p,
  });
}

/** Ends by itself after `seconds` with `code`. */
export function oneShot(description: string, seconds: number, code: number, p: Partial<ProgramRun> = {}): ProgramRun {
  return run(description, { endsAfter: seconds, code, ...p });
}

export const base = (p: string) => p.split('/').pop() ?? p;

/** The image is built on musl (an `-alpine` or `-musl` tag, or Alpine itself): libc's error texts differ. */
export function musl(ctx: ProgCtx): boolean {
  const tag = ctx.image?.ref.tag ?? '';
  return /(^|-)(alpine|musl)/.test(tag) || ctx.image?.key === 'alpine';
}

/** `--port=80`, `--port 80`, `-port=80`, `-port 80` (and `-p 80` when `short` is given). */
export function flag(argv: string[], names: string[], short?: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    for (const n of names) {
      for (const pre of ['--', '-']) {
        if (a === pre + n) found = argv[i + 1];
        else if (a.startsWith(`${pre}${n}=`)) found = a.slice(pre.length + n.length + 1);
      }
    }
    if (short !== undefined) {
      if (a === short) found = argv[i + 1];
      else if (a.startsWith(short) && /^\d+$/.test(a.slice(short.length))) found = a.slice(short.length);
    }
  }
  return found;
}

/** A port out of `8080`, `:8080`, `0.0.0.0:8080`, `[::]:8080`; undefined otherwise. */
export function portOf(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const m = /(?:^|:)(\d{1,5})$/.exec(v.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= 65535 ? n : undefined;
}

/** Ports an unknown program is told to listen on by its flags (`--port=9898`, `--listen-address=:9100`, `--http-port 80`). */
function flagPorts(argv: string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < argv.length && i < 200; i++) {
    const m = /^--?([A-Za-z0-9_.-]*?)(?:=(.*))?$/.exec(argv[i]!);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    if (
      !/(^|[-_.])(port|listen|listen-address|bind|bind-address|address|addr)$/.test(name) ||
      /metrics|health|admin|debug|pprof|secure|tls|https/.test(name)
    )
      continue;
    const v = m[2] ?? argv[i + 1];
    const p = name.endsWith('port') ? (v !== undefined && /^\d{1,5}$/.test(v) ? Number(v) : undefined) : portOf(v);
    if (p !== undefined && p > 0 && p <= 65535 && !out.includes(p)) out.push(p);
  }
  return out;
}

/** What an unrecognised program is assumed to do (see README of this folder / the notes it adds). */
export function unknownProgram(argv: string[], ctx: ProgCtx, why?: string): ProgramRun {
  const name = argv[0] ?? '';
  const line = argv.join(' ').slice(0, 80);
  if (!ctx.main) {
    return oneShot(line, 0, 0, {
      recognised: false,
      notes: [`\`${base(name)}\` is not modelled: assumed to succeed at once`],
    });
  }
  const declared = ctx.declaredPorts.map((p) => p.port);
  const fromFlags = flagPorts(argv.slice(1)).filter((p) => !declared.includes(p));
  const ports = [...declared, ...fromFlags];
  const notes = [
    `${why ?? `\`${line}\` is not a program the simulator knows`}: assumed to run until stopped` +
      (ports.length
        ? `, listening on ${ports.join(', ')} at once (${declared.length ? 'its declared containerPorts' : ''}${declared.length && fromFlags.length ? ' and ' : ''}${fromFlags.length ? 'its --port style flags' : ''}), answering HTTP 200 on every path and gRPC health SERVING`
        : ', listening on nothing (no containerPorts declared)') +
      `, exiting 143 at once on SIGTERM, using about ${Math.round(ctx.unknownMemoryMi)}Mi`,
  ];
  return run(line, {
    recognised: false,
    listen: ports.map((port) => ({ port, after: 0 })),
    http: { routes: {}, defaultStatus: 200 },
    grpc: { serving: true },
    memoryMi: ctx.unknownMemoryMi,
    signals: handles(143, 0, ['SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGHUP']),
    notes,
  });
}
