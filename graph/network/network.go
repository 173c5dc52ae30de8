// Package network builds the weighted undirected networks of science maps
// from a citation graph: bibliographic coupling, co-citation, keyword
// co-occurrence and co-authorship, with works, authors, sources, keywords,
// organisations or countries as nodes, and normalises their link weights
// (association strength, cosine, Jaccard, inclusion, equivalence).
//
// Every network is counted the same way. A network has transactions, each
// a set of units: for coupling, the citing units of one cited work (two
// units are coupled by the references they share); for co-citation, the
// cited units of one citing corpus work; for co-occurrence and
// co-authorship, the keywords or the authors (organisations, countries) of
// one corpus work. Two units are linked by the transactions they share:
// with full counting each adds 1 to the link, with fractional counting
// 1/(k−1) for a transaction of k units, so that a document adds at most 1 to
// each unit's total link strength. Counts are built with a sparse
// row-by-row product (no matrix, no n² array): the cost is the number of
// unit pairs the transactions make, the memory that of the links kept.
//
// Networks are pure data: nodes with an ID, a label and counts, and links
// A < B with a raw count and a normalised weight, ready for clustering,
// layout and export.
package network

import (
	"fmt"
	"strings"
)

// Kind is the relation a network counts.
type Kind string

// The kinds of network.
const (
	Coupling     Kind = "coupling"     // units citing the same works
	Cocitation   Kind = "cocitation"   // units cited by the same corpus works
	Cooccurrence Kind = "cooccurrence" // keywords of the same corpus works
	Coauthorship Kind = "coauthorship" // authors (organisations, countries) of the same corpus works
)

// Kinds lists the kinds of network in the order the documentation gives them.
var Kinds = []Kind{Coupling, Cocitation, Cooccurrence, Coauthorship}

// Unit is what a node of a network stands for.
type Unit string

// The units of a network.
const (
	Works         Unit = "works"
	Authors       Unit = "authors"
	Sources       Unit = "sources"
	Keywords      Unit = "keywords"
	Organizations Unit = "organisations"
	Countries     Unit = "countries"
)

// Units returns the units a kind of network can be built for: the corpus
// works carry everything, cited works only what a reference gives (their
// authors and source).
func Units(k Kind) []Unit {
	switch k {
	case Coupling:
		return []Unit{Works, Authors, Sources, Organizations, Countries}
	case Cocitation:
		return []Unit{Works, Authors, Sources}
	case Cooccurrence:
		return []Unit{Keywords}
	case Coauthorship:
		return []Unit{Authors, Organizations, Countries}
	}
	return nil
}

// DefaultUnit is the unit a kind of network is built for when none is named.
func DefaultUnit(k Kind) Unit {
	switch k {
	case Cooccurrence:
		return Keywords
	case Coauthorship:
		return Authors
	}
	return Works
}

