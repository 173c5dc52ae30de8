package parse

import (
	"cmp"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// This file turns a network read from a Pajek, GraphML or GEXF file into
// records, so that a citation network from Pajek or Gephi gets everything
// a bibliographic export gets (metrics, report, maps).
//
// Every vertex becomes a record carrying a network-local identifier,
// IDs["net"] = "<file stem>#<vertex id>", and every arc a reference of the
// citing vertex carrying the cited vertex's identifier: resolution joins
// them exactly, by identifier, whatever the labels say, and two vertices
// can never merge (a work holds one value of each identifier). The same
// network read twice (SmaGri.net and SmaGri.paj) gives the same
// identifiers, so its vertices are merged as copies instead of doubled.
// Labels, years and other attributes become the record's fields where they
// can be told apart (a "title", "year", "doi" attribute; HistCite's
// "SMALL-H-1973-V24-P265" long labels; a publication-year partition), so
// that the network's works can also meet the same works read from other
// files. A vertex marked in_corpus=false (as citegraph's own exports mark
// works known only from reference lists) is not a record but the target of
// its citers' references, described by its attributes.

// netGraph is a network as read, before it becomes records.
type netGraph struct {
	key      string // stem of the file, the namespace of the vertices' identifiers
	directed bool   // arcs; false for edges
	// citingFirst says the file states that arcs go from citing to cited
	// (citegraph's own exports do).
	citingFirst bool
	verts       []netVertex
	index       map[string]int // vertex id → position
	arcs        []netArc
	values      []netValues // Pajek partitions and vectors
}

type netVertex struct {
	id    string
	line  int
	label string
	attrs map[string]string // attribute values by netAttrName
}

type netArc struct {
	from, to   int
	line       int
	undirected bool
}

// netValues is a Pajek partition or vector: one value per vertex.
type netValues struct {
	name      string // the section's name or the file's
	hint      string // what the name says of the values ("PubYear", "PY", "GCS"); "" means name
	line      int
	partition bool
	vals      []float64
}

func newNetGraph(file string) *netGraph {
	stem := filepath.Base(file)
	if i := strings.IndexByte(stem, '.'); i > 0 {
		stem = stem[:i]
	}
	return &netGraph{key: strings.ToLower(stem), index: map[string]int{}}
}

// vertex returns the position of vertex id, adding it if it is new.
func (g *netGraph) vertex(id string, line int) int {
	if i, ok := g.index[id]; ok {
		return i
	}
	g.index[id] = len(g.verts)
	g.verts = append(g.verts, netVertex{id: id, line: line})
	return len(g.verts) - 1
}

func (v *netVertex) set(name, value string) {
	value = CleanSpace(value)
	if value == "" {
		return
	}
	if v.attrs == nil {
		v.attrs = map[string]string{}
	}
	if _, ok := v.attrs[name]; !ok {
		v.attrs[name] = value
	}
}

// netAttrName puts an attribute name in the form it is looked up in:
// lower case letters and digits only ("Pub. year" → "pubyear").
func netAttrName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, s)
}

// netFields maps attribute names, as netAttrName gives them, to the record
// field they fill.
var netFields = map[string]string{
	"title": "title", "ti": "title", "papertitle": "title",
	"authors": "authors", "author": "authors", "au": "authors", "af": "authors", "creators": "authors",
	"year": "year", "py": "year", "pubyear": "year", "publicationyear": "year", "date": "year",
	"venue": "venue", "journal": "venue", "source": "venue", "so": "venue", "sourcetitle": "venue",
	"containertitle": "venue",
	"doi":            "doi", "di": "doi", "url": "url",
	"volume": "volume", "vl": "volume", "vol": "volume", "pages": "pages", "page": "pages", "bp": "pages",
	"incorpus": "incorpus",
	"gcs":      "gcs", "citedby": "gcs", "timescited": "gcs", "tc": "gcs", "globalcitations": "gcs",
	"wos": "id:wos", "ut": "id:wos", "eid": "id:scopus", "scopus": "id:scopus", "pmid": "id:pmid",
	"openalex": "id:openalex",
	// a work ID as citegraph writes it ("doi:10.…", "openalex:W…"): the
	// GraphML name, or a GEXF node id
	"name": "workid", "workid": "workid",
}

// netWorkID reads an identifier out of a citegraph work ID.
var netWorkID = regexp.MustCompile(`^(doi|openalex|wos|scopus|pmid|pmcid|lens|arxiv|mag):(\S+)$`)

// histCiteLabel is a HistCite long label: AUTHOR-INITIALS-YEAR-Vvol-Ppage.
var histCiteLabel = regexp.MustCompile(`^(.+?)-([A-Z]{0,4})-(\d{4})-V([^-]*)-P(.*)$`)

// wosAuthorLabel is a label that is one author as WoS writes it
// ("GARFIELD E", "White HD").
var wosAuthorLabel = regexp.MustCompile(`^[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)? [A-Z]{1,4}$`)

