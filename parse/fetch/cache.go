package fetch

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/citegraph/citegraph/parse"
)

// Cache is a folder of works received from OpenAlex or Crossref: one file
// per work and identifier (DIR/openalex/doi/10.7717%2fpeerj.4375.json,
// DIR/openalex/openalex/W2741809807.json, DIR/crossref/doi/…), and the works
// citing a work (DIR/openalex/cites/W2741809807.json). Each file holds the
// work as the API gave it, in the API's own envelope (OpenAlex meta and
// results, Crossref message and items), plus a "citegraph" member with the
// retrieval date. A lookup that found nothing is kept as an empty list, so
// that it is not asked again.
//
// Files are written under a temporary name and renamed, so a reader never
// sees half a file, and are created readable by their owner only (folders
// 0700, files 0600). What is read back is trusted no further than the
// openalex and crossref readers trust a file, and an entry whose work does
// not carry the identifier it is filed under is ignored.
type Cache struct {
	// Dir is the cache folder; it is created when first written to.
	Dir string
}

// DefaultCacheDir returns the folder used when none is given: citegraph
// under the user's cache folder (os.UserCacheDir, e.g. ~/.cache/citegraph).
func DefaultCacheDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache folder (%v): name one with -cache", err)
	}
	return filepath.Join(dir, "citegraph"), nil
}

// maxEntry bounds the size of a cache file that is read.
const maxEntry = 256 << 20

// header is the "citegraph" member of a cache file.
type header struct {
	// Retrieved is when the work was received (RFC 3339), or for imported
	// works the modification time of the file they came from.
	Retrieved string `json:"retrieved"`
	// URL is the request that brought the work, without mailto and api_key.
	URL string `json:"url,omitempty"`
	// Imported is the file the work was imported from.
	Imported string `json:"imported,omitempty"`
	// Total and Truncated describe a list of citing works: how many the API
	// counted, and whether fewer were read.
	Total     int  `json:"total,omitempty"`
	Truncated bool `json:"truncated,omitempty"`
	// Limit is the most citing works that were to be read.
	Limit int `json:"limit,omitempty"`
}

// entry is a cache file as read.
type entry struct {
	path      string
	hdr       header
	retrieved time.Time // zero when the file's date cannot be read
	records   []parse.Record
	problems  []*parse.ParseError
}

// encodeEntry writes works (JSON objects as the API gave them) in the
// envelope of source's list responses, with the header.
func encodeEntry(source string, hdr header, works []json.RawMessage) []byte {
	var b bytes.Buffer
	h, _ := json.Marshal(hdr)
	b.WriteString(`{"citegraph":`)
	b.Write(h)
	if source == "crossref" {
		fmt.Fprintf(&b, ",\n\"status\":\"ok\",\"message-type\":\"work-list\",\n\"message\":{\"total-results\":%d,\"items\":[", len(works))
	} else {
		fmt.Fprintf(&b, ",\n\"meta\":{\"count\":%d},\n\"results\":[", len(works))
	}
	for i, w := range works {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		b.Write(bytes.TrimSpace(w))
	}
	b.WriteString("\n]")
	if source == "crossref" {
		b.WriteByte('}')
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// readEntry reads the records of an entry's bytes through source's reader.
// path names the entry in the records' Source.
func readEntry(source, path string, data []byte) *entry {
	e := &entry{path: path}
	var top struct {
		Citegraph json.RawMessage `json:"citegraph"`
	}
	if json.Unmarshal(data, &top) == nil && len(top.Citegraph) > 0 {
		if json.Unmarshal(top.Citegraph, &e.hdr) == nil {
			e.retrieved, _ = time.Parse(time.RFC3339, e.hdr.Retrieved)
		}
	}
	res, err := parse.ReadWorks(path, bytes.NewReader(data), source, func(rec parse.Record, _ []byte) {
		e.records = append(e.records, rec)
	})
	e.problems = append(res.Warnings, res.Skipped...)
	if err != nil {
		var pe *parse.ParseError
		if errors.As(err, &pe) {
			e.problems = append(e.problems, pe)
		}
	}
	return e
}

// path returns the file of a key in source's part of the cache.
func (c *Cache) path(source, key string) string {
	kind, value := keyValue(key)
	return filepath.Join(c.Dir, source, kind, fileName(value))
}

// fileName turns an identifier into a file name: letters, digits, '.',
// '-' and '_' kept, other bytes as %xx; a name longer than 120 bytes
// becomes its SHA-256.
func fileName(value string) string {
	var b strings.Builder
	for i := 0; i < len(value); i++ {
		c := value[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' && i > 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02x", c)
		}
	}
	if b.Len() > 120 {
		sum := sha256.Sum256([]byte(value))
		return hex.EncodeToString(sum[:16]) + ".json"
	}
	return b.String() + ".json"
}

// read returns the entry of key, or nil when there is none (or it cannot be
// read: a damaged entry is asked again).
func (c *Cache) read(source, key string) *entry {
	p := c.path(source, key)
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxEntry+1))
	if err != nil || len(data) > maxEntry {
		return nil
	}
	return readEntry(source, p, data)
}

