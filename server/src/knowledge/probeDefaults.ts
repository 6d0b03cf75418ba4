// Defaults for the probe snippets of one container, from what its image does (the simulator's behaviour model,
// `inferProcess`), so that a snippet accepted as offered yields a probe that passes (issue 13: the nginx container
// snippet plus the httpGet liveness snippet used to give `path: /healthz`, which nginx answers 404, and a predicted
// CrashLoopBackOff). Where the image is not known, the conventional defaults stay: the simulation cannot judge them
// either, so no prediction follows from them.
import { inferProcess, type ContainerLike, type ProcessModel } from '../../../simulator/src/index';
import type { PortRef } from './references';

export interface ProbeDefaults {
  /** The port tab stop's default: a declared port's name or number, else the port the image listens on. */
  port?: string | number;
  /** httpGet path defaults per probe kind (a path the server answers 2xx where the model knows one). */
  livenessPath: string;
  readinessPath: string;
  /** The exec probe's command, as YAML flow-list items. */
  exec: string[];
  /** Whether to offer the gRPC handler: not for an image known to serve no gRPC health service. */
  grpc: boolean;
  /** The gRPC port default. */
  grpcPort?: number;
}

const ok = (status: number | undefined): boolean => status !== undefined && status >= 200 && status < 400;

/** A path the model's HTTP server answers with success, `/` first; undefined when none is known. */
function healthyPath(p: ProcessModel): string | undefined {
  const { http } = p;
  if (http.files) return http.files.image.includes('/index.html') ? '/' : undefined;
  if (ok(http.routes['/'])) return '/';
  return Object.keys(http.routes).find((r) => ok(http.routes[r]));
}

function execCommand(p: ProcessModel, port: number | undefined, path: string | undefined): string[] {
  const tools = p.tools === 'any' ? undefined : new Set(p.tools);
  if (tools && port !== undefined && path !== undefined) {
    if (tools.has('curl')) return ['curl', '-fsS', '-o', '/dev/null', `http://localhost:${port}${path}`];
    if (tools.has('wget')) return ['wget', '-q', '-O', '/dev/null', `http://localhost:${port}${path}`];
  }
  // A static server's own index file: present for as long as the image's docroot is, the usual exec liveness
  // check of a file-serving container.
  const files = p.http.files;
  if (tools?.has('cat') && files?.image.includes('/index.html')) return ['cat', `${files.root}/index.html`];
  return ['cat', '/tmp/healthy'];
}

const CONVENTIONAL: ProbeDefaults = {
  livenessPath: '/healthz',
  readinessPath: '/ready',
  exec: ['cat', '/tmp/healthy'],
  grpc: true,
};

/** Probe snippet defaults for a container (its plain YAML value) with these declared ports. */
export function probeDefaults(container: unknown, ports: readonly PortRef[]): ProbeDefaults {
  const declared = ports.find((p) => p.name)?.name ?? ports[0]?.port;
  const image = (container as { image?: unknown } | null)?.image;
  if (typeof image !== 'string' || image === '') return { ...CONVENTIONAL, port: declared };
  const p = inferProcess({ container: container as ContainerLike });
  if (p.source === 'unknown') return { ...CONVENTIONAL, port: declared, grpcPort: ports[0]?.port };
  const listening = p.listen[0]?.port;
  const path = healthyPath(p);
  const declaredNumber = ports.find((r) => r.port === listening)?.port ?? ports[0]?.port;
  return {
    port: declared ?? listening,
    livenessPath: path ?? CONVENTIONAL.livenessPath,
    readinessPath: path ?? CONVENTIONAL.readinessPath,
    exec: execCommand(p, declaredNumber ?? listening, path),
    grpc: p.grpc !== undefined,
    grpcPort: p.grpc?.port ?? ports[0]?.port,
  };
}
