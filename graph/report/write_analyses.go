package report

import (
	"bufio"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/citegraph/citegraph/graph/burst"
	"github.com/citegraph/citegraph/graph/overview"
)

// textOut writes sections of the text report.
type textOut struct {
	bw               *bufio.Writer
	width            int
	bold, dim, reset string
}

func (t *textOut) head(s string) { fmt.Fprintf(t.bw, "\n%s%s%s\n", t.bold, s, t.reset) }

// p writes a formatted line, without the spaces that empty trailing
// columns leave.
func (t *textOut) p(format string, args ...any) {
	t.bw.WriteString(strings.TrimRight(fmt.Sprintf(format, args...), " \n") + "\n")
}

func (t *textOut) para(format string, args ...any) {
	t.bw.WriteString(wrapText(fmt.Sprintf(format, args...), t.width, "  "))
}
func (t *textOut) note(format string, args ...any) {
	t.bw.WriteString(t.dim + wrapText(fmt.Sprintf(format, args...), t.width, "  ") + t.reset)
}

// sub writes a heading inside a section.
func (t *textOut) sub(s string) { fmt.Fprintf(t.bw, "\n  %s%s%s\n", t.bold, s, t.reset) }

// years writes the restriction to publication years, if any.
func (t *textOut) years(r *Report) {
	y := r.Years
	if y == nil {
		return
	}
	slice := ""
	if y.Slices > 0 {
		slice = fmt.Sprintf(" (slice %d of %d)", y.Slice, y.Slices)
	}
	t.para("Years %d–%d%s: %s kept, %d published outside these years and %d without a year left out.",
		y.From, y.To, slice, plural(y.Kept, "record"), y.Outside, y.Undated)
}

