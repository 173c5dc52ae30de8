package parse

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
)

// readSummary is what a read gives that a user sees: the records as JSON,
// every warning and skip with its line, and the top-level error.
func readSummary(t testing.TB, format string, data []byte) string {
	t.Helper()
	res, err := Read("in", bytes.NewReader(data), format)
	var b strings.Builder
	fmt.Fprintf(&b, "err %v format %s\n", err, res.Format)
	enc := json.NewEncoder(&b)
	for _, r := range res.Records {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		for _, ref := range r.References {
			fmt.Fprintf(&b, " ref line %d\n", ref.Line)
		}
	}
	for _, e := range res.Warnings {
		fmt.Fprintf(&b, "warning %v\n", e)
	}
	for _, e := range res.Skipped {
		fmt.Fprintf(&b, "skipped %v\n", e)
	}
	return b.String()
}

// sameInBatches reads data whole (one batch) and then in batches of one
// record each on 1 and 3 workers, and fails unless all three agree.
func sameInBatches(t testing.TB, format string, data []byte) {
	t.Helper()
	defer func(w, s int) { wosBatchBytes, scopusBatchBytes = w, s }(wosBatchBytes, scopusBatchBytes)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	wosBatchBytes, scopusBatchBytes = 1<<40, 1<<40
	whole := readSummary(t, format, data)
	wosBatchBytes, scopusBatchBytes = 1, 1
	for _, procs := range []int{1, 3} {
		runtime.GOMAXPROCS(procs)
		if got := readSummary(t, format, data); got != whole {
			t.Fatalf("%s read in batches on %d workers differs from one pass:\n%s\nwant\n%s", format, procs, got, whole)
		}
	}
}

// TestBatchesSameResult: the WoS plain-text, WoS tab-delimited and Scopus
// CSV readers parse
// batches of records at once (inOrder); read in batches of one record on
// 1 or 3 workers, files give what they give in one pass, with the same
// warnings on the same lines: records repeated across batches, records
// without ER, a file cut inside a record, lost indentation, CRLF.
func TestBatchesSameResult(t *testing.T) {
	dup := strings.Replace(wosSample, "EF\n", "", 1) + strings.Replace(wosSample, "FN Clarivate Analytics Web of Science\nVR 1.0\n", "", 1)
	cases := map[string]string{
		"wos":           wosSample,
		"wos repeated":  dup,
		"wos no ER":     strings.Replace(dup, "UT WOS:000111122233344\nPM 12345678\nER", "UT WOS:000111122233344\nPM 12345678", 1),
		"wos cut":       dup[:len(dup)*3/4],
		"wos unindent":  strings.ReplaceAll(dup, "\n   [Anon", "\n[Anon"),
		"wos crlf":      strings.ReplaceAll(dup, "\n", "\r\n"),
		"wos ER only":   "ER\nER\n" + dup + "ER\n",
		"scopus new":    scopusNewCSV,
		"scopus old":    scopusOldCSV,
		"scopus repeat": scopusOldCSV + scopusOldCSV + scopusNewCSV,
		"scopus cut":    scopusNewCSV[:len(scopusNewCSV)/2],
		"tab":           wosTabSample,
		"tab repeated":  wosTabSample + wosTabSample[strings.Index(wosTabSample, "\n")+1:],
		"tab no header": "J\tDoe, J\n",
		"tab crlf":      strings.ReplaceAll(wosTabSample, "\n", "\r\n"),
	}
	for name, in := range cases {
		format := "wos"
		if strings.HasPrefix(name, "scopus") {
			format = "scopus-csv"
		} else if strings.HasPrefix(name, "tab") {
			format = "wos-tab"
		}
		t.Run(name, func(t *testing.T) { sameInBatches(t, format, []byte(in)) })
	}
	for _, c := range []struct{ rel, format string }{
		{"wos/python-bibx_bit-pattern-savedrecs.txt", "wos"},
		{"wos/wosfile_wos_plaintext.txt", "wos"},
		{"malformed/metaknowledge_testFile.isi", "wos"},
		{"scopus-csv/metaknowledge_scopus_testing.csv.scopus", "scopus-csv"},
		{"scopus-csv/litstudy_scopus.csv", "scopus-csv"},
		{"wos-tab/wosfile_wos_tab_delimited_win_utf16.txt", "wos-tab"},
		{"wos-tab/ScientoPy_wos_2026_04_02_4071.txt", "wos-tab"},
	} {
		t.Run(c.rel, func(t *testing.T) {
			data, err := os.ReadFile(corpusFile(t, c.rel))
			if err != nil {
				t.Fatal(err)
			}
			sameInBatches(t, c.format, data)
			sameInBatches(t, c.format, data[:len(data)*2/3])
		})
	}
}
