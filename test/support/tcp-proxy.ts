import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a shared server (PostgreSQL, Redis), so one test can take
 * "its" server away without touching the machine's real one that other test runs use.
 * `cut()` drops every open connection and refuses new ones (accepts and closes at once, like a
 * server that went away); `restore()` lets connections through again.
 */
export class TcpProxy {
  port = 0;
  private server: Server | null = null;
  private readonly open = new Set<Socket>();
  private isCut = false;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target.host, target.port);
    proxy.server = createServer((client) => proxy.accept(client));
    await new Promise<void>((resolve) => proxy.server?.listen(0, '127.0.0.1', resolve));
    const address = proxy.server.address();
    proxy.port = typeof address === 'object' && address ? address.port : 0;
    return proxy;
  }

  /** The target's URL with host and port replaced by the proxy's (credentials and path kept). */
  static rewrite(url: string, port: number): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(port);
    return u.toString();
  }

  get cutOff(): boolean {
    return this.isCut;
  }

  /** Drops every connection and refuses new ones until `restore()`. */
  cut(): void {
    this.isCut = true;
    for (const s of this.open) s.destroy();
    this.open.clear();
  }

  restore(): void {
    this.isCut = false;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    if (this.isCut) {
      client.destroy();
      return;
    }
    const upstream = connect(this.targetPort, this.targetHost);
    this.open.add(client);
    this.open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      this.open.delete(client);
      this.open.delete(upstream);
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', drop);
    upstream.on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