// emit turns the network into records (see the top of this file).
func (g *netGraph) emit(s *Sink, format string) {
	g.applyValues(s)
	recs := make([]Record, len(g.verts))
	corpus := make([]bool, len(g.verts))
	for i := range g.verts {
		recs[i], corpus[i] = g.record(i)
	}
	reverse := g.orient(s, recs)
	out := make([][]int, len(g.verts)) // arcs by citing vertex
	for k, a := range g.arcs {
		from, to := a.from, a.to
		if a.undirected {
			// an edge of an undirected network: the newer work cites
			if recs[from].Year < recs[to].Year && recs[from].Year > 0 {
				from, to = to, from
			}
		} else if reverse {
			from, to = to, from
		}
		g.arcs[k].from, g.arcs[k].to = from, to
		out[from] = append(out[from], k)
	}
	outside := 0
	for i := range g.verts {
		if !corpus[i] {
			if len(out[i]) == 0 {
				continue
			}
			outside++
		}
		r := recs[i]
		for _, k := range out[i] {
			a := g.arcs[k]
			ref := Reference{Raw: recs[a.to].Label, IDs: map[string]string{"net": recs[a.to].IDs["net"]}, Line: a.line}
			if !corpus[a.to] { // described only here
				t := &recs[a.to]
				ref.Authors, ref.Year, ref.Title, ref.Venue = t.Authors, t.Year, t.Title, t.Venue
				ref.Volume, ref.Pages, ref.DOI = t.Volume, t.Pages, t.DOI
				for k, v := range t.IDs {
					ref.IDs[k] = v
				}
			}
			r.References = append(r.References, ref)
		}
		r.Format = format
		s.Add(r)
	}
	if outside > 0 {
		s.Warnf(0, "%d vertices marked in_corpus=false cite other vertices: read as works of the corpus", outside)
	}
}

// record builds the record of vertex i, and says whether the vertex is a
// work of the corpus.
func (g *netGraph) record(i int) (Record, bool) {
	v := &g.verts[i]
	r := Record{Line: v.line, IDs: map[string]string{"net": g.key + "#" + v.id}}
	corpus := true
	// in name order, the first attribute of a field filling it: the same
	// record whatever order the file or the map gives them in
	names := make([]string, 0, len(v.attrs))
	for name := range v.attrs {
		names = append(names, name)
	}
	slices.Sort(names)
	done := map[string]bool{}
	for _, name := range names {
		field, val := netFields[name], v.attrs[name]
		if field == "url" {
			field = "doi"
		}
		if done[field] {
			continue
		}
		done[field] = true
		switch {
		case field == "title":
			r.Title = val
		case field == "authors":
			for _, a := range splitAuthors(val) {
				if au := ParseName(a); au.Family != "" {
					r.Authors = append(r.Authors, au)
				}
			}
		case field == "year":
			r.Year = ParseYear(val)
		case field == "venue":
			r.Venue = val
		case field == "doi":
			r.DOI = FindDOI(val)
			done[field] = r.DOI != ""
		case field == "volume":
			r.Volume = val
		case field == "pages":
			r.Pages = val
		case field == "incorpus":
			corpus = !slices.Contains([]string{"false", "0", "no", "f"}, strings.ToLower(val))
		case field == "gcs":
			if n, err := strconv.Atoi(strings.TrimSuffix(val, ".0")); err == nil && n >= 0 {
				r.CitedBy = IntPtr(n)
			}
		case strings.HasPrefix(field, "id:"):
			r.SetID(field[3:], val)
		case field == "workid":
			g.workID(&r, val)
		default:
			delete(done, field)
		}
	}
	g.workID(&r, v.id)
	label := v.label
	if long := v.attrs["longlabel"]; long != "" {
		label = long
	}
	if m := histCiteLabel.FindStringSubmatch(label); m != nil {
		if len(r.Authors) == 0 {
			r.Authors = []Author{{Family: m[1], Given: m[2]}}
		}
		if r.Year == 0 {
			r.Year, _ = strconv.Atoi(m[3])
		}
		r.Volume, r.Pages = cmp.Or(r.Volume, m[4]), cmp.Or(r.Pages, m[5])
	} else if r.Title == "" && len(r.Authors) == 0 && label != "" {
		if wosAuthorLabel.MatchString(label) {
			r.Authors = []Author{ParseName(label)}
		} else {
			r.Title = label
		}
	}
	r.Label = cmp.Or(label, r.Title, "vertex "+v.id)
	return r, corpus
}

// workID takes the identifier out of a citegraph work ID.
func (g *netGraph) workID(r *Record, id string) {
	m := netWorkID.FindStringSubmatch(id)
	if m == nil {
		return
	}
	if m[1] == "doi" {
		if r.DOI == "" {
			r.DOI = NormalizeDOI(m[2])
		}
		return
	}
	if r.IDs[m[1]] == "" {
		r.SetID(m[1], m[2])
	}
}

// splitAuthors splits an author list at semicolons, or at " and " and
// "|" when there are none.
func splitAuthors(s string) []string {
	for _, sep := range []string{";", "|", " and "} {
		if strings.Contains(s, sep) {
			return strings.Split(s, sep)
		}
	}
	return []string{s}
}

