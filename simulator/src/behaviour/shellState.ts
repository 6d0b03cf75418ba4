// The shell's state and what it sees and writes: variables, positional parameters, working directory, its own view
// of files (an overlay over the world) and the file changes it makes on the simulated clock, output capture, exit
// status, traps and phase. Plain state: expansion is in shellExpand.ts, execution in shellExec.ts and shellLaunch.ts.
import type { FailedLookup, FileOp, HttpChange, ListenSpec, LogWrite, ProcessAccess, ProcessModel } from './types';
import type { ImageProfile } from './catalog';
import type { Signal } from './signals';
import type { FileView, NetAnswer, Stdin, Sys } from './internal';
import type { Node } from './shellAst';
import type { Phase } from './shellControl';
import { MAX_OPS, MAX_OUT } from './shellControl';
import { resolvePath } from './toolKit';
import { base } from './programKit';

export interface EnvVal {
  value?: string;
  unknown: boolean;
}

export interface World {
  file(path: string): FileView;
  /** DNS answers; absent: every name is assumed to resolve. */
  resolve?(host: string): 'ok' | 'nxdomain' | 'unknown';
  connect(port: number, host: string): NetAnswer;
  http(port: number, path: string, host: string): number | 'refused' | 'unknown';
  grpc(port: number): 'SERVING' | 'NOT_SERVING' | 'refused' | 'unknown';
}

export interface InterpOptions {
  mode: 'process' | 'exec';
  image: ImageProfile | undefined;
  userland: 'busybox' | 'gnu';
  oldBusybox: boolean;
  sh: 'ash' | 'dash' | 'bash';
  tools: string[] | 'any';
  toolsComplete: boolean;
  /** false: no /bin/sh (nor any other shell) in the image. */
  hasShell: boolean;
  env: Map<string, EnvVal>;
  declaredPorts: { port: number; name?: string }[];
  interactive: boolean;
  /** The first process is PID 1 (false with shareProcessNamespace). */
  pid1: boolean;
  stopSignal: Signal;
  world: World;
  cwd: string;
  unknownMemoryMi: number;
  /** Unset names read as unknown (an env source the simulator cannot see may set them). */
  unsetUnknown?: boolean;
  /** Name of the container's main program, for `killall -0` / `pidof` in hooks. */
  mainProcess?: string;
  /** Who the process runs as and where it may not write (securityContext); absent: every write works. */
  access?: ProcessAccess;
}

const PRESENT_PREFIXES = [
  '/etc/',
  '/proc/',
  '/sys/',
  '/dev/',
  '/usr/',
  '/bin/',
  '/sbin/',
  '/lib/',
  '/opt/',
  '/var/run/secrets/',
  '/run/secrets/',
];

/**
 * The stop signal in the second run: it arrives at `at` (s); `pending` while a foreground command finishes
 * (a trap runs only between commands), `handled` once its action ran (`deliveredAt`; the file and log entries
 * from then on are its effects, `filesFrom`/`logFrom`).
 */
export interface StopPlan {
  at: number;
  state: 'armed' | 'pending' | 'handled';
  deliveredAt: number;
  filesFrom: number;
  logFrom: number;
}

export interface Var {
  value?: string;
  unknown: boolean;
}

