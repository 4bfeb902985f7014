import { parseGatewayApiVersion, REAL_CLUSTER_DEFAULTS } from '../cluster/kind/real-cluster-settings.ts';
import { defaultConcurrency, MAX_CONCURRENCY, parseConcurrency } from '../config/concurrency.ts';
import type { ConfigInput } from '../config/config-input.ts';
import { CONFIG_DEFAULTS } from '../config/defaults.ts';
import { parseTimeoutOverrides, TIMEOUT_KEYS } from '../config/timeouts.ts';
import {
  parseBoolean,
  parseEnum,
  parseFeatureList,
  parseDialMap,
  parseGatewayAddress,
  parseList,
  parsePortOffset,
  parseProfileList,
  parseStaticAddress,
  parseText,
} from './value-parsers.ts';

type Key = keyof ConfigInput;

/** One config option, declared once; flag parsing, env, options file and --help all read it. */
export interface OptionSpec<K extends Key = Key> {
  readonly key: K;
  /** Without the leading dashes, kebab-case. */
  readonly flag: string;
  /** Shown after the flag in --help; absent for on/off switches. */
  readonly arg?: string;
  readonly description: string;
  readonly defaultText?: string;
  /** `previous` is the value so far in the same layer, for options that accumulate. */
  readonly parse: (raw: string, previous?: ConfigInput[K]) => ConfigInput[K];
  /** Given several times (flag) or as several entries (env/file): each adds to the value. */
  readonly repeatable?: boolean;
  /** Layers merge this option key by key instead of replacing it. */
  readonly mergeByKey?: boolean;
}

type OptionTable = { readonly [K in Key]: Omit<OptionSpec<K>, 'key' | 'flag'> };

const switchOption = (description: string) => ({ description, parse: parseBoolean, defaultText: 'false' });