// applyValues uses the Pajek partitions and vectors that say something a
// record holds: publication years, global citation counts.
func (g *netGraph) applyValues(s *Sink) {
	var unused []string
	for _, pv := range g.values {
		name := pv.name
		if pv.hint == "" {
			pv.hint = pv.name
		}
		switch {
		case pv.partition && slices.Contains([]string{"incorpus", "corpus"}, netAttrName(pv.hint)):
			for i, c := range pv.vals {
				if i < len(g.verts) {
					g.verts[i].set("incorpus", strconv.FormatBool(c != 0))
				}
			}
		case netYears(pv):
			for i, y := range pv.vals {
				if i < len(g.verts) && y >= 1500 && y <= 2100 {
					g.verts[i].set("year", strconv.Itoa(int(y)))
				}
			}
			s.Warnf(pv.line, "publication years from %s", name)
		case netCitations(pv):
			for i, c := range pv.vals {
				if i < len(g.verts) {
					g.verts[i].set("gcs", strconv.Itoa(int(c)))
				}
			}
			s.Warnf(pv.line, "global citation counts from %s", name)
		default:
			unused = append(unused, name)
		}
	}
	if len(unused) > 0 {
		s.Warnf(0, "%s not used: only publication years and global citation counts become fields of a work", strings.Join(unused, ", "))
	}
}

// netYears reports whether a partition or vector holds publication years:
// its name says so ("PubYear", "SmaGriPY.clu") or, nameless, all its
// values are plausible years.
func netYears(pv netValues) bool {
	named := strings.Contains(strings.ToLower(pv.hint), "year") || netPY.MatchString(pv.hint)
	dated, n := 0, 0
	for _, v := range pv.vals {
		if v != 0 {
			n++
			if v >= 1500 && v <= 2100 && v == float64(int(v)) {
				dated++
			}
		}
	}
	return n > 0 && (named && dated*10 >= n*9 || dated == n && !netCitations(pv))
}

// netPY finds WoS's PY (publication year) tag in a name: "PY", "SmaGriPY.clu".
var netPY = regexp.MustCompile(`(^|[^A-Z])PY([^A-Za-z]|$)|[a-z]PY\b`)

// netCitations reports whether a vector holds global citation counts
// (HistCite's GCS: WoS times cited).
func netCitations(pv netValues) bool {
	n := strings.ToUpper(pv.hint)
	if !strings.Contains(n, "GCS") && !strings.Contains(n, "CITED") && !strings.Contains(n, "CITATION") {
		return false
	}
	for _, v := range pv.vals {
		if v < 0 || v != float64(int(v)) {
			return false
		}
	}
	return true
}

// orient decides which way the arcs go. A citation network's arcs may go
// from the citing to the cited work (citegraph, networkx, Gephi, WoS2Pajek)
// or from the cited to the citing work (the HistCite networks of Garfield's
// collection, drawn in the direction of time). Where the file does not say,
// the publication years decide: when far more dated arcs point to a newer
// work than to an older one, they are read as cited → citing and turned
// round. It reports whether they were, and says what it decided.
func (g *netGraph) orient(s *Sink, recs []Record) (reverse bool) {
	if len(g.arcs) == 0 {
		return false
	}
	if !g.directed {
		s.Warnf(0, "an undirected network: each edge is read as the newer work citing the older, or as written when the years do not tell")
		return false
	}
	if g.citingFirst {
		return false
	}
	older, newer := 0, 0
	for _, a := range g.arcs {
		yf, yt := recs[a.from].Year, recs[a.to].Year
		switch {
		case yf == 0 || yt == 0:
		case yf < yt:
			newer++
		case yf > yt:
			older++
		}
	}
	switch {
	case newer >= 3 && newer > 2*older:
		s.Warnf(0, "%d of %d dated arcs point to a newer work: arcs read as going from the cited to the citing work, and turned round", newer, newer+older)
		return true
	case older+newer == 0:
		s.Warnf(0, "no publication years to check the direction of the arcs: read as going from the citing to the cited work")
	case newer > older:
		s.Warnf(0, "%d of %d dated arcs point to a newer work, too few to turn them round: read as going from the citing to the cited work", newer, newer+older)
	}
	return false
}

// netSiblingCompanions lists the files beside a network file that complete
// it: those whose names begin with its stem and end in one of exts.
func netSiblingCompanions(s *Sink, exts ...string) []string {
	if s.Siblings == nil {
		return nil
	}
	base := filepath.Base(s.File)
	stem := strings.ToLower(strings.TrimSuffix(base, filepath.Ext(base)))
	var out []string
	for _, n := range s.Siblings.Names() {
		ln := strings.ToLower(n)
		if n == base || !strings.HasPrefix(ln, stem) {
			continue
		}
		for _, e := range exts {
			if strings.HasSuffix(ln, e) {
				out = append(out, n)
			}
		}
	}
	slices.Sort(out)
	return out
}
