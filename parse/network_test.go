package parse

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// netArcs returns the arcs of records read from a network: citing vertex →
// cited vertex, by their net identifiers.
func netArcs(recs []Record) (arcs [][2]string, distinct map[[2]string]bool) {
	distinct = map[[2]string]bool{}
	for _, r := range recs {
		for _, ref := range r.References {
			a := [2]string{r.IDs["net"], ref.IDs["net"]}
			arcs = append(arcs, a)
			distinct[a] = true
		}
	}
	return arcs, distinct
}

// TestPajekCorpus reads the bavla/Nets citation networks: vertex and arc
// counts as Batagelj publishes them (cite.md, and the corpora README), arcs
// turned to go from the citing to the cited work (the Garfield networks
// point the other way), years from the PY partitions.
func TestPajekCorpus(t *testing.T) {
	for _, tc := range []struct {
		file            string
		n, m, distinct  int
		loops           int
		dated, backward bool // years known; arcs must go to older (or same-year) works
	}{
		{"pajek/bavla-Nets_SmaGri.zip", 1059, 4922, 4919, 1, true, true},
		{"pajek/bavla-Nets_SciMet.zip", 3084, 10416, 10413, 1, true, true},
		{"pajek/bavla-Nets_Test.net", 7, 9, 9, 0, false, false},
		{"pajek/bavla-Nets_TestSPLC.net", 8, 16, 16, 0, false, false},
		{"pajek/bavla-Nets_TestSPNP.net", 9, 23, 23, 0, false, false},
	} {
		res := readCorpus(t, tc.file)
		if res.Format != "pajek" || len(res.Records) != tc.n || len(res.Skipped) != 0 {
			t.Errorf("%s: format %s, %d records, skipped %v; want pajek, %d", tc.file, res.Format, len(res.Records), res.Skipped, tc.n)
			continue
		}
		arcs, distinct := netArcs(res.Records)
		loops := 0
		for a := range distinct {
			if a[0] == a[1] {
				loops++
			}
		}
		if len(arcs) != tc.m || len(distinct) != tc.distinct || loops != tc.loops {
			t.Errorf("%s: %d arcs, %d distinct, %d loops; want %d, %d, %d", tc.file, len(arcs), len(distinct), loops, tc.m, tc.distinct, tc.loops)
		}
		year := map[string]int{}
		for _, r := range res.Records {
			year[r.IDs["net"]] = r.Year
		}
		dated, newer := 0, 0
		for _, a := range arcs {
			if year[a[0]] > 0 && year[a[1]] > 0 {
				dated++
				if year[a[0]] < year[a[1]] {
					newer++
				}
			}
		}
		// a handful of mutual citations (Batagelj counts 2-cycles) must cite a newer work
		if tc.dated && (dated < tc.m*9/10 || newer*1000 > dated) {
			t.Errorf("%s: %d of %d arcs dated, %d cite a newer work", tc.file, dated, tc.m, newer)
		}
		if !tc.dated && dated > 0 {
			t.Errorf("%s: %d arcs dated, want none (the file has no years)", tc.file, dated)
		}
	}
	// SmaGri: HistCite's long labels give author, year, volume and page;
	// SmaGriGCS.vec the global citation counts (vertex 1, Small 1973: 239).
	res := readCorpus(t, "pajek/bavla-Nets_SmaGri.zip")
	r := res.Records[0]
	if r.Label != "SMALL-H-1973-V24-P265" || len(r.Authors) != 1 || r.Authors[0].Family != "SMALL" || r.Year != 1973 ||
		r.Volume != "24" || r.Pages != "265" || r.CitedBy == nil || *r.CitedBy != 239 || r.IDs["net"] != "smagri#1" {
		t.Errorf("SmaGri vertex 1 = %+v", r)
	}
	if !strings.HasSuffix(r.Source, "bavla-Nets_SmaGri.zip/SmaGri.paj:4") {
		t.Errorf("source %q, want the member and line", r.Source)
	}
}

