import type { GatewayAddress } from '../kube/types.ts';
import { runCall } from './channel-call.ts';
import type { CallDefaults } from './channel-call.ts';
import { GrpcCallError } from './errors.ts';
import { requireMethod } from './protos.ts';
import type { GrpcCall } from './types.ts';

const REFLECTION_SERVICE = 'grpc.reflection.v1.ServerReflection';

interface ReflectionResponse {
  listServicesResponse?: { service: { name: string }[] } | null;
  errorResponse?: { errorCode: number; errorMessage: string } | null;
}

/** Lists services with one v1 ServerReflectionInfo exchange (list_services "*"). */
export async function listServicesViaReflection(
  gw: GatewayAddress,
  call: Omit<GrpcCall, 'method' | 'service'>,
  defaults: CallDefaults,
): Promise<string[]> {
  const method = requireMethod(REFLECTION_SERVICE, 'ServerReflectionInfo');
  const what = `reflection ListServices via ${gw.dialHost}:${gw.dialPort}`;
  const outcome = await runCall(
    gw,
    { ...call, service: REFLECTION_SERVICE, method: 'ServerReflectionInfo' },
    {
      path: method.path,
      kind: 'bidi',
      serialize: (v) => method.requestSerialize(v as object),
      deserialize: (bytes) => method.responseDeserialize(bytes),
      requests: [{ host: '', listServices: '*' }],
    },
    defaults,
  );
  if (outcome.code !== 0) {
    const reason = outcome.transportError ? `transport failure: ${outcome.transportError}` : `status ${outcome.code}: ${outcome.details}`;
    throw new GrpcCallError(what, reason);
  }
  const answer = outcome.messages[0] as ReflectionResponse | undefined;
  if (answer?.errorResponse) throw new GrpcCallError(what, `reflection error ${answer.errorResponse.errorCode}: ${answer.errorResponse.errorMessage}`);
  if (!answer?.listServicesResponse) throw new GrpcCallError(what, 'no list_services_response in the answer');
  return answer.listServicesResponse.service.map((s) => s.name);
}
