// TCP relays for tests: one that a test can cut and restore, to stand for a service going away
// (Redis) while the real one keeps running for the other tests; and a round-robin front over
// several API instances, as a load balancer is.
import { createConnection, createServer, type Socket } from 'node:net';

/** The open sockets of a relay, so that it can drop them all; an error closes a socket. */
function sockets() {
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  return { open, track };
}

/** Both ways, and either end closing closes the other. */
function relay(client: Socket, upstream: Socket) {
  client.pipe(upstream).pipe(client);
  client.on('close', () => upstream.destroy());
  upstream.on('close', () => client.destroy());
}

export interface TcpProxy {
  port: number;
  /** Drops every open connection and resets new ones until `restore`. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function tcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  let up = true;
  const { open, track } = sockets();
  const server = createServer((client) => {
    track(client);
    if (!up) return void client.destroy();
    const upstream = createConnection(targetPort, targetHost);
    track(upstream);
    relay(client, upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    cut() {
      up = false;
      for (const socket of open) socket.destroy();
    },
    restore() {
      up = true;
    },
    close() {
      up = false;
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export interface Balancer {
  port: number;
  /** Connections relayed to each target so far, in the order of `targetPorts`. */
  served(): number[];
  close(): Promise<void>;
}

/**
 * A load balancer's behaviour over TCP: each new connection goes to the next target in turn;
 * a target that refuses the connection (a stopped instance) is passed over for the next one.
 * A connection is pinned to its target: if that target dies, the connection drops.
 */
export async function roundRobin(targetPorts: number[], targetHost = '127.0.0.1'): Promise<Balancer> {
  const { open, track } = sockets();
  const served = targetPorts.map(() => 0);
  let next = 0;
  const server = createServer((client) => {
    track(client);
    // The client's first bytes stay buffered (no reader yet) until a target accepts. Each
    // connection tries every target once, from its turn on, whatever others do meanwhile.
    const first = next;
    next = (next + 1) % targetPorts.length;
    const attempt = (tried: number) => {
      if (tried === targetPorts.length || client.destroyed) return void client.destroy();
      const index = (first + tried) % targetPorts.length;
      const upstream = createConnection(targetPorts[index] as number, targetHost);
      const refused = () => attempt(tried + 1);
      upstream.once('error', refused);
      upstream.once('connect', () => {
        upstream.off('error', refused);
        served[index] = (served[index] ?? 0) + 1;
        track(upstream);
        relay(client, upstream);
        if (client.destroyed) upstream.destroy();
      });
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    served: () => [...served],
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
