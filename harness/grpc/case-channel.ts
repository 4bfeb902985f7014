import type { GatewayAddress } from '../kube/types.ts';
import { openConnection, runCall, runOn } from './channel-call.ts';
import type { CallDefaults, GatewayConnection, RawOutcome, WireSpec } from './channel-call.ts';
import type { GrpcCall } from './types.ts';

/** The parts of a call that fix its connection; calls that agree on them may share one channel. */
export type ChannelIdentity = Pick<GrpcCall, 'authority' | 'tls'>;

interface Lease {
  readonly connection: GatewayConnection;
  inFlight: number;
  retired: boolean;
}

/**
 * One case's channel to the gateway, shared by that case's calls (its convergence loop, its sampler);
 * never by two cases. The gateway balances per RPC, so sharing a connection hides nothing from a
 * sampler. The connection is replaced after any transport failure (grpc-js would otherwise answer
 * from its reconnect backoff without dialing) and whenever the owner calls `renew()`, e.g. after a
 * failed attempt, so a retry dials afresh like a new client. A retired connection is closed when
 * its last call ends, so no call is cut short by another call's renewal.
 */
export class CaseChannel {
  readonly #gw: GatewayAddress;
  readonly #identity: ChannelIdentity;
  #lease: Lease | undefined;
  #closed = false;

  constructor(gw: GatewayAddress, identity: ChannelIdentity) {
    this.#gw = gw;
    this.#identity = identity;
  }

  /** One RPC. A call with another authority or TLS setup than the channel's, or after close(), gets a channel of its own. */
  async run(call: GrpcCall, wire: WireSpec, defaults: CallDefaults): Promise<RawOutcome> {
    if (this.#closed || !sameIdentity(call, this.#identity)) return runCall(this.#gw, call, wire, defaults);
    const lease = (this.#lease ??= { connection: openConnection(this.#gw, call, call.deadlineMs ?? defaults.requestTimeoutMs), inFlight: 0, retired: false });
    lease.inFlight += 1;
    try {
      const outcome = await runOn(lease.connection, call, wire, defaults);
      if (outcome.transportError !== undefined) this.#retire(lease);
      return outcome;
    } finally {
      lease.inFlight -= 1;
      if (lease.retired && lease.inFlight === 0) lease.connection.client.close();
    }
  }

  /** The next call opens a fresh connection (and, for TLS, probes the handshake again). */
  renew(): void {
    if (this.#lease) this.#retire(this.#lease);
  }

  /** Closes the channel once its calls in flight have ended; later calls get one-off channels. */
  close(): void {
    this.#closed = true;
    this.renew();
  }

  #retire(lease: Lease): void {
    if (this.#lease === lease) this.#lease = undefined;
    if (lease.retired) return;
    lease.retired = true;
    if (lease.inFlight === 0) lease.connection.client.close();
  }
}

function sameIdentity(call: GrpcCall, identity: ChannelIdentity): boolean {
  const [a, b] = [call.tls, identity.tls];
  const sameTls =
    a === b ||
    (a !== undefined && b !== undefined && a.serverName === b.serverName && a.ca === b.ca && (a.alpn ?? ['h2']).join(',') === (b.alpn ?? ['h2']).join(','));
  return call.authority === identity.authority && sameTls;
}
