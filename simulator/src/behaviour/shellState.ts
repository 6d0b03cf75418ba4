// The shell's state and what it sees and writes: variables, its own view of files (an overlay over the world),
// file operations on the simulated clock, output capture and redirections, and word expansion ($VAR, ${VAR:-x},
// $(…), $((…)), field splitting). Execution lives in shellProcess.ts, shellLoops.ts and shellScript.ts (the Interp class is in shell.ts), builtins in shellBuiltins.ts.
import type { FileOp, HttpChange, ListenSpec, LogWrite, ProcessModel } from './types';
import type { ImageProfile, Signal } from './catalog';
import type { FileView, NetAnswer, SignalHandling, Sys } from './internal';
import type { Node, Redir, Word } from './shellParse';
import type { Stdin } from './commands';
import { parseScript } from './shellParse';
import { resolvePath } from './commands';
import { base } from './programs';
import { trimPattern } from './shellTest';
import { evalArith } from './expand';

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
  /** Name of the container's main program, for `killall -0` / `pidof` in hooks. */
  mainProcess?: string;
}

export type Phase =
  | { k: 'exec'; signals: SignalHandling; pid1: boolean }
  | { k: 'child'; step: number }
  | { k: 'wait' }
  | { k: 'none' };

export class ExitSig {
  constructor(readonly code: number, readonly message?: string) {}
}
export class ForeverSig {
  constructor(readonly phase: Phase) {}
}
export class LoopSig {
  constructor(readonly kind: 'break' | 'continue', readonly n: number) {}
}
export class ReturnSig {
  constructor(readonly code: number) {}
}
export class StartErr {
  constructor(readonly argv0: string) {}
}

/** Shell builtins that also exist as binaries. */
export const STANDALONE = new Set(['true', 'false', 'echo', 'printf', 'test', '[', 'kill', 'pwd']);
export const MAX_STEPS = 20_000;
/** About 300 years: longer waits are "until stopped". */
export const MAX_TIME = 1e10;
export const MAX_ITER = 1_000;
export const MAX_OPS = 2_000;
export const MAX_OUT = 16_384;
export const MAX_DEPTH = 40;
export const PRESENT_PREFIXES = ['/etc/', '/proc/', '/sys/', '/dev/', '/usr/', '/bin/', '/sbin/', '/lib/', '/opt/', '/var/run/secrets/', '/run/secrets/'];

export interface Var {
  value?: string;
  unknown: boolean;
}

export abstract class ShellState {
  t = 0;
  status = 0;
  protected vars = new Map<string, Var>();
  protected positional: string[] = [];
  protected arg0 = 'sh';
  protected fs = new Map<string, FileView>();
  protected funcs = new Map<string, Node>();
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
  protected persistentMem = 0;
  readonly notes = new Set<string>();
  readonly usedEnv = new Set<string>();
  protected output = '';
  protected cap: { out: string; unknown: boolean }[] = [];
  protected stdin: Stdin | undefined;
  protected steps = 0;
  protected depth = 0;
  protected trap: { k: 'default' } | { k: 'ignore' } | { k: 'exit'; code: number } = { k: 'default' };
  protected errexit = false;
  protected cond = 0;
  protected bg: { end: number; code: number }[] = [];
  protected phase: Phase = { k: 'none' };
  protected stepMax = 0;
  protected pid1: boolean;
  protected pendingStartup = 0;
  protected recognised = true;
  protected mainDesc = '';
  protected viaShell = false;
  protected sh: 'ash' | 'dash' | 'bash';
  protected shName = 'sh';
  protected stopsMain?: { afterSeconds: number; code: number };
  protected cwd: string;
  readonly sys: Sys;

