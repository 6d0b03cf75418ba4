// What a server prints and how it exits when the port it binds is already bound in the pod's network namespace
// (docs/kubelet-behaviour.md "One network namespace per pod", which names each program's source). Containers of a pod share one port
// space, so the second bind() gets EADDRINUSE (errno 98); glibc's text is `Address already in use`, musl's
// `Address in use`. Where the source gives only part of the output (a traceback whose line numbers depend on
// the version), only the verified lines are printed and a note says so.
import type { Binder, LogWrite } from './types';

export interface BindFailure {
  /** Seconds from the bind attempt to the exit. */
  afterSeconds: number;
  code: number;
  /** Log lines, `at` seconds after the bind attempt. */
  log: LogWrite[];
  /** The line that says what went wrong (for explanations). */
  message: string;
  notes: string[];
}

/** Wall-clock text of the moment `seconds` after the bind attempt, in the program's own format. */
export interface Clock {
  /** `2026/08/24 21:12:37` (nginx's and Go's log.Printf format). */
  slashed(seconds: number): string;
  /** `24 Aug 2026 21:12:37.123` (redis's log format). */
  redis(seconds: number): string;
}

/** nginx: 5 tries 500 ms apart (ngx_open_listening_sockets), then `still could not bind()`, exit 1 (nginx.c). */
const NGINX_TRIES = 5;

export function bindFailure(b: Binder, port: number, clock: Clock): BindFailure {
  const inUse = b.musl ? 'Address in use' : 'Address already in use';
  switch (b.program) {
    case 'nginx': {
      const log: LogWrite[] = [];
      const failed = `bind() to 0.0.0.0:${port} failed (98: ${inUse})`;
      for (let i = 0; i < NGINX_TRIES; i++) {
        const t = i * 0.5;
        // The error.log copy (timestamped) first, then the console copy while ngx_use_stderr is set (ngx_log.c);
        // notice level has no console copy.
        log.push({ at: t, text: `${clock.slashed(t)} [emerg] 1#1: ${failed}\nnginx: [emerg] ${failed}\n` });
        log.push({ at: t, text: `${clock.slashed(t)} [notice] 1#1: try again to bind() after 500ms\n` });
      }
      const end = NGINX_TRIES * 0.5;
      log.push({
        at: end,
        text: `${clock.slashed(end)} [emerg] 1#1: still could not bind()\nnginx: [emerg] still could not bind()\n`,
      });
      return {
        afterSeconds: end,
        code: 1,
        log,
        message: `nginx: [emerg] ${failed}`,
        notes: [
          `when the image's IPv6 listen is on (the entrypoint adds \`listen [::]:${port}\` when the node has IPv6), each try also prints the same two lines for [::]:${port}`,
        ],
      };
    }
    case 'python3':
    case 'python2': {
      const last = `${b.program === 'python3' ? 'OSError' : 'socket.error'}: [Errno 98] ${inUse}`;
      return {
        afterSeconds: 0,
        code: 1,
        log: [{ at: 0, text: `Traceback (most recent call last):\n${last}\n` }],
        message: last,
        notes: [
          'the traceback between its first and last line (through socketserver.server_bind) is not shown: its line numbers depend on the Python version',
        ],
      };
    }
    case 'node': {
      const first = `Error: listen EADDRINUSE: address already in use :::${port}`;
      return {
        afterSeconds: 0,
        code: 1,
        log: [{ at: 0, text: `${first}\n` }],
        message: first,
        notes: ["node's stack trace and error object after the first line are not shown (they depend on the program)"],
      };
    }
    case 'go': {
      const line = `${clock.slashed(0)} listen tcp :${port}: bind: address already in use`;
      return { afterSeconds: 0, code: 1, log: [{ at: 0, text: line + '\n' }], message: line, notes: [] };
    }
    case 'busybox-httpd': {
      const line = `httpd: bind: ${inUse}`;
      return { afterSeconds: 0, code: 1, log: [{ at: 0, text: line + '\n' }], message: line, notes: [] };
    }
    case 'redis': {
      const prefix = `1:M ${clock.redis(0)} # `;
      const text =
        `${prefix}Warning: Could not create server TCP listening socket *:${port}: bind: ${inUse}\n` +
        `${prefix}Failed listening on port ${port} (tcp), aborting.\n`;
      return {
        afterSeconds: 0,
        code: 1,
        log: [{ at: 0, text }],
        message: `Failed listening on port ${port} (tcp), aborting.`,
        notes: [],
      };
    }
  }
}
