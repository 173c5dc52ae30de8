package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestWholeSharedCorpus runs the default job on the whole shared corpora
// folder at once (every format, the damaged files, landing pages, HTML,
// networks: about 160 files and 7,500 records), as a user pointing
// citegraph at a folder of mixed exports would. Every stage must get
// through records from all readers together (an author whose given name
// was a footnote sign crashed the overview this way), and the report must
// account for the records.
func TestWholeSharedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every shared corpus file")
	}
	dir := corpusFile(t, ".")
	stdout, stderr, err := citegraph(t, "-quiet", "-out", t.TempDir(), dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	m := regexp.MustCompile(`(\d[\d,]*) files read, (\d[\d,]*) records`).FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("no account of files and records in the report:\n%.600s", stdout)
	}
	files, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	recs, _ := strconv.Atoi(strings.ReplaceAll(m[2], ",", ""))
	if files < 100 || recs < 1000 {
		t.Errorf("%d files and %d records read from the whole shared corpus", files, recs)
	}
	for _, section := range []string{"Corpus overview", "Data quality"} {
		if !strings.Contains(stdout, section) {
			t.Errorf("report has no %q section", section)
		}
	}
}
