// What a container's process does once started. There is no real process: the behaviour model
// (scenario override > command/args > image catalogue) produces one of these, and the engine plays it.
// All times are seconds relative to the moment the container started.

/** Text the process writes to stdout or stderr (its container log), `at` seconds after the start. */
export interface LogWrite {
  at: number;
  text: string;
}

/** A change the process makes to a file. `every` repeats it (a `while true` loop); the first run is at `at`. */
export interface FileOp {
  at: number;
  op: 'touch' | 'write' | 'append' | 'rm' | 'mkdir';
  path: string;
  content?: string;
  every?: number;
}

export interface ListenSpec {
  port: number;
  /** Seconds after the start at which the port accepts connections. */
  afterSeconds: number;
  /** Optional: the program that binds it, when its failure to bind is known (bindErrors.ts). */
  bind?: Binder;
}

/** Which program binds a port (decides what it prints when the port is taken), and whether its libc is musl. */
export interface Binder {
  program: 'nginx' | 'python3' | 'python2' | 'node' | 'go' | 'busybox-httpd' | 'redis';
  musl?: boolean;
}

/** What the process does when the runtime sends the stop signal (SIGTERM or the image's STOPSIGNAL). */
export type StopBehaviour =
  /** Handles the signal and exits with `code` after `afterSeconds` (e.g. nginx: 0; Go without handler as PID 1: 2; default action: 143). */
  | ({ action: 'exit'; code: number; afterSeconds: number } & StopEffects)
  /**
   * PID 1 without a handler: the signal is ignored, SIGKILL at the end of the grace period → 137. Also a shell
   * whose trap runs but does not end the script.
   */
  | ({ action: 'ignore' } & StopEffects);

/**
 * Optional: what a shell's trap for the stop signal (and the script after it) does once the signal arrives,
 * `at` seconds after the signal: `trap 'rm -f /tmp/ready; exit 0' TERM` removes the file while the container
 * is still terminating.
 */
export interface StopEffects {
  files?: FileOp[];
  log?: LogWrite[];
}

/** Which userland the image has: decides tool wording (busybox vs GNU) and `sleep` semantics. */
export interface ToolFlavour {
  userland: 'busybox' | 'gnu' | 'none';
  /** busybox older than 1.31 (registry.k8s.io/busybox): no `sleep infinity`. */
  oldBusybox?: boolean;
  /** What `/bin/sh` is: busybox ash, dash (Debian/Ubuntu) or bash (Fedora, Oracle Linux). */
  sh?: 'ash' | 'dash' | 'bash';
}

/**
 * Where a 3xx answer points (its Location header): a fixed URL or path, or the value of a query parameter of
 * the request (agnhost liveness `/redirect?loc=<url>`). Relative locations resolve against the request.
 */
export interface HttpRedirect {
  location?: string;
  locationQuery?: string;
}

/**
 * A static file server with its stock configuration (docs/kubelet-behaviour.md, static file servers): it answers from the files under `root`
 * as the pod's filesystem has them at the moment of the request.
 */
export interface StaticFiles {
  /** Decides the directory answer: nginx 403, httpd and python a listing, busybox httpd 404. */
  server: 'nginx' | 'httpd' | 'busybox' | 'python';
  /** Absolute document root. */
  root: string;
  /** The image's own files under the root (`/index.html`), present unless a volume is mounted over them. */
  image: string[];
  /** A volume mounted at or under this path replaces the stock configuration: the answers are then `routes`. */
  config?: string;
}

/** From `at` seconds after the start, these routes answer with these codes (e.g. agnhost liveness: /healthz → 500 after 10 s). */
export interface HttpChange {
  at: number;
  routes: Record<string, number>;
}

export interface FailedLookup {
  /** The name as looked up, and the Service it names (its first label). */
  host: string;
  service: string;
  reason: 'no-service' | 'search-domain';
}

