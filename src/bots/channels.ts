import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Channel, ReceiveInbound } from './ports.ts';

export interface ChannelDeps {
  config: Config;
  log: Logger;
  receive: ReceiveInbound;
}

/** The chat platforms turned on by configuration (the local web chat is wired separately in app.ts). */
export async function createChannels(_deps: ChannelDeps): Promise<Channel[]> {
  const channels: Channel[] = [];
  return channels;
}
