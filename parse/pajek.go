package parse

import (
	"io"
	"path/filepath"
	"strconv"
	"strings"
)

func init() {
	register(Format{Name: "pajek", Order: 15, Sniff: pajekSniff, Read: pajekRead})
}

// pajekSniff recognises a Pajek network (.net) or project (.paj): after
// comment lines (%) and a *Network line, a *Vertices line followed by a
// vertex line ("1 \"label\"") or by a section of arcs or edges; and, by
// their names, the partitions (.clu), vectors (.vec) and long labels (.nam)
// that complete a network, so that they are named as such.
func pajekSniff(name string, head []byte) bool {
	if pajekCompanion(name) {
		f := strings.Fields(string(head[:min(len(head), 200)]))
		return len(f) >= 2 && (strings.EqualFold(f[0], "*vertices") || isDigits(f[0]) && strings.HasPrefix(f[1], "\""))
	}
	lines := strings.Split(string(head), "\n")
	seen := 0
	for i := 0; i < len(lines) && seen < 3; i++ {
		l := strings.TrimSpace(strings.TrimPrefix(lines[i], "\ufeff"))
		if l == "" || l[0] == '%' {
			continue
		}
		seen++
		low := strings.ToLower(l)
		switch {
		case strings.HasPrefix(low, "*network"):
			continue // a network's name: its *Vertices line decides
		case strings.HasPrefix(low, "*vertices"):
			f := strings.Fields(l)
			if len(f) < 2 || !isDigits(f[1]) {
				return false
			}
			for _, next := range lines[i+1:] {
				next = strings.TrimSpace(next)
				if next == "" || next[0] == '%' {
					continue
				}
				nf := strings.Fields(next)
				lowNext := strings.ToLower(next)
				return strings.HasPrefix(lowNext, "*arcs") || strings.HasPrefix(lowNext, "*edges") ||
					len(nf) >= 2 && isDigits(nf[0]) && strings.HasPrefix(nf[1], "\"")
			}
			return false
		default:
			return false
		}
	}
	return false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// pajekUnlisted bounds the vertices a *Vertices line may create beyond
// those listed or linked (Pajek gives them their numbers for labels): at
// most this many, or ten times the lines read, so that a damaged count in a
// small file cannot create millions of records.
const pajekUnlisted = 10000

// pajekRead reads a Pajek network (.net: *Vertices, then *Arcs, *Edges,
// *Arcslist, *Edgeslist or *Matrix) or project (.paj: the same, with
// *Partition and *Vector sections), and the partitions (.clu), vectors
// (.vec) and long labels (.nam) found beside it whose names begin with its
// own. A vertex line is `id "label" [x y z] [parameters]`; arcs and edges
// `from to [weight]`; lists `from to1 to2 …`. Only the first network of a
// project is read.
func pajekRead(r io.Reader, s *Sink) error {
	if pajekCompanion(s.File) {
		// read with its network, which names it in a warning
		network := ""
		if s.Siblings != nil {
			network = (&zipSiblings{names: s.Siblings.Names()}).network(strings.ToLower(filepath.Base(s.File)))
		}
		if network == "" {
			s.Skipf(0, "a Pajek partition, vector or label file with no network (.net, .paj) of its name beside it")
		} else {
			s.Skipf(0, "a Pajek partition, vector or label file: read with %s", network)
		}
		return nil
	}
	g := newNetGraph(s.File)
	p := &pajekParser{g: g, s: s}
	if err := p.parse(r); err != nil {
		return err
	}
	for _, name := range netSiblingCompanions(s, ".clu", ".vec", ".nam") {
		f, err := s.Siblings.Open(name)
		if err != nil {
			s.Warnf(0, "%s: %v", name, err)
			continue
		}
		p.companion(f, name)
		f.Close()
	}
	if len(g.verts) == 0 {
		s.Skipf(p.vertLine, "no vertices: not a Pajek network")
		return nil
	}
	g.emit(s, "pajek")
	return nil
}

type pajekParser struct {
	g        *netGraph
	s        *Sink
	n        int // vertices declared
	vertLine int
	lines    int // vertex and arc lines read
	warned   bool
}

// parse reads a network or project file.
func (p *pajekParser) parse(r io.Reader) error {
	lr := newLineReader(r)
	section := ""         // vertices, arcs, edges, arcslist, edgeslist, matrix, values, skip
	var values *netValues // the partition or vector being read
	networks, row := 0, 0
	bad, badLine := 0, 0
	for lr.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(lr.Text(), "\ufeff"))
		n := lr.Line()
		if line == "" || line[0] == '%' {
			if strings.Contains(line, citingFirstNote) {
				p.g.citingFirst = true
			}
			continue
		}
		if line[0] == '*' {
			f := strings.Fields(line)
			name := strings.TrimSpace(strings.TrimPrefix(line, f[0]))
			switch kw := strings.ToLower(f[0]); {
			case kw == "*network":
				networks++
				section = ""
				if networks > 1 {
					p.s.Warnf(n, "a second network (%s) in the project: only the first is read", name)
					section = "skip"
				}
			case kw == "*vertices":
				if section == "skip" {
					continue
				}
				count := 0
				if len(f) > 1 {
					count, _ = strconv.Atoi(f[1])
				}
				if values != nil && len(values.vals) == 0 {
					section = "values" // the *Vertices line of a partition or vector
					continue
				}
				if networks > 1 || p.vertLine != 0 {
					section = "skip"
					continue
				}
				if len(f) > 2 {
					p.s.Warnf(n, "a two-mode network (%s vertices, %s in the first set): read as one-mode", f[1], f[2])
				}
				p.n, p.vertLine, section = count, n, "vertices"
			case kw == "*arcs" || kw == "*edges" || kw == "*arcslist" || kw == "*edgeslist" || kw == "*matrix":
				if section == "skip" && networks > 1 {
					continue
				}
				section = strings.TrimPrefix(kw, "*")
				if strings.HasPrefix(section, "arcs") || section == "matrix" {
					p.g.directed = true
				}
				row = 0
				values = nil
				p.materialise()
			case kw == "*partition" || kw == "*vector":
				p.g.values = append(p.g.values, netValues{name: name, line: n, partition: kw == "*partition"})
				values = &p.g.values[len(p.g.values)-1]
				section = "values"
			default:
				p.s.Warnf(n, "section %s not read", f[0])
				section = "skip"
			}
			continue
		}
		p.lines++
		switch section {
		case "vertices":
			id, label, ok := pajekVertex(line)
			if !ok {
				bad, badLine = bad+1, cmp0(badLine, n)
				continue
			}
			i := p.g.vertex(id, n)
			p.g.verts[i].label = label
		case "arcs", "edges":
			f := strings.Fields(line)
			if len(f) < 2 || !p.valid(f[0]) || !p.valid(f[1]) {
				bad, badLine = bad+1, cmp0(badLine, n)
				continue
			}
			p.arc(f[0], f[1], n, section == "edges")
		case "arcslist", "edgeslist":
			f := strings.Fields(line)
			if len(f) < 1 || !p.valid(f[0]) {
				bad, badLine = bad+1, cmp0(badLine, n)
				continue
			}
			for _, to := range f[1:] {
				if p.valid(to) {
					p.arc(f[0], to, n, section == "edgeslist")
				} else {
					bad, badLine = bad+1, cmp0(badLine, n)
				}
			}
		case "matrix":
			row++
			for col, v := range strings.Fields(line) {
				if x, err := strconv.ParseFloat(v, 64); err == nil && x != 0 && row <= p.n && col < p.n {
					p.arc(strconv.Itoa(row), strconv.Itoa(col+1), n, false)
				}
			}
		case "values":
			if values == nil {
				continue
			}
			x, err := strconv.ParseFloat(strings.Fields(line)[0], 64)
			if err != nil {
				bad, badLine = bad+1, cmp0(badLine, n)
				continue
			}
			values.vals = append(values.vals, x)
		}
	}
	if bad > 0 {
		p.s.Warnf(badLine, "%d line(s) that are not a vertex, arc or value ignored (first here)", bad)
	}
	p.materialise()
	return lr.Err()
}

