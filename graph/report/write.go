package report

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/safetext"
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
	// Everything goes through a safetext.TerminalWriter, so no title or
	// file name can drive the terminal; the styles are its markers, which
	// become ANSI sequences only with Color.
	term := safetext.NewTerminalWriter(w, opt.Color)
	bw := bufio.NewWriter(term)
	bold, dim, reset := safetext.Bold, safetext.Dim, safetext.Reset
	head := func(s string) { fmt.Fprintf(bw, "\n%s%s%s\n", bold, s, reset) }
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	// para writes a sentence wrapped to the width, indented by two spaces.
	para := func(s string) { bw.WriteString(wrapText(s, width, "  ")) }
	note := func(s string) { bw.WriteString(dim + wrapText(s, width, "  ") + reset) }

	bw.WriteString(bold + wrapText(summary(r), width, "") + reset)
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
			declared(in.Declaring, in.RefsDeclared), problems)
	}
	para(readSummary(r))
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
	for _, s := range dataQuality(r) {
		para(s)
	}
	if r.Enrichment != nil {
		para(r.Enrichment.summary())
	}
	para("Run 'citegraph explain WORK' to see every mention of a work and how it joined.")
	if r.Enrichment != nil && r.Enrichment.Expansion != nil {
		head(r.Enrichment.Expansion.head())
		writeExpansionText(bw, r.Enrichment.Expansion, width)
	}

	head(rankingTitle(r))
	if len(r.Ranking) == 0 {
		p("  No works.\n")
	} else {
		cols := rankColumns(r.Metric, width >= 90)
		fixed := 2 + 4 + 5
		for _, c := range cols {
			fixed += 1 + c.width
		}
		labelW := max(16, width-fixed-1)
		p("  %3s %-*s %4s", "#", labelW, "WORK", "YEAR")
		for _, c := range cols {
			p(" %*s", c.width, c.head)
		}
		p("\n")
		for _, row := range r.Ranking {
			mark := " "
			if row.InCorpus {
				mark = "*"
			}
			p("  %3d %-*s %4s", row.Rank, labelW, cut(mark+row.Name(), labelW), yearOrDash(row.Year))
			for _, c := range cols {
				p(" %*s", c.width, c.cell(row))
			}
			p("\n")
		}
		for _, s := range rankingNotes(r) {
			note(s)
		}
	}

	writePairs := func(title string, rows []PairRow, all int, none, unit string) {
		head(title)
		if len(rows) == 0 {
			para("None: " + none + ".")
			return
		}
		labelW := max(16, (width-2-1-1-6-1-6)/2)
		p("  %-*s %-*s %6s %6s\n", labelW, "WORK", labelW, "WORK", strings.ToUpper(unit), "COSINE")
		for _, row := range rows {
			p("  %-*s %-*s %6d %6.3f\n", labelW, cut(row.ALabel, labelW), labelW, cut(row.BLabel, labelW), row.Count, row.Cosine)
		}
		note(shown(len(rows), all, "pair") + ".")
	}
	writePairs("Bibliographic coupling (works sharing references)", r.Coupling, r.CouplingAll, r.NoCoupling, "shared")
	writePairs("Co-citation (works cited together)", r.Cocitation, r.CocitAll, r.NoCocitation, "count")
	if s := cocitationNote(r); s != "" {
		para(s)
	}

	tw.analyses(r)
	writeMapsText(bw, r, width, head, dim, reset)

	if r.Drawing != nil || len(r.Outputs) > 0 {
		head("Diagram")
		for _, s := range diagramNotes(r) {
			para(s)
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return term.Close()
}

// The sentences of the report, shared by the text and Markdown writers.

// summary is the report's first line.
func summary(r *Report) string {
	return fmt.Sprintf("citegraph: %s read, %s → %s (%s in the corpus, %s cited only), %s",
		plural(len(r.Inputs), "file"), plural(r.Records, "record"), plural(r.Works, "work"),
		thousands(r.CorpusWorks), thousands(r.CitedOnly), plural(r.Citations, "citation"))
}

// readSummary accounts for the references listed against those declared,
// comparing only records that declare a count.
func readSummary(r *Report) string {
	s := fmt.Sprintf("%s, %s listed", plural(r.Records, "record"), plural(r.RefsListed, "reference"))
	switch {
	case r.Declaring == 0:
		s += " (no record declares how many it has)"
	case r.Declaring == r.Records:
		s += fmt.Sprintf(" of %s declared", thousands(r.RefsDeclared))
	default:
		s += fmt.Sprintf("; the %s %s of %s declared", pluralVerb(r.Declaring, "record that declares how many it has lists",
			"records that declare how many they have list"), thousands(r.RefsListedDeclaring), thousands(r.RefsDeclared))
	}
	return s + fmt.Sprintf("; %s no reference list.", pluralVerb(r.NoRefs, "record has", "records have"))
}

// methodWords says in plain words how a reference was matched to its work
// (a Mention.How).
func methodWords(how string) string {
	switch how {
	case "doi":
		return "by DOI"
	case "copy":
		return "as the same reference in a copy of the same record"
	case "key":
		return "by first author, volume and page"
	case "text":
		return "by identical reference text"
	case "title":
		return "by author, year and title"
	case "fuzzy":
		return "by a near-identical title"
	case "venue":
		return "by first author, year and journal"
	}
	if k, ok := strings.CutPrefix(how, "id:"); ok {
		names := map[string]string{"openalex": "OpenAlex", "wos": "Web of Science", "scopus": "Scopus", "pmid": "PubMed",
			"pmcid": "PubMed Central", "lens": "Lens", "mag": "Microsoft Academic", "arxiv": "arXiv", "isbn": "ISBN", "issn": "ISSN"}
		return "by " + cmp.Or(names[k], k) + " ID"
	}
	return "by " + how
}

// dataQuality says how references became works, in plain words.
func dataQuality(r *Report) []string {
	rs := r.Resolution
	if rs.References == 0 {
		return []string{"No references were read."}
	}
	var methods []string
	for k := range rs.ByMethod {
		if k != "new" {
			methods = append(methods, k)
		}
	}
	// most used first, then by name
	slices.SortFunc(methods, func(a, b string) int {
		return cmp.Or(cmp.Compare(rs.ByMethod[b], rs.ByMethod[a]), cmp.Compare(a, b))
	})
	var matched []string
	for _, k := range methods {
		matched = append(matched, thousands(rs.ByMethod[k])+" "+methodWords(k))
	}
	first := fmt.Sprintf("Of the %s, %s named a work for the first time", plural(rs.References, "reference"),
		thousands(rs.ByMethod["new"]))
	if len(matched) > 0 {
		first += "; the others were matched to a work already named: " + strings.Join(matched, ", ")
	}
	out := []string{first + "."}
	var notes []string
	add := func(n int, s string) {
		if n > 0 {
			notes = append(notes, s)
		}
	}
	add(rs.Unresolved, fmt.Sprintf("%s cited only once", pluralVerb(rs.Unresolved, "work is", "works are")))
	add(rs.FuzzyClusters, fmt.Sprintf("%s needed a near-identical title to join", pluralVerb(rs.FuzzyClusters, "work", "works")))
	add(rs.Ambiguous, pluralVerb(rs.Ambiguous, "reference fitted several works equally and was left apart",
		"references fitted several works equally and were left apart"))
	add(rs.CrowdedKeys, fmt.Sprintf("%s (first author with volume and page, year or title) shared by too many "+
		"different references to compare them all, so not used to match them", plural(rs.CrowdedKeys, "key")))
	add(rs.Refused, fmt.Sprintf("%s refused because the merged work would have been inconsistent", plural(rs.Refused, "merge")))
	add(rs.SelfCitations, fmt.Sprintf("%s dropped", plural(rs.SelfCitations, "self-citation")))
	add(rs.RepeatedRefs, fmt.Sprintf("%s of a work already cited by the same paper dropped", plural(rs.RepeatedRefs, "repeated reference")))
	if len(notes) > 0 {
		out = append(out, capital(strings.Join(notes, "; "))+".")
	}
	if rs.DuplicatesMerged > 0 {
		out = append(out, fmt.Sprintf("%s (the same work in another file or format) merged, reference lists united.",
			plural(rs.DuplicatesMerged, "duplicate record")))
	}
	return out
}

// rankingTitle heads the ranking.
func rankingTitle(r *Report) string {
	return "Most central works, ranked by " + graph.MetricName(r.Metric)
}

// rankingNotes explain the ranking's columns and what it leaves out.
func rankingNotes(r *Report) []string {
	out := []string{"* = paper of the corpus; LCS = local citations, from papers of the corpus; GCS = global citations, " +
		"as counted by the database the record came from (- when it gives none); " + shown(len(r.Ranking), r.Works, "work") + "."}
	if r.BetweennessSampled > 0 {
		out = append(out, fmt.Sprintf("Betweenness is estimated from %s of the %s citing works (exact would cost %d times more; "+
			"-betweenness-sources -1 forces it).", thousands(r.BetweennessSampled), thousands(r.BetweennessAll), r.BetweennessAll/r.BetweennessSampled))
	}
	return out
}

// cocitationNote warns when co-citation counts say little.
func cocitationNote(r *Report) string {
	if r.CocitAll > 0 && r.Citing == 1 {
		return "Every co-cited pair comes from the one work that lists references, so all counts are 1 and say little."
	}
	return ""
}

// diagramNotes say what the diagram shows and where it was written.
func diagramNotes(r *Report) []string {
	var out []string
	if r.Drawing != nil {
		out = append(out, r.Drawing.Caption()...)
	}
	for _, o := range r.Outputs {
		out = append(out, "wrote "+o)
	}
	return out
}

func shown(n, all int, unit string) string {
	return fmt.Sprintf("%s of %s shown", thousands(n), plural(all, unit))
}

// column is a numeric column of the ranking.
type column struct {
	head  string
	width int
	cell  func(Row) string
}

// rankColumns are the ranking's numeric columns: LCS and GCS side by side,
// the ranked metric always, the HITS scores when wide.
func rankColumns(metric string, wide bool) []column {
	cols := []column{
		{"LCS", 5, func(r Row) string { return strconv.Itoa(r.LCS) }},
		{"GCS", 6, func(r Row) string { return gcsOrDash(r.GCS) }},
	}
	if metric == "out_degree" {
		cols = append(cols, column{"REFS", 5, func(r Row) string { return strconv.Itoa(r.Refs) }})
	}
	cols = append(cols,
		column{"PAGERANK", 8, func(r Row) string { return num(r.PageRank) }},
		column{"BETWEEN", 8, func(r Row) string { return num(r.Betweenness) }})
	if wide || metric == "hub" {
		cols = append(cols, column{"HUB", 8, func(r Row) string { return num(r.Hub) }})
	}
	if wide || metric == "authority" {
		cols = append(cols, column{"AUTH", 8, func(r Row) string { return num(r.Authority) }})
	}
	return cols
}

// WriteJSON writes the report as one indented JSON object.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(safetext.JSONWriter(w))
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteCSV writes the ranking, the report's main table, as CSV. Text cells
// go through safetext.Cell: a spreadsheet never reads them as formulas.
func WriteCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"rank", "id", "label", "year", "in_corpus", "lcs", "gcs", "refs", "pagerank", "betweenness", "hub", "authority"})
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 8, 64) }
	for _, row := range r.Ranking {
		year, gcs := "", ""
		if row.Year > 0 {
			year = strconv.Itoa(row.Year)
		}
		if row.GCS != nil {
			gcs = strconv.Itoa(*row.GCS)
		}
		cw.Write([]string{strconv.Itoa(row.Rank), safetext.Cell(row.ID), safetext.Cell(row.Label), year, strconv.FormatBool(row.InCorpus),
			strconv.Itoa(row.LCS), gcs, strconv.Itoa(row.Refs), f(row.PageRank), f(row.Betweenness), f(row.Hub), f(row.Authority)})
	}
	cw.Flush()
	return cw.Error()
}

