/** Why a pod's container could not start yet; `reason` becomes the container's waiting reason. */
export class PodStartError extends Error {
  readonly code = 'NODE_AGENT_POD_START';

  constructor(
    readonly reason: 'ContainerCreating' | 'CreateContainerConfigError' | 'ImagePullBackOff' | 'RunContainerError',
    message: string,
    readonly pod: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PodStartError';
  }
}