// ParseKind returns the kind a name denotes ("co-citation" and "cocitation" alike).
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", ""))
	for _, x := range Kinds {
		if k == x {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown network %q (use coupling, cocitation, cooccurrence or coauthorship)", s)
}

// ParseUnit returns the unit a name denotes ("organizations" and
// "organisations" alike), checking that the kind of network has it.
func ParseUnit(k Kind, s string) (Unit, error) {
	u := Unit(strings.ToLower(strings.TrimSpace(s)))
	if u == "organizations" {
		u = Organizations
	}
	var names []string
	for _, x := range Units(k) {
		if u == x {
			return u, nil
		}
		names = append(names, string(x))
	}
	return "", fmt.Errorf("%s networks have no unit %q (use %s)", k, s, strings.Join(names, ", "))
}

// Counting says how a transaction of k units weighs its links.
type Counting string

// Full and fractional counting.
const (
	Full       Counting = "full"       // each link of a transaction weighs 1
	Fractional Counting = "fractional" // each link of a transaction of k units weighs 1/(k−1)
)

// Normalization is how a link's count becomes the weight that clustering
// and layout use (the formulas are in the README and on each constant).
type Normalization string

// The normalisations, with c_ij the link's count, o_i the number of
// transactions of unit i (its occurrences), s_i its total link strength
// and m the total strength of the links of the network.
const (
	Association Normalization = "association" // 2m·c_ij / (s_i·s_j): VOSviewer's association strength
	Cosine      Normalization = "cosine"      // c_ij / √(o_i·o_j): Salton's cosine
	Jaccard     Normalization = "jaccard"     // c_ij / (o_i + o_j − c_ij)
	Inclusion   Normalization = "inclusion"   // c_ij / min(o_i, o_j)
	Equivalence Normalization = "equivalence" // c_ij² / (o_i·o_j)
	None        Normalization = "none"        // c_ij
)

// Normalizations lists them in the order the documentation gives them.
var Normalizations = []Normalization{Association, Cosine, Jaccard, Inclusion, Equivalence, None}

// ParseNormalization returns the normalisation a name denotes.
func ParseNormalization(s string) (Normalization, error) {
	n := Normalization(strings.ToLower(strings.TrimSpace(s)))
	switch n {
	case "salton":
		return Cosine, nil
	case "association-strength", "as":
		return Association, nil
	}
	for _, x := range Normalizations {
		if n == x {
			return n, nil
		}
	}
	return "", fmt.Errorf("unknown normalisation %q (use association, cosine, jaccard, inclusion, equivalence or none)", s)
}

// KeywordKind selects the keywords of a co-occurrence network.
type KeywordKind string

// The kinds of keywords.
const (
	AllKeywords    KeywordKind = "all"    // the authors' and the database's, each keyword once per work
	AuthorKeywords KeywordKind = "author" // the authors' (WoS DE, Scopus Author Keywords, …)
	IndexKeywords  KeywordKind = "index"  // the database's (Keywords Plus, Index Keywords, MeSH, …)
)

// Options controls Build. The zero value builds a full-counting network of
// every unit with at least one link, normalised by association strength.
type Options struct {
	// Kind is the relation counted (default coupling).
	Kind Kind
	// Unit is what a node stands for (default DefaultUnit(Kind)).
	Unit Unit
	// Counting is full (default) or fractional.
	Counting Counting
	// Normalization of the link weights (default association strength).
	Normalization Normalization
	// Keywords selects the keywords of co-occurrence (default all).
	Keywords KeywordKind
	// FirstAuthors counts only the first author of each work for the
	// authors unit (cited references often name only the first).
	FirstAuthors bool
	// Thesaurus merges or drops unit names before counting (keywords,
	// authors, sources, organisations, countries).
	Thesaurus Thesaurus
	// MinCount keeps the units whose count (see Node.Count) is at least
	// this; 0 keeps all.
	MinCount int
	// MinCitations keeps the units whose documents are cited at least this
	// often in all (Node.Citations); 0 keeps all.
	MinCitations int
	// MaxNodes keeps the MaxNodes units of largest total link strength, as
	// VOSviewer selects them; 0 keeps all.
	MaxNodes int
	// MinLinkCount drops links whose count is below it; 0 keeps all.
	MinLinkCount float64
	// WorkLabels are the labels of the graph's works as WorkLabels
	// returns them, for a caller that builds several networks of one
	// graph (labelling every work costs more than counting a thresholded
	// network); nil computes them when the nodes are works.
	WorkLabels []string
}

// Network is a weighted undirected network of units.
type Network struct {
	Kind          Kind
	Unit          Unit
	Counting      Counting
	Normalization Normalization
	// Nodes are in ascending order of ID.
	Nodes []Node
	// Edges have A < B (indexes into Nodes), sorted by A then B.
	Edges []Edge
	// Transactions is the number of transactions the links were counted
	// over (cited works for coupling, citing corpus works for co-citation,
	// corpus works otherwise) that hold at least one unit.
	Transactions int
	// Found is the number of distinct units found, Eligible those passing
	// MinCount and MinCitations with at least one link, Selected those kept
	// after MaxNodes; Isolated of these have no link left among the
	// selected (or after MinLinkCount) and were dropped from Nodes.
	Found, Eligible, Selected, Isolated int

	memberStart, members []int32
}

// Node is one unit of a network.
type Node struct {
	// ID is unique and stable: the work's ID ("doi:10.1/x"), or the unit
	// and its key ("author:aria m", "country:Italy").
	ID string
	// Label is a short readable name.
	Label string
	// Count is the number that thresholds and node size use: citations
	// for coupling of works and for co-citation, documents for coupling
	// of other units and for co-authorship, occurrences for keywords.
	Count int
	// Occurrences is the number of transactions the unit is in.
	Occurrences int
	// Documents is the number of corpus works of the unit.
	Documents int
	// Citations counts the citations of the unit: the global citation
	// counts of its corpus works (local ones where a source gives none),
	// or for cited units the corpus works citing them.
	Citations int
	// Year is the mean publication year of the unit's works, 0 if unknown.
	Year float64
	// Links is the number of links, Strength the total link strength
	// (sum of counts) in the network.
	Links    int
	Strength float64
	// DOI of a work, for links in maps.
	DOI string
	// Cluster is the node's cluster, -1 until clustered.
	Cluster int
	// X and Y are the node's position in a map, 0 until laid out.
	X, Y float64
}

// Edge is a link between Nodes[A] and Nodes[B], A < B.
type Edge struct {
	A, B int32
	// Count is the raw link strength: shared references, co-citations,
	// co-occurrences or co-authored works (fractions with fractional counting).
	Count float32
	// Weight is Count normalised (see Normalization).
	Weight float32
}

// Members returns the works behind node i (indexes into the graph's
// works): the work itself, or the unit's documents (for co-citation, its
// cited works), ascending.
func (n *Network) Members(i int) []int32 {
	return n.members[n.memberStart[i]:n.memberStart[i+1]]
}
