// Package conformance wraps the upstream Gateway API conformance suite in a test binary of our
// own, so that it can be built once and run inside the control plane's network namespace
// (scripts/side-by-side) next to this project's suite.
package conformance

import (
	"testing"

	"sigs.k8s.io/gateway-api/conformance"
)

// TestConformance hands every flag (--gateway-class, --conformance-profiles, --report-output, …)
// to the upstream suite unchanged: the side-by-side comparison is only fair if upstream runs as
// its own authors run it.
func TestConformance(t *testing.T) {
	conformance.RunConformance(t)
}
