// Pod volumes and every volume source of core/v1 Volume.
import { VOLUME_DEFAULTS } from './defaultValues';
import {
  type z,
  obj,
  str,
  strList,
  int32,
  opt,
  optNotNull,
  optStr,
  optBool,
  optInt32,
  optInt64,
  optList,
  optStrList,
  optStrMap,
  optEnum,
  quantity,
  type Type,
} from './primitives';
import { LabelSelectorSchema, LocalObjectReferenceSchema } from './meta';
import { ObjectFieldSelectorSchema, ResourceFieldSelectorSchema } from './container';
import { PersistentVolumeClaimTemplateSchema } from './pvc';

const inTree = { deprecated: 'in-tree volume plugin; use the CSI driver' } as const;

export const KeyToPathSchema = obj({
  key: str(),
  mode: optInt32(),
  path: str(),
});

export const DownwardAPIVolumeFileSchema = obj({
  fieldRef: opt(ObjectFieldSelectorSchema),
  mode: optInt32(),
  path: str(),
  resourceFieldRef: opt(ResourceFieldSelectorSchema),
});

export const AWSElasticBlockStoreVolumeSourceSchema = obj({
  fsType: optStr(),
  partition: optInt32(),
  readOnly: optBool(),
  volumeID: str(),
});
export const AzureDiskVolumeSourceSchema = obj({
  cachingMode: optEnum(['None', 'ReadOnly', 'ReadWrite']),
  diskName: str(),
  diskURI: str(),
  fsType: optStr(),
  kind: optEnum(['Shared', 'Dedicated', 'Managed']),
  readOnly: optBool(),
});
export const AzureFileVolumeSourceSchema = obj({ readOnly: optBool(), secretName: str(), shareName: str() });
export const CephFSVolumeSourceSchema = obj({
  monitors: strList(),
  path: optStr(),
  readOnly: optBool(),
  secretFile: optStr(),
  secretRef: opt(LocalObjectReferenceSchema),
  user: optStr(),
});
export const CinderVolumeSourceSchema = obj({
  fsType: optStr(),
  readOnly: optBool(),
  secretRef: opt(LocalObjectReferenceSchema),
  volumeID: str(),
});
export const ConfigMapVolumeSourceSchema = obj({
  defaultMode: optInt32({ default: VOLUME_DEFAULTS.defaultMode }),
  items: optList(KeyToPathSchema),
  name: optStr(),
  optional: optBool(),
});
export const CSIVolumeSourceSchema = obj({
  driver: str(),
  fsType: optStr(),
  nodePublishSecretRef: opt(LocalObjectReferenceSchema),
  readOnly: optBool(),
  volumeAttributes: optStrMap(),
});
export const DownwardAPIVolumeSourceSchema = obj({
  defaultMode: optInt32({ default: VOLUME_DEFAULTS.defaultMode }),
  items: optList(DownwardAPIVolumeFileSchema),
});
export const EmptyDirVolumeSourceSchema = obj({
  medium: optStr(),
  sizeLimit: optNotNull(quantity()),
});
export const EphemeralVolumeSourceSchema = obj({ volumeClaimTemplate: opt(PersistentVolumeClaimTemplateSchema) });
export const FCVolumeSourceSchema = obj({
  fsType: optStr(),
  lun: optInt32(),
  readOnly: optBool(),
  targetWWNs: optStrList(),
  wwids: optStrList(),
});
export const FlexVolumeSourceSchema = obj({
  driver: str(),
  fsType: optStr(),
  options: optStrMap(),
  readOnly: optBool(),
  secretRef: opt(LocalObjectReferenceSchema),
});
export const FlockerVolumeSourceSchema = obj({
  datasetName: optStr({ deprecated: 'use datasetUUID' }),
  datasetUUID: optStr(),
});
export const GCEPersistentDiskVolumeSourceSchema = obj({
  fsType: optStr(),
  partition: optInt32(),
  pdName: str(),
  readOnly: optBool(),
});
export const GitRepoVolumeSourceSchema = obj({ directory: optStr(), repository: str(), revision: optStr() });
export const GlusterfsVolumeSourceSchema = obj({ endpoints: str(), path: str(), readOnly: optBool() });
export const HostPathVolumeSourceSchema = obj({
  path: str(),
  type: optEnum(['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'], {
    default: VOLUME_DEFAULTS.hostPathType,
  }),
});
export const ImageVolumeSourceSchema = obj({
  pullPolicy: optEnum(['Always', 'Never', 'IfNotPresent']),
  reference: optStr(),
});
export const ISCSIVolumeSourceSchema = obj({
  chapAuthDiscovery: optBool(),
  chapAuthSession: optBool(),
  fsType: optStr(),
  initiatorName: optStr(),
  iqn: str(),
  iscsiInterface: optStr({ default: VOLUME_DEFAULTS.iscsiInterface }),
  lun: int32(),
  portals: optStrList(),
  readOnly: optBool(),
  secretRef: opt(LocalObjectReferenceSchema),
  targetPortal: str(),
});
export const NFSVolumeSourceSchema = obj({ path: str(), readOnly: optBool(), server: str() });
export const PersistentVolumeClaimVolumeSourceSchema = obj({ claimName: str(), readOnly: optBool() });
export const PhotonPersistentDiskVolumeSourceSchema = obj({ fsType: optStr(), pdID: str() });
export const PortworxVolumeSourceSchema = obj({ fsType: optStr(), readOnly: optBool(), volumeID: str() });

