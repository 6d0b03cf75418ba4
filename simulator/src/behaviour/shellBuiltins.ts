// Shell builtins: exit, cd, export, set, trap, wait, read, eval, test/[, echo, printf, command -v …
import type { Node } from './shellParse';
import { parseScript } from './shellParse';
import { resolvePath } from './commands';
import { evalArith } from './expand';
import { evalTest } from './shellTest';
import { ExitSig, ForeverSig, LoopSig, MAX_DEPTH, MAX_OUT, ReturnSig, ShellState } from './shellState';

export abstract class ShellBuiltins extends ShellState {
  protected builtin(a0: string, args: string[], tail: boolean, unknownArgs: boolean): number | undefined {
    switch (a0) {
      case ':':
      case 'true':
        return 0;
      case 'false':
        return 1;
      case 'exit': {
        const c = args[0] !== undefined ? Number(args[0]) & 255 : this.status;
        throw new ExitSig(Number.isFinite(c) ? c : 2);
      }
      case 'return':
        throw new ReturnSig(args[0] !== undefined ? Number(args[0]) & 255 : this.status);
      case 'break':
      case 'continue':
        throw new LoopSig(a0, Math.max(1, Number(args[0] ?? 1) || 1));
      case 'cd':
        this.cwd = resolvePath(this.cwd, args[0] ?? this.getVar('HOME').value ?? '/');
        return 0;
      case 'pwd':
        this.emit(this.cwd + '\n', '', false);
        return 0;
      case 'export':
      case 'readonly':
      case 'local':
      case 'declare':
      case 'typeset':
        for (const a of args) {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(a);
          if (m) this.vars.set(m[1]!, { value: m[2]!, unknown: unknownArgs });
        }
        return 0;
      case 'unset':
        for (const a of args) if (!a.startsWith('-')) this.vars.delete(a);
        return 0;
      case 'set':
        return this.setBuiltin(args);
      case 'shift':
        this.positional = this.positional.slice(Number(args[0] ?? 1) || 1);
        return 0;
      case 'trap':
        return this.trapBuiltin(args);
      case 'wait':
        return this.waitBuiltin();
      case 'exec':
        if (args.length === 0) return 0;
        return this.runArgv(args, true, false);
      case 'echo':
        this.emit(echo(args, this.sh), '', unknownArgs);
        return 0;
      case 'printf':
        this.emit(printf(args), '', unknownArgs);
        return 0;
      case 'read':
        return this.readBuiltin(args);
      case 'test':
      case '[': {
        const a = a0 === '[' ? (args[args.length - 1] === ']' ? args.slice(0, -1) : undefined) : args;
        if (a === undefined) {
          this.emit('', `${this.shName}: missing ]\n`, false);
          return 2;
        }
        return this.testResult(a.map((v) => ({ v, unknown: unknownArgs && this.unknownWords.has(v) })), false, `[ ${a.join(' ')} ]`);
      }
      case '[[':
        return this.sh === 'dash' ? this.notFound('[[') : 0;
      case 'source':
      case '.':
        this.note(`\`${a0} ${args[0] ?? ''}\`: the sourced file is not visible; assumed to define nothing`);
        return 0;
      case 'eval':
        return this.evalBuiltin(args.join(' '), tail);
      case 'command':
      case 'type':
      case 'which':
      case 'hash': {
        if (a0 === 'command' && args[0] !== '-v' && args[0] !== '-V' && args.length > 0) return this.command(args, tail, unknownArgs);
        const names = args.filter((x) => !x.startsWith('-'));
        const found = names.every((x) => this.toolPresent(x) || this.funcs.has(x));
        if (found && a0 !== 'hash') this.emit(names.map((x) => `/usr/bin/${x}\n`).join(''), '', false);
        return found ? 0 : 1;
      }
      case 'kill':
        return 0;
      case 'let': {
        const r = evalArith(args.join(' '), (name) => this.getVar(name));
        return r.value !== 0 ? 0 : 1;
      }
      case 'ulimit':
      case 'umask':
      case 'shopt':
      case 'alias':
      case 'unalias':
      case 'set +x':
        return 0;
    }
    return undefined;
  }