// overview writes the corpus overview, the report's first section.
func (t *textOut) overview(r *Report) {
	ov := r.Overview
	if ov == nil {
		return
	}
	t.head("Corpus overview")
	span := "no publication years"
	if ov.FirstYear > 0 {
		span = fmt.Sprintf("%d–%d", ov.FirstYear, ov.LastYear)
	}
	t.para("%s · %s from %s · %s · %s.", span, plural(ov.Documents, "document"), plural(ov.Records, "record"),
		plural(ov.Sources, "source"), plural(ov.Authors, "author"))
	if ov.FirstYear > 0 {
		t.para("Annual growth %.2f%% · average age %.1f years (to %d) · %s listed, to %s.", ov.GrowthRate, ov.AverageAge, ov.RefYear,
			plural(ov.References, "reference"), plural(ov.CitedWorks, "distinct work"))
	}
	if ov.WithCitations > 0 {
		t.para("Citations per document (GCS, stated for %d): %.2f, per year since publication %.2f · %s among the documents (LCS).",
			ov.WithCitations, ov.CitationsPerDoc, ov.CitationsPerDocYr, plural(ov.LocalCitations, "local citation"))
	} else {
		t.para("No global citation counts stated · %s among the documents (LCS).", plural(ov.LocalCitations, "local citation"))
	}
	var parts []string
	for _, c := range ov.Types {
		parts = append(parts, fmt.Sprintf("%s %d", c.Name, c.Count))
	}
	t.para("Types: %s.", strings.Join(parts, " · "))
	if len(ov.Production) > 0 {
		parts = parts[:0]
		empty := 0
		for _, y := range ov.Production {
			if y.Documents == 0 {
				empty++
				continue
			}
			parts = append(parts, fmt.Sprintf("%d %d", y.Year, y.Documents))
		}
		none := ""
		if empty > 0 {
			none = fmt.Sprintf(" (none in the other %s)", plural(empty, "year"))
		}
		t.para("Production: %s%s.", strings.Join(parts, " · "), none)
	}
	if ov.Authors > 0 {
		single := ""
		if ov.SingleAuthoredDocs > 0 {
			single = fmt.Sprintf("; %s by %s", plural(ov.SingleAuthoredDocs, "single-authored document"), plural(ov.SingleDocAuthors, "author"))
		}
		t.para("Authors: %d appearances, %.2f per document%s.", ov.AuthorAppearances, ov.CoAuthorsPerDoc, single)
	}
	if l := ov.Lotka; l.Fitted {
		t.para("Lotka's law: β = %.2f, C = %.3f, R² = %.3f (the inverse-square law has β = 2, C = 0.608).", l.Beta, l.C, l.R2)
	}
	if ov.InternationalShare > 0 || len(ov.Countries) > 0 {
		t.para("International co-authorship: %.1f%% of the documents with countries.", ov.InternationalShare)
	}

	nameW := max(16, t.width-2-6-7-5-5-7)
	if len(ov.TopAuthors) > 0 {
		t.sub("Most productive authors")
		t.p("  %-*s %5s %6s %4s %4s %6s\n", nameW, "AUTHOR", "DOCS", "FRAC", "H", "G", "CITED")
		for _, a := range ov.TopAuthors {
			t.p("  %-*s %5d %6.2f %4d %4d %6d\n", nameW, cut(a.Name, nameW), a.Documents, a.Fractional, a.H, a.G, a.Citations)
		}
		t.note("DOCS counts each document fully, FRAC by 1/authors; H, G: h- and g-index by the documents' global citations.")
		t.bw.WriteString(wrapText("By fractional count: "+joinAuthors(ov.TopFractional, func(a overview.Author) string {
			return strconv.FormatFloat(a.Fractional, 'f', 2, 64)
		})+".", t.width, "  "))
		t.bw.WriteString(wrapText("By h-index: "+joinAuthors(ov.TopImpact, func(a overview.Author) string { return "h " + strconv.Itoa(a.H) })+".", t.width, "  "))
	}
	if len(ov.TopSources) > 0 {
		t.sub("Most relevant sources")
		srcW := max(16, t.width-2-6-5-7)
		t.p("  %-*s %5s %4s %6s\n", srcW, "SOURCE", "DOCS", "H", "CITED")
		for _, s := range ov.TopSources {
			t.p("  %-*s %5d %4d %6d\n", srcW, cut(s.Name, srcW), s.Documents, s.H, s.Citations)
		}
	}
	cited := func(title string, rows []overview.Cited) {
		if len(rows) == 0 {
			return
		}
		t.sub(title)
		w := max(16, t.width-2-5-7-7-8)
		t.p("  %-*s %4s %6s %6s %7s\n", w, "DOCUMENT", "YEAR", "LOCAL", "GLOBAL", "PER YR")
		for _, c := range rows {
			global, perYear := "-", "-"
			if c.Global >= 0 {
				global, perYear = strconv.Itoa(c.Global), strconv.FormatFloat(c.GlobalPerYear, 'f', 2, 64)
			}
			t.p("  %-*s %4s %6d %6s %7s\n", w, cut(c.Label, w), yearOrDash(c.Year), c.Local, global, perYear)
		}
	}
	cited("Most cited in the corpus (LCS)", ov.MostLocal)
	cited("Most cited globally (GCS)", ov.MostGlobal)
	for _, kw := range []struct {
		title string
		rows  []overview.Count
		all   int
	}{{"Most frequent keywords", ov.TopKeywords, ov.Keywords}, {"Most frequent index keywords", ov.TopIndexKeywords, ov.IndexKeywords}} {
		if len(kw.rows) == 0 {
			continue
		}
		t.sub(kw.title)
		parts = parts[:0]
		for _, k := range kw.rows {
			parts = append(parts, fmt.Sprintf("%s %d", k.Name, k.Count))
		}
		t.para("%s (of %d distinct).", strings.Join(parts, " · "), kw.all)
	}
	if len(ov.Countries) > 0 {
		t.sub("Countries (first author)")
		w := max(16, t.width-2-6-5-5-7)
		t.p("  %-*s %5s %4s %4s %6s\n", w, "COUNTRY", "DOCS", "SCP", "MCP", "CITED")
		for k, c := range ov.Countries {
			if k == 10 {
				break
			}
			t.p("  %-*s %5d %4d %4d %6d\n", w, cut(c.Name, w), c.Documents, c.Single, c.Multiple, c.Citations)
		}
	}
}

func joinAuthors(as []overview.Author, val func(overview.Author) string) string {
	var parts []string
	for _, a := range as {
		parts = append(parts, a.Name+" "+val(a))
	}
	return strings.Join(parts, " · ")
}

// bigShort formats an exact integer for a table: in full up to 12
// digits, else as "1.268e+30".
func bigShort(s string) string {
	if len(s) <= 12 {
		return s
	}
	f, _, err := big.ParseFloat(s, 10, 64, big.ToNearestEven)
	if err != nil {
		return s
	}
	return f.Text('e', 3)
}