  constructor(readonly o: InterpOptions) {
    this.pid1 = o.pid1;
    this.sh = o.sh;
    this.cwd = o.cwd;
    for (const [k, v] of o.env) this.vars.set(k, { ...v });
    // stdin: true / tty: true: reading stdin blocks (cat, read, a REPL); otherwise it is empty (EOF at once).
    if (o.interactive && o.mode === 'process') this.stdin = { unknown: true, forever: true };
    const self = this;
    this.sys = {
      mode: o.mode,
      userland: o.userland,
      oldBusybox: o.oldBusybox,
      get sh() {
        return self.sh;
      },
      get cwd() {
        return self.cwd;
      },
      env: (n) => this.getVar(n).value,
      envKnown: (n) => !this.getVar(n).unknown,
      file: (p) => this.fileView(p),
      write: (op, p, content) => this.recordOp(op, p, content),
      connect: (port, host) => o.world.connect(port, host),
      http: (port, path, host) => o.world.http(port, path, host),
      grpc: (port) => o.world.grpc(port),
      resolve: (host) => o.world.resolve?.(host) ?? 'unknown',
      process: (name) => (o.mainProcess !== undefined && base(name) === o.mainProcess ? this.stopsMain === undefined || this.t < this.stopsMain.afterSeconds : 'unknown'),
      note: (s) => this.note(s),
    };
  }

  note(s: string): void {
    if (this.notes.size < 40) this.notes.add(s);
  }

  protected subshell(f: () => number): number {
    const saved = { vars: new Map(this.vars), cwd: this.cwd, trap: this.trap, errexit: this.errexit };
    try {
      return f();
    } catch (e) {
      if (e instanceof ExitSig) return (this.status = e.code);
      throw e;
    } finally {
      Object.assign(this, saved);
    }
  }


  protected fileView(path: string): FileView {
    const p = resolvePath(this.cwd, path);
    const own = this.fs.get(p);
    if (own !== undefined) return own;
    for (const [k, v] of this.fs) if (v === 'missing' && p.startsWith(k + '/')) return 'missing';
    return this.o.world.file(p);
  }

  protected guessExists(p: string): boolean {
    const present = PRESENT_PREFIXES.some((x) => p.startsWith(x));
    this.note(`\`${p}\` is not created by the command: assumed ${present ? 'present (image or API-provided path)' : 'absent'}`);
    return present;
  }