export class ShellState {
  t = 0;
  status = 0;
  vars = new Map<string, Var>();
  positional: string[] = [];
  arg0 = 'sh';
  fs = new Map<string, FileView>();
  funcs = new Map<string, Node>();
  readonly files: FileOp[] = [];
  /** In process mode: what reaches stdout/stderr, when (the container log). */
  readonly log: LogWrite[] = [];
  readonly listen: ListenSpec[] = [];
  http?: ProcessModel['http'];
  httpTimeline?: HttpChange[];
  grpc?: { port: number; serving: boolean };
  exitOnFirstConnection?: number;
  memoryMi = 0;
  memoryAfter = 0;
  persistentMem = 0;
  readonly notes = new Set<string>();
  readonly failedLookups = new Map<string, FailedLookup>();
  readonly usedEnv = new Set<string>();
  output = '';
  cap: { out: string; unknown: boolean }[] = [];
  stdin: Stdin | undefined;
  steps = 0;
  depth = 0;
  /** Trap actions by condition (`EXIT`, `SIGTERM`, …); '' ignores the signal; absent: default action. */
  traps = new Map<string, string>();
  /** Only in the second run that plays the stop signal (shell.ts): when it arrives and what became of it. */
  stop?: StopPlan;
  /** While a trap action runs: `$?` from before it (what a bare `exit` in the action uses). */
  trapStatus?: number;
  /** Inside a subshell or pipeline stage (`sub`) or a background job (`inBg`): traps of the main shell wait. */
  sub = 0;
  inBg = 0;
  errexit = false;
  cond = 0;
  /** Background jobs not yet waited for: when each ends, with what status, and its PID (`$!`). */
  bg: { end: number; code: number; pid: number }[] = [];
  /** The last PID handed out to a background job. */
  lastPid = 100;
  phase: Phase = { k: 'none' };
  /** When the current phase began (the start of the last blocking command). */
  phaseStart = 0;
  stepMax = 0;
  /** Like stepMax, for `wait` (which a trapped signal interrupts at once). */
  waitMax = 0;
  pid1: boolean;
  pendingStartup = 0;
  recognised = true;
  /** Comparisons with unknown values whose result was assumed (`[ $n -lt 3 ]`), as written. */
  readonly assumed: string[] = [];
  /** `sleep`s for a time the simulator does not know, so far: from the first one on, the script's timing is not known. */
  unknownSleeps = 0;
  mainDesc = '';
  viaShell = false;
  sh: 'ash' | 'dash' | 'bash';
  shName = 'sh';
  stopsMain?: { afterSeconds: number; code: number };
  cwd: string;
  readonly sys: Sys;

  constructor(readonly o: InterpOptions) {
    this.pid1 = o.pid1;
    this.sh = o.sh;
    this.cwd = o.cwd;
    for (const [k, v] of o.env) this.vars.set(k, { ...v });
    // stdin: true / tty: true: reading stdin blocks (cat, read, a REPL); otherwise it is empty (EOF at once).
    if (o.interactive && o.mode === 'process') this.stdin = { unknown: true, forever: true };
    // Live views: `cd` and the shell's name change after the commands got their Sys.
    const sh = () => this.sh;
    const cwd = () => this.cwd;
    this.sys = {
      mode: o.mode,
      userland: o.userland,
      oldBusybox: o.oldBusybox,
      get sh() {
        return sh();
      },
      get cwd() {
        return cwd();
      },
      env: (n) => this.getVar(n).value,
      envKnown: (n) => !this.getVar(n).unknown,
      file: (p) => this.fileView(p),
      write: (op, p, content) => this.recordOp(op, p, content),
      denied: (p) => o.access?.denied(p),
      connect: (port, host) => o.world.connect(port, host),
      http: (port, path, host) => o.world.http(port, path, host),
      grpc: (port) => o.world.grpc(port),
      resolve: (host) => o.world.resolve?.(host) ?? 'unknown',
      lookupFailed: (l) => void this.failedLookups.set(l.host, l),
      process: (name) =>
        o.mainProcess !== undefined && base(name) === o.mainProcess
          ? this.stopsMain === undefined || this.t < this.stopsMain.afterSeconds
          : 'unknown',
      note: (s) => this.note(s),
    };
  }

  note(s: string): void {
    if (this.notes.size < 40) this.notes.add(s);
  }

  fileView(path: string): FileView {
    const p = resolvePath(this.cwd, path);
    const own = this.fs.get(p);
    if (own !== undefined) return own;
    for (const [k, v] of this.fs) if (v === 'missing' && p.startsWith(k + '/')) return 'missing';
    return this.o.world.file(p);
  }

