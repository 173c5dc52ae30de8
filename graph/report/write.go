package report

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// TextOptions controls WriteText.
type TextOptions struct {
	// Width is the terminal width in columns; 0 means 100.
	Width int
	// Color adds ANSI bold and dim styles; only for terminals.
	Color bool
}

// WriteText writes the report for a person at a terminal.
func WriteText(w io.Writer, r *Report, opt TextOptions) error {
	width := opt.Width
	if width <= 0 {
		width = 100
	}
	width = max(width, 60)
	bw := bufio.NewWriter(w)
	bold, dim, reset := "", "", ""
	if opt.Color {
		bold, dim, reset = "\x1b[1m", "\x1b[2m", "\x1b[0m"
	}
	head := func(s string) { fmt.Fprintf(bw, "\n%s%s%s\n", bold, s, reset) }
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	// para writes a sentence wrapped to the width, indented by two spaces.
	para := func(format string, args ...any) {
		bw.WriteString(wrapText(fmt.Sprintf(format, args...), width, "  "))
	}

	bw.WriteString(bold + wrapText(fmt.Sprintf("citegraph: %s read, %s → %s (%d in the corpus, %d cited only), %s",
		plural(len(r.Inputs), "file"), plural(r.Records, "record"), plural(r.Works, "work"),
		r.CorpusWorks, r.CitedOnly, plural(r.Citations, "citation")), width, "") + reset)
	tw := &textOut{bw: bw, width: width, bold: bold, dim: dim, reset: reset}
	tw.years(r)
	tw.overview(r)

	head("What was read")
	fileW := 4
	for _, in := range r.Inputs {
		fileW = max(fileW, utf8.RuneCountInString(in.File))
	}
	fileW = max(8, min(fileW, width-50))
	p("  %-*s  %-12s %7s %7s %8s %8s\n", fileW, "FILE", "FORMAT", "RECORDS", "REFS", "DECLARED", "PROBLEMS")
	for _, in := range r.Inputs {
		format, problems := in.Format, strconv.Itoa(in.Warnings+in.Skipped)
		if in.Error != "" || format == "" {
			format = "-"
		}
		if problems == "0" {
			problems = "-"
		}
		p("  %-*s  %-12s %7d %7d %8s %8s\n", fileW, cutLeft(in.File, fileW), cut(format, 12), in.Records, in.RefsListed,
			countOrDash(in.RefsDeclared), problems)
	}
	declared := ""
	if r.RefsDeclared > 0 {
		declared = fmt.Sprintf(" of %d declared", r.RefsDeclared)
	}
	para("%s, %s listed%s; %s no reference list.", plural(r.Records, "record"), plural(r.RefsListed, "reference"),
		declared, pluralVerb(r.NoRefs, "record has", "records have"))
	rs := r.Resolution
	if len(r.Problems) == 0 {
		para("Nothing skipped, no damaged records.")
	} else {
		p("  %s:\n", plural(len(r.Problems), "problem"))
		for i, msg := range r.Problems {
			if i == 15 {
				p("  … and %d more (see citegraph records, or -format json)\n", len(r.Problems)-i)
				break
			}
			p("    %s\n", cut(msg, width-4))
		}
	}

	head("Data quality: how references became works")
	methods := make([]string, 0, len(rs.ByMethod))
	for k := range rs.ByMethod {
		methods = append(methods, k)
	}
	slices.Sort(methods)
	var parts []string
	for _, k := range methods {
		parts = append(parts, fmt.Sprintf("%s %d", k, rs.ByMethod[k]))
	}
	if len(parts) == 0 {
		parts = []string{"no references"}
	}
	para("%s resolved by: %s.", plural(rs.References, "reference"), strings.Join(parts, ", "))
	var notes []string
	add := func(n int, format string, args ...any) {
		if n > 0 {
			notes = append(notes, fmt.Sprintf(format, args...))
		}
	}
	add(rs.Unresolved, "%s matched nothing else (cited once, by one source)", pluralVerb(rs.Unresolved, "reference", "references"))
	add(rs.FuzzyClusters, "%s needed fuzzy title evidence", pluralVerb(rs.FuzzyClusters, "work", "works"))
	add(rs.Ambiguous, "%s fitted several works equally and %s left apart", pluralVerb(rs.Ambiguous, "reference", "references"),
		pluralVerb(rs.Ambiguous, "was", "were"))
	add(rs.Refused, "%s refused because the merged work would have been inconsistent", plural(rs.Refused, "merge"))
	add(rs.SelfCitations, "%s dropped", plural(rs.SelfCitations, "self-citation"))
	add(rs.RepeatedRefs, "%s of an edge already made by the same work dropped", plural(rs.RepeatedRefs, "repeated reference"))
	if len(notes) > 0 {
		para("%s.", strings.Join(notes, "; "))
	}
	if rs.DuplicatesMerged > 0 {
		para("%s (the same work in another file or format) merged, reference lists united.",
			plural(rs.DuplicatesMerged, "duplicate record"))
	}
	if r.Enrichment != nil {
		para("%s", r.Enrichment.summary())
	}
	para("Run 'citegraph explain WORK' to see every mention of a work and how it joined.")
	if r.Enrichment != nil && r.Enrichment.Expansion != nil {
		head(r.Enrichment.Expansion.head())
		writeExpansionText(bw, r.Enrichment.Expansion, width)
	}

	head(fmt.Sprintf("Most central works (ranked by %s)", r.Metric))
	if len(r.Ranking) == 0 {
		p("  No works.\n")
	} else {
		// below 90 columns the HITS columns make way for the names
		hits := width >= 90
		fixed := 2 + 4 + 5 + 5 + 9 + 9
		if hits {
			fixed += 18
		}
		labelW := max(16, width-fixed)
		p("  %3s %-*s %4s %4s %8s %8s", "#", labelW, "WORK", "YEAR", "CIT", "PAGERANK", "BETWEEN")
		if hits {
			p(" %8s %8s", "HUB", "AUTH")
		}
		p("\n")
		for _, row := range r.Ranking {
			mark := " "
			if row.InCorpus {
				mark = "*"
			}
			p("  %3d %-*s %4s %4d %8s %8s", row.Rank, labelW, cut(mark+row.Name(), labelW), yearOrDash(row.Year),
				row.Citations, num(row.PageRank), num(row.Betweenness))
			if hits {
				p(" %8s %8s", num(row.Hub), num(row.Authority))
			}
			p("\n")
		}
		bw.WriteString(dim + wrapText(fmt.Sprintf("* = paper of the corpus; CIT = citations within this graph; %d of %d works shown.",
			len(r.Ranking), r.Works), width, "  ") + reset)
		if r.BetweennessSampled > 0 {
			para("Betweenness is estimated from %d of the %d citing works (exact would cost %d times more; -betweenness-sources -1 forces it).",
				r.BetweennessSampled, r.BetweennessAll, r.BetweennessAll/r.BetweennessSampled)
		}
	}

	writePairs := func(title string, rows []PairRow, all int, none, unit string) {
		head(title)
		if len(rows) == 0 {
			para("None: %s.", none)
			return
		}
		labelW := max(16, (width-2-7-8-6)/2)
		p("  %-*s %-*s %6s %7s\n", labelW, "WORK", labelW, "WORK", strings.ToUpper(unit), "COSINE")
		for _, row := range rows {
			p("  %-*s %-*s %6d %7.3f\n", labelW, cut(row.ALabel, labelW), labelW, cut(row.BLabel, labelW), row.Count, row.Cosine)
		}
		bw.WriteString(dim + wrapText(fmt.Sprintf("%d of %d pairs shown.", len(rows), all), width, "  ") + reset)
	}
	writePairs("Bibliographic coupling (works sharing references)", r.Coupling, r.CouplingAll, r.NoCoupling, "shared")
	writePairs("Co-citation (works cited together)", r.Cocitation, r.CocitAll, r.NoCocitation, "count")
	if r.CocitAll > 0 && r.Citing == 1 {
		para("Every co-cited pair comes from the one work that lists references, so all counts are 1 and say little.")
	}

	tw.analyses(r)

	if r.Drawing != nil || len(r.Outputs) > 0 {
		head("Diagram")
		if d := r.Drawing; d != nil {
			left := ""
			if d.Omitted > 0 {
				left = fmt.Sprintf("; %d works left out (raise -nodes to draw more)", d.Omitted)
			}
			para("%s and %s drawn, sized by %s%s.", plural(len(d.Works), "work"), plural(d.Arcs, "citation"), d.Metric, left)
		}
		for _, o := range r.Outputs {
			para("wrote %s", o)
		}
	}
	return bw.Flush()
}