// write stores data as the entry of key, atomically, readable by the owner
// only, and returns its path.
func (c *Cache) write(source, key string, data []byte) (string, error) {
	p := c.path(source, key)
	dir := filepath.Dir(p)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("cache: %w", err)
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return "", fmt.Errorf("cache: %w", err)
	}
	tmp := f.Name()
	if err := f.Chmod(0o600); err == nil {
		_, err = f.Write(data)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, p)
	}
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("cache: %w", err)
	}
	return p, nil
}

// keysFor returns the keys a work is filed under in source's part of the
// cache: every identifier the source can be asked by.
func keysFor(source string, rec *parse.Record) []string {
	var out []string
	for _, k := range allKeys(rec.IDs, rec.DOI) {
		if kind, _ := keyValue(k); supports(source, kind) {
			out = append(out, k)
		}
	}
	return out
}

// supports reports whether source can be asked for works by an identifier kind.
func supports(source, kind string) bool {
	return kind == "doi" || source == "openalex" && (kind == "openalex" || kind == "pmid")
}

// Imported is the account of one file given to Import.
type Imported struct {
	File   string
	Format string // "openalex" or "crossref"
	Works  int    // works stored
	NoID   int    // works left out: no identifier to file them under
	Result *parse.Result
}

// Import stores in the cache the works of an OpenAlex or Crossref JSON file
// the user already has: saved API responses, a snapshot slice (JSON Lines,
// gzip or not), a Crossref dump. Each work is filed under every identifier
// it carries, with the file's modification time as its retrieval date, and
// replaces what the cache held for those identifiers. Works the readers
// skip are reported in the Result.
func (c *Cache) Import(path string) (*Imported, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	var r io.Reader = bufio.NewReader(f)
	if magic, _ := r.(*bufio.Reader).Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("%s: gzip: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(64 << 10)
	format := parse.Detect(filepath.Base(path), head)
	if format != "openalex" && format != "crossref" {
		if format == "" {
			format = "an unknown layout"
		}
		return nil, fmt.Errorf("%s: not OpenAlex or Crossref JSON (read as %s)", path, format)
	}
	hdr := header{Retrieved: st.ModTime().UTC().Format(time.RFC3339), Imported: filepath.Base(path)}
	im := &Imported{File: path, Format: format}
	var werr error
	im.Result, err = parse.ReadWorks(path, br, format, func(rec parse.Record, raw []byte) {
		if werr != nil || !json.Valid(raw) {
			return
		}
		keys := keysFor(format, &rec)
		data := encodeEntry(format, hdr, []json.RawMessage{raw})
		for _, k := range keys {
			if _, werr = c.write(format, k, data); werr != nil {
				return
			}
		}
		if len(keys) > 0 {
			im.Works++
		} else {
			im.NoID++
		}
	})
	if werr != nil {
		return im, werr
	}
	return im, err
}
