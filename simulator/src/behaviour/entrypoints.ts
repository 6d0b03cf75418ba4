// Official images' entrypoint scripts (docker-entrypoint.sh & co.): the argument rewrites of docs/image-behaviour.md "Entrypoint scripts"
// and the env checks that make databases exit 1 on an empty data directory.
import type { ProgCtx, Resolution } from './internal';
import { base, oneShot, unknownProgram } from './programKit';

const SERVER_OF: Record<string, string> = {
  postgres: 'postgres',
  mysql: 'mysqld',
  'mysql-server': 'mysqld',
  mariadb: 'mariadbd',
  mongo: 'mongod',
  memcached: 'memcached',
  rabbitmq: 'rabbitmq-server',
};

export function entrypoint(argv: string[], ctx: ProgCtx): Resolution {
  const key = ctx.image?.key ?? '';
  let args = argv.slice(1);
  const first = args[0] ?? '';
  const looksLikeCommand = (a: string) =>
    a !== '' &&
    !a.startsWith('-') &&
    (ctx.image === undefined ||
      ctx.image.tools.includes(base(a)) ||
      (a.includes('/') === false && KNOWN_COMMANDS.has(base(a))));
  switch (key) {
    case 'redis':
      if (first.startsWith('-') || first.endsWith('.conf')) args = ['redis-server', ...args];
      break;
    case 'node':
      if (first.startsWith('-') || (first !== '' && !looksLikeCommand(first))) args = ['node', ...args];
      break;
    case 'curl':
      if (first.startsWith('-') || (first !== '' && !looksLikeCommand(first))) args = ['curl', ...args];
      break;
    case 'bash':
      if (first.startsWith('-')) args = ['bash', ...args];
      break;
    default: {
      const srv = SERVER_OF[key];
      if (srv !== undefined && first.startsWith('-')) args = [srv, ...args];
      if (srv !== undefined && base(args[0] ?? '') === srv) {
        const problem = envProblem(key, ctx);
        if (problem !== undefined) {
          return {
            kind: 'run',
            run: oneShot(`${base(argv[0]!)} ${args.join(' ')}`.trim(), 0.2, 1, {
              message: problem.message,
              usedEnv: problem.used,
              notes: [problem.note],
            }),
          };
        }
        return {
          kind: 'exec',
          argv: args,
          fromScript: true,
          extraStartup: FIRST_INIT[key] ?? 0,
          usedEnv: ENV_CHECKED[key] ?? [],
        };
      }
    }
  }
  if (ctx.image === undefined && argv.length === 1) return { kind: 'run', run: unknownProgram(argv, ctx) };
  if (args.length === 0) return { kind: 'run', run: oneShot(`${base(argv[0]!)} (nothing to exec)`, 0, 0) };
  return { kind: 'exec', argv: args, fromScript: true };
}

/** First-start initialisation before the port opens (estimates: docs/image-behaviour.md, "Start-up and first initialisation"). */
const FIRST_INIT: Record<string, number> = { postgres: 5, mysql: 20, 'mysql-server': 20, mariadb: 10, mongo: 1 };
const ENV_CHECKED: Record<string, string[]> = {
  postgres: ['POSTGRES_PASSWORD', 'POSTGRES_PASSWORD_FILE', 'POSTGRES_HOST_AUTH_METHOD'],
  mysql: [
    'MYSQL_ROOT_PASSWORD',
    'MYSQL_ROOT_PASSWORD_FILE',
    'MYSQL_ALLOW_EMPTY_PASSWORD',
    'MYSQL_RANDOM_ROOT_PASSWORD',
  ],
  mariadb: [
    'MARIADB_ROOT_PASSWORD',
    'MARIADB_ROOT_PASSWORD_HASH',
    'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD',
    'MARIADB_RANDOM_ROOT_PASSWORD',
    'MYSQL_ROOT_PASSWORD',
    'MYSQL_ALLOW_EMPTY_PASSWORD',
    'MYSQL_RANDOM_ROOT_PASSWORD',
  ],
  mongo: ['MONGO_INITDB_ROOT_USERNAME', 'MONGO_INITDB_ROOT_PASSWORD'],
};

