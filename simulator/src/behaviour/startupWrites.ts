// Servers that must write at startup, and what they print when securityContext forbids it (world-semantics §6
// "Facts: readOnlyRootFilesystem" and "Facts: nginx as a non-root user"). Only the catalogue's stock layouts are
// judged: a server started with a configuration of its own (`nginx -c`, a mounted httpd.conf the model cannot
// read) may write elsewhere, so it is left to the usual assumption. Where the process's access is not known
// (ctx.access absent: an image outside the catalogue) nothing is denied (engine/podAccess.ts).
import type { ProgCtx } from './internal';
import type { WriteDenial } from './types';
import { DENIAL_TEXT } from './types';
import { versionAtLeast } from '../model/imageRef';

/** What a server prints before it exits 1 because a startup write failed. */
export interface StartupFailure {
  /** The program's own lines, in order. */
  message: string;
  /** The line that says what failed. */
  reason: string;
  notes: string[];
}

const errnoText = (d: WriteDenial) => `${DENIAL_TEXT[d].errno}: ${DENIAL_TEXT[d].text}`;

/**
 * The pid file of the official nginx image: `/var/run/nginx.pid` until 1.27.4, `/run/nginx.pid` from 1.27.5
 * (nginx/pkg-oss#26; nginx/docker-nginx-unprivileged#303 "changed pid file path from NGINX 1.27.5"). A tag naming
 * only major.minor (`1.27`) follows that line's newest patch; a tag without a version (`latest`, `alpine`) the
 * newest release.
 */
function nginxPidPath(tag: string): string {
  const parts = /^v?(\d+(?:\.\d+)*)/.exec(tag)?.[1]?.split('.').length ?? 0;
  const newer = parts === 0 ? true : parts <= 2 ? versionAtLeast(tag, [1, 27]) : versionAtLeast(tag, [1, 27, 5]);
  return newer === false ? '/var/run/nginx.pid' : '/run/nginx.pid';
}

/**
 * Whether writing `path` is refused. In the catalogue's Debian and Alpine bases `/var/run` is a symlink to `/run`,
 * and the runtime resolves a mount path's symlinks inside the root filesystem, so an emptyDir mounted at either
 * name covers both.
 */
function refused(ctx: ProgCtx, path: string): WriteDenial | undefined {
  const access = ctx.access;
  if (access === undefined) return undefined;
  const d = access.denied(path);
  if (d === undefined) return undefined;
  const alias = path.startsWith('/var/run/')
    ? path.slice('/var'.length)
    : path.startsWith('/run/')
      ? `/var${path}`
      : undefined;
  return alias !== undefined && access.denied(alias) === undefined ? undefined : d;
}

/**
 * nginx with the image's stock nginx.conf: as a non-root user the `user` directive is ignored with a warning (the
 * unprivileged image deletes it); then ngx_create_paths makes the temp directories (`client_temp` first) and
 * main() creates the pid file, each failing with the syscall's errno (nginx src/core/ngx_file.c, ngx_cycle.c).
 */
export function nginxStartupFailure(ctx: ProgCtx): StartupFailure | undefined {
  const image = ctx.image;
  const tempDir = image?.params['nginxTempDir'];
  if (image === undefined || typeof tempDir !== 'string' || ctx.access === undefined) return undefined;
  const lines: string[] = [];
  const uid = ctx.access.uid;
  if (image.params['nginxUserDirective'] === true && uid !== undefined && uid !== 0) {
    lines.push(
      'nginx: [warn] the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:2',
    );
  }
  const temp = `${tempDir}/client_temp`;
  const pidParam = image.params['nginxPid'];
  const pid = typeof pidParam === 'string' ? pidParam : nginxPidPath(image.ref.tag);
  const pidDir = pid.slice(0, pid.lastIndexOf('/'));
  const tempDenied = refused(ctx, temp);
  const pidDenied = refused(ctx, pid);
  // The first failure ends nginx; the note names every directory it needs, so that one fix is enough.
  const dirs = [...(tempDenied ? [tempDir] : []), ...(pidDenied ? [pidDir] : [])];
  const reason =
    tempDenied !== undefined
      ? `nginx: [emerg] mkdir() "${temp}" failed (${errnoText(tempDenied)})`
      : pidDenied !== undefined
        ? `nginx: [emerg] open() "${pid}" failed (${errnoText(pidDenied)})`
        : undefined;
  if (reason === undefined) return undefined;
  return { message: [...lines, reason].join('\n'), reason, notes: [fixNote(dirs)] };
}

/**
 * httpd-foreground with the image's stock httpd.conf: ap_log_pid creates `logs/httpd.pid` under the ServerRoot
 * /usr/local/apache2 through a temporary file, and httpd exits 1 when it cannot (httpd server/log.c).
 */
export function httpdStartupFailure(ctx: ProgCtx): StartupFailure | undefined {
  if (ctx.image?.key !== 'httpd') return undefined;
  const pid = '/usr/local/apache2/logs/httpd.pid';
  const d = refused(ctx, `${pid}.tmp`);
  // Only a read-only root is certain (world-semantics §6). Who owns /usr/local/apache2/logs in the image, and so
  // whether a non-root uid may write there, the references do not say: left to the usual assumption.
  if (d !== 'EROFS') return undefined;
  const reason = `[core:error] [pid 1:tid 1] (${DENIAL_TEXT[d].errno})${DENIAL_TEXT[d].text}: AH00099: could not create ${pid}.XXXXXX`;
  return {
    message: [reason, `[core:error] [pid 1:tid 1] AH00100: httpd: could not log pid to file ${pid}`].join('\n'),
    reason,
    notes: [
      'httpd starts each log line with its timestamp, and the temporary pid file has a random six-character suffix (shown as XXXXXX)',
      fixNote(['/usr/local/apache2/logs']),
    ],
  };
}

const fixNote = (dirs: string[]) =>
  `the server must write under ${dirs.join(' and ')} at startup: mount ${dirs.length > 1 ? 'an emptyDir at each' : 'an emptyDir there'} (an emptyDir is writable, mode 0777)`;
