package graph

import (
	"strings"

	"github.com/citegraph/citegraph/parse"
)

// Lookup finds works for a query typed by a user (citegraph explain): a
// work ID ("doi:10.1/x", "wos:000123"), a DOI in any written form, an
// identifier value ("W2741809807", "WOS:000123", a PubMed id), or else a
// piece of a label, title or ID, compared folded. Exact matches win over
// substrings. It returns indexes into Works, ascending.
func (r *Resolution) Lookup(q string) []int {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil
	}
	var out []int
	for i := range r.Works {
		if strings.EqualFold(r.Works[i].ID, q) {
			return []int{i}
		}
	}
	if d := parse.NormalizeDOI(q); d != "" {
		for i := range r.Works {
			if r.Works[i].DOI == d {
				out = append(out, i)
			}
		}
		if out != nil {
			return out
		}
	}
	ns, val, hasNS := strings.Cut(q, ":")
	for i := range r.Works {
		for k, v := range r.Works[i].IDs {
			if want := rsIDValue(k, v); want != "" &&
				(rsIDValue(k, q) == want || hasNS && strings.EqualFold(ns, k) && rsIDValue(k, val) == want) {
				out = append(out, i)
				break
			}
		}
	}
	if out != nil {
		return out
	}
	fq := parse.Fold(q)
	if fq == "" {
		return nil
	}
	for i := range r.Works {
		w := &r.Works[i]
		if strings.Contains(parse.Fold(w.Label), fq) || strings.Contains(parse.Fold(w.Title), fq) ||
			strings.Contains(strings.ToLower(w.ID), strings.ToLower(q)) {
			out = append(out, i)
		}
	}
	return out
}
