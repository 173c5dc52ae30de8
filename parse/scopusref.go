package parse

import "strings"

// SplitScopusReferences splits a Scopus "References" cell into references,
// in both the classic layout and the 2024+ one whose authors are also
// separated by "; ".
//
// TODO(scopus): placeholder, replaced by the Scopus reader's splitter.
func SplitScopusReferences(cell string) []string {
	var out []string
	for _, p := range strings.Split(cell, "; ") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ParseScopusReference parses one Scopus reference string.
//
// TODO(scopus): placeholder, replaced by the Scopus reader's parser.
func ParseScopusReference(raw string) Reference {
	return ParseReference(raw)
}