// cmp0 keeps the first line noted.
func cmp0(first, n int) int {
	if first == 0 {
		return n
	}
	return first
}

// materialise creates the declared vertices no line described, so that
// their number is the one declared.
func (p *pajekParser) materialise() {
	if p.n <= len(p.g.verts) {
		return
	}
	if p.n-len(p.g.verts) > max(pajekUnlisted, 10*p.lines) {
		if !p.warned {
			p.s.Warnf(p.vertLine, "%d vertices declared, %d listed or linked: only those are read", p.n, len(p.g.verts))
			p.warned = true
		}
		return
	}
	for i := 1; i <= p.n; i++ {
		id := strconv.Itoa(i)
		if _, ok := p.g.index[id]; !ok {
			p.g.vertex(id, p.vertLine)
		}
	}
}

// valid reports whether s names a declared vertex.
func (p *pajekParser) valid(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1 && (n <= p.n || p.n == 0)
}

func (p *pajekParser) arc(from, to string, line int, undirected bool) {
	a := p.g.vertex(from, p.vertLine)
	b := p.g.vertex(to, p.vertLine)
	p.g.arcs = append(p.g.arcs, netArc{from: a, to: b, line: line, undirected: undirected})
}

// companion reads a partition, vector or long-label file beside the
// network.
func (p *pajekParser) companion(r io.Reader, name string) {
	lr := newLineReader(r)
	var pv *netValues
	count, labels := 0, 0
	for lr.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(lr.Text(), "\ufeff"))
		if line == "" || line[0] == '%' {
			continue
		}
		if strings.HasPrefix(strings.ToLower(line), "*vertices") {
			f := strings.Fields(line)
			if len(f) > 1 {
				count, _ = strconv.Atoi(f[1])
			}
			p.g.values = append(p.g.values, netValues{name: name, hint: companionHint(p.s.File, name), partition: strings.HasSuffix(strings.ToLower(name), ".clu")})
			pv = &p.g.values[len(p.g.values)-1]
			continue
		}
		if pv != nil {
			if x, err := strconv.ParseFloat(strings.Fields(line)[0], 64); err == nil {
				pv.vals = append(pv.vals, x)
			}
			continue
		}
		if id, label, ok := pajekVertex(line); ok { // a .nam file: id "long label"
			if i, ok := p.g.index[id]; ok {
				p.g.verts[i].set("longlabel", label)
				labels++
			}
		}
	}
	if pv != nil && (count != len(p.g.verts) || len(pv.vals) != len(p.g.verts)) {
		p.s.Warnf(0, "%s: %d values for %d vertices: not used", name, len(pv.vals), len(p.g.verts))
		p.g.values = p.g.values[:len(p.g.values)-1]
	}
	if labels > 0 {
		p.s.Warnf(0, "long labels of %d vertices from %s", labels, name)
	}
}