  protected setBuiltin(args: string[]): number {
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        this.positional = args.slice(i + 1);
        return 0;
      }
      if (a === '-o' || a === '+o') {
        if (args[i + 1] === 'errexit') this.errexit = a === '-o';
        i++;
      } else if (/^[-+][a-zA-Z]+$/.test(a) && a.includes('e')) this.errexit = a.startsWith('-');
      else if (!/^[-+]/.test(a)) {
        this.positional = args.slice(i);
        return 0;
      }
    }
    return 0;
  }

  protected trapBuiltin(args: string[]): number {
    if (args.length < 2) return 0;
    const [action, ...sigs] = args as [string, ...string[]];
    const stop = this.o.stopSignal.replace('SIG', '');
    const hits = sigs.some((s) => {
      const u = s.toUpperCase().replace(/^SIG/, '');
      return u === stop || (u === '15' && stop === 'TERM') || (u === '3' && stop === 'QUIT') || (u === '2' && stop === 'INT');
    });
    if (!hits) return 0;
    if (action === '-') this.trap = { k: 'default' };
    else if (action === '') this.trap = { k: 'ignore' };
    else {
      const m = /\bexit(?:\s+(\d+))?/.exec(action);
      if (m) this.trap = { k: 'exit', code: m[1] !== undefined ? Number(m[1]) & 255 : 0 };
      else {
        this.trap = { k: 'exit', code: 128 + 15 };
        this.note(`\`trap '${action.slice(0, 40)}' ${sigs.join(' ')}\` does not exit: the script is assumed to end after it with 143`);
      }
    }
    return 0;
  }

  protected waitBuiltin(): number {
    if (this.bg.length === 0) return 0;
    const end = Math.max(...this.bg.map((j) => j.end));
    if (end === Infinity) throw new ForeverSig({ k: 'wait' });
    if (end > this.t) {
      const d = end - this.t;
      this.t = end;
      this.stepMax = Math.max(this.stepMax, d);
      this.phase = { k: 'wait' };
    }
    const code = this.bg[this.bg.length - 1]!.code;
    this.bg = [];
    return code;
  }

  protected readBuiltin(args: string[]): number {
    const names = args.filter((a) => !a.startsWith('-'));
    const s = this.stdin;
    if (s === undefined || (s.text === undefined && !s.forever)) {
      if (this.o.interactive && this.o.mode === 'process') throw new ForeverSig({ k: 'child', step: Infinity });
      return 1;
    }
    const text = s.text ?? '';
    const nl = text.indexOf('\n');
    if (text === '' || (nl < 0 && text === '')) {
      if (s.forever) throw new ForeverSig({ k: 'child', step: Infinity });
      return 1;
    }
    const line = nl >= 0 ? text.slice(0, nl) : text;
    this.stdin = { ...s, text: nl >= 0 ? text.slice(nl + 1) : '' };
    if (names[0] !== undefined) this.vars.set(names[0], { value: line, unknown: s.unknown });
    return 0;
  }

  protected evalBuiltin(src: string, tail: boolean): number {
    if (this.depth > MAX_DEPTH) return 0;
    let node: Node;
    try {
      node = parseScript(src);
    } catch {
      return 2;
    }
    this.depth++;
    try {
      return this.execNode(node, tail);
    } finally {
      this.depth--;
    }
  }

  protected testResult(args: { v: string; unknown: boolean }[], double: boolean, text: string): number {
    const r = evalTest(args, {
      file: (p) => this.fileView(resolvePath(this.cwd, p)),
      guess: (p) => this.guessExists(resolvePath(this.cwd, p)),
      varSet: (n) => this.vars.has(n),
    }, double);
    if (r.assumed) this.note(`\`${text.slice(0, 60)}\` compares a value the simulator does not know: assumed to pass (${r.code === 0 ? 'true' : 'false'})`);
    if (r.code === 2) this.emit('', `${this.shName}: ${text.slice(0, 40)}: syntax error\n`, false);
    return r.code;
  }


  protected abstract command(argv: string[], tail: boolean, unknownArgs: boolean): number;
  protected abstract runArgv(argv: string[], tail: boolean, top: boolean, limit?: number, hops?: number): number;
  protected abstract notFound(a0: string): number;
  abstract toolPresent(a0: string): boolean;
}

function echo(args: string[], sh: string): string {
  let i = 0;
  let nl = true;
  let esc = sh === 'dash';
  while (i < args.length && /^-[neE]+$/.test(args[i]!) && sh !== 'dash') {
    if (args[i]!.includes('n')) nl = false;
    if (args[i]!.includes('e')) esc = true;
    if (args[i]!.includes('E')) esc = false;
    i++;
  }
  let s = args.slice(i).join(' ');
  if (esc) s = s.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\c[\s\S]*$/, () => ((nl = false), ''));
  return nl ? s + '\n' : s;
}

function printf(args: string[]): string {
  const [fmt = '', ...rest] = args;
  let i = 0;
  const out = fmt.replace(/%(-?\d*)([sdqbf%])|\\n|\\t/g, (m: string, _w: string, c: string | undefined) => {
    if (m === '\\n') return '\n';
    if (m === '\\t') return '\t';
    if (c === '%') return '%';
    const v = rest[i++] ?? '';
    return c === 'd' ? String(Math.trunc(Number(v) || 0)) : v;
  });
  return out.slice(0, MAX_OUT);
}