// WriteMarkdown writes the report as Markdown, with every section of the
// text report.
func WriteMarkdown(w io.Writer, r *Report) error {
	// cells go through markdownText; the writer catches the rest
	term := safetext.NewTerminalWriter(w, false)
	bw := bufio.NewWriter(term)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	md := markdownText
	paras := func(ss ...string) {
		for _, s := range ss {
			if s != "" {
				p("\n%s\n", md(s))
			}
		}
	}
	p("# citegraph report\n\n%s.\n", md(strings.TrimPrefix(summary(r), "citegraph: ")))
	mdOverview(bw, r)
	p("\n## What was read\n\n| file | format | records | references | declared | problems |\n|---|---|---:|---:|---:|---:|\n")
	for _, in := range r.Inputs {
		p("| %s | %s | %d | %d | %s | %d |\n", md(in.File), md(in.Format), in.Records, in.RefsListed,
			declared(in.Declaring, in.RefsDeclared), in.Warnings+in.Skipped)
	}
	paras(readSummary(r))
	if len(r.Problems) == 0 {
		paras("Nothing skipped, no damaged records.")
	} else {
		p("\n%s:\n\n", plural(len(r.Problems), "problem"))
		for _, msg := range r.Problems {
			p("- %s\n", md(msg))
		}
	}
	p("\n## Data quality: how references became works\n")
	paras(dataQuality(r)...)
	if r.Enrichment != nil {
		writeOnlineMarkdown(bw, r.Enrichment, md)
	}
	p("\n## %s\n\n", md(rankingTitle(r)))
	cols := rankColumns(r.Metric, true)
	p("| # | work | year |")
	for _, c := range cols {
		p(" %s |", c.head)
	}
	p("\n|---:|---|---:|%s\n", strings.Repeat("---:|", len(cols)))
	for _, row := range r.Ranking {
		label := md(row.Name())
		if row.InCorpus {
			label = "**" + label + "**"
		}
		p("| %d | %s | %s |", row.Rank, label, yearOrDash(row.Year))
		for _, c := range cols {
			p(" %s |", c.cell(row))
		}
		p("\n")
	}
	paras(strings.Replace(rankingNotes(r)[0], "* = paper of the corpus", "bold = paper of the corpus", 1))
	paras(rankingNotes(r)[1:]...)
	for _, sec := range []struct {
		title string
		rows  []PairRow
		all   int
		none  string
		note  string
	}{
		{"Bibliographic coupling (works sharing references)", r.Coupling, r.CouplingAll, r.NoCoupling, ""},
		{"Co-citation (works cited together)", r.Cocitation, r.CocitAll, r.NoCocitation, cocitationNote(r)},
	} {
		p("\n## %s\n", sec.title)
		if len(sec.rows) == 0 {
			paras("None: " + sec.none + ".")
			continue
		}
		p("\n| work | work | count | cosine |\n|---|---|---:|---:|\n")
		for _, row := range sec.rows {
			p("| %s | %s | %d | %.3f |\n", md(row.ALabel), md(row.BLabel), row.Count, row.Cosine)
		}
		paras(shown(len(sec.rows), sec.all, "pair")+".", sec.note)
	}
	if r.Drawing != nil || len(r.Outputs) > 0 {
		p("\n## Diagram\n")
		paras(diagramNotes(r)...)
	}
	mdAnalyses(bw, r)
	writeMapsMarkdown(bw, r, md)
	if err := bw.Flush(); err != nil {
		return err
	}
	return term.Close()
}

