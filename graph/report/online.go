package report

import (
	"bufio"
	"fmt"
	"strings"
)

// Enrichment accounts for what a run looked up in OpenAlex or Crossref,
// over the network or in the cache (citegraph -fetch, -offline, expand).
type Enrichment struct {
	// Source is "openalex" or "crossref"; Cache the cache folder.
	Source  string `json:"source"`
	Cache   string `json:"cache"`
	Offline bool   `json:"offline,omitempty"`
	// Asked counts the input records looked up (those with a DOI, OpenAlex
	// or PubMed id), NoID the records without such an identifier, Own the
	// records read from the source's own format (not looked up again),
	// Found those found; the works found list RefsAdded references.
	Asked     int `json:"records_looked_up"`
	NoID      int `json:"records_without_id"`
	Own       int `json:"records_from_source"`
	Found     int `json:"records_found"`
	RefsAdded int `json:"references_added"`
	// RefsBare counts the references known by an identifier alone (no
	// title); RefsFilled those the source described (title, authors, year…).
	RefsBare   int `json:"bare_references"`
	RefsFilled int `json:"bare_references_filled"`
	// FromCache and FromNetwork count the works read from the cache and
	// received now; CacheDates spans the retrieval dates of the former,
	// Fetched is the date of the latter.
	FromCache   int    `json:"works_from_cache"`
	CacheDates  string `json:"cache_dates,omitempty"`
	FromNetwork int    `json:"works_from_network"`
	Fetched     string `json:"fetched,omitempty"`
	// Requests counts the HTTP requests sent, Retries those repeated.
	Requests int `json:"requests"`
	Retries  int `json:"retries,omitempty"`
	// NotFound counts identifiers the source does not know, NotAsked those
	// not looked up (offline and not cached, or the request budget spent).
	NotFound int `json:"not_found"`
	NotAsked int `json:"not_asked"`
	// Notes explain NotAsked.
	Notes []string `json:"notes,omitempty"`
	// Before and After count the graph without and with what was looked up.
	Before *Counts `json:"before,omitempty"`
	After  *Counts `json:"after,omitempty"`
	// Expansion is set by citegraph expand.
	Expansion *Expansion `json:"expansion,omitempty"`
}

// Counts describe a graph for the before/after account of an enrichment.
type Counts struct {
	Works     int `json:"works"`
	Citations int `json:"citations"`
	Untitled  int `json:"untitled_works"`
	Citing    int `json:"citing_works"`
}

// Expansion is the account of citation chaining.
type Expansion struct {
	Depth      int        `json:"depth"`
	Direction  string     `json:"direction"`
	Seeds      int        `json:"seeds"`
	Candidates int        `json:"candidates"`
	Added      []AddedRow `json:"added"`
}

// AddedRow is a work added by chaining, with why.
type AddedRow struct {
	Rank    int      `json:"rank"`
	ID      string   `json:"id"`
	Label   string   `json:"label"`
	Score   int      `json:"score"`
	Depth   int      `json:"depth"`
	Reasons []string `json:"reasons"`
}

// sourceName is how the report names a source.
func sourceName(s string) string {
	switch s {
	case "openalex":
		return "OpenAlex"
	case "crossref":
		return "Crossref"
	}
	return s
}

// summary words the account as sentences.
func (e *Enrichment) summary() string {
	var s []string
	src := sourceName(e.Source)
	how := "Looked up in " + src
	if e.Offline {
		how += " (offline: from the cache only)"
	}
	var why []string
	if e.NoID > 0 {
		why = append(why, pluralVerb(e.NoID, "has", "have")+" no DOI or id")
	}
	if e.Own > 0 {
		why = append(why, fmt.Sprintf("%s from %s already", pluralVerb(e.Own, "is", "are"), src))
	}
	others := ""
	if len(why) > 0 {
		others = " (" + strings.Join(why, ", ") + ")"
	}
	s = append(s, fmt.Sprintf("%s: %d of %s%s, %d found, adding %s.", how, e.Asked, plural(e.Asked+e.NoID+e.Own, "record"),
		others, e.Found, plural(e.RefsAdded, "reference")))
	if e.RefsBare > 0 {
		s = append(s, fmt.Sprintf("%d of %s known by an identifier alone were described by %s (title, authors, year…).",
			e.RefsFilled, plural(e.RefsBare, "reference"), src))
	}
	cached := plural(e.FromCache, "work") + " from the cache"
	if e.CacheDates != "" {
		cached += " (retrieved " + e.CacheDates + ")"
	}
	net := fmt.Sprintf("%d from the network", e.FromNetwork)
	if e.Fetched != "" {
		net += " (" + e.Fetched + ")"
	}
	retries := ""
	if e.Retries > 0 {
		retries = fmt.Sprintf(", %d of them retries", e.Retries)
	}
	s = append(s, fmt.Sprintf("%s, %s, in %s%s; %d not found in %s, %d not asked.", cached, net,
		plural(e.Requests, "request"), retries, e.NotFound, src, e.NotAsked))
	s = append(s, e.Notes...)
	if e.Before != nil && e.After != nil {
		s = append(s, fmt.Sprintf("What it changed: works %d → %d, citations %d → %d, works citing others %d → %d, untitled works %d → %d.",
			e.Before.Works, e.After.Works, e.Before.Citations, e.After.Citations, e.Before.Citing, e.After.Citing,
			e.Before.Untitled, e.After.Untitled))
	}
	s = append(s, "Cache: "+e.Cache+".")
	return strings.Join(s, " ")
}

// expansionHead is the title of the chaining section.
func (x *Expansion) head() string {
	return fmt.Sprintf("Added by citation chaining (%s, depth %d: top %d of %s)", x.Direction, x.Depth, len(x.Added),
		plural(x.Candidates, "candidate"))
}

// writeExpansionText writes the chaining section's rows.
func writeExpansionText(bw *bufio.Writer, x *Expansion, width int) {
	if len(x.Added) == 0 {
		bw.WriteString(wrapText("No work connected to the seeds was found.", width, "  "))
		return
	}
	for _, a := range x.Added {
		// a hanging indent: the rank stands out
		prefix := fmt.Sprintf("  %d. ", a.Rank)
		text := wrapText(fmt.Sprintf("%s (score %d, step %d): %s.", a.Label, a.Score, a.Depth, strings.Join(a.Reasons, "; ")),
			width, strings.Repeat(" ", len(prefix)))
		bw.WriteString(prefix + text[len(prefix):])
	}
	bw.WriteString(wrapText("Score: one point per seed citing the work or cited by it, per work citing it with a seed, "+
		"per reference shared with a seed, per citation from another work found. 'citegraph explain -expand …' shows one work.",
		width, "  "))
}

// writeOnlineMarkdown writes the enrichment account and the chaining rows.
func writeOnlineMarkdown(bw *bufio.Writer, e *Enrichment, md func(string) string) {
	fmt.Fprintf(bw, "\n## Looked up online\n\n%s\n", md(e.summary()))
	if x := e.Expansion; x != nil {
		fmt.Fprintf(bw, "\n## %s\n\n| # | work | score | step | why |\n|---:|---|---:|---:|---|\n", x.head())
		for _, a := range x.Added {
			fmt.Fprintf(bw, "| %d | %s | %d | %d | %s |\n", a.Rank, md(a.Label), a.Score, a.Depth, md(strings.Join(a.Reasons, "; ")))
		}
	}
}