// WriteJSON writes the report as one indented JSON object.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteCSV writes the ranking, the report's main table, as CSV.
func WriteCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"rank", "id", "label", "year", "in_corpus", "citations", "pagerank", "betweenness", "hub", "authority"})
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 8, 64) }
	for _, row := range r.Ranking {
		year := ""
		if row.Year > 0 {
			year = strconv.Itoa(row.Year)
		}
		cw.Write([]string{strconv.Itoa(row.Rank), row.ID, row.Label, year, strconv.FormatBool(row.InCorpus),
			strconv.Itoa(row.Citations), f(row.PageRank), f(row.Betweenness), f(row.Hub), f(row.Authority)})
	}
	cw.Flush()
	return cw.Error()
}

// WriteMarkdown writes the report as Markdown with tables.
func WriteMarkdown(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	md := func(s string) string { return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s) }
	p("# citegraph report\n\n%s read, %s → %s (%d in the corpus, %d cited only), %s.\n",
		plural(len(r.Inputs), "file"), plural(r.Records, "record"), plural(r.Works, "work"), r.CorpusWorks, r.CitedOnly,
		plural(r.Citations, "citation"))
	mdOverview(bw, r)
	p("\n## What was read\n\n| file | format | records | references | declared | problems |\n|---|---|---:|---:|---:|---:|\n")
	for _, in := range r.Inputs {
		p("| %s | %s | %d | %d | %s | %d |\n", md(in.File), md(in.Format), in.Records, in.RefsListed, countOrDash(in.RefsDeclared), in.Warnings+in.Skipped)
	}
	for _, msg := range r.Problems {
		p("\n- %s", md(msg))
	}
	if len(r.Problems) > 0 {
		p("\n")
	}
	if r.Enrichment != nil {
		writeOnlineMarkdown(bw, r.Enrichment, md)
	}
	p("\n## Most central works (ranked by %s)\n\n| # | work | year | citations | PageRank | betweenness | hub | authority |\n|---:|---|---:|---:|---:|---:|---:|---:|\n", r.Metric)
	for _, row := range r.Ranking {
		label := md(row.Name())
		if row.InCorpus {
			label = "**" + label + "**"
		}
		p("| %d | %s | %s | %d | %s | %s | %s | %s |\n", row.Rank, label, yearOrDash(row.Year), row.Citations,
			num(row.PageRank), num(row.Betweenness), num(row.Hub), num(row.Authority))
	}
	for _, sec := range []struct {
		title string
		rows  []PairRow
		none  string
	}{{"Bibliographic coupling", r.Coupling, r.NoCoupling}, {"Co-citation", r.Cocitation, r.NoCocitation}} {
		p("\n## %s\n\n", sec.title)
		if len(sec.rows) == 0 {
			p("None: %s.\n", sec.none)
			continue
		}
		p("| work | work | count | cosine |\n|---|---|---:|---:|\n")
		for _, row := range sec.rows {
			p("| %s | %s | %d | %.3f |\n", md(row.ALabel), md(row.BLabel), row.Count, row.Cosine)
		}
	}
	mdAnalyses(bw, r)
	return bw.Flush()
}

