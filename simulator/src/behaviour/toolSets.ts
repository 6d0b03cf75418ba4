// Tool sets of the common base images (busybox applets, Debian, Ubuntu, buildpack-deps), from which the catalogue
// entries build the tool list an exec probe can count on.
import type { ImageProfile } from './imageProfile';
import type { ImageRef } from '../model/imageRef';
import { tagVariant } from '../model/imageRef';

const CORE = [
  'cat',
  'ls',
  'test',
  '[',
  'echo',
  'printf',
  'sleep',
  'touch',
  'rm',
  'mkdir',
  'rmdir',
  'cp',
  'mv',
  'ln',
  'head',
  'tail',
  'wc',
  'sort',
  'uniq',
  'cut',
  'tr',
  'tee',
  'date',
  'env',
  'printenv',
  'true',
  'false',
  'id',
  'whoami',
  'uname',
  'basename',
  'dirname',
  'readlink',
  'realpath',
  'chmod',
  'chown',
  'stat',
  'seq',
  'timeout',
  'nohup',
  'yes',
  'expr',
  'md5sum',
  'sha256sum',
  'base64',
  'dd',
  'df',
  'du',
  'sync',
  'mktemp',
  'tac',
  'od',
  'find',
  'xargs',
  'grep',
  'egrep',
  'fgrep',
  'sed',
  'awk',
  'tar',
  'gzip',
  'gunzip',
  'zcat',
  'hostname',
  'mount',
  'umount',
  'kill',
  'nproc',
  'rev',
];
/** Applets of busybox's defconfig (docker.io busybox image): shell, coreutils, networking. */
export const BUSYBOX = [
  ...CORE,
  'sh',
  'ash',
  'busybox',
  'ps',
  'top',
  'killall',
  'pidof',
  'pgrep',
  'pkill',
  'free',
  'uptime',
  'watch',
  'wget',
  'nc',
  'nslookup',
  'ping',
  'ping6',
  'telnet',
  'httpd',
  'ip',
  'ifconfig',
  'netstat',
  'route',
  'traceroute',
  'vi',
  'usleep',
  'which',
  'less',
  'more',
  'diff',
  'hexdump',
  'xxd',
  'sysctl',
  'logger',
  'su',
  'arping',
];
export const BUSYBOX_ALPINE = [...BUSYBOX.filter((t) => t !== 'httpd' && t !== 'telnet'), 'apk', 'ssl_client'];
/** Debian/Ubuntu base: dash as sh, bash, coreutils, findutils, grep, sed, mawk, util-linux; no procps, curl, wget, nc, ping. */
export const DEBIAN = [...CORE, 'sh', 'dash', 'bash', 'perl', 'su', 'login'];
export const UBUNTU = [...DEBIAN, 'ps', 'top', 'pgrep', 'pkill', 'free', 'uptime', 'watch'];
/** buildpack-deps (python/node/perl full tags). */
export const BUILDPACK = [...DEBIAN, 'ps', 'curl', 'wget', 'git', 'gcc', 'make', 'openssl', 'ssh'];

export function withTools(base: string[], extra: string[]): string[] {
  return [...new Set([...base, ...extra])];
}

/** Official image with Debian default, alpine and slim variants. */
export function debianLike(
  ref: ImageRef,
  extra: string[],
  opts: { full?: string[]; alpineExtra?: string[] } = {},
): Pick<ImageProfile, 'userland' | 'hasShell' | 'tools'> {
  const v = tagVariant(ref.tag);
  if (v === 'alpine')
    return {
      userland: 'busybox',
      hasShell: true,
      tools: withTools(BUSYBOX_ALPINE, [...extra, ...(opts.alpineExtra ?? [])]),
    };
  if (v === 'slim' || opts.full === undefined)
    return { userland: 'gnu', hasShell: true, tools: withTools(DEBIAN, extra) };
  return { userland: 'gnu', hasShell: true, tools: withTools(opts.full, extra) };
}
