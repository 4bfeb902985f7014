import { release } from 'node:os';
import { KubeApiError } from '../../kube-rest/errors.ts';
import { KubeRestClient } from '../../kube-rest/rest-client.ts';
import { AGENT_COMPONENT } from './pod-events.ts';
import type { AgentObject, NodeIdentity } from './pod-object.ts';
import { isRecord, nowTimestamp } from './pod-object.ts';
import { CORE } from './core-types.ts';

// Generous and fixed: there is no scheduler that would fit pods to it, only readers of Node status.
const CAPACITY = { cpu: '16', memory: '32Gi', pods: '1000' };

/**
 * Registers the Node (create, or take the existing one) and writes a Ready status to /status.
 * Status goes through its own write because the embedded server drops status on create; a real
 * one keeps it, and writing it again changes nothing.
 */
export async function registerNode(client: KubeRestClient, node: NodeIdentity): Promise<void> {
  const body = { apiVersion: 'v1', kind: 'Node', metadata: { name: node.name, labels: nodeLabels(node) }, spec: {} };
  let current: AgentObject;
  try {
    current = await client.create<AgentObject>(KubeRestClient.path(CORE.Node), body);
  } catch (error) {
    if (!(error instanceof KubeApiError) || error.status !== 409) throw error;
    current = await client.get<AgentObject>(KubeRestClient.path(CORE.Node, undefined, node.name));
  }
  await ensureNodeReady(client, node, current);
}

/** Rewrites the node status when someone (or a restart of the server) left it other than Ready. */
export async function ensureNodeReady(client: KubeRestClient, node: NodeIdentity, current: AgentObject | undefined): Promise<void> {
  if (current && isNodeReady(current, node)) return;
  if (!current) return registerNode(client, node);
  await client.mergePatch(KubeRestClient.path(CORE.Node, undefined, node.name, 'status'), { status: readyStatus(node) });
}

export function isNodeReady(current: AgentObject, node: NodeIdentity): boolean {
  const conditions = Array.isArray(current.status?.conditions) ? current.status.conditions.filter(isRecord) : [];
  const addresses = Array.isArray(current.status?.addresses) ? current.status.addresses.filter(isRecord) : [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True') && addresses.some((a) => a.type === 'InternalIP' && a.address === node.address);
}

function readyStatus(node: NodeIdentity): Record<string, unknown> {
  const now = nowTimestamp();
  return {
    capacity: CAPACITY,
    allocatable: CAPACITY,
    conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: `${AGENT_COMPONENT} is posting ready status`, lastHeartbeatTime: now, lastTransitionTime: now }],
    addresses: [
      { type: 'InternalIP', address: node.address },
      { type: 'Hostname', address: node.name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: node.kubeletPort ?? 0 } },
    nodeInfo: {
      machineID: '',
      systemUUID: '',
      bootID: '',
      kernelVersion: release(),
      osImage: AGENT_COMPONENT,
      containerRuntimeVersion: 'in-process://echo-server',
      kubeletVersion: `v0.0.0-${AGENT_COMPONENT}`,
      kubeProxyVersion: '',
      operatingSystem: 'linux',
      architecture: process.arch === 'x64' ? 'amd64' : process.arch,
    },
  };
}

function nodeLabels(node: NodeIdentity): Record<string, string> {
  return { 'kubernetes.io/hostname': node.name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': process.arch === 'x64' ? 'amd64' : process.arch };
}
