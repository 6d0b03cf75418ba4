// Pod volumes and the common volume sources.
import { VOLUME_DEFAULTS } from '../../../../simulator/src/index';
import { d, type DocTable, type FieldDoc } from '../doc';

const defaultMode = d(
  `Permission bits of the created files, as a number (YAML \`0644\` is octal = 420). Default 0${VOLUME_DEFAULTS.defaultMode.toString(8)}.`,
  'defaultMode: 0440',
);
const items = d(
  'Only these keys, each written to its own path. Default: every key, as a file named after it.',
  'items: [{ key: app.conf, path: conf/app.conf }]',
);
const optional = d(
  'When true, a missing object or key is ignored instead of blocking the pod. Default false.',
  'optional: true',
);
const legacy = (what: string, example: string): FieldDoc =>
  d(`${what} Deprecated in-tree driver: use the CSI driver.`, example);

export const VOLUME_TEXTS: DocTable = {
  Volume: {
    name: d('Name of the volume, used by volumeMounts. A DNS label, unique in the pod. Required.', 'name: data'),
    emptyDir: d(
      'An empty directory created when the pod starts on a node and deleted with the pod; shared by its containers.',
      'emptyDir: {}',
    ),
    configMap: d(
      'Files from the keys of a ConfigMap (updated in place when the ConfigMap changes, except subPath mounts).',
      'configMap: { name: app-config }',
    ),
    secret: d('Files from the keys of a Secret, on a tmpfs.', 'secret: { secretName: tls }'),
    hostPath: d(
      'A file or directory of the node. Ties the pod to the node and is a security risk; avoid in apps.',
      'hostPath: { path: /var/log, type: Directory }',
    ),
    persistentVolumeClaim: d(
      'Storage of an existing PersistentVolumeClaim in the same namespace.',
      'persistentVolumeClaim: { claimName: data }',
    ),
    projected: d(
      'Several sources (secrets, configMaps, downward API, service account token) merged into one directory.',
      'projected: { sources: [{ secret: { name: tls } }, { configMap: { name: ca } }] }',
    ),
    downwardAPI: d(
      'Files holding pod fields (labels, annotations, name …) and container resources.',
      'downwardAPI: { items: [{ path: labels, fieldRef: { fieldPath: metadata.labels } }] }',
    ),
    ephemeral: d(
      'A PVC created with the pod from a template and deleted with it (generic ephemeral volume).',
      'ephemeral: { volumeClaimTemplate: { spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } } } }',
    ),
    csi: d(
      'An inline volume from a CSI driver (e.g. the Secrets Store CSI driver).',
      'csi: { driver: secrets-store.csi.k8s.io, readOnly: true }',
    ),
    nfs: d('An NFS export mounted into the pod.', 'nfs: { server: nfs.example.com, path: /exports/data }'),
    image: d(
      'An OCI image (or artifact) mounted read-only as a volume (ImageVolume gate).',
      'image: { reference: example.com/models:v1, pullPolicy: IfNotPresent }',
    ),
    iscsi: d('An iSCSI disk.', 'iscsi: { targetPortal: 10.0.0.1:3260, iqn: iqn.2001-04.com.example:storage, lun: 0 }'),
    fc: d('A Fibre Channel disk.', 'fc: { targetWWNs: [500a0982991b8dc5], lun: 2 }'),
    gitRepo: d(
      'Deprecated: clones a Git repository; use an init container that clones into an emptyDir.',
      'gitRepo: { repository: https://example.com/repo.git }',
    ),
    flexVolume: d('Deprecated FlexVolume plugin; use a CSI driver.', 'flexVolume: { driver: example.com/lvm }'),
    awsElasticBlockStore: legacy('An AWS EBS volume.', 'awsElasticBlockStore: { volumeID: vol-0123 }'),
    azureDisk: legacy('An Azure data disk.', 'azureDisk: { diskName: d1, diskURI: uri }'),
    azureFile: legacy('An Azure file share.', 'azureFile: { secretName: s, shareName: share }'),
    cephfs: legacy('A CephFS mount.', 'cephfs: { monitors: [10.0.0.1:6789] }'),
    cinder: legacy('An OpenStack Cinder volume.', 'cinder: { volumeID: v1 }'),
    flocker: legacy('A Flocker dataset.', 'flocker: { datasetName: ds }'),
    gcePersistentDisk: legacy('A GCE persistent disk.', 'gcePersistentDisk: { pdName: disk-1 }'),
    glusterfs: legacy('A GlusterFS volume.', 'glusterfs: { endpoints: gluster, path: vol }'),
    photonPersistentDisk: legacy('A Photon controller disk.', 'photonPersistentDisk: { pdID: p1 }'),
    portworxVolume: legacy('A Portworx volume.', 'portworxVolume: { volumeID: v1 }'),
    quobyte: legacy('A Quobyte volume.', 'quobyte: { registry: r:7861, volume: v }'),
    rbd: legacy('A Ceph RBD image.', 'rbd: { monitors: [10.0.0.1:6789], image: img }'),
    scaleIO: legacy('A ScaleIO volume.', 'scaleIO: { gateway: https://gw, system: s, secretRef: { name: s } }'),
    storageos: legacy('A StorageOS volume.', 'storageos: { volumeName: v }'),
    vsphereVolume: legacy('A vSphere VMDK.', 'vsphereVolume: { volumePath: "[ds] vol.vmdk" }'),
  },
  EmptyDirVolumeSource: {
    medium: d(
      "Storage medium: empty (the node's disk, the default) or `Memory` (a tmpfs whose usage counts as container memory).",
      'medium: Memory',
    ),
    sizeLimit: d(
      "Maximum size; the pod is evicted when it uses more. Default: no limit (bounded by the node or, for Memory, by the pod's memory limit).",
      'sizeLimit: 500Mi',
    ),
  },
  ConfigMapVolumeSource: {
    name: d('Name of the ConfigMap.', 'name: app-config'),
    items,
    defaultMode,
    optional,
  },
  SecretVolumeSource: {
    secretName: d('Name of the Secret (note: `secretName`, not `name`).', 'secretName: tls'),
    items,
    defaultMode,
    optional,
  },
  KeyToPath: {
    key: d('Key of the ConfigMap or Secret. Required.', 'key: app.conf'),
    path: d('Relative file path for the key inside the volume (no `..`). Required.', 'path: conf/app.conf'),
    mode: d("Permission bits of this file. Default: the volume's defaultMode.", 'mode: 0400'),
  },
  HostPathVolumeSource: {
    path: d('Path on the node. Required.', 'path: /var/log'),
    type: d('What must exist at the path. Default empty: no check.', 'type: DirectoryOrCreate', {
      '': 'No check (the default).',
      DirectoryOrCreate: 'A directory, created (0755) if missing.',
      Directory: 'An existing directory.',
      FileOrCreate: 'A file, created (0644) if missing.',
      File: 'An existing file.',
      Socket: 'An existing UNIX socket.',
      CharDevice: 'An existing character device.',
      BlockDevice: 'An existing block device.',
    }),
  },
  PersistentVolumeClaimVolumeSource: {
    claimName: d("Name of the PVC in the pod's namespace. Required.", 'claimName: data'),
    readOnly: d('Mounts the volume read-only. Default false.', 'readOnly: true'),
  },
  ProjectedVolumeSource: {
    sources: d(
      'The sources merged into the volume.',
      'sources: [{ serviceAccountToken: { path: token, audience: vault } }]',
    ),
    defaultMode,
  },
  VolumeProjection: {
    secret: d('Keys of a Secret.', 'secret: { name: tls }'),
    configMap: d('Keys of a ConfigMap.', 'configMap: { name: ca-bundle }'),
    downwardAPI: d(
      'Pod fields and container resources as files.',
      'downwardAPI: { items: [{ path: name, fieldRef: { fieldPath: metadata.name } }] }',
    ),
    serviceAccountToken: d(
      "A short-lived token of the pod's ServiceAccount, rotated by the kubelet.",
      'serviceAccountToken: { path: token, expirationSeconds: 3600 }',
    ),
    clusterTrustBundle: d(
      'Certificates of ClusterTrustBundle objects, as one PEM file.',
      'clusterTrustBundle: { signerName: example.com/signer, path: ca.pem }',
    ),
  },
  ConfigMapProjection: { name: d('Name of the ConfigMap.', 'name: ca-bundle'), items, optional },
  SecretProjection: { name: d('Name of the Secret.', 'name: tls'), items, optional },
  DownwardAPIProjection: {
    items: d(
      'Files to create, each from a pod field or a container resource.',
      'items: [{ path: labels, fieldRef: { fieldPath: metadata.labels } }]',
    ),
  },
  ServiceAccountTokenProjection: {
    path: d('File name of the token in the volume. Required.', 'path: token'),
    audience: d('Intended audience of the token. Default: the API server.', 'audience: vault'),
    expirationSeconds: d(
      `Requested lifetime; the kubelet rotates the token before it expires. Default ${VOLUME_DEFAULTS.serviceAccountTokenExpirationSeconds}, minimum 600 (seconds).`,
      'expirationSeconds: 7200',
    ),
  },
  DownwardAPIVolumeSource: {
    items: d(
      'Files to create, each from a pod field or a container resource.',
      'items: [{ path: labels, fieldRef: { fieldPath: metadata.labels } }]',
    ),
    defaultMode,
  },
  DownwardAPIVolumeFile: {
    path: d('Relative file path in the volume. Required.', 'path: labels'),
    fieldRef: d(
      'Pod field to write: metadata.name, metadata.namespace, metadata.uid, metadata.labels, metadata.annotations.',
      'fieldRef: { fieldPath: metadata.annotations }',
    ),
    resourceFieldRef: d(
      'Container resource to write (containerName is required here).',
      'resourceFieldRef: { containerName: app, resource: limits.memory }',
    ),
    mode: d("Permission bits of this file. Default: the volume's defaultMode.", 'mode: 0444'),
  },
};