// analyses writes the main path, RPYS and burst sections.
func (t *textOut) analyses(r *Report) {
	if mp := r.MainPath; mp != nil {
		t.head(fmt.Sprintf("Main path analysis (%s)", mp.Weight))
		t.para("%s and %s, from each cited to each citing work; %s paths counted by %s.", plural(mp.Nodes, "node"),
			plural(mp.Arcs, "arc"), bigShort(mp.Paths), mp.Weight)
		if len(mp.Cycles) > 0 {
			var cs []string
			for _, c := range mp.Cycles {
				cs = append(cs, strings.Join(c, " ↔ "))
			}
			t.para("%s of works citing each other shrunk into single nodes: %s.", plural(len(mp.Cycles), "cycle"), strings.Join(cs, "; "))
		}
		steps := func(title string, p PathRows) {
			t.sub(title)
			if len(p.Steps) == 0 {
				t.para("None: no work cites another.")
				return
			}
			w := max(12, t.width-2-5-3*13)
			t.p("  %4s %-*s %12s %12s %12s\n", "YEAR", w, "WORK", "SPC", "SPLC", "SPNP")
			for _, s := range p.Steps {
				label := s.Label
				if s.Branches > 1 {
					label = fmt.Sprintf("%s (%d ways on)", label, s.Branches)
				}
				t.p("  %4s %-*s %12s %12s %12s\n", yearOrDash(s.Year), w, cut(label, w), bigShort(s.SPC), bigShort(s.SPLC), bigShort(s.SPNP))
			}
		}
		tol := ""
		if mp.Tolerance > 0 {
			tol = fmt.Sprintf(", tolerance %g", mp.Tolerance)
		}
		steps(fmt.Sprintf("Local forward main path: %s%s", plural(mp.Local.Works, "work"), tol), mp.Local)
		steps(fmt.Sprintf("Global main path: %s, total %s %s", plural(mp.Global.Works, "work"), mp.Weight, bigShort(mp.GlobalWeight)), mp.Global)
		t.note("Weights of the heaviest path arc leaving each work, to the next one down. Local backward main path: %s; key-route main path from the %s: %s, %s.",
			plural(mp.Backward.Works, "work"), plural(mp.KeyArcs, "heaviest arc"), plural(mp.KeyRoute.Works, "work"), plural(mp.KeyRoute.Arcs, "arc"))
	}
	if sp := r.RPYS; sp != nil {
		t.head("Reference publication year spectroscopy")
		if len(sp.Years) == 0 {
			t.para("No cited work has a publication year.")
		} else {
			t.para("%s of works published %d–%d (%d undated, %d outside the years); deviation from the median of %s.",
				plural(sp.Citations, "citation"), sp.Years[0].Year, sp.Years[len(sp.Years)-1].Year, sp.Undated, sp.Outside, sp.Window)
			if len(sp.Peaks) == 0 {
				t.para("No year stands above its neighbours.")
			} else {
				w := max(16, t.width-2-5-7-10)
				t.p("  %4s %6s %9s %-*s\n", "PEAK", "NCR", "DEVIATION", w, "MOST CITED WORKS OF THE YEAR")
				for _, pk := range sp.Peaks {
					for k, c := range pk.Top {
						if k == 3 {
							break
						}
						count := fmt.Sprintf(" (%d)", c.Citations)
						work := cut(c.Label, w-len(count)) + count
						if k == 0 {
							t.p("  %4d %6d %+9.1f %s\n", pk.Year, pk.Citations, pk.Deviation, work)
						} else {
							t.p("  %4s %6s %9s %s\n", "", "", "", work)
						}
					}
				}
			}
		}
	}
	if b := r.Bursts; b != nil {
		t.head(fmt.Sprintf("Citation bursts (Kleinberg: s = %g, γ = %g, at least %s)", b.S, b.Gamma, plural(b.MinYears, "year")))
		t.burstRows("Works", b.Works, b, b.WorksTested, "works cited at least twice", true)
		t.burstRows("Keywords", b.Keywords, b, b.KeywordsTested, "keywords used at least twice", false)
	}
}