export interface ProcessModel {
  /** Which rule decided this model. */
  source: 'scenario' | 'command' | 'image' | 'unknown';
  /** One line for humans: "shell: touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600". */
  description: string;
  /**
   * Container-relative manifest paths that decided the model (e.g. `command`, `args[0]`, `image`, `env[1].value`),
   * used for root-cause explanations.
   */
  paths: string[];
  /** Assumptions worth telling the user (e.g. "unknown image `acme/api`: assumed to run forever"). */
  notes: string[];
  /** The process ends by itself. Absent: runs until stopped. */
  /** `reason`: the line of `message` that says why it ended, when it is not the first (for explanations). */
  exit?: { afterSeconds: number; code: number; message?: string; reason?: string };
  /**
   * Optional: the script's course depends on comparisons with values the simulator does not know (`[ $n -lt 3 ]`
   * with `n` from a file it cannot read): the model follows an assumed branch, so nothing should be predicted from
   * how it ends. The comparisons, as written.
   */
  assumedConditions?: string[];
  listen: ListenSpec[];
  /**
   * HTTP answers while listening: per-path status codes, `defaultStatus` for other paths; for 3xx answers,
   * where they point (per path, or `defaultRedirect` for the default answer). A 3xx without one has no Location.
   */
  http: {
    routes: Record<string, number>;
    defaultStatus: number;
    redirects?: Record<string, HttpRedirect>;
    defaultRedirect?: HttpRedirect;
    /** Optional: a static file server; its answers come from the pod's files (docs/kubelet-behaviour.md), not `routes`. */
    files?: StaticFiles;
  };
  /** gRPC health service, if the process serves one. */
  grpc?: { port: number; serving: boolean };
  /** `nc -l` without -k: exits 0 after the first connection to this port. */
  exitOnFirstConnection?: number;
  files: FileOp[];
  /**
   * Optional: in-cluster names the process looked up and could not resolve, and why: no Service of that name
   * exists, or busybox's nslookup (1.29 and later) ignores the search domains, so a short name fails although
   * the Service exists (docs/image-behaviour.md, "Shell and tools").
   */
  failedLookups?: FailedLookup[];
  /** Optional: what the process writes to stdout and stderr, as far as the model knows (echo, printf, errors). */
  log?: LogWrite[];
  onStop: StopBehaviour;
  /** Resident memory once started, MiB. Compared with the memory limit (above it → OOMKilled). */
  memoryMi: number;
  /** Seconds after the start at which the memory use is reached (when an OOM kill would happen). */
  memoryAfterSeconds: number;
  /** Executables present in the image, for exec probes; 'any' when unknown (assume present). */
  tools: string[] | 'any';
  /** Whether the image has /bin/sh. */
  hasShell: boolean;
  /** Optional: later changes of `http.routes` (applied in order, each from its `at`). */
  httpTimeline?: HttpChange[];
  /** Optional: the image's userland, to pass on in ExecContext.flavour. */
  flavour?: ToolFlavour;
  /** Optional: the signal the runtime sends on stop (image STOPSIGNAL or lifecycle.stopSignal), when not SIGTERM. */
  stopSignal?: string;
}

/** Why creating or changing a file fails: no permission (errno 13, EACCES) or a read-only filesystem (30, EROFS). */
export type WriteDenial = 'EACCES' | 'EROFS';

/** strerror's text for each denial (glibc and musl agree on these two). */
export const DENIAL_TEXT: Record<WriteDenial, { errno: number; text: string }> = {
  EACCES: { errno: 13, text: 'Permission denied' },
  EROFS: { errno: 30, text: 'Read-only file system' },
};

/**
 * Who the process runs as and where it may not write (engine/podAccess.ts: securityContext, the image's user and
 * layout, the volumes), as far as the manifest and the catalogue make it certain.
 */
export interface ProcessAccess {
  /** The uid, when certain (runAsUser, or the image's USER from the catalogue). */
  uid?: number;
  readOnlyRoot: boolean;
  /** Why creating or changing the file at an absolute path fails; undefined when it works or is not known to fail. */
  denied(path: string): WriteDenial | undefined;
}

/** A file as the pod's filesystem knows it: missing, with known text, or present with unknown content. */
export type StartFile = { kind: 'missing' } | { kind: 'known'; content: string } | { kind: 'unknown' };

/** What an exec probe can see inside the pod at the moment it runs. */
export interface ExecContext {
  /** Resolved environment of the container. */
  env: Record<string, string>;
  tools: string[] | 'any';
  hasShell: boolean;
  fileExists(path: string): boolean;
  /** Content of a file, or undefined when it does not exist ('' when it exists with unknown content). */
  readFile(path: string): string | undefined;
  /** Whether some container of the pod listens on the port (containers share the network namespace). */
  isListening(port: number): boolean;
  /** HTTP status a GET to localhost:port/path returns, or 'refused'. */
  httpStatus(port: number, path: string): number | 'refused';
  /** Optional: the container's userland (ProcessModel.flavour); absent → GNU with dash as sh. */
  flavour?: ToolFlavour;
  /** Optional: gRPC health status on a port (for grpc_health_probe); absent → SERVING when listening. */
  grpcStatus?(port: number): 'SERVING' | 'NOT_SERVING' | 'refused';
}

export type ExecResult =
  /** The command ran: exit code, what it printed, and how long it took (compared with timeoutSeconds). */
  | { kind: 'exited'; exitCode: number; output: string; seconds: number }
  /** The command could not be started (e.g. no shell in the image): the kubelet logs "probe errored". */
  | { kind: 'error'; message: string };
