package parse

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
)

// Gzip-compressed input (OpenAlex and Crossref snapshots) is decompressed as
// it is read, never whole. Real bibliographic text compresses 2 to 10 times
// (the shared corpora: 2–8); a file that expands far more is built to
// exhaust memory (a 31 MB file of repeated records grew to 8 GB), so reading
// stops once the output passes maxGzipRatio times the compressed bytes read,
// beyond a first gzipFreeBytes that any file may expand to.
const (
	maxGzipRatio  = 50
	gzipFreeBytes = 8 << 20
)

// isGzip reports whether the input starts with the gzip magic number.
func isGzip(br *bufio.Reader) bool {
	magic, _ := br.Peek(2)
	return len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b
}

// gunzip returns a reader of the decompressed input that fails with a
// clear message past the ratio limit.
func gunzip(file string, br *bufio.Reader) (*gzipBounded, error) {
	in := &countingReader{r: br}
	zr, err := gzip.NewReader(in)
	if err != nil {
		return nil, &ParseError{File: file, Err: fmt.Errorf("gzip: %w", err)}
	}
	return &gzipBounded{zr: zr, in: in}, nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// gzipBounded decompresses, counting what comes out against what went in.
type gzipBounded struct {
	zr  *gzip.Reader
	in  *countingReader
	out int64
}

func (g *gzipBounded) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	g.out += int64(n)
	if g.out > gzipFreeBytes && g.out > maxGzipRatio*g.in.n {
		return n, fmt.Errorf("gzip: %s decompress to over %s, %d times as much: a decompression bomb? reading stopped "+
			"(decompress the file yourself if it is genuine)", byteSize(g.in.n), byteSize(g.out), g.out/max(g.in.n, 1))
	}
	return n, err
}

func (g *gzipBounded) Close() error { return g.zr.Close() }

// byteSize writes n bytes for a person: "31.0 MB", "812 kB".
func byteSize(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.0f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d bytes", n)
}
