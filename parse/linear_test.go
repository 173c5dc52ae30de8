package parse

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
)

// readWithin reads data as format and fails the test if that takes longer
// than limit: the readers below once joined continuation lines by copying
// the value at every line, so 100,000 lines took minutes; linear reading
// takes well under a second even on a busy machine.
func readWithin(t *testing.T, format, data string, limit time.Duration) *Result {
	t.Helper()
	done := make(chan *Result, 1)
	go func() {
		res, err := Read("long.txt", strings.NewReader(data), format)
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	select {
	case res := <-done:
		return res
	case <-time.After(limit):
		t.Fatalf("reading %d bytes as %s took more than %v: quadratic?", len(data), format, limit)
	}
	return nil
}

func TestContinuationLinesLinear(t *testing.T) {
	const n = 100_000
	words := strings.Repeat("   continued words\n", n)
	for _, c := range []struct{ format, data string }{
		{"wos", "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Smith, J\nTI A title\n" + words + "SO J\nPY 2020\nUT WOS:000000000000001\nER\nEF\n"},
		{"pubmed", "PMID- 1\nTI  - A title\n" + strings.ReplaceAll(words, "   ", "      ") + "AU  - Smith J\nDP  - 2020\n"},
		{"wos-tab", "PT\tAU\tTI\tSO\tPY\tUT\nJ\tSmith, J\t\"A title\n" + words + "end\"\tJ\t2020\tWOS:1\n"},
	} {
		res := readWithin(t, c.format, c.data, 30*time.Second)
		if len(res.Records) != 1 {
			t.Fatalf("%s: %d records, want 1", c.format, len(res.Records))
		}
		title := res.Records[0].Title
		if got := strings.Count(title, "continued words"); got != n || !strings.HasPrefix(title, "A title continued") {
			t.Errorf("%s: title holds %d continuation lines, want %d: %.40q", c.format, got, n, title)
		}
	}
}

// oldWoSTabJoin is how rows with an open quoted cell were joined before
// wosTabJoin: join the lines, split again at tabs, until the last cell is
// closed or the row has all its columns. It is the reference wosTabJoin
// must agree with.
func oldWoSTabJoin(lines []string, ncols int) (fields []string, used int) {
	line := lines[0]
	used = 1
	fields = strings.Split(line, "\t")
	for len(fields) < ncols && wosTabOpenQuote(fields[len(fields)-1]) && used < len(lines) {
		line += "\n" + lines[used]
		used++
		fields = strings.Split(line, "\t")
	}
	return fields, used
}

func TestWoSTabJoin(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "b c", `"`, `""`, "\t", `"x`, `y"`, ""}
	for trial := 0; trial < 2000; trial++ {
		lines := make([]string, 1+rng.IntN(5))
		for i := range lines {
			var b strings.Builder
			for k := rng.IntN(5); k >= 0; k-- {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			lines[i] = b.String()
		}
		lines[0] = `"` + lines[0] // open the first cell's quote, most of the time
		ncols := 1 + rng.IntN(6)
		want, used := oldWoSTabJoin(lines, ncols)
		first := strings.Split(lines[0], "\t")
		rest := ""
		for _, l := range lines[1:] {
			rest += l + "\n"
		}
		lr := newLineReader(strings.NewReader(rest))
		got := first
		if len(first) < ncols && wosTabOpenQuote(first[len(first)-1]) {
			got = wosTabJoin(lr, first, ncols)
		}
		if !reflect.DeepEqual(got, want) || lr.Line() != used-1 {
			t.Fatalf("lines %q, %d columns: got %q after %d more lines, want %q after %d", lines, ncols, got, lr.Line(), want, used-1)
		}
	}
}
