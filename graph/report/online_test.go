package report

import (
	"bytes"
	"strings"
	"testing"
)

// TestEnrichmentText: the account of what was looked up, and the works
// chaining added, as a reader at 80 columns sees them.
func TestEnrichmentText(t *testing.T) {
	e := &Enrichment{Source: "openalex", Cache: "/home/u/.cache/citegraph", Asked: 3, NoID: 2, Own: 1, Found: 2, RefsAdded: 35,
		RefsBare: 40, RefsFilled: 30, FromCache: 12, CacheDates: "2025-01-02 to 2025-02-03", FromNetwork: 3, Fetched: "2025-03-04",
		Requests: 4, Retries: 1, NotFound: 10, Before: &Counts{Works: 16, Citations: 10, Untitled: 3, Citing: 1},
		After: &Counts{Works: 41, Citations: 35, Untitled: 5, Citing: 2},
		Expansion: &Expansion{Depth: 1, Direction: "both", Seeds: 2, Candidates: 9, Added: []AddedRow{
			{Rank: 1, ID: "doi:10.1/a", Label: "He 2016", Score: 10, Depth: 1, Reasons: []string{"cites seeds A and B", "shares 8 references with seeds A (5) and B (3)"}},
		}}}
	r := &Report{Enrichment: e, Metric: "in_degree"}
	var b bytes.Buffer
	if err := WriteText(&b, r, TextOptions{Width: 80}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line of %d columns: %q", n, line)
		}
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		"Looked up in OpenAlex: 3 of 6 records (2 have no DOI or id, 1 is from OpenAlex already), 2 found, adding 35 references.",
		"30 of 40 references known by an identifier alone were described by OpenAlex",
		"12 works from the cache (retrieved 2025-01-02 to 2025-02-03), 3 from the network (2025-03-04), in 4 requests, 1 of them retries; 10 not found in OpenAlex, 0 not asked.",
		"What it changed: works 16 → 41, citations 10 → 35, works citing others 1 → 2, untitled works 3 → 5.",
		"Added by citation chaining (both, depth 1: top 1 of 9 candidates)",
		"1. He 2016 (score 10, step 1): cites seeds A and B; shares 8 references with seeds A (5) and B (3).",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "\n  1. He 2016") || !strings.Contains(out, "\n     ") {
		t.Errorf("added works not listed with a hanging indent:\n%s", out)
	}
	b.Reset()
	if err := WriteMarkdown(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "| 1 | He 2016 | 10 | 1 | cites seeds A and B; shares 8 references with seeds A (5) and B (3) |") {
		t.Errorf("markdown lacks the added work:\n%s", b.String())
	}
}