func TestPajekSyntax(t *testing.T) {
	in := "% a comment\r\n*Network test\r\n*Vertices 5\r\n1 \"A one\" 0.1 0.2 0.5 ic Red\r\n2 B\r\n3 \"C \r\n" +
		"*Arcs\r\n1 2 1\r\n1 3\r\n1 9\r\nx y\r\n*Edges\r\n2 3 2\r\n*Arcslist\r\n4 1 2 3\r\n" +
		"*Partition years\r\n*Vertices 5\r\n2001\r\n2000\r\n1999\r\n2005\r\n0\r\n" +
		"*Vector GCS\r\n*Vertices 5\r\n10\r\n20\r\n30\r\n40\r\n50\r\n*Network second\r\n*Vertices 1\r\n"
	res, err := Read("test.paj", strings.NewReader(in), "")
	if err != nil || res.Format != "pajek" {
		t.Fatalf("Read: %v, format %q", err, res.Format)
	}
	if len(res.Records) != 5 {
		t.Fatalf("%d records, want 5 (vertices 4 and 5 are declared, not listed)", len(res.Records))
	}
	byID := map[string]Record{}
	for _, r := range res.Records {
		byID[strings.TrimPrefix(r.IDs["net"], "test#")] = r
	}
	if byID["1"].Label != "A one" || byID["1"].Title != "A one" || byID["2"].Label != "B" || byID["3"].Label != "C " && byID["3"].Label != "C" {
		t.Errorf("labels: %q %q %q", byID["1"].Label, byID["2"].Label, byID["3"].Label)
	}
	if byID["1"].Year != 2001 || byID["4"].Year != 2005 || byID["5"].Year != 0 || *byID["3"].CitedBy != 30 {
		t.Errorf("years or citations from the partition and vector: %d %d %d", byID["1"].Year, byID["4"].Year, byID["5"].Year)
	}
	arcs, _ := netArcs(res.Records)
	// 1→2, 1→3 (arcs, years say citing → cited), 2–3 an edge: 2 (2000)
	// cites 3 (1999); 4→1, 4→2, 4→3 from the list; "1 9" and "x y" bad.
	want := "test#1>test#2 test#1>test#3 test#2>test#3 test#4>test#1 test#4>test#2 test#4>test#3"
	var got []string
	for _, a := range arcs {
		got = append(got, a[0]+">"+a[1])
	}
	if strings.Join(got, " ") != want {
		t.Errorf("arcs %v\nwant %s", got, want)
	}
	warn := ""
	for _, w := range res.Warnings {
		warn += w.Error() + "\n"
	}
	for _, w := range []string{"2 line(s) that are not a vertex, arc or value ignored", "only the first is read", "publication years from years"} {
		if !strings.Contains(warn, w) {
			t.Errorf("warnings lack %q:\n%s", w, warn)
		}
	}
}

func TestPajekDirection(t *testing.T) {
	// Arcs from old to new works are turned round; a file that says its
	// arcs go citing → cited is taken at its word.
	net := "*Vertices 4\n1 \"a\"\n2 \"b\"\n3 \"c\"\n4 \"d\"\n*Arcs\n1 2\n1 3\n2 4\n3 4\n"
	clu := "*Vertices 4\n1990\n1995\n1996\n2000\n"
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "n.net"), []byte(net), 0o644)
	os.WriteFile(filepath.Join(dir, "nPY.clu"), []byte(clu), 0o644)
	os.WriteFile(filepath.Join(dir, "said.net"), []byte("% citation network: "+citingFirstNote+"\n"+net), 0o644)
	os.WriteFile(filepath.Join(dir, "saidPY.clu"), []byte(clu), 0o644)
	for file, want := range map[string]string{"n.net": "n#2>n#1", "said.net": "said#1>said#2"} {
		res, err := ReadFile(filepath.Join(dir, file), "")
		if err != nil {
			t.Fatal(err)
		}
		arcs, _ := netArcs(res.Records)
		if len(arcs) != 4 || arcs[0][0]+">"+arcs[0][1] != want && !hasArc(arcs, want) {
			t.Errorf("%s: arcs %v, want %s among them", file, arcs, want)
		}
		if res.Records[0].Year != 1990 {
			t.Errorf("%s: year %d from nPY.clu", file, res.Records[0].Year)
		}
	}
	// A partition read as a file of its own is named for what it is.
	res, err := ReadFile(filepath.Join(dir, "nPY.clu"), "")
	if err != nil || len(res.Records) != 0 || len(res.Skipped) != 1 || !strings.Contains(res.Skipped[0].Error(), "read with n.net") {
		t.Errorf("nPY.clu alone: %v, %d records, skipped %v", err, len(res.Records), res.Skipped)
	}
	if got := Detect("n.txt", []byte(clu)); got == "pajek" {
		t.Error("a partition's content alone is taken for a network")
	}
}