// burstRows writes one burst table, with a timeline of the years when the
// width allows: "·" before the work's year, "─" after, "█" in the burst.
func (t *textOut) burstRows(title string, rows []burst.Row, b *burst.Result, tested int, unit string, years bool) {
	t.sub(fmt.Sprintf("%s: %s among the %d %s", title, plural(len(rows), "burst"), tested, unit))
	if len(rows) == 0 {
		return
	}
	n := b.To - b.From + 1
	line := n <= 40 && t.width-2-5-9-6-6-n-1 >= 24
	w := t.width - 2 - 5 - 9 - 6 - 5
	if line {
		w -= n + 1
	}
	w = max(12, w)
	head := fmt.Sprintf("  %-*s %4s %8s %5s %4s", w, strings.ToUpper(title[:len(title)-1]), "YEAR", "STRENGTH", "BEGIN", "END")
	if span := fmt.Sprintf("%d–%d", b.From, b.To); line && utf8.RuneCountInString(span) <= n {
		head += " " + span
	} else if line && n >= 4 {
		head += " " + strconv.Itoa(b.From)
	}
	t.p("%s", head)
	for _, r := range rows {
		row := fmt.Sprintf("  %-*s %4s %8.2f %5d %4d", w, cut(r.Label, w), yearOrDash(r.Year), r.Strength, r.Begin, r.End)
		if line {
			var sb strings.Builder
			for y := b.From; y <= b.To; y++ {
				switch {
				case y >= r.Begin && y <= r.End:
					sb.WriteString("█")
				case years && r.Year > 0 && y < r.Year:
					sb.WriteString("·")
				default:
					sb.WriteString("─")
				}
			}
			row += " " + sb.String()
		}
		t.p("%s", row)
	}
}

// mdOverview writes the restriction to years and the corpus overview in
// Markdown.
func mdOverview(bw *bufio.Writer, r *Report) {
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	md := markdownText
	if y := r.Years; y != nil {
		p("\nYears %d–%d: %d records kept, %d outside these years and %d without a year left out.\n", y.From, y.To, y.Kept, y.Outside, y.Undated)
	}
	ov := r.Overview
	if ov == nil {
		return
	}
	p("\n## Corpus overview\n\n| | |\n|---|---|\n")
	if ov.FirstYear > 0 {
		p("| timespan | %d–%d |\n", ov.FirstYear, ov.LastYear)
	}
	p("| documents (records) | %d (%d) |\n| sources | %d |\n| annual growth | %.2f%% |\n| average age (to %d) | %.1f |\n",
		ov.Documents, ov.Records, ov.Sources, ov.GrowthRate, ov.RefYear, ov.AverageAge)
	p("| citations per document (GCS, %d stated) | %.2f |\n| citations per document per year | %.2f |\n| local citations (LCS) | %d |\n",
		ov.WithCitations, ov.CitationsPerDoc, ov.CitationsPerDocYr, ov.LocalCitations)
	p("| references (distinct works) | %d (%d) |\n| keywords (index keywords) | %d (%d) |\n| authors (appearances) | %d (%d) |\n| single-authored documents | %d |\n| authors per document | %.2f |\n",
		ov.References, ov.CitedWorks, ov.Keywords, ov.IndexKeywords, ov.Authors, ov.AuthorAppearances, ov.SingleAuthoredDocs, ov.CoAuthorsPerDoc)
	if l := ov.Lotka; l.Fitted {
		p("| Lotka's law | β = %.2f, C = %.3f, R² = %.3f |\n", l.Beta, l.C, l.R2)
	}
	for _, c := range ov.Types {
		p("| type: %s | %d |\n", md(c.Name), c.Count)
	}
	if len(ov.Production) > 0 {
		p("\n| year | documents |\n|---:|---:|\n")
		for _, y := range ov.Production {
			p("| %d | %d |\n", y.Year, y.Documents)
		}
	}
	if len(ov.TopAuthors) > 0 {
		p("\n### Most productive authors\n\n| author | documents | fractional | h | g | citations |\n|---|---:|---:|---:|---:|---:|\n")
		for _, a := range ov.TopAuthors {
			p("| %s | %d | %.2f | %d | %d | %d |\n", md(a.Name), a.Documents, a.Fractional, a.H, a.G, a.Citations)
		}
	}
	if len(ov.TopSources) > 0 {
		p("\n### Most relevant sources\n\n| source | documents | h | citations |\n|---|---:|---:|---:|\n")
		for _, s := range ov.TopSources {
			p("| %s | %d | %d | %d |\n", md(s.Name), s.Documents, s.H, s.Citations)
		}
	}
	for _, sec := range []struct {
		title string
		rows  []overview.Cited
	}{{"Most cited in the corpus (LCS)", ov.MostLocal}, {"Most cited globally (GCS)", ov.MostGlobal}} {
		if len(sec.rows) == 0 {
			continue
		}
		p("\n### %s\n\n| document | year | local | global |\n|---|---:|---:|---:|\n", sec.title)
		for _, c := range sec.rows {
			global := "-"
			if c.Global >= 0 {
				global = strconv.Itoa(c.Global)
			}
			p("| %s | %s | %d | %s |\n", md(c.Label), yearOrDash(c.Year), c.Local, global)
		}
	}
	for _, kw := range []struct {
		title string
		rows  []overview.Count
	}{{"Most frequent keywords", ov.TopKeywords}, {"Most frequent index keywords", ov.TopIndexKeywords}} {
		if len(kw.rows) == 0 {
			continue
		}
		p("\n### %s\n\n| keyword | documents |\n|---|---:|\n", kw.title)
		for _, k := range kw.rows {
			p("| %s | %d |\n", md(k.Name), k.Count)
		}
	}
	if len(ov.Countries) > 0 {
		p("\n### Countries (first author)\n\n| country | documents | SCP | MCP | citations |\n|---|---:|---:|---:|---:|\n")
		for _, c := range ov.Countries {
			p("| %s | %d | %d | %d | %d |\n", md(c.Name), c.Documents, c.Single, c.Multiple, c.Citations)
		}
	}
}