export const ClusterTrustBundleProjectionSchema = obj({
  labelSelector: opt(LabelSelectorSchema),
  name: optStr(),
  optional: optBool(),
  path: str(),
  signerName: optStr(),
});
export const ConfigMapProjectionSchema = obj({ items: optList(KeyToPathSchema), name: optStr(), optional: optBool() });
export const DownwardAPIProjectionSchema = obj({ items: optList(DownwardAPIVolumeFileSchema) });
export const SecretProjectionSchema = obj({ items: optList(KeyToPathSchema), name: optStr(), optional: optBool() });
export const ServiceAccountTokenProjectionSchema = obj({
  audience: optStr(),
  expirationSeconds: optInt64({ default: VOLUME_DEFAULTS.serviceAccountTokenExpirationSeconds, unit: 'seconds' }),
  path: str(),
});
export const VolumeProjectionSchema = obj({
  clusterTrustBundle: opt(ClusterTrustBundleProjectionSchema),
  configMap: opt(ConfigMapProjectionSchema),
  downwardAPI: opt(DownwardAPIProjectionSchema),
  secret: opt(SecretProjectionSchema),
  serviceAccountToken: opt(ServiceAccountTokenProjectionSchema),
});
const projectedVolumeSourceImpl = obj({
  defaultMode: optInt32({ default: VOLUME_DEFAULTS.defaultMode }),
  sources: optList(VolumeProjectionSchema),
});
/** The zod object type of ProjectedVolumeSourceSchema, named so that declaration files refer to it instead of repeating it. */
export interface ProjectedVolumeSourceSchemaType extends Type<typeof projectedVolumeSourceImpl> {}
export const ProjectedVolumeSourceSchema: ProjectedVolumeSourceSchemaType = projectedVolumeSourceImpl;

export const QuobyteVolumeSourceSchema = obj({
  group: optStr(),
  readOnly: optBool(),
  registry: str(),
  tenant: optStr(),
  user: optStr(),
  volume: str(),
});
export const RBDVolumeSourceSchema = obj({
  fsType: optStr(),
  image: str(),
  keyring: optStr(),
  monitors: strList(),
  pool: optStr(),
  readOnly: optBool(),
  secretRef: opt(LocalObjectReferenceSchema),
  user: optStr(),
});
export const ScaleIOVolumeSourceSchema = obj({
  fsType: optStr(),
  gateway: str(),
  protectionDomain: optStr(),
  readOnly: optBool(),
  secretRef: LocalObjectReferenceSchema,
  sslEnabled: optBool(),
  storageMode: optEnum(['ThickProvisioned', 'ThinProvisioned']),
  storagePool: optStr(),
  system: str(),
  volumeName: optStr(),
});
export const SecretVolumeSourceSchema = obj({
  defaultMode: optInt32({ default: VOLUME_DEFAULTS.defaultMode }),
  items: optList(KeyToPathSchema),
  optional: optBool(),
  secretName: optStr(),
});
export const StorageOSVolumeSourceSchema = obj({
  fsType: optStr(),
  readOnly: optBool(),
  secretRef: opt(LocalObjectReferenceSchema),
  volumeName: optStr(),
  volumeNamespace: optStr(),
});
export const VsphereVirtualDiskVolumeSourceSchema = obj({
  fsType: optStr(),
  storagePolicyID: optStr(),
  storagePolicyName: optStr(),
  volumePath: str(),
});

