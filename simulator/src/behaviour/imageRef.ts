// Parsing container image references the way the runtime reads them, so that catalogue matching copes with
// registry prefixes (docker.io/library/, gcr.io/…, mirrors), tags, digests and variants (-alpine, -slim).

export interface ImageRef {
  /** The reference as written (trimmed). */
  raw: string;
  /** Registry host, '' for Docker Hub. */
  registry: string;
  /** Repository path without the registry and without Docker Hub's `library/`, lower case: `nginx`, `e2e-test-images/agnhost`. */
  path: string;
  /** Last path component: `agnhost`. */
  name: string;
  /** Tag, `latest` when none was given (digest-only references keep `latest` too). */
  tag: string;
  tagGiven: boolean;
  digest?: string;
}

const DOCKER_HUB = new Set(['', 'docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'mirror.gcr.io']);

export function parseImageRef(image: string | undefined): ImageRef | undefined {
  if (typeof image !== 'string') return undefined;
  let s = image.trim().slice(0, 512);
  if (s === '') return undefined;
  const raw = s;
  let digest: string | undefined;
  const at = s.indexOf('@');
  if (at >= 0) {
    digest = s.slice(at + 1);
    s = s.slice(0, at);
  }
  let tag = 'latest';
  let tagGiven = false;
  const slash = s.lastIndexOf('/');
  const colon = s.lastIndexOf(':');
  if (colon > slash) {
    tag = s.slice(colon + 1) || 'latest';
    tagGiven = true;
    s = s.slice(0, colon);
  }
  const parts = s.split('/').filter((p) => p !== '');
  let registry = '';
  const first = parts[0];
  if (parts.length > 1 && first !== undefined && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first.toLowerCase();
    parts.shift();
  }
  let path = parts.join('/').toLowerCase();
  if (DOCKER_HUB.has(registry) && path.startsWith('library/')) path = path.slice('library/'.length);
  if (registry === 'public.ecr.aws' && path.startsWith('docker/library/')) path = path.slice('docker/library/'.length);
  const name = path.split('/').pop() ?? path;
  const ref: ImageRef = { raw, registry, path, name, tag: tag.toLowerCase(), tagGiven };
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** An official Docker Hub image (`nginx`, `docker.io/library/nginx`, `mirror.gcr.io/library/nginx`, ECR Public's mirror). */
export function isOfficial(ref: ImageRef, name: string): boolean {
  if (ref.path !== name) return false;
  return DOCKER_HUB.has(ref.registry) || ref.registry === 'public.ecr.aws';
}

const K8S_REGISTRIES = new Set(['registry.k8s.io', 'k8s.gcr.io', 'staging-k8s.gcr.io', 'gcr.io', 'us.gcr.io', 'eu.gcr.io', 'asia.gcr.io', 'gke.gcr.io', 'registry.gke.io']);

/** A Kubernetes project image such as `registry.k8s.io/pause`, `k8s.gcr.io/busybox`, `gcr.io/google_containers/pause-amd64`. */
export function isK8sImage(ref: ImageRef, name: string): boolean {
  if (!K8S_REGISTRIES.has(ref.registry)) return false;
  const p = ref.path;
  const bare = p.replace(/^(google_containers|google-containers|e2e-test-images|k8s-artifacts-prod)\//, '');
  return bare === name || bare === `${name}-amd64` || bare === `${name}-arm64`;
}

/** Numeric version prefix of a tag: `1.27.2-glibc` → [1, 27, 2]; undefined for `latest`, `stable`. */
export function tagVersion(tag: string): number[] | undefined {
  const m = /^v?(\d+(?:\.\d+)*)/.exec(tag);
  if (!m || m[1] === undefined) return undefined;
  return m[1].split('.').slice(0, 4).map((n) => Number(n));
}

/** Compare a tag's version with `min` (missing components count as 0). Undefined when the tag has no version. */
export function versionAtLeast(tag: string, min: number[]): boolean | undefined {
  const v = tagVersion(tag);
  if (v === undefined) return undefined;
  for (let i = 0; i < min.length; i++) {
    const a = v[i] ?? 0;
    const b = min[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/** Variant of an official image tag: alpine (busybox userland), slim (Debian without curl/wget), or the full image. */
export function tagVariant(tag: string): 'alpine' | 'slim' | 'full' {
  if (/(^|[-.])alpine/.test(tag)) return 'alpine';
  if (/(^|-)slim/.test(tag)) return 'slim';
  return 'full';
}
