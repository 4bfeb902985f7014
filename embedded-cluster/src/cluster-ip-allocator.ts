/** Hands out Service cluster IPs from 10.96.0.0/12. Nobody dials them: pods are reached through EndpointSlices. */
export class ClusterIpAllocator {
  private next = 10;

  allocate(): string {
    const n = this.next++;
    return `10.${96 + ((n >> 16) & 0x0f)}.${(n >> 8) & 0xff}.${n & 0xff}`;
  }
}