func hasArc(arcs [][2]string, want string) bool {
	for _, a := range arcs {
		if a[0]+">"+a[1] == want {
			return true
		}
	}
	return false
}

func TestZip(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, body string) {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	add("net/x.net", "*Vertices 2\n1 \"a\"\n2 \"b\"\n*Arcs\n1 2\n")
	add("net/xLong.nam", "1 \"DOE-J-2001-V1-P2\"\n2 \"ROE-K-1999-V3-P4\"\n")
	add("net/x.paj", "*Network x\n*Vertices 2\n1 \"a\"\n2 \"b\"\n*Arcs\n1 2\n")
	add("refs.ris", "TY  - JOUR\nTI  - A paper\nPY  - 2001\nER  - \n")
	add("__MACOSX/._x.net", "junk")
	add("notes.bin", "\x00\x01\x02")
	zw.Close()
	res, err := Read("a.zip", &buf, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 3 || res.Format != "ris+pajek" && res.Format != "pajek+ris" {
		t.Fatalf("%d records, format %q; want 3 (2 vertices of x.paj, 1 RIS), pajek and ris", len(res.Records), res.Format)
	}
	var sources []string
	for _, r := range res.Records {
		sources = append(sources, r.Source)
	}
	if !strings.Contains(strings.Join(sources, " "), "a.zip/x.paj:3") || !strings.Contains(strings.Join(sources, " "), "a.zip/refs.ris:1") {
		t.Errorf("sources %v name the members", sources)
	}
	if res.Records[0].Year != 2001 && res.Records[1].Year != 2001 {
		t.Errorf("long labels from xLong.nam not used: %+v", res.Records[:2])
	}
	if len(res.Skipped) != 1 || !strings.Contains(res.Skipped[0].Error(), "notes.bin") {
		t.Errorf("skipped %v, want notes.bin as binary", res.Skipped)
	}
	if _, err := Read("b.zip", strings.NewReader("PK\x03\x04 broken"), ""); err == nil {
		t.Error("a broken zip: no error")
	}
}

func TestGraphMLAndGEXF(t *testing.T) {
	graphml := `<?xml version="1.0" encoding="ISO-8859-1"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="t" for="node" attr.name="Title" attr.type="string"/>
  <key id="y" for="node" attr.name="PY" attr.type="int"/>
  <key id="a" for="node" attr.name="Authors" attr.type="string"/>
  <key id="c" for="node" attr.name="in_corpus" attr.type="boolean"/>
  <key id="d" for="node" attr.name="DOI" attr.type="string"/>
  <key id="l" for="node" attr.name="label" attr.type="string"/>
  <graph edgedefault="directed">
    <edge source="p1" target="p2"/>
    <edge source="p1" target="nowhere"/>
    <node id="p1"><data key="t">Citing &amp; paper</data><data key="y">2010</data><data key="a">Doe, Jane; Roe, K</data><data key="d">https://doi.org/10.1000/ABC</data></node>
    <node id="p2"><data key="t">Cited work</data><data key="y">2001</data><data key="c">false</data><data key="l">Roe 2001</data></node>
    <node id="p3"><data key="t">Lonely</data><graph><node id="inner"/></graph></node>
  </graph>
</graphml>`
	gexf := `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node">
      <attribute id="0" title="title" type="string"/>
      <attribute id="1" title="Pub. year" type="integer"/>
    </attributes>
    <nodes>
      <node id="doi:10.1000/abc" label="Doe 2010"><attvalues><attvalue for="0" value="Citing paper"/><attvalue for="1" value="2010"/></attvalues></node>
      <node id="w2" label="Roe 2001"><attvalues><attvalue for="1" value="2001"/></attvalues></node>
      <node id="w3" label="Lonely"/>
    </nodes>
    <edges><edge source="w2" target="doi:10.1000/abc" weight="2"/></edges>
  </graph>
</gexf>`
	for _, tc := range []struct{ name, in, format string }{{"g.graphml", graphml, "graphml"}, {"g.gexf", gexf, "gexf"}} {
		res, err := Read(tc.name, strings.NewReader(tc.in), "")
		if err != nil || res.Format != tc.format {
			t.Fatalf("%s: %v, format %q", tc.name, err, res.Format)
		}
		var citing *Record
		for i := range res.Records {
			if res.Records[i].Year == 2010 {
				citing = &res.Records[i]
			}
		}
		if citing == nil || citing.Title != "Citing paper" && citing.Title != "Citing & paper" || citing.DOI != "10.1000/abc" ||
			len(citing.References) != 1 || citing.References[0].Line == 0 {
			t.Fatalf("%s: citing record %+v", tc.name, citing)
		}
		ref := citing.References[0]
		if tc.format == "graphml" {
			// the cited node is outside the corpus: no record, described in the reference
			if len(res.Records) != 2 || ref.Title != "Cited work" || ref.Year != 2001 || ref.Raw != "Roe 2001" {
				t.Errorf("graphml: %d records, reference %+v", len(res.Records), ref)
			}
			if len(citing.Authors) != 2 || citing.Authors[1].Family != "Roe" {
				t.Errorf("graphml authors %+v", citing.Authors)
			}
			w := ""
			for _, e := range res.Warnings {
				w += e.Error() + "\n"
			}
			if !strings.Contains(w, "1 edge(s) naming a node the file does not have") || !strings.Contains(w, "nested") {
				t.Errorf("graphml warnings:\n%s", w)
			}
		} else if len(res.Records) != 3 || ref.IDs["net"] != "g#w2" {
			// the undirected edge w2–doi:10.1000/abc: the 2010 work cites the 2001 one
			t.Errorf("gexf: %d records, reference %+v", len(res.Records), ref)
		}
	}
	// Broken XML: what came before is kept, the break reported.
	res, err := Read("b.gexf", strings.NewReader(gexf[:strings.Index(gexf, "<node id=\"w3\"")]+"<node <<"), "")
	if err != nil || len(res.Records) != 2 || len(res.Warnings) == 0 {
		t.Errorf("broken GEXF: %v, %d records, warnings %v", err, len(res.Records), res.Warnings)
	}
}

func FuzzPajek(f *testing.F) {
	f.Add([]byte("*Vertices 3\n1 \"a\"\n2 b\n*Arcs\n1 2 1\n*Arcslist\n3 1 2\n*Partition p\n*Vertices 3\n1\n2\n3\n"))
	f.Add([]byte("*Network n\n*Vertices 999999999\n*Matrix\n0 1\n1 0\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "pajek", data) })
}

func FuzzGraphML(f *testing.F) {
	f.Add([]byte(`<graphml><key id="k" for="node" attr.name="year"/><graph><node id="a"><data key="k">2001</data></node><edge source="a" target="a"/></graph></graphml>`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "graphml", data) })
}

func FuzzGEXF(f *testing.F) {
	f.Add([]byte(`<gexf><graph><attributes class="node"><attribute id="0" title="year"/></attributes><nodes><node id="a" label="A"><attvalues><attvalue for="0" value="2001"/></attvalues></node></nodes><edges><edge source="a" target="a"/></edges></graph></gexf>`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "gexf", data) })
}