  guessExists(p: string): boolean {
    const present = PRESENT_PREFIXES.some((x) => p.startsWith(x));
    this.note(
      `\`${p}\` is not created by the command: assumed ${present ? 'present (image or API-provided path)' : 'absent'}`,
    );
    return present;
  }

  recordOp(op: FileOp['op'], path: string, content?: string): void {
    const p = resolvePath(this.cwd, path);
    // Device and /proc writes go nowhere; other files under /dev are real (a terminationMessagePath such as
    // /dev/termination-custom-log, tmpfs under /dev/shm).
    if (/^\/proc\/|^\/dev\/(null|zero|full|u?random|tty\w*|console|std(in|out|err)|fd\/|pts\/|ptmx)/.test(p)) return;
    const prev = this.fs.get(p);
    if (op === 'rm') {
      this.fs.set(p, 'missing');
    } else if (op === 'mkdir') {
      this.fs.set(p, { content: undefined, dir: true });
    } else if (op === 'append') {
      const before = prev === undefined ? this.o.world.file(p) : prev;
      const known = before === 'missing' ? '' : typeof before === 'object' ? before.content : undefined;
      this.fs.set(p, { content: known !== undefined && content !== undefined ? known + content : undefined });
    } else if (op === 'write') {
      this.fs.set(p, { content });
    } else {
      this.fs.set(p, typeof prev === 'object' ? prev : { content: undefined });
    }
    if (this.o.mode !== 'process') return;
    if (this.files.length >= MAX_OPS) {
      this.note(`more than ${MAX_OPS} file changes; later ones are left out`);
      return;
    }
    const f: FileOp = { at: this.t, op, path: p };
    if (content !== undefined && (op === 'write' || op === 'append')) f.content = content.slice(0, 4096);
    this.files.push(f);
  }

  lastErr = '';
  errToOut = false;

  emit(out: string, err: string, unknown: boolean): void {
    if (err.trim() !== '') this.lastErr = err.trim().slice(0, 500);
    const c = this.cap[this.cap.length - 1];
    if (c !== undefined) {
      if (c.out.length < MAX_OUT) c.out += out;
      c.unknown ||= unknown;
      if (this.errToOut) c.out += err;
      else this.toOutput(err);
      return;
    }
    this.toOutput(out + err);
  }

  toOutput(s: string): void {
    if (this.output.length >= MAX_OUT || s === '') return;
    if (this.o.mode === 'exec') this.output += s;
    else if (this.o.mode === 'process') {
      this.output += s;
      const last = this.log[this.log.length - 1];
      if (last !== undefined && last.at === this.t) last.text += s;
      else this.log.push({ at: this.t, text: s });
    }
  }

  /** Strings whose value is not known (unresolved `$(VAR)` of a valueFrom env, unknown command output). */
  unknownWords = new Set<string>();

  getVar(name: string): Var {
    switch (name) {
      case '?':
        return { value: String(this.status), unknown: false };
      case '$':
        return { value: '1', unknown: false };
      case '#':
        return { value: String(this.positional.length), unknown: false };
      case '0':
        return { value: this.arg0, unknown: false };
      case '@':
      case '*':
        return { value: this.positional.join(' '), unknown: false };
      case '-':
        return { value: this.errexit ? 'e' : '', unknown: false };
      case 'RANDOM':
        return { value: '0', unknown: true };
      case 'PWD':
        return { value: this.cwd, unknown: false };
    }
    if (/^\d+$/.test(name)) return { value: this.positional[Number(name) - 1], unknown: false };
    const v = this.vars.get(name);
    if (v !== undefined && this.o.env.has(name)) this.usedEnv.add(name);
    return v ?? { unknown: this.o.unsetUnknown === true };
  }

  /** The shell variables, as a fingerprint of a loop's state. */
  fingerprint(): string {
    let s = '';
    for (const [k, v] of this.vars)
      if (k !== '!' && s.length < 20_000) s += `${k}=${v.value ?? ''}${v.unknown ? '?' : ''}\u0000`;
    return s + this.cwd;
  }
}