/** The volume sources a Volume may hold (exactly one of them; checked by validate.ts). */
export const volumeSources = {
  awsElasticBlockStore: opt(AWSElasticBlockStoreVolumeSourceSchema, inTree),
  azureDisk: opt(AzureDiskVolumeSourceSchema, inTree),
  azureFile: opt(AzureFileVolumeSourceSchema, inTree),
  cephfs: opt(CephFSVolumeSourceSchema, inTree),
  cinder: opt(CinderVolumeSourceSchema, inTree),
  configMap: opt(ConfigMapVolumeSourceSchema),
  csi: opt(CSIVolumeSourceSchema),
  downwardAPI: opt(DownwardAPIVolumeSourceSchema),
  emptyDir: opt(EmptyDirVolumeSourceSchema),
  ephemeral: opt(EphemeralVolumeSourceSchema),
  fc: opt(FCVolumeSourceSchema),
  flexVolume: opt(FlexVolumeSourceSchema, { deprecated: 'FlexVolume is deprecated; use a CSI driver' }),
  flocker: opt(FlockerVolumeSourceSchema, inTree),
  gcePersistentDisk: opt(GCEPersistentDiskVolumeSourceSchema, inTree),
  gitRepo: opt(GitRepoVolumeSourceSchema, {
    deprecated: 'clone the repository into an emptyDir from an init container',
  }),
  glusterfs: opt(GlusterfsVolumeSourceSchema, inTree),
  hostPath: opt(HostPathVolumeSourceSchema),
  image: opt(ImageVolumeSourceSchema),
  iscsi: opt(ISCSIVolumeSourceSchema),
  nfs: opt(NFSVolumeSourceSchema),
  persistentVolumeClaim: opt(PersistentVolumeClaimVolumeSourceSchema),
  photonPersistentDisk: opt(PhotonPersistentDiskVolumeSourceSchema, inTree),
  portworxVolume: opt(PortworxVolumeSourceSchema, inTree),
  projected: opt(ProjectedVolumeSourceSchema),
  quobyte: opt(QuobyteVolumeSourceSchema, inTree),
  rbd: opt(RBDVolumeSourceSchema, inTree),
  scaleIO: opt(ScaleIOVolumeSourceSchema, inTree),
  secret: opt(SecretVolumeSourceSchema),
  storageos: opt(StorageOSVolumeSourceSchema, inTree),
  vsphereVolume: opt(VsphereVirtualDiskVolumeSourceSchema, inTree),
};

export const VOLUME_SOURCE_KEYS = Object.keys(volumeSources) as (keyof typeof volumeSources)[];

const volumeImpl = obj({
  ...volumeSources,
  name: str(),
});
/** The zod object type of VolumeSchema, named so that declaration files refer to it instead of repeating it. */
export interface VolumeSchemaType extends Type<typeof volumeImpl> {}
export const VolumeSchema: VolumeSchemaType = volumeImpl;

export type KeyToPath = z.infer<typeof KeyToPathSchema>;
export type ConfigMapVolumeSource = z.infer<typeof ConfigMapVolumeSourceSchema>;
export type SecretVolumeSource = z.infer<typeof SecretVolumeSourceSchema>;
export type EmptyDirVolumeSource = z.infer<typeof EmptyDirVolumeSourceSchema>;
export type HostPathVolumeSource = z.infer<typeof HostPathVolumeSourceSchema>;
export type ProjectedVolumeSource = z.infer<typeof ProjectedVolumeSourceSchema>;
export type PersistentVolumeClaimVolumeSource = z.infer<typeof PersistentVolumeClaimVolumeSourceSchema>;
export type Volume = z.infer<typeof VolumeSchema>;
