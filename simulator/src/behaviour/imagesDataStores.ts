// Image catalogue entries (see imageEntries.ts): databases, caches and queues (redis, postgres, mysql, mariadb,
// mongo, memcached, rabbitmq).
import { official, pathIs, ROOT_USER, type ImageEntry } from './imageProfile';
import { versionAtLeast } from '../model/imageRef';
import { DEBIAN, UBUNTU, debianLike, withTools } from './toolSets';

/** Databases, caches and queues. */
export const DATA_STORES: ImageEntry[] = [
  {
    key: 'redis',
    match: (ref) => official('redis')(ref) || pathIs('redis/redis-stack-server')(ref),
    build: (ref) => ({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['redis-server'],
      workingDir: '/data',
      ...debianLike(ref, ['redis-server', 'redis-cli', 'gosu']),
      // No USER: the entrypoint starts as root and re-execs as redis (world-semantics §6; image-catalog §2.10).
      user: ROOT_USER,
      volumes: ['/data'],
    }),
  },
  {
    key: 'postgres',
    match: official('postgres'),
    build: (ref) => ({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['postgres'],
      stopSignal: 'SIGINT',
      ...debianLike(ref, ['postgres', 'psql', 'pg_isready', 'pg_dump', 'initdb', 'gosu']),
    }),
  },
  {
    key: 'mysql',
    match: (ref) => official('mysql')(ref) || official('percona')(ref),
    build: (ref) => ({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['mysqld'],
      userland: 'gnu',
      hasShell: true,
      tools: withTools(
        DEBIAN.filter((t) => t !== 'dash'),
        ['mysqld', 'mysql', 'mysqladmin', 'mysqlsh', 'mysqldump', 'gosu'],
      ),
      params: { memoryMi: versionAtLeast(ref.tag, [8]) === false ? 200 : 400 },
    }),
  },
  {
    key: 'mysql-server',
    match: pathIs('mysql/mysql-server'),
    build: () => ({
      entrypoint: ['/entrypoint.sh'],
      cmd: ['mysqld'],
      userland: 'gnu',
      hasShell: true,
      tools: withTools(
        DEBIAN.filter((t) => t !== 'dash'),
        ['mysqld', 'mysql', 'mysqladmin', 'mysqlsh'],
      ),
    }),
  },
  {
    key: 'mariadb',
    match: official('mariadb'),
    build: () => ({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['mariadbd'],
      userland: 'gnu',
      hasShell: true,
      tools: withTools(UBUNTU, [
        'mariadbd',
        'mariadb',
        'mariadb-admin',
        'mysql',
        'mysqladmin',
        'healthcheck.sh',
        'gosu',
      ]),
    }),
  },
  {
    key: 'mongo',
    match: official('mongo'),
    build: (ref) => ({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['mongod'],
      userland: 'gnu',
      hasShell: true,
      tools: withTools(UBUNTU, [
        'mongod',
        'mongosh',
        ...(versionAtLeast(ref.tag, [6]) === true ? [] : ['mongo']),
        'gosu',
      ]),
    }),
  },
  {
    key: 'memcached',
    match: official('memcached'),
    build: (ref) => ({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['memcached'],
      ...debianLike(ref, ['memcached']),
      // `USER memcache`, uid/gid 11211 (image-catalog §2.15; the kubelet sees only the name, world-semantics §6).
      user: { config: 'memcache', uid: 11211, gid: 11211 },
    }),
  },
  {
    key: 'rabbitmq',
    match: official('rabbitmq'),
    build: (ref) => ({
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['rabbitmq-server'],
      ...debianLike(ref, ['rabbitmq-server', 'rabbitmqctl', 'rabbitmq-diagnostics', 'rabbitmq-plugins'], {
        full: UBUNTU,
      }),
      params: { management: ref.tag.includes('management') },
    }),
  },
];
