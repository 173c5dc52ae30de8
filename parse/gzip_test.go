package parse

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	return b.Bytes()
}

const wosRecord = "PT J\nAU Smith, J\nTI A title about citation analysis\nSO JOURNAL OF THINGS\nPY 2020\n" +
	"CR Doe J, 2001, NATURE, V1, P2, DOI 10.1234/cited1\nCR Roe K, 2002, SCIENCE, V3, P4\nUT WOS:000000000000001\nER\n\n"

// TestGzipBomb: a gzip file of repeated records (16 MB from about 0.1 MB)
// is read only until it has expanded past the ratio limit, with a message
// saying why; an ordinary gzip file is read whole.
func TestGzipBomb(t *testing.T) {
	hdr := "FN Clarivate Analytics Web of Science\nVR 1.0\n"
	// gzip members may be concatenated: one of 1 MB, 16 times
	per := 1 << 20 / len(wosRecord)
	n := 16 * per
	bomb := gzipped(t, hdr+strings.Repeat(wosRecord, per))
	bomb = append(bomb, bytes.Repeat(gzipped(t, strings.Repeat(wosRecord, per)), 15)...)
	res, err := Read("bomb.txt.gz", bytes.NewReader(bomb), "")
	if err != nil {
		t.Fatal(err)
	}
	// a few records past the limit may be read from what was decompressed
	if limit := (gzipFreeBytes + 1<<20) / len(wosRecord); len(res.Records) == 0 || len(res.Records) > limit {
		t.Errorf("read %d of %d records from a %d-byte bomb, want between 1 and %d", len(res.Records), n, len(bomb), limit)
	}
	found := false
	for _, e := range res.Skipped {
		found = found || e.File == "bomb.txt.gz" && strings.Contains(e.Error(), "a decompression bomb? reading stopped")
	}
	if !found {
		t.Errorf("no message about the bomb: %v", res.Skipped)
	}

	plain := hdr + strings.Repeat(wosRecord, 1000) + "EF\n"
	res, err = Read("ok.txt.gz", bytes.NewReader(gzipped(t, plain)), "")
	if err != nil || len(res.Records) != 1000 || len(res.Skipped) != 0 {
		t.Errorf("ordinary gzip file: %d records, skipped %v, %v; want 1000", len(res.Records), res.Skipped, err)
	}
}