// num formats a score in at most 8 columns with 3 significant digits or 4
// decimals: "0.0644", "1.23e-05" (scores of large graphs are small), "0".
func num(x float64) string {
	switch {
	case x == 0:
		return "0"
	case x < 0.001:
		return strconv.FormatFloat(x, 'e', 2, 64)
	}
	return strconv.FormatFloat(x, 'f', 4, 64)
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

func pluralVerb(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func countOrDash(n int) string {
	if n == 0 {
		return "-"
	}
	return strconv.Itoa(n)
}

func yearOrDash(y int) string {
	if y == 0 {
		return "-"
	}
	return strconv.Itoa(y)
}

// wrapText breaks s into lines of at most width runes at spaces, each
// starting with indent, and ends it with a newline. A word longer than a
// line is cut.
func wrapText(s string, width int, indent string) string {
	avail := max(10, width-utf8.RuneCountInString(indent))
	var b strings.Builder
	line := 0
	for _, word := range strings.Fields(s) {
		n := utf8.RuneCountInString(word)
		if n > avail {
			word, n = cut(word, avail), avail
		}
		if line > 0 && line+1+n > avail {
			b.WriteString("\n")
			line = 0
		}
		if line == 0 {
			b.WriteString(indent)
		} else {
			b.WriteString(" ")
			line++
		}
		b.WriteString(word)
		line += n
	}
	b.WriteString("\n")
	return b.String()
}

// cutLeft shortens s to width runes keeping its end (the file name of a
// path), marking the cut with "…".
func cutLeft(s string, width int) string {
	r := []rune(s)
	if width <= 0 || len(r) <= width {
		return s
	}
	return "…" + string(r[len(r)-width+1:])
}

// cut shortens s to width runes, marking the cut with "…".
func cut(s string, width int) string {
	if width <= 0 || utf8.RuneCountInString(s) <= width {
		return s
	}
	r := []rune(s)
	return string(r[:width-1]) + "…"
}
