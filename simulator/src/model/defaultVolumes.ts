// API-server defaulting of volumes and PersistentVolumeClaims (SetDefaults_Volume, *VolumeSource,
// SetDefaults_PersistentVolumeClaim[Spec]); used by defaults.ts.
import type { Volume } from './volumes';
import type { PersistentVolumeClaim, PersistentVolumeClaimSpec } from './pvc';

/** 0644, the default file mode of secret, configMap, downwardAPI and projected volumes. */
export const DEFAULT_VOLUME_MODE = 0o644;

type Plain = Record<string, unknown>;

export function defaultPvcSpec(spec: PersistentVolumeClaimSpec | undefined): void {
  if (spec && !spec.volumeMode) spec.volumeMode = 'Filesystem';
}

export function defaultPvc(pvc: PersistentVolumeClaim): void {
  defaultPvcSpec(pvc.spec);
  pvc.status ??= {};
  if (!pvc.status.phase) pvc.status.phase = 'Pending';
}

export function defaultVolume(v: Volume): void {
  const sources = Object.keys(v).filter((k) => k !== 'name' && (v as Plain)[k] !== undefined);
  if (sources.length === 0) v.emptyDir = {};
  if (v.secret) v.secret.defaultMode ??= DEFAULT_VOLUME_MODE;
  if (v.configMap) v.configMap.defaultMode ??= DEFAULT_VOLUME_MODE;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= DEFAULT_VOLUME_MODE;
    for (const item of v.downwardAPI.items ?? [])
      if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
  }
  if (v.projected) {
    v.projected.defaultMode ??= DEFAULT_VOLUME_MODE;
    for (const s of v.projected.sources ?? []) {
      if (s.serviceAccountToken) s.serviceAccountToken.expirationSeconds ??= 3600;
      for (const item of s.downwardAPI?.items ?? [])
        if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
    }
  }
  if (v.hostPath) v.hostPath.type ??= '';
  if (v.iscsi && !v.iscsi.iscsiInterface) v.iscsi.iscsiInterface = 'default';
  if (v.rbd) {
    if (!v.rbd.pool) v.rbd.pool = 'rbd';
    if (!v.rbd.user) v.rbd.user = 'admin';
    if (!v.rbd.keyring) v.rbd.keyring = '/etc/ceph/keyring';
  }
  if (v.azureDisk) {
    v.azureDisk.cachingMode ??= 'ReadWrite';
    v.azureDisk.fsType ??= 'ext4';
    v.azureDisk.readOnly ??= false;
    v.azureDisk.kind ??= 'Shared';
  }
  if (v.scaleIO) {
    if (!v.scaleIO.storageMode) v.scaleIO.storageMode = 'ThinProvisioned';
    if (!v.scaleIO.fsType) v.scaleIO.fsType = 'xfs';
  }
  defaultPvcSpec(v.ephemeral?.volumeClaimTemplate?.spec);
}
