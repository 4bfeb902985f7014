import { ReferenceGatewayError } from '../errors.ts';

/** One or more gateway servers could not be bound; everything else of the config was applied. */
export class DataPlaneBindError extends ReferenceGatewayError {
  constructor(readonly failures: readonly { readonly server: string; readonly message: string }[]) {
    super(
      'REFGW_DATA_PLANE_BIND',
      `could not bind ${failures.map((f) => `${f.server} (${f.message})`).join(', ')}`,
      { failures },
    );
  }
}
