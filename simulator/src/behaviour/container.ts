// Reading a container spec for the behaviour model: the container's shape as the model sees it, its command
// strings and the command line it runs (plan), declared TCP ports, the memory assumed for an unknown program, and the image's tool flavour.
import type { ToolFlavour } from './types';
import type { ImageProfile } from './catalog';
import { quantityValue } from '../model/quantity';
import { expandKube } from './expand';
import { shellOf } from './exec';

export interface ContainerLike {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  workingDir?: string;
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  ports?: { containerPort: number; name?: string; protocol?: string }[];
  resources?: { limits?: Record<string, string | number>; requests?: Record<string, string | number> };
  stdin?: boolean;
  tty?: boolean;
  lifecycle?: unknown;
}

export function strings(a: unknown, max = 1000): string[] | undefined {
  if (!Array.isArray(a) || a.length === 0) return undefined;
  return a
    .slice(0, max)
    .map((x) => (typeof x === 'string' ? x : x === null || x === undefined ? '' : String(x)).slice(0, 200_000));
}

export function flavourOf(p: ImageProfile | undefined): ToolFlavour {
  if (p === undefined) return { userland: 'gnu', sh: 'dash' };
  const f: ToolFlavour = {
    userland: p.userland,
    sh: shellOf(p.userland === 'busybox' ? { userland: 'busybox' } : undefined, p.tools),
  };
  if (p.oldBusybox) f.oldBusybox = true;
  return f;
}

export function declaredPorts(c: ContainerLike): { port: number; name?: string }[] {
  const out: { port: number; name?: string }[] = [];
  for (const p of Array.isArray(c.ports) ? c.ports.slice(0, 200) : []) {
    const n = Number(p?.containerPort);
    if (!Number.isInteger(n) || n < 1 || n > 65535) continue;
    if (p.protocol !== undefined && String(p.protocol).toUpperCase() !== 'TCP') continue;
    if (out.some((x) => x.port === n)) continue;
    out.push(typeof p.name === 'string' ? { port: n, name: p.name } : { port: n });
  }
  // Prefer a port named like gRPC first, so that the gRPC health assumption sits on it.
  return out.sort((a, b) => Number(/grpc/i.test(b.name ?? '')) - Number(/grpc/i.test(a.name ?? '')));
}

const mebibytes = (bytes: number | undefined): number | undefined =>
  bytes === undefined ? undefined : bytes / 1024 ** 2;

/** Memory an unknown program is assumed to use: its request, else half its limit, else 64 Mi; kept under the limit. */
export function unknownMemory(c: ContainerLike): { mi: number; note: string } {
  const req = mebibytes(quantityValue(c.resources?.requests?.['memory']));
  const lim = mebibytes(quantityValue(c.resources?.limits?.['memory']));
  let mi = req ?? (lim !== undefined ? lim / 2 : 64);
  let why =
    req !== undefined ? 'its memory request' : lim !== undefined ? 'half its memory limit' : 'a default of 64Mi';
  if (lim !== undefined && mi > lim * 0.9) {
    mi = lim * 0.9;
    why = '90% of its memory limit';
  }
  return { mi: Math.max(1, Math.round(mi * 10) / 10), note: why };
}

/** The command line the container runs (command/args over the image ENTRYPOINT/CMD) and where each part came from. */
interface Plan {
  argv: string[];
  /** Container-relative path that supplied each argv element. */
  origin: string[];
  fromCommand: boolean;
  fromArgs: boolean;
  fromImage: boolean;
  notes: string[];
}

export function plan(
  c: ContainerLike,
  image: ImageProfile | undefined,
  lookup: (n: string) => string | undefined,
  onRef: (n: string, found: boolean) => void,
): Plan {
  const command = strings(c.command);
  const args = strings(c.args);
  const exp = (s: string) => expandKube(s, lookup, onRef);
  const notes: string[] = [];
  const cmdPart = (command ?? []).map(exp);
  const argPart = (args ?? []).map(exp);
  const cmdOrigin = cmdPart.map((_, i) => `command[${i}]`);
  const argOrigin = argPart.map((_, i) => `args[${i}]`);
  if (command)
    return {
      argv: [...cmdPart, ...argPart],
      origin: [...cmdOrigin, ...argOrigin],
      fromCommand: true,
      fromArgs: args !== undefined,
      fromImage: false,
      notes,
    };
  if (image) {
    const tail = args ? argPart : image.cmd;
    const tailOrigin = args ? argOrigin : image.cmd.map(() => 'image');
    return {
      argv: [...image.entrypoint, ...tail],
      origin: [...image.entrypoint.map(() => 'image'), ...tailOrigin],
      fromCommand: false,
      fromArgs: args !== undefined,
      fromImage: true,
      notes,
    };
  }
  if (args) {
    const first = argPart[0] ?? '';
    if (
      !first.startsWith('-') &&
      (first.includes('/') || /^(sh|bash|ash|zsh|sleep|python3?|node|java|nginx|redis-server)$/.test(first))
    ) {
      notes.push(
        `the ENTRYPOINT of \`${c.image ?? '(no image)'}\` is not known: \`args\` is assumed to be the whole command`,
      );
      return { argv: argPart, origin: argOrigin, fromCommand: false, fromArgs: true, fromImage: false, notes };
    }
    return {
      argv: ['<image entrypoint>', ...argPart],
      origin: ['image', ...argOrigin],
      fromCommand: false,
      fromArgs: true,
      fromImage: true,
      notes,
    };
  }
  return { argv: [], origin: [], fromCommand: false, fromArgs: false, fromImage: true, notes };
}
