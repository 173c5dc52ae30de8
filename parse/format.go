package parse

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/citegraph/citegraph/parse/model"
)

// A Format is one input layout: a sniffer that recognises it and a reader.
type Format struct {
	// Name is stored in Record.Format ("wos", "scopus-csv", "ris", …).
	Name string
	// Order places the sniffer in the detection sequence: lower runs first.
	// Specific layouts use low numbers; catch-all text readers use high ones.
	Order int
	// Sniff reports whether head, the first up to 64 KiB of the normalised
	// input (UTF-8 without BOM, LF line ends), is in this layout. name is the
	// file's base name, a hint only: content decides.
	Sniff func(name string, head []byte) bool
	// Read streams records from r (normalised as for Sniff, and without
	// control characters: see controlFilter) into s. It returns an error
	// only when it cannot go on (an I/O error); bad content is reported
	// through s and reading continues.
	Read func(r io.Reader, s *Sink) error
}

var formats []Format

// register adds a format to the detection sequence; readers call it from init.
func register(f Format) {
	formats = append(formats, f)
	slices.SortStableFunc(formats, func(a, b Format) int {
		if a.Order != b.Order {
			return a.Order - b.Order
		}
		return strings.Compare(a.Name, b.Name)
	})
}

// Formats returns the names of the registered formats in detection order.
func Formats() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return names
}

// formatAliases are names of layouts that another format's reader reads,
// as records and the README name them ("wos-bibtex" is read as BibTeX).
var formatAliases = map[string]string{"wos-bibtex": "bibtex", "scopus-bibtex": "bibtex", "scopus-ris": "ris", "wos-ris": "ris"}

// FormatNames returns every name a format can be forced by: the readers'
// names and the layouts they read (formatAliases), sorted.
func FormatNames() []string {
	names := Formats()
	for a := range formatAliases {
		names = append(names, a)
	}
	slices.Sort(names)
	return names
}

func lookupFormat(name string) (Format, bool) {
	if a, ok := formatAliases[name]; ok {
		name = a
	}
	for _, f := range formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// sniffSize is how much of a file the sniffers see.
const sniffSize = 64 << 10

// catchAllOrder is the Order from which formats claim any text (reference
// lists, landing pages).
const catchAllOrder = 90

// Result is what was read from one file.
type Result struct {
	File     string
	Format   string // the format used
	Records  []Record
	Warnings []*ParseError // damaged parts of records that were still read
	Skipped  []*ParseError // records that could not be read, with the reason
}

// Detect returns the name of the format of a normalised head, or "".
func Detect(name string, head []byte) string {
	for _, f := range formats {
		if f.Sniff != nil && f.Sniff(name, head) {
			return f.Name
		}
	}
	return ""
}

// Read reads one input. file names it in messages. format forces a reader
// by name; "" detects it from the content. The error, a *ParseError, is set
// when nothing could be read from the input at all (empty, binary, unknown
// layout, unreadable); problems within the input are in the Result.
func Read(file string, r io.Reader, format string) (*Result, error) {
	return read(file, r, format, nil)
}

// read is Read with the files beside the input, for formats that use them.
func read(file string, r io.Reader, format string, siblings model.Siblings) (*Result, error) {
	res := &Result{File: file}
	// gzip-compressed input (OpenAlex and Crossref snapshots) is read through
	br0 := bufio.NewReader(r)
	if magic, _ := br0.Peek(4); string(magic) == "PK\x03\x04" {
		return readZip(file, br0, format)
	}
	r = br0
	if isGzip(br0) {
		zr, err := gunzip(file, br0)
		if err != nil {
			return res, err
		}
		defer zr.Close()
		r = zr
	}
	norm := newNormalizer(r)
	br := bufio.NewReaderSize(norm, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return res, &ParseError{File: file, Err: err}
	}
	if len(bytes.TrimSpace(head)) == 0 {
		return res, &ParseError{File: file, Err: ErrEmpty}
	}
	if isBinary(head) {
		return res, &ParseError{File: file, Err: ErrBinary}
	}
	var f Format
	if format != "" {
		var ok bool
		if f, ok = lookupFormat(format); !ok {
			return res, &ParseError{File: file, Err: fmt.Errorf("unknown format %q (known: %s)", format, strings.Join(FormatNames(), ", "))}
		}
		// a forced reader reads what it is given, unless the content is
		// plainly another layout: it would only make garbage records of it
		if f.Sniff != nil && !f.Sniff(filepath.Base(file), head) {
			if d := Detect(filepath.Base(file), head); d != "" && d != f.Name {
				if df, _ := lookupFormat(d); df.Order < catchAllOrder {
					return res, &ParseError{File: file, Err: fmt.Errorf("not read as %s: the content is %s", format, d)}
				}
			}
		}
	} else {
		name := Detect(filepath.Base(file), head)
		f, _ = lookupFormat(name)
		if t := bytes.TrimLeft(head, " \t\n"); (name == "" || f.Order >= catchAllOrder) && len(head) == sniffSize && (t[0] == '{' || t[0] == '[') {
			// JSON whose first 64 KiB is mostly one string (an abstract):
			// look further, with long strings cut short
			wide := bufio.NewReaderSize(br, jpSniffWindow)
			more, _ := wide.Peek(jpSniffWindow)
			if seen := Detect(filepath.Base(file), jpElide(more, sniffSize)); seen != "" && seen != name {
				name, br = seen, wide
			}
		}
		if name == "" {
			if plainText(head) {
				return res, &ParseError{File: file, Err: ErrNotBibliographic}
			}
			return res, &ParseError{File: file, Err: ErrUnknownFormat}
		}
		f, _ = lookupFormat(name)
	}
	res.Format = f.Name
	s := &Sink{File: file, Format: f.Name, Siblings: siblings}
	ctl := newControlFilter(br)
	err = f.Read(ctl, s)
	for _, n := range append(norm.notes(), ctl.notes()...) {
		s.Warnf(n.line, "%s", n.msg)
	}
	res.Records, res.Warnings, res.Skipped = s.Records, s.Warnings, s.Skipped
	slices.SortStableFunc(res.Warnings, byLine)
	slices.SortStableFunc(res.Skipped, byLine)
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			pe = &ParseError{File: file, Err: err}
		}
		res.Skipped = append(res.Skipped, pe)
	}
	if len(res.Records) == 0 && len(res.Skipped) == 0 {
		res.Skipped = append(res.Skipped, &ParseError{File: file, Err: fmt.Errorf("no records found (read as %s)", f.Name)})
	}
	return res, nil
}