// markdownEscaper escapes what Markdown would read as markup (links,
// emphasis, code, table cells) and the HTML a Markdown renderer would pass
// through, so that a title shows as written.
var markdownEscaper = strings.NewReplacer(`\`, `\\`, "|", `\|`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"&", "&amp;", "<", "&lt;", ">", "&gt;", "\n", " ")

// markdownText makes text from the inputs inert in a Markdown table cell or
// list item.
func markdownText(s string) string { return markdownEscaper.Replace(safetext.Terminal(s)) }

// num formats a score in at most 8 columns with 3 significant digits or 4
// decimals: "0.0644", "1.23e-05" (scores of large graphs are small), "0",
// also for values zero within floating-point error.
func num(x float64) string {
	switch {
	case clean(x) == 0:
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
	return thousands(n) + " " + unit + "s"
}

func pluralVerb(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

// declared is a file's declared reference count, "-" when none of its
// records declares one.
func declared(records, refs int) string {
	if records == 0 {
		return "-"
	}
	return strconv.Itoa(refs)
}

func gcsOrDash(n *int) string {
	if n == nil {
		return "-"
	}
	return strconv.Itoa(*n)
}

// thousands writes n with commas between groups of three digits: 13,444.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}

// capital upper-cases the first letter of s.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
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
