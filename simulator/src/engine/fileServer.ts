// Static file servers answering from the pod's filesystem (docs/kubelet-behaviour.md, static file servers): nginx's docroot, httpd's htdocs,
// busybox httpd's -h directory, python's http.server directory. A file a container wrote there (also through a
// shared emptyDir, from the moment it is written) answers 200, an absent one 404, and a directory its index file
// or, without one, what each server does: nginx 403 (autoindex off), httpd and python a listing (200), busybox
// httpd 404. A volume mounted over the docroot hides the image's own files (nginx's index.html).
import type { ContainerRuntime, PodRuntime } from './runtime';
import type { StaticFiles } from '../behaviour/types';
import { fileContent, volumeCovers } from './podFiles';

const INDEX: Record<StaticFiles['server'], string[]> = {
  // nginx.default.conf `index index.html index.htm`; httpd.conf `DirectoryIndex index.html`; busybox httpd.c
  // appends index.html; http.server's send_head tries index.html then index.htm.
  nginx: ['index.html', 'index.htm'],
  httpd: ['index.html'],
  busybox: ['index.html'],
  python: ['index.html', 'index.htm'],
};

const DIRECTORY_WITHOUT_INDEX: Record<StaticFiles['server'], number> = {
  nginx: 403,
  httpd: 200,
  busybox: 404,
  python: 200,
};

/** What a GET of `path` (no query) answers and, for an error, why; undefined when the configuration is not stock. */
export function staticAnswer(
  pod: PodRuntime,
  c: ContainerRuntime,
  files: StaticFiles,
  path: string,
  now: number,
): { status: number; why?: string } | undefined {
  const config = files.config;
  if (config !== undefined && (c.spec.volumeMounts ?? []).some((m) => under(m.mountPath, config))) return undefined;
  const rel = normalise(path);
  if (rel === undefined) return { status: 404 };
  const root = files.root.replace(/\/+$/, '');
  if (!rel.endsWith('/'))
    return present(pod, c, files, root, rel, now)
      ? { status: 200 }
      : { status: 404, why: `no file ${root}${rel} in the container` };
  const index = INDEX[files.server];
  for (const name of index) if (present(pod, c, files, root, rel + name, now)) return { status: 200 };
  if (!directoryExists(c, root, rel)) return { status: 404, why: `no directory ${root}${rel} in the container` };
  const status = DIRECTORY_WITHOUT_INDEX[files.server];
  return status === 200 ? { status } : { status, why: `no ${index.join(' or ')} in ${root}${rel}` };
}

/** Whether the file `root + rel` is there at `now`: written by a container, or one of the image's own files. */
function present(pod: PodRuntime, c: ContainerRuntime, files: StaticFiles, root: string, rel: string, now: number) {
  const abs = root + rel;
  if (fileContent(pod, c, abs, now).kind !== 'missing') return true;
  return files.image.includes(rel) && !volumeCovers(c, abs);
}

/** The docroot itself, and a directory a volume is mounted at, exist; other directories are not known to. */
function directoryExists(c: ContainerRuntime, root: string, rel: string): boolean {
  if (rel === '/') return true;
  const abs = (root + rel).replace(/\/+$/, '');
  return (c.spec.volumeMounts ?? []).some((m) => m.mountPath.replace(/\/+$/, '') === abs);
}

function under(p: string, dir: string): boolean {
  const a = p.replace(/\/+$/, '');
  return a === dir || a.startsWith(dir + '/') || dir.startsWith(a + '/');
}

/**
 * Probes ask for the same few paths every period, across every pod: the normalised form is remembered (a pure
 * function of the string; the cache is emptied when it grows past a bound).
 */
const normalised = new Map<string, string | undefined>();
const MAX_NORMALISED = 1024;

function normalise(path: string): string | undefined {
  if (normalised.has(path)) return normalised.get(path);
  if (normalised.size >= MAX_NORMALISED) normalised.clear();
  const out = normaliseNow(path);
  normalised.set(path, out);
  return out;
}

/** The request path percent-decoded with `.` and `..` resolved (a trailing slash kept); undefined when invalid. */
function normaliseNow(path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const out: string[] = [];
  const parts = decoded.split('/');
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  const dir = decoded.endsWith('/') || decoded.endsWith('/.') || decoded.endsWith('/..') || out.length === 0;
  return '/' + out.join('/') + (dir && out.length > 0 ? '/' : '');
}
