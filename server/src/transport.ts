// The server's connection. Over a stream (--stdio: Neovim, Helix, the benchmarks) it writes a publish that the
// diagnostics worker has already serialized as it is: the params of a large file's publish are 1 MB of JSON at
// 1,000 documents, and serializing them again would cost the event loop that answers the requests. Over
// Node IPC (VS Code's transport), messages are objects: the publish is parsed back (diagnosticsHost.ts).
import { format } from 'node:util';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type ConnectionOptions,
  type Message,
} from 'vscode-languageserver/node';

/**
 * A notification already serialized whole (UTF-8 JSON of the message), sent as the params of a notification of
 * the same method: the stream writer below writes its bytes as they are.
 */
export class Serialized {
  constructor(readonly message: Uint8Array) {}
}

/** application/json as vscode-jsonrpc's own encoder writes it (UTF-8), and a Serialized message as it is. */
const encoder = {
  name: 'application/json',
  encode(msg: Message): Promise<Uint8Array> {
    try {
      const { params } = msg as { params?: unknown };
      return Promise.resolve(params instanceof Serialized ? params.message : Buffer.from(JSON.stringify(msg), 'utf8'));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  },
};

/**
 * The connection the command line asks for. `serialized`: whether it writes SerializedParams (the stream
 * transports); vscode-languageserver's own transports otherwise (--node-ipc, --socket, --pipe).
 */
export function serverConnection(options: ConnectionOptions): { connection: Connection; serialized: boolean } {
  if (!process.argv.includes('--stdio'))
    return { connection: createConnection(ProposedFeatures.all, options), serialized: false };
  const connection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(process.stdin),
    new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: encoder }),
    options,
  );
  // What vscode-languageserver does for --stdio and a reader of its own does not: exit when the client's end of
  // stdin closes, and keep console output off stdout, which carries the protocol.
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const exit = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', exit).on('close', exit);
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  return { connection, serialized: true };
}