  protected recordOp(op: FileOp['op'], path: string, content?: string): void {
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

  protected lastErr = '';

  protected emit(out: string, err: string, unknown: boolean): void {
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

  protected errToOut = false;

  protected toOutput(s: string): void {
    if (this.output.length >= MAX_OUT || s === '') return;
    if (this.o.mode === 'exec') this.output += s;
    else if (this.o.mode === 'process') {
      this.output += s;
      const last = this.log[this.log.length - 1];
      if (last !== undefined && last.at === this.t) last.text += s;
      else this.log.push({ at: this.t, text: s });
    }
  }

  /** Runs f with the redirections of a command: > >> < << 2>&1 >/dev/null. */
  protected withRedirs(redirs: Redir[], f: () => number): number {
    if (redirs.length === 0) return f();
    let outFile: { path: string; append: boolean } | undefined;
    let devnull = false;
    let errToOut = this.errToOut;
    let errNull = false;
    let stdin: Stdin | undefined;
    let setIn = false;
    for (const r of redirs) {
      const target = r.heredoc !== undefined ? '' : this.expandWord(r.target).join(' ');
      if (r.op === '<<' || r.op === '<<-') {
        stdin = { text: r.heredoc ?? '', unknown: /\$/.test(r.heredoc ?? ''), forever: false };
        setIn = true;
      } else if (r.op === '<') {
        const v = this.fileView(target);
        stdin = v === 'missing' ? { text: '', unknown: false, forever: false } : { text: typeof v === 'object' ? v.content ?? '' : '', unknown: typeof v !== 'object' || v.content === undefined, forever: false };
        setIn = true;
      } else if (r.op === '>&' || r.op === '<&') {
        if (r.fd === 2 && target === '1') errToOut = true;
      } else if (r.fd === 2 && (r.op === '>' || r.op === '>>')) {
        if (target === '/dev/null') errNull = true;
      } else if (r.op === '>' || r.op === '>>' || r.op === '>|' || r.op === '&>' || r.op === '&>>') {
        if (r.op.startsWith('&')) errToOut = true;
        if (/^\/dev\/(null|stdout|stderr)$|^\/proc\/(self|1)\/fd\/[12]$/.test(target)) devnull = target === '/dev/null';
        else outFile = { path: target, append: r.op.endsWith('>>') };
      }
    }
    void errNull;
    const capture = outFile !== undefined || devnull;
    const savedIn = this.stdin;
    const savedErr = this.errToOut;
    if (setIn) this.stdin = stdin;
    this.errToOut = errToOut;
    if (capture) this.cap.push({ out: '', unknown: false });
    let flushed = false;
    const flush = () => {
      if (flushed || !capture) return;
      flushed = true;
      const c = this.cap.pop()!;
      if (outFile !== undefined) this.recordOp(outFile.append ? 'append' : 'write', outFile.path, c.unknown ? undefined : c.out);
    };
    try {
      const st = f();
      flush();
      return st;
    } finally {
      flush();
      this.stdin = savedIn;
      this.errToOut = savedErr;
    }
  }


  lastUnknown = false;

  protected unknownWords = new Set<string>();

  /** Strings of the initial command line whose value is not known (unresolved `$(VAR)` of a valueFrom env). */
  markUnknown(words: string[]): void {
    for (const w of words) this.unknownWords.add(w);
  }

  protected getVar(name: string): Var {
    switch (name) {
      case '?': return { value: String(this.status), unknown: false };
      case '$': return { value: '1', unknown: false };
      case '#': return { value: String(this.positional.length), unknown: false };
      case '0': return { value: this.arg0, unknown: false };
      case '@':
      case '*': return { value: this.positional.join(' '), unknown: false };
      case '-': return { value: this.errexit ? 'e' : '', unknown: false };
      case 'RANDOM': return { value: '0', unknown: true };
      case 'PWD': return { value: this.cwd, unknown: false };
    }
    if (/^\d+$/.test(name)) return { value: this.positional[Number(name) - 1], unknown: false };
    const v = this.vars.get(name);
    if (v !== undefined && this.o.env.has(name)) this.usedEnv.add(name);
    return v ?? { unknown: false };
  }

  protected setVar(name: string, w: Word): void {
    const v = this.expandWord(w, false).join('');
    this.vars.set(name, { value: v, unknown: this.lastUnknown });
  }

  /** Expand a word to fields (field splitting on unquoted expansions; no globbing). */
  expandWord(w: Word, split = true): string[] {
    const fields: string[] = [];
    let cur = '';
    let has = false;
    let unknown = false;
    for (const p of w.parts) {
      if (p.k === 'lit') {
        cur += p.v;
        if (p.q || p.v !== '') has = true;
        continue;
      }
      let val: string;
      if (p.k === 'var' && (p.name === '@' || p.name === '*') && p.q && p.name === '@' && p.op === '') {
        const ps = this.positional;
        if (ps.length === 0) continue;
        cur += ps[0];
        for (const x of ps.slice(1)) {
          fields.push(cur);
          cur = x;
        }
        has = true;
        continue;
      }
      if (p.k === 'var') {
        const r = this.expandVar(p);
        val = r.v;
        unknown ||= r.unknown;
      } else if (p.k === 'cmd') {
        const r = this.substitute(p.src);
        val = r.out;
        unknown ||= r.unknown;
      } else {
        const r = evalArith(p.src, (name) => this.getVar(name));
        if (r.unknown) this.note(`\`$((${p.src.trim().slice(0, 40)}))\` uses a value the simulator does not know ($RANDOM or valueFrom): taken as 0`);
        val = String(r.value);
      }
      if (p.q || !split) {
        cur += val;
        has = true;
      } else {
        const pieces = val.split(/[ \t\n]+/);
        if (pieces.length === 1) {
          cur += val;
          if (val !== '') has = true;
        } else {
          pieces.forEach((piece, i) => {
            if (i === 0) {
              cur += piece;
              if (cur !== '') fields.push(cur);
            } else if (i === pieces.length - 1) cur = piece;
            else if (piece !== '') fields.push(piece);
          });
          has = cur !== '';
        }
      }
      if (cur.length > 100_000) cur = cur.slice(0, 100_000);
    }
    if (has || cur !== '') fields.push(cur);
    // An unknown value stays one (unknown) argument even if it might be empty: `[ $CODE -eq 200 ]`.
    if (unknown && fields.length === 0) fields.push('');
    this.lastUnknown = unknown;
    if (unknown) for (const f of fields) this.unknownWords.add(f);
    return fields;
  }

  protected expandTestWord(w: Word): { v: string; unknown: boolean } {
    const v = this.expandWord(w, false).join(' ');
    return { v, unknown: this.lastUnknown };
  }

  protected expandPattern(w: Word): string {
    return w.parts.map((p) => (p.k === 'lit' ? (p.q ? p.v.replace(/[*?[\\]/g, '\\$&') : p.v) : this.expandWord({ parts: [p], raw: '' }, false).join(''))).join('');
  }

  protected expandVar(p: Extract<Word['parts'][number], { k: 'var' }>): { v: string; unknown: boolean } {
    const v = this.getVar(p.name);
    const unknown = v.unknown;
    const set = v.value !== undefined || unknown;
    const val = v.value ?? '';
    const arg = () => (p.arg ? this.expandWord(p.arg, false).join('') : '');
    switch (p.op) {
      case '': return { v: val, unknown };
      case '#len': return { v: String(val.length), unknown };
      case ':-': return set && (val !== '' || unknown) ? { v: val, unknown } : { v: arg(), unknown: this.lastUnknown };
      case '-': return set ? { v: val, unknown } : { v: arg(), unknown: this.lastUnknown };
      case ':=':
      case '=': {
        if (set && (p.op === '=' || val !== '' || unknown)) return { v: val, unknown };
        const a = arg();
        this.vars.set(p.name, { value: a, unknown: this.lastUnknown });
        return { v: a, unknown: this.lastUnknown };
      }
      case ':+': return set && (val !== '' || unknown) ? { v: arg(), unknown } : { v: '', unknown: false };
      case '+': return set ? { v: arg(), unknown } : { v: '', unknown: false };
      case ':?':
      case '?':
        if (set && (p.op === '?' || val !== '' || unknown)) return { v: val, unknown };
        this.emit('', `${this.shName}: ${p.name}: ${arg() || 'parameter not set'}\n`, false);
        throw new ExitSig(this.sh === 'bash' ? 1 : 2);
      case '#':
      case '##':
      case '%':
      case '%%':
        return { v: unknown ? val : trimPattern(val, p.op, arg()), unknown };
      case '/':
      case '//': {
        const a = p.arg?.raw ?? '';
        const i = a.indexOf('/');
        const pat = i >= 0 ? a.slice(0, i) : a;
        const rep = i >= 0 ? a.slice(i + 1) : '';
        if (/[*?[]/.test(pat)) return { v: val, unknown: true };
        return { v: p.op === '//' ? val.split(pat).join(rep) : val.replace(pat, rep), unknown };
      }
      case ':': {
        const [o, l] = arg().split(':').map((x) => Number(x.trim()));
        const off = Number.isFinite(o) ? o! : 0;
        const s = off < 0 ? val.slice(off) : val.slice(off);
        return { v: l !== undefined && Number.isFinite(l) ? s.slice(0, l) : s, unknown };
      }
      default:
        return { v: val, unknown: true };
    }
  }

  /** $(…) and `…`: runs in a subshell, captures stdout. */
  protected substitute(src: string): { out: string; unknown: boolean } {
    if (this.depth > MAX_DEPTH) return { out: '', unknown: true };
    let node: Node;
    try {
      node = parseScript(src);
    } catch {
      return { out: '', unknown: true };
    }
    this.cap.push({ out: '', unknown: false });
    const savedStatus = this.status;
    let unknown = false;
    this.depth++;
    const savedCond = this.cond;
    try {
      this.subshell(() => this.execNode(node, false));
    } catch (e) {
      if (e instanceof ForeverSig) unknown = true;
      else if (!(e instanceof LoopSig || e instanceof ReturnSig)) {
        this.cap.pop();
        this.depth--;
        throw e;
      }
    } finally {
      this.cond = savedCond;
    }
    this.depth--;
    const c = this.cap.pop()!;
    const st = this.status;
    this.status = unknown ? savedStatus : st;
    return { out: c.out.replace(/\n+$/, ''), unknown: unknown || c.unknown };
  }

  protected abstract execNode(n: Node, tail: boolean): number;
}
