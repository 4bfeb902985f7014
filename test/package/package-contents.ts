/**
 * Tarball entries a run does not need: our tests, docs, sources (dist/ has the JavaScript), caches,
 * the Go modules of tools/real-peers (only versions.env and traefik/rbac.yaml are read at run time).
 */
export function forbiddenEntries(paths: readonly string[]): string[] {
  const allowed = [
    /^package\.json$/,
    /^README\.md$/,
    /^LICENSE$/,
    /^(dist\/)?bin\/grpcroute-conformance\.js$/,
    /^dist\/(lib|harness|suites|kube-rest)\/.+\.(js|d\.ts)$/,
    /^dist\/(echo-server|embedded-cluster|node-agent|reference-gateway)\/src\/.+\.(js|d\.ts)$/,
    /^dist\/fixtures\/.+\.yaml$/,
    /^dist\/echo-server\/proto\/.+\.proto$/,
    /^dist\/reference-gateway\/install\/.+\.yaml$/,
    /^dist\/tools\/real-peers\/(versions\.env|traefik\/rbac\.yaml)$/,
  ];
  return paths.filter((p) => !allowed.some((a) => a.test(p)) || /(^|\/)(test|__golden__|\.cache)\//.test(p));
}