func byLine(a, b *ParseError) int { return a.Line - b.Line }

// plainText reports whether an undetected head is running text rather
// than a structured layout no reader knows (JSON, XML, a table).
func plainText(head []byte) bool {
	t := bytes.TrimSpace(head)
	if len(t) == 0 {
		return false
	}
	switch t[0] {
	case '{', '[', '<':
		return false
	}
	first, _, _ := bytes.Cut(t, []byte{'\n'})
	return bytes.Count(first, []byte{'\t'}) < 2 && bytes.Count(first, []byte{','}) < 4
}

// isBinary reports whether a normalised head looks like binary data: a NUL
// byte among the first 1 KiB (where binary formats put their headers), NUL
// bytes beyond one in a thousand, or many control characters. A stray NUL
// or two in text are removed by controlFilter instead.
func isBinary(head []byte) bool {
	if bytes.IndexByte(head[:min(len(head), 1<<10)], 0) >= 0 || bytes.Count(head, []byte{0}) > len(head)/1000 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\t' && c != '\f' && c != '\v' {
			ctl++
		}
	}
	return ctl > len(head)/20+2
}

// ReadFile reads one file; see Read.
func ReadFile(path, format string) (*Result, error) {
	return ReadFileCounted(path, format, nil)
}

// ReadFileCounted is ReadFile that, when progress is not nil, adds to it
// the bytes of the file read so far as it reads, so that another goroutine
// can report progress.
func ReadFileCounted(path, format string, progress *atomic.Int64) (*Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return &Result{File: path}, &ParseError{File: path, Err: pathErr(err)}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return &Result{File: path}, &ParseError{File: path, Err: errors.New("is a folder")}
	}
	var r io.Reader = f
	if progress != nil {
		r = byteCounter{f, progress}
	}
	return read(path, r, format, dirSiblings(filepath.Dir(path)))
}

// byteCounter adds the bytes read through it to n.
type byteCounter struct {
	r io.Reader
	n *atomic.Int64
}

func (c byteCounter) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n.Add(int64(k))
	return k, err
}

// pathErr shortens an *fs.PathError, whose path the caller already prints.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Files expands paths (files or folders, walked recursively, hidden entries
// skipped) into a sorted list of files. Paths that do not exist are returned
// as errors, and the rest is still listed.
func Files(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &ParseError{File: p, Err: pathErr(err)})
			continue
		}
		if !st.IsDir() {
			add(p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &ParseError{File: q, Err: pathErr(err)})
				return nil
			}
			if q != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				found = append(found, q)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, &ParseError{File: p, Err: err})
		}
		slices.Sort(found)
		for _, q := range found {
			add(q)
		}
	}
	return files, errs
}
