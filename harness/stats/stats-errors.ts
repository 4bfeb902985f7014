/** A weight split test was configured with numbers it cannot test. */
export class WeightSplitConfigError extends Error {
  readonly code = 'GRPCCONF_WEIGHT_SPLIT_CONFIG';

  constructor(
    message: string,
    readonly context: Readonly<Record<string, unknown>>,
  ) {
    super(`${message}: ${JSON.stringify(context)}`);
    this.name = 'WeightSplitConfigError';
  }
}