function envProblem(key: string, ctx: ProgCtx): { message: string; note: string; used: string[] } | undefined {
  const set = (n: string) => ctx.envSet(n) && ctx.env(n) !== '';
  const any = (names: string[]) => names.some((n) => set(n) || set(`${n}_FILE`));
  switch (key) {
    case 'postgres':
      if (any(['POSTGRES_PASSWORD']) || ctx.env('POSTGRES_HOST_AUTH_METHOD') === 'trust') return undefined;
      return {
        message:
          'Error: Database is uninitialized and superuser password is not specified.\n       You must specify POSTGRES_PASSWORD to a non-empty value for the\n       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
        note: 'postgres: neither POSTGRES_PASSWORD nor POSTGRES_HOST_AUTH_METHOD=trust is set: the entrypoint exits 1 on an empty data directory',
        used: [],
      };
    case 'mysql':
      if (ctx.env('MYSQL_USER') === 'root') {
        return {
          message:
            '[ERROR] [Entrypoint]: MYSQL_USER="root", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user',
          note: 'mysql: MYSQL_USER=root is refused by the entrypoint (exit 1)',
          used: ['MYSQL_USER'],
        };
      }
      if (any(['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'])) return undefined;
      return {
        message:
          '[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD',
        note: 'mysql: none of MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD, MYSQL_RANDOM_ROOT_PASSWORD is set: the entrypoint exits 1 on an empty data directory',
        used: [],
      };
    case 'mariadb':
      if (
        any([
          'MARIADB_ROOT_PASSWORD',
          'MARIADB_ROOT_PASSWORD_HASH',
          'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD',
          'MARIADB_RANDOM_ROOT_PASSWORD',
          'MYSQL_ROOT_PASSWORD',
          'MYSQL_ALLOW_EMPTY_PASSWORD',
          'MYSQL_RANDOM_ROOT_PASSWORD',
        ])
      )
        return undefined;
      return {
        message:
          '[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD',
        note: 'mariadb: no root password option is set: the entrypoint exits 1 on an empty data directory',
        used: [],
      };
    case 'mongo': {
      const u = set('MONGO_INITDB_ROOT_USERNAME') || set('MONGO_INITDB_ROOT_USERNAME_FILE');
      const p = set('MONGO_INITDB_ROOT_PASSWORD') || set('MONGO_INITDB_ROOT_PASSWORD_FILE');
      if (u === p) return undefined;
      return {
        message:
          "error: missing 'MONGO_INITDB_ROOT_USERNAME' or 'MONGO_INITDB_ROOT_PASSWORD'\n       both must be specified for a user to be created",
        note: 'mongo: only one of MONGO_INITDB_ROOT_USERNAME / MONGO_INITDB_ROOT_PASSWORD is set: the entrypoint exits 1',
        used: u ? ['MONGO_INITDB_ROOT_USERNAME'] : ['MONGO_INITDB_ROOT_PASSWORD'],
      };
    }
    case 'rabbitmq': {
      const bad = [
        'RABBITMQ_DEFAULT_PASS_FILE',
        'RABBITMQ_DEFAULT_USER_FILE',
        'RABBITMQ_VM_MEMORY_HIGH_WATERMARK',
        'RABBITMQ_SSL_CERTFILE',
        'RABBITMQ_SSL_KEYFILE',
        'RABBITMQ_SSL_CACERTFILE',
        'RABBITMQ_MANAGEMENT_SSL_CERTFILE',
      ].filter((n) => ctx.envSet(n));
      if (bad.length === 0) return undefined;
      return {
        message: `error: ${bad[0]} is set but deprecated\nerror: deprecated environment variables detected`,
        note: `rabbitmq: deprecated env ${bad.join(', ')}: the entrypoint exits 1`,
        used: bad,
      };
    }
  }
  return undefined;
}

/** Names of commands that exist in common images (for the rewrite rules "not a command → node/curl <args>"). */
const KNOWN_COMMANDS = new Set([
  'sh',
  'bash',
  'sleep',
  'cat',
  'echo',
  'ls',
  'env',
  'printenv',
  'tail',
  'node',
  'npm',
  'npx',
  'yarn',
  'curl',
  'wget',
  'python',
  'python3',
  'redis-server',
  'redis-cli',
  'true',
  'false',
  'date',
  'nc',
  'ping',
]);
