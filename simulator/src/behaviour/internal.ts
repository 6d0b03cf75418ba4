// Types shared by the shell interpreter (shell.ts), the utilities (commands.ts) and the long-running programs
// (programs.ts). Not part of the behaviour module's public surface.
import type { Binder, FailedLookup, FileOp, HttpChange, ProcessAccess, ProcessModel, WriteDenial } from './types';
import type { ImageProfile } from './catalog';
import type { Signal } from './signals';

/** What a file looks like to a command: missing, present (content maybe unknown), or not known at all. */
export type FileView = 'missing' | 'unknown' | { content: string | undefined; dir?: boolean };

export type NetAnswer = 'open' | 'refused' | 'unknown';

/**
 * The Service name an in-cluster DNS name refers to (`db`, `db.ns`, `db.ns.svc`, `db.ns.svc.cluster.local`,
 * with or without a port), or undefined for IPs, localhost and names outside the cluster (`example.com`).
 */
export function clusterService(host: string): string | undefined {
  const h = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  if (h === '' || h === 'localhost' || /^[\d.]+$/.test(h) || h.includes(':')) return undefined;
  const labels = h.split('.');
  const first = labels[0]!;
  if (labels.length === 1) return /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(first) ? first : undefined;
  if (labels.includes('svc') || h.endsWith('.cluster.local')) return first;
  // `<service>.<namespace>` for the namespaces every cluster has; other two-label names look like public domains.
  if (labels.length === 2 && /^(default|kube-system|kube-public|kube-node-lease)$/.test(labels[1]!)) return first;
  return undefined;
}

/** The world a command runs in: files, network, env, tool flavour. */
export interface Sys {
  mode: 'process' | 'exec';
  userland: 'busybox' | 'gnu';
  oldBusybox: boolean;
  /** The shell running the script, for error wording. */
  sh: 'ash' | 'dash' | 'bash';
  cwd: string;
  env(name: string): string | undefined;
  /** false when the variable is set but its value is unknown (valueFrom, pod name, service links). */
  envKnown(name: string): boolean;
  file(path: string): FileView;
  write(op: FileOp['op'], path: string, content?: string): void;
  /** Why creating or changing the file at an absolute path fails (securityContext); undefined: works or not known. */
  denied(path: string): WriteDenial | undefined;
  connect(port: number, host: string): NetAnswer;
  http(port: number, path: string, host: string): number | 'refused' | 'unknown';
  grpc(port: number): 'SERVING' | 'NOT_SERVING' | 'refused' | 'unknown';
  /** DNS: 'nxdomain' for an in-cluster name without a Service; 'unknown' for names outside the cluster. */
  resolve(host: string): 'ok' | 'nxdomain' | 'unknown';
  /** Records a lookup that failed (a typed fact for explanations; see ProcessModel.failedLookups). */
  lookupFailed(lookup: FailedLookup): void;
  /** Whether a process of that name runs (killall -0, pidof, pgrep). */
  process(name: string): boolean | 'unknown';
  note(s: string): void;
}

/** What a command reads on stdin: text (maybe unknown), or input that never ends (a tty, `tail -f |`). */
export interface Stdin {
  text?: string;
  unknown: boolean;
  forever: boolean;
}

export interface CmdResult {
  code: number;
  out?: string;
  err?: string;
  /** How long it ran (0 when absent). */
  seconds?: number;
  /** It never ends by itself (tail -f, sleep infinity, ping without -c). */
  forever?: boolean;
  /** Its output is not known (date, hostname, an unknown command). */
  unknownOut?: boolean;
}

/** How a process reacts to the stop signal. */
export type SignalHandling =
  /** A handler for these signals: exits with `code` after `afterSeconds`. */
  | { kind: 'handles'; code: number; afterSeconds: number; signals: Signal[] }
  /** No handler: ignored as PID 1, the default action otherwise. */
  | { kind: 'none' }
  /** Go without signal.Notify: exit 2 as PID 1 (dieFromSignal fallback), the default action otherwise. */
  | { kind: 'go' };

export const TERM_INT_QUIT: Signal[] = ['SIGTERM', 'SIGINT', 'SIGQUIT'];

export interface ListenAt {
  port: number;
  after: number;
}

/** What a (possibly long-running) program does once started; times relative to its start. */
export interface ProgramRun {
  description: string;
  recognised: boolean;
  /** Seconds until it ends by itself; undefined: runs until stopped. */
  endsAfter?: number;
  code: number;
  message?: string;
  /** Optional: the line of `message` that says why it ended, when not the first (nginx warns, then fails). */
  reason?: string;
  output?: string;
  listen: ListenAt[];
  http?: ProcessModel['http'];
  httpTimeline?: HttpChange[];
  /** Serves the gRPC health service on its ports. */
  grpc?: { serving: boolean };
  exitOnFirstConnection?: number;
  memoryMi: number;
  memoryAfter: number;
  signals: SignalHandling;
  files?: FileOp[];
  notes: string[];
  /** Env names that decided the behaviour (for `paths`). */
  usedEnv: string[];
  /** Forks into the background (nginx without `daemon off;`, busybox httpd without -f): the command returns at once, the server stays. */
  daemon?: boolean;
  /** Optional: the program's own output when a port it binds is taken (bindErrors.ts). */
  bind?: Binder;
  /** Tells the container's main process to stop (`nginx -s quit`): it exits with `code` after `afterSeconds`. */
  stopsMain?: { afterSeconds: number; code: number };
}

/** How a command line resolves: a program that runs, another command line (entrypoint scripts, wrappers), or a shell. */
export type Resolution =
  | { kind: 'run'; run: ProgramRun }
  | {
      kind: 'exec';
      argv: string[];
      viaInit?: boolean;
      fromScript?: boolean;
      note?: string;
      usedEnv?: string[];
      timeout?: number;
      extraStartup?: number;
    }
  | {
      kind: 'shell';
      sh: 'ash' | 'dash' | 'bash' | 'zsh';
      script: string;
      name: string;
      positional: string[];
      errexit: boolean;
      fromFile?: string;
    }
  | { kind: 'interactive'; what: string };

export interface ProgCtx {
  image: ImageProfile | undefined;
  env(name: string): string | undefined;
  /** Whether an env var is set at all (also when its value is unknown). */
  envSet(name: string): boolean;
  envNames(): string[];
  declaredPorts: { port: number; name?: string }[];
  interactive: boolean;
  /** The program would be the container's main process (last command, exec'd, or the command itself). */
  main: boolean;
  /** Memory assumed for an unknown program, MiB. */
  unknownMemoryMi: number;
  userland: 'busybox' | 'gnu';
  oldBusybox: boolean;
  /** The shell's working directory when the program starts (python -m http.server serves it). */
  cwd: string;
  /** Optional: who the process runs as and where it may not write (securityContext); absent: not known. */
  access?: ProcessAccess;
}
