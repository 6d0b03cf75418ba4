// Container image references, read the way Kubernetes reads them: the kubelet and the API server's
// defaulting parse them with docker/distribution's `reference.ParseNormalizedNamed` (github.com/
// distribution/reference: regexp.go for the grammar, normalize.go for Docker Hub's `docker.io/library/`).
// Everything PodLab derives from an image string comes from here: whether it is valid (InvalidImageName),
// its fully qualified form (image presence on a node), its repository (describe's Image ID), the
// imagePullPolicy default, and the lenient view the image catalogue matches on.
import { IMAGE_PULL_POLICY_DEFAULTS } from './defaultValues';
import { memoByString } from './memo';

// The grammar of distribution/reference regexp.go, as JavaScript regular expressions.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_AND_PORT = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const NAME = new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`);
const IDENTIFIER = /^[a-f0-9]{64}$/;
/** Hex length of the digests the kubelet can check (it links crypto/sha256 and crypto/sha512: pkg/util/parsers). */
const DIGEST_HEX: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };
/** reference.RepositoryNameTotalLengthMax */
const MAX_PATH = 255;
/** Longer strings are not read (no registry accepts them; it bounds the regular expressions' work). */
const MAX_REFERENCE = 4096;

export interface ImageReference {
  /** Registry, Docker Hub's being `docker.io`: `docker.io`, `registry.k8s.io`, `localhost:5000`. */
  domain: string;
  /** Repository path in the registry, Docker Hub's official images under `library/`: `library/nginx`. */
  path: string;
  /** The tag as written, if any (`latest` is not implied here). */
  tag?: string;
  /** The digest as written, if any: `sha256:…`. */
  digest?: string;
}

/**
 * normalize.go splitDockerDomain: the registry of a reference (as written, or undefined for Docker Hub's
 * familiar names), its canonical form, and the rest, with `library/` added for Docker Hub's official images.
 */
function splitDockerDomain(s: string): { written?: string; domain: string; rest: string } {
  const slash = s.indexOf('/');
  const first = slash >= 0 ? s.slice(0, slash) : undefined;
  const out: { written?: string; domain: string; rest: string } =
    first !== undefined && (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first)
      ? { written: first, domain: first === 'index.docker.io' ? 'docker.io' : first, rest: s.slice(slash + 1) }
      : { domain: 'docker.io', rest: s };
  if (out.domain === 'docker.io' && !out.rest.includes('/')) out.rest = `library/${out.rest}`;
  return out;
}

/** The parts of a reference without judging it: a digest after the first `@`, a tag after the last `:` of the path. */
function split(s: string): ImageReference & { written?: string } {
  const { written, domain, rest } = splitDockerDomain(s);
  const ref: ImageReference & { written?: string } = { domain, path: rest };
  if (written !== undefined) ref.written = written;
  const at = rest.indexOf('@');
  if (at >= 0) {
    ref.digest = rest.slice(at + 1);
    ref.path = rest.slice(0, at);
  }
  const colon = ref.path.lastIndexOf(':');
  if (colon > ref.path.lastIndexOf('/')) {
    ref.tag = ref.path.slice(colon + 1);
    ref.path = ref.path.slice(0, colon);
  }
  return ref;
}

/** go-digest Digest.Validate, for the algorithms the kubelet links; the error texts are go-digest's. */
function digestError(d: string): string | undefined {
  const i = d.indexOf(':');
  const hex = DIGEST_HEX[d.slice(0, i)];
  if (hex === undefined) return 'unsupported digest algorithm';
  if (d.length - i - 1 !== hex) return 'invalid checksum digest length';
  return /^[a-f0-9]+$/.test(d.slice(i + 1)) ? undefined : 'invalid checksum digest format';
}

/**
 * reference.ParseNormalizedNamed: the reference's parts, or the error the kubelet reports (its InspectFailed
 * event says `couldn't parse image reference "<image>": <error>`).
 */
export function parseImageReference(image: string): { ref: ImageReference } | { error: string } {
  return parsedReferences(image);
}
// The parsers below are pure, and a run asks them about the same image for every pod it makes (memo.ts).
const parsedReferences = memoByString(parseImageReferenceOnce);

function parseImageReferenceOnce(image: string): { ref: ImageReference } | { error: string } {
  if (image.length > MAX_REFERENCE) return { error: 'invalid reference format' };
  if (IDENTIFIER.test(image))
    return { error: `invalid repository name (${image}), cannot specify 64-byte hexadecimal strings` };
  const { domain, rest } = splitDockerDomain(image);
  const colon = rest.indexOf(':');
  const remote = colon >= 0 ? rest.slice(0, colon) : rest;
  if (remote.toLowerCase() !== remote)
    return { error: `invalid reference format: repository name (${remote}) must be lowercase` };
  // reference.Parse
  const s = `${domain}/${rest}`;
  const m = REFERENCE.exec(s);
  if (!m)
    return {
      error: REFERENCE.test(s.toLowerCase()) ? 'repository name must be lowercase' : 'invalid reference format',
    };
  const name = NAME.exec(m[1] ?? '');
  if ((name?.[2] ?? m[1] ?? '').length > MAX_PATH)
    return { error: `repository name must not be more than ${MAX_PATH} characters` };
  const ref: ImageReference = { domain: name?.[1] ?? '', path: name?.[2] ?? '' };
  if (m[2] !== undefined) ref.tag = m[2];
  if (m[3] !== undefined) {
    const error = digestError(m[3]);
    if (error !== undefined) return { error };
    ref.digest = m[3];
  }
  return { ref };
}