// Mapped over ConfigInput, so adding a config field without a flag does not compile.
const TABLE: OptionTable = {
  gatewayClass: {
    arg: 'NAME',
    description: 'GatewayClass under test',
    defaultText: CONFIG_DEFAULTS.gatewayClass,
    parse: parseText,
  },
  cluster: {
    arg: 'KIND',
    description: 'embedded (in-process API server + reference gateway), existing (--kubeconfig), kind (a new kind cluster, see --kind-*) or control-plane (real etcd, kube-apiserver and kube-controller-manager in a network namespace of the run, with the reference gateway; needs root, and Go or KUBEBUILDER_ASSETS)',
    defaultText: CONFIG_DEFAULTS.cluster,
    parse: parseEnum(['embedded', 'existing', 'kind', 'control-plane'] as const),
  },
  kubeconfig: { arg: 'PATH', description: 'kubeconfig of an existing cluster', parse: parseText },
  context: { arg: 'NAME', description: 'kubeconfig context to use', parse: parseText },
  runTest: {
    arg: 'NAMES',
    description: 'run only these tests (comma list), whatever features are supported; all others are recorded as skipped',
    parse: parseList,
  },
  skipTests: { arg: 'NAMES', description: 'tests to skip (comma list); recorded as skipped', parse: parseList },
  supportedFeatures: {
    arg: 'FEATURES',
    description: 'features the implementation supports (comma list); default: read from GatewayClass status',
    parse: parseFeatureList,
  },
  exemptFeatures: { arg: 'FEATURES', description: 'features removed from the supported set (comma list)', parse: parseFeatureList },
  allFeatures: switchOption('treat every feature as supported (minus --exempt-features)'),
  skipProvisional: switchOption('record provisional tests as provisionalSkipped instead of running them'),
  conformanceProfiles: { arg: 'PROFILES', description: 'profiles whose core features count as supported: GATEWAY-GRPC, GRPCROUTE-CONFORMANCE-EXTRA', parse: parseProfileList },
  timeouts: {
    arg: 'KEY=DURATION,...',
    description: `override timeouts, e.g. maxTimeToConsistency=45s,requiredConsecutiveSuccesses=5; keys: ${TIMEOUT_KEYS.join(', ')}`,
    parse: (raw, previous) => ({ ...previous, ...parseTimeoutOverrides(raw) }),
    repeatable: true,
    mergeByKey: true,
  },
  reportDir: { arg: 'DIR', description: 'where reports are written', defaultText: `${CONFIG_DEFAULTS.reportDir}/`, parse: parseText },
  keep: switchOption('keep the cluster objects of this run for inspection (no cleanup)'),
  failFast: switchOption('stop after the first failed test'),
  concurrency: {
    arg: 'N',
    description: `how many tests run at once, 1 (one by one, like upstream) to ${MAX_CONCURRENCY}; lower it for gateways that program slowly or give each Gateway its own cloud load balancer. Time a test waits for its turn does not count against timeouts.test`,
    defaultText: `${MAX_CONCURRENCY} on the embedded cluster, ${defaultConcurrency('existing')} on real clusters`,
    parse: parseConcurrency,
  },
  mode: { arg: 'MODE', description: 'mode recorded in the report', defaultText: CONFIG_DEFAULTS.mode, parse: parseText },
  gatewayAddress: {
    arg: 'NAME=HOST[:PORT]',
    description: 'dial HOST[:PORT] for Gateway NAME (ns/name, or name in the infra namespace); repeatable',
    parse: (raw, previous) => parseGatewayAddress(raw, previous),
    repeatable: true,
    mergeByKey: true,
  },
  dialMap: {
    arg: 'FROM=TO',
    description: 'connect to TO_HOST:PORT whenever a call would dial FROM_HOST[:PORT] (a tunnel or port-forward); every gRPC call, the weight tests included; repeatable',
    parse: (raw, previous) => parseDialMap(raw, previous),
    repeatable: true,
    mergeByKey: true,
  },
  lowPortOffset: {
    arg: 'N',
    description:
      'dial listener ports below 1024 at port+N; the embedded cluster reports 10000 itself, so set it only when --cluster=existing points at `grpcroute-conformance embedded`',
    parse: parsePortOffset,
  },
  usableAddress: {
    arg: 'ADDRESS',
    description:
      'GatewayStaticAddresses: an address the implementation can give a Gateway (an IP is requested as IPAddress, anything else as Hostname); the embedded and control-plane clusters know one of their own',
    parse: parseStaticAddress,
  },
  unusableAddress: {
    arg: 'ADDRESS',
    description: 'GatewayStaticAddresses: an address of the same type the implementation must refuse (AddressNotUsable); never dialled. Embedded and control-plane clusters use 192.0.2.1',
    parse: parseStaticAddress,
  },
  echoImage: { arg: 'IMAGE', description: 'echo-server image that replaces the one named in fixtures', parse: parseText },
  optionsFile: { arg: 'PATH', description: 'YAML file with any of these options, keys in camelCase (e.g. gatewayClass)', parse: parseText },
  verbose: switchOption('show debug output'),
  quiet: switchOption('show only failures and the summary'),
  organization: { arg: 'TEXT', description: 'implementation organization, for reports', parse: parseText },
  project: { arg: 'TEXT', description: 'implementation project, for reports', parse: parseText },
  url: { arg: 'URL', description: 'implementation URL, for reports', parse: parseText },
  version: { arg: 'TEXT', description: 'implementation version, for reports', parse: parseText },
  contact: { arg: 'LIST', description: 'implementation contacts (comma list), for reports', parse: parseList },
  kindClusterName: { arg: 'NAME', description: 'kind: name of the cluster to create (must not exist yet)', defaultText: REAL_CLUSTER_DEFAULTS.kindClusterName, parse: parseText },
  kindNodeImage: { arg: 'IMAGE', description: "kind: node image, e.g. kindest/node:v1.32.2; default: kind's own", parse: parseText },
  kindConfig: { arg: 'PATH', description: 'kind: cluster config file instead of ours (one control-plane node)', parse: parseText },
  kindLoadBalancer: {
    arg: 'NAME',
    description: 'kind: LoadBalancer addresses from metallb (a pool in the docker kind network) or cloud-provider-kind (started with its own Gateway controller off); default metallb, or cloud-provider-kind where the host cannot reach node addresses (Docker Desktop, macOS, Windows)',
    defaultText: REAL_CLUSTER_DEFAULTS.kindLoadBalancer,
    parse: parseEnum(['metallb', 'cloud-provider-kind'] as const),
  },
  gatewayApiVersion: { arg: 'VERSION', description: 'Gateway API release (a v1.6 or v1.7 one): its CRDs are installed when missing (always on kind and control-plane; on an existing cluster only when given), the embedded cluster emulates them, and only its tests run', defaultText: REAL_CLUSTER_DEFAULTS.gatewayApiVersion, parse: parseGatewayApiVersion },
  gatewayApiChannel: {
    arg: 'CHANNEL',
    description: 'Gateway API CRD channel to install, standard or experimental',
    defaultText: REAL_CLUSTER_DEFAULTS.gatewayApiChannel,
    parse: parseEnum(['standard', 'experimental'] as const),
  },
  gatewayApiCrds: {
    arg: 'WHO',
    description: "kind: install (the suite installs the CRDs of --gateway-api-version when missing, before the install step) or vendor (only the install step does; the run fails if the kinds are still not served after it). Use vendor when your install step applies its own CRDs, which upstream's safe-upgrades admission policy may refuse over ours",
    defaultText: REAL_CLUSTER_DEFAULTS.gatewayApiCrds,
    parse: parseEnum(['install', 'vendor'] as const),
  },
  installCommand: { arg: 'COMMAND', description: 'kind: shell command that installs the implementation (KUBECONFIG is set)', parse: parseText },
  installManifests: {
    arg: 'PATHS',
    description: 'kind: manifests that install the implementation, applied in order (comma list; repeatable)',
    parse: (raw, previous) => [...(previous ?? []), ...parseList(raw)],
    repeatable: true,
  },
  controlPlaneGateway: {
    arg: 'NAME',
    description: 'control-plane: the implementation to install and test, reference (ours) or traefik (Traefik, from tools/real-peers; use with --gateway-class=traefik)',
    defaultText: REAL_CLUSTER_DEFAULTS.controlPlaneGateway,
    parse: parseEnum(['reference', 'traefik'] as const),
  },
};

const kebab = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Every config option, in --help order. */
export const OPTIONS: readonly OptionSpec[] = Object.entries(TABLE).map(
  ([key, spec]) => ({ ...spec, key, flag: kebab(key) }) as OptionSpec,
);

/** `GRPCCONF_` + the key in UPPER_SNAKE_CASE. */
export function envName(option: OptionSpec): string {
  return `GRPCCONF_${option.flag.replace(/-/g, '_').toUpperCase()}`;
}

export function isSwitch(option: OptionSpec): boolean {
  return option.arg === undefined;
}
