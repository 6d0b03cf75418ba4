// What the image catalogue knows about one image (docs/image-behaviour.md), and the shape of a catalogue entry.
import { isOfficial, type ImageRef } from '../model/imageRef';
import type { Signal } from './signals';

export type Userland = 'busybox' | 'gnu' | 'none';

export interface ImageProfile {
  /** Catalogue key: `nginx`, `busybox`, `agnhost`, … */
  key: string;
  ref: ImageRef;
  /** How messages name it: `nginx:1.29`. */
  title: string;
  entrypoint: string[];
  cmd: string[];
  /** Image ENV (visible to the process and to `sh -c`, not to Kubernetes `$(VAR)` expansion). */
  env: Record<string, string>;
  workingDir: string;
  userland: Userland;
  /** busybox older than 1.31: no `sleep infinity`. */
  oldBusybox?: boolean;
  /** What `python` runs in this image. */
  python?: 2 | 3;
  hasShell: boolean;
  /** Executables present (for exec probes and commands). */
  tools: string[];
  /** The tool list is exhaustive (scratch / distroless): anything else cannot be started. */
  toolsComplete?: boolean;
  stopSignal?: Signal;
  /** Version-dependent details programs need (agnhost netexec stop handling, nginx port, …). */
  params: Record<string, string | number | boolean>;
  notes: string[];
  /** Optional: the image's USER, where the catalogue's sources say (world-semantics §6); absent: not known. */
  user?: ImageUser;
  /** Optional: the image's VOLUMEs: writable even on a read-only root filesystem (world-semantics §6). */
  volumes?: string[];
  /** Optional: directories the image gives to a user other than root (beyond the world-writable /tmp). */
  dirs?: ImageDir[];
}

/** An image's USER: what its config says (the kubelet reads only this) and what it resolves to in the image. */
export interface ImageUser {
  /** The config's `User` as written: '' when the Dockerfile sets none (root), `memcache`, `101`, `101:101`. */
  config: string;
  /** The uid it resolves to in the image, when known. */
  uid?: number;
  /** The primary gid, when known. */
  gid?: number;
}

/** The image's root, for images without USER. */
export const ROOT_USER: ImageUser = { config: '', uid: 0, gid: 0 };

/** A directory of the image owned by someone else than root, or with a mode other than 0755. */
export interface ImageDir {
  path: string;
  uid: number;
  gid: number;
  mode: number;
}

export type ProfileFields = Omit<
  ImageProfile,
  'ref' | 'title' | 'key' | 'params' | 'notes' | 'env' | 'workingDir' | 'entrypoint'
> &
  Partial<Pick<ImageProfile, 'params' | 'notes' | 'env' | 'workingDir' | 'entrypoint'>>;

/** One catalogue entry: which references it covers, and what it knows about them. */
export interface ImageEntry {
  key: string;
  match(ref: ImageRef): boolean;
  build(ref: ImageRef): ProfileFields;
}

/** An entry's matcher: the official Docker Hub image of that name, from Docker Hub or a mirror (model/imageRef.ts). */
export const official = (name: string) => (ref: ImageRef) => isOfficial(ref, name);

/** An entry's matcher: any of these repository paths, on any registry. */
export const pathIs =
  (...paths: string[]) =>
  (ref: ImageRef) =>
    paths.includes(ref.path);