/** The repository's full name, `docker.io/library/nginx` for `nginx:1.25` (reference.Named.Name()). */
export function imageRepository(image: string): string {
  const ref = split(image.trim());
  return `${ref.domain}/${ref.path}`;
}

/**
 * The fully qualified form of an image, as the container runtime records it (reference.TagNameOnly):
 * `nginx` → `docker.io/library/nginx:latest`, `bitnami/redis:7` → `docker.io/bitnami/redis:7`; a digest
 * is kept and implies no `:latest`. A string that is not a valid reference is split the same way.
 */
export function normalizeImageRef(image: string): string {
  return normalizedRefs(image);
}
const normalizedRefs = memoByString(normalizeImageRefOnce);

function normalizeImageRefOnce(image: string): string {
  const ref = split(image.trim());
  const tag = ref.tag !== undefined ? `:${ref.tag}` : ref.digest === undefined ? ':latest' : '';
  return `${ref.domain}/${ref.path}${tag}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

/**
 * The pull policy the API server gives a container without one (pkg/apis/core/v1/defaults.go
 * SetDefaults_Container with pkg/util/parsers.ParseImageName): `Always` when the tag is `latest`, or when
 * there is neither tag nor digest; `IfNotPresent` otherwise, including for a reference that does not parse
 * (its tag reads as empty).
 */
export function defaultImagePullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  const parsed = parseImageReference(image ?? '');
  if (!('ref' in parsed)) return IMAGE_PULL_POLICY_DEFAULTS.other;
  const { tag, digest } = parsed.ref;
  return tag === 'latest' || (tag === undefined && digest === undefined)
    ? IMAGE_PULL_POLICY_DEFAULTS.latest
    : IMAGE_PULL_POLICY_DEFAULTS.other;
}

/** The catalogue's view of a reference: lenient (it reads what was written, valid or not) and lower case. */
export interface ImageRef {
  /** The reference as written (trimmed). */
  raw: string;
  /** Registry as written, lower case; '' when none was written (Docker Hub). */
  registry: string;
  /** Repository path without the registry and without Docker Hub's `library/`, lower case: `nginx`, `e2e-test-images/agnhost`. */
  path: string;
  /** Last path component: `agnhost`. */
  name: string;
  /** Tag in lower case, `latest` when none was given (digest-only references keep `latest` too). */
  tag: string;
  tagGiven: boolean;
  digest?: string;
}

/** Registries that serve Docker Hub's images under the same paths (mirror.gcr.io mirrors Docker Hub). */
const DOCKER_HUB = new Set([
  '',
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
  'mirror.gcr.io',
]);

export function parseImageRef(image: string | undefined): ImageRef | undefined {
  return typeof image === 'string' ? parsedRefs(image) : undefined;
}
const parsedRefs = memoByString(parseImageRefOnce);

function parseImageRefOnce(image: string): ImageRef | undefined {
  const raw = image.trim().slice(0, 512);
  if (raw === '') return undefined;
  const parts = split(raw);
  const registry = (parts.written ?? '').toLowerCase();
  let path = parts.path.toLowerCase();
  if (DOCKER_HUB.has(registry) && path.startsWith('library/')) path = path.slice('library/'.length);
  if (registry === 'public.ecr.aws' && path.startsWith('docker/library/')) path = path.slice('docker/library/'.length);
  path = path
    .split('/')
    .filter((p) => p !== '')
    .join('/');
  const ref: ImageRef = {
    raw,
    registry,
    path,
    name: path.split('/').pop() ?? path,
    tag: parts.tag?.toLowerCase() || 'latest',
    tagGiven: parts.tag !== undefined,
  };
  if (parts.digest !== undefined) ref.digest = parts.digest;
  return ref;
}

/** An official Docker Hub image (`nginx`, `docker.io/library/nginx`, `mirror.gcr.io/library/nginx`, ECR Public's mirror). */
export function isOfficial(ref: ImageRef, name: string): boolean {
  if (ref.path !== name) return false;
  return DOCKER_HUB.has(ref.registry) || ref.registry === 'public.ecr.aws';
}

const K8S_REGISTRIES = new Set([
  'registry.k8s.io',
  'k8s.gcr.io',
  'staging-k8s.gcr.io',
  'gcr.io',
  'us.gcr.io',
  'eu.gcr.io',
  'asia.gcr.io',
  'gke.gcr.io',
  'registry.gke.io',
]);

/** A Kubernetes project image such as `registry.k8s.io/pause`, `k8s.gcr.io/busybox`, `gcr.io/google_containers/pause-amd64`. */
export function isK8sImage(ref: ImageRef, name: string): boolean {
  if (!K8S_REGISTRIES.has(ref.registry)) return false;
  const p = ref.path;
  const bare = p.replace(/^(google_containers|google-containers|e2e-test-images|k8s-artifacts-prod)\//, '');
  return bare === name || bare === `${name}-amd64` || bare === `${name}-arm64`;
}

/** Numeric version prefix of a tag: `1.27.2-glibc` → [1, 27, 2]; undefined for `latest`, `stable`. */
function tagVersion(tag: string): number[] | undefined {
  const m = /^v?(\d+(?:\.\d+)*)/.exec(tag);
  if (!m || m[1] === undefined) return undefined;
  return m[1]
    .split('.')
    .slice(0, 4)
    .map((n) => Number(n));
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
