package fetch

import (
	"regexp"
	"strings"

	"github.com/citegraph/citegraph/parse"
)

// A key names a work for a lookup: "openalex:W2741809807",
// "doi:10.7717/peerj.4375" (normalised, lower case) or "pmid:29456894".
// Forward citations are cached under "cites:W2741809807".

var (
	oaIDRe   = regexp.MustCompile(`^W[1-9][0-9]{0,14}$`)
	pmidRe   = regexp.MustCompile(`^[1-9][0-9]{0,9}$`)
	keySpace = []string{"openalex", "doi", "pmid"}
)

// makeKey returns the key of an identifier, or "" when the value is not a
// well-formed identifier of that kind.
func makeKey(kind, value string) string {
	value = strings.TrimSpace(value)
	switch kind {
	case "openalex":
		value = strings.ToUpper(value)
		if oaIDRe.MatchString(value) {
			return "openalex:" + value
		}
	case "doi":
		if d := parse.NormalizeDOI(value); d != "" {
			return "doi:" + d
		}
	case "pmid":
		if pmidRe.MatchString(value) {
			return "pmid:" + value
		}
	}
	return ""
}

// ParseKey turns an identifier typed by a user into a key: a DOI in any
// written form, an OpenAlex work id or URL, or "pmid:123". It returns ""
// for anything else.
func ParseKey(s string) string {
	s = strings.TrimSpace(s)
	if kind, v, ok := strings.Cut(s, ":"); ok {
		if k := makeKey(strings.ToLower(kind), v); k != "" {
			return k
		}
	}
	if i := strings.LastIndex(s, "openalex.org/"); i >= 0 {
		s = strings.TrimPrefix(s[i+len("openalex.org/"):], "works/")
	}
	if k := makeKey("openalex", s); k != "" {
		return k
	}
	if strings.Contains(s, "10.") && strings.Contains(s, "/") {
		return makeKey("doi", s)
	}
	return ""
}

// allKeys returns every key of a work's identifiers, in the order of keySpace.
func allKeys(ids map[string]string, doi string) []string {
	var out []string
	for _, kind := range keySpace {
		v := ids[kind]
		if kind == "doi" {
			v = doi
		}
		if k := makeKey(kind, v); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// keyValue splits a key into its kind and value.
func keyValue(key string) (kind, value string) {
	kind, value, _ = strings.Cut(key, ":")
	return kind, value
}

// recordHas reports whether a record carries the identifier of key.
func recordHas(rec *parse.Record, key string) bool {
	for _, k := range allKeys(rec.IDs, rec.DOI) {
		if k == key {
			return true
		}
	}
	return false
}