// pajekCompanion reports whether a file name is that of a Pajek partition,
// vector or label file.
func pajekCompanion(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".clu", ".vec", ".nam":
		return true
	}
	return false
}

// companionHint is what the name of a companion file says beyond the name
// of its network: "PY" for SmaGriPY.clu beside SmaGri.net.
func companionHint(network, name string) string {
	stem := filepath.Base(network)
	stem = strings.TrimSuffix(stem, filepath.Ext(stem))
	hint := strings.TrimSuffix(name, filepath.Ext(name))
	if len(hint) >= len(stem) && strings.EqualFold(hint[:len(stem)], stem) {
		hint = hint[len(stem):]
	}
	return strings.TrimLeft(hint, "-_. ")
}

// pajekVertex splits a vertex line: its id and its label (quoted, or one
// word), ignoring coordinates and parameters.
func pajekVertex(line string) (id, label string, ok bool) {
	id, rest, _ := strings.Cut(line, " ")
	if i := strings.IndexByte(id, '\t'); i >= 0 {
		id, rest = id[:i], id[i+1:]+" "+rest
	}
	if !isDigits(id) {
		return "", "", false
	}
	rest = strings.TrimSpace(rest)
	if strings.HasPrefix(rest, "\"") {
		if end := strings.IndexByte(rest[1:], '"'); end >= 0 {
			return id, rest[1 : end+1], true
		}
		return id, rest[1:], true
	}
	if f := strings.Fields(rest); len(f) > 0 {
		return id, f[0], true
	}
	return id, "", true
}
