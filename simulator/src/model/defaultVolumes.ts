// API-server defaulting of volumes and PersistentVolumeClaims (SetDefaults_Volume, *VolumeSource,
// SetDefaults_PersistentVolumeClaim[Spec]); used by defaults.ts.
import type { Volume } from './volumes';
import type { PersistentVolumeClaim, PersistentVolumeClaimSpec } from './pvc';
import { FIELD_REF_API_VERSION_DEFAULT, PVC_DEFAULTS, VOLUME_DEFAULTS } from './defaultValues';

const DEFAULT_VOLUME_MODE = VOLUME_DEFAULTS.defaultMode;

type Plain = Record<string, unknown>;

export function defaultPvcSpec(spec: PersistentVolumeClaimSpec | undefined): void {
  if (spec && !spec.volumeMode) spec.volumeMode = PVC_DEFAULTS.volumeMode;
}

export function defaultPvc(pvc: PersistentVolumeClaim): void {
  defaultPvcSpec(pvc.spec);
  pvc.status ??= {};
  if (!pvc.status.phase) pvc.status.phase = PVC_DEFAULTS.phase;
}

export function defaultVolume(v: Volume): void {
  const sources = Object.keys(v).filter((k) => k !== 'name' && (v as Plain)[k] !== undefined);
  if (sources.length === 0) v.emptyDir = {};
  if (v.secret) v.secret.defaultMode ??= DEFAULT_VOLUME_MODE;
  if (v.configMap) v.configMap.defaultMode ??= DEFAULT_VOLUME_MODE;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= DEFAULT_VOLUME_MODE;
    for (const item of v.downwardAPI.items ?? [])
      if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = FIELD_REF_API_VERSION_DEFAULT;
  }
  if (v.projected) {
    v.projected.defaultMode ??= DEFAULT_VOLUME_MODE;
    for (const s of v.projected.sources ?? []) {
      if (s.serviceAccountToken)
        s.serviceAccountToken.expirationSeconds ??= VOLUME_DEFAULTS.serviceAccountTokenExpirationSeconds;
      for (const item of s.downwardAPI?.items ?? [])
        if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = FIELD_REF_API_VERSION_DEFAULT;
    }
  }
  if (v.hostPath) v.hostPath.type ??= VOLUME_DEFAULTS.hostPathType;
  if (v.iscsi && !v.iscsi.iscsiInterface) v.iscsi.iscsiInterface = VOLUME_DEFAULTS.iscsiInterface;
  if (v.rbd) {
    if (!v.rbd.pool) v.rbd.pool = VOLUME_DEFAULTS.rbd.pool;
    if (!v.rbd.user) v.rbd.user = VOLUME_DEFAULTS.rbd.user;
    if (!v.rbd.keyring) v.rbd.keyring = VOLUME_DEFAULTS.rbd.keyring;
  }
  if (v.azureDisk) {
    v.azureDisk.cachingMode ??= VOLUME_DEFAULTS.azureDisk.cachingMode;
    v.azureDisk.fsType ??= VOLUME_DEFAULTS.azureDisk.fsType;
    v.azureDisk.readOnly ??= VOLUME_DEFAULTS.azureDisk.readOnly;
    v.azureDisk.kind ??= VOLUME_DEFAULTS.azureDisk.kind;
  }
  if (v.scaleIO) {
    if (!v.scaleIO.storageMode) v.scaleIO.storageMode = VOLUME_DEFAULTS.scaleIO.storageMode;
    if (!v.scaleIO.fsType) v.scaleIO.fsType = VOLUME_DEFAULTS.scaleIO.fsType;
  }
  defaultPvcSpec(v.ephemeral?.volumeClaimTemplate?.spec);
}
