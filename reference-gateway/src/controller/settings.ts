/** What the controller needs to know about itself; fixed at startup. */
export interface ControllerSettings {
  readonly controllerName: string;
  /** Listener ports below 1024 are bound at port + lowPortOffset. */
  readonly lowPortOffset: number;
  /** `exclusive`: an HTTPRoute and a GRPCRoute with intersecting hostnames on a listener cannot both be accepted. */
  readonly crossServing: 'allow' | 'exclusive';
  /** Fault and neutral-variant names that are switched on (see faults.ts, variants.ts). */
  readonly faults: ReadonlySet<string>;
}