// mdAnalyses writes the main path, RPYS and burst sections in Markdown.
func mdAnalyses(bw *bufio.Writer, r *Report) {
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	md := markdownText
	if mp := r.MainPath; mp != nil {
		p("\n## Main path analysis (%s)\n\n%d nodes, %d arcs, %s paths counted by %s; %d cycles shrunk.\n", mp.Weight, mp.Nodes, mp.Arcs, mp.Paths, mp.Weight, len(mp.Cycles))
		for _, sec := range []struct {
			title string
			rows  PathRows
		}{{"Local forward main path", mp.Local}, {"Global main path (total " + mp.GlobalWeight + ")", mp.Global}} {
			p("\n### %s\n\n| year | work | SPC | SPLC | SPNP |\n|---:|---|---:|---:|---:|\n", sec.title)
			for _, s := range sec.rows.Steps {
				p("| %s | %s | %s | %s | %s |\n", yearOrDash(s.Year), md(s.Label), s.SPC, s.SPLC, s.SPNP)
			}
		}
		p("\nKey-route main path from the %d heaviest arcs: %d works, %d arcs.\n", mp.KeyArcs, mp.KeyRoute.Works, mp.KeyRoute.Arcs)
	}
	if sp := r.RPYS; sp != nil && len(sp.Peaks) > 0 {
		p("\n## Reference publication year spectroscopy\n\nDeviation from the median of %s.\n\n| peak | NCR | deviation | most cited works |\n|---:|---:|---:|---|\n", sp.Window)
		for _, pk := range sp.Peaks {
			var works []string
			for _, c := range pk.Top {
				works = append(works, fmt.Sprintf("%s (%d)", md(c.Label), c.Citations))
			}
			p("| %d | %d | %+.1f | %s |\n", pk.Year, pk.Citations, pk.Deviation, strings.Join(works, "; "))
		}
	}
	if b := r.Bursts; b != nil {
		p("\n## Citation bursts\n\nKleinberg's two-state automaton, s = %g, γ = %g, at least %d years; years %d–%d.\n", b.S, b.Gamma, b.MinYears, b.From, b.To)
		for _, sec := range []struct {
			title string
			rows  []burst.Row
		}{{"Works", b.Works}, {"Keywords", b.Keywords}} {
			if len(sec.rows) == 0 {
				continue
			}
			p("\n### %s\n\n| %s | year | strength | begin | end |\n|---|---:|---:|---:|---:|\n", sec.title, strings.ToLower(sec.title[:len(sec.title)-1]))
			for _, row := range sec.rows {
				p("| %s | %s | %.2f | %d | %d |\n", md(row.Label), yearOrDash(row.Year), row.Strength, row.Begin, row.End)
			}
		}
	}
}
