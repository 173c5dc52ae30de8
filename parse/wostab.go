package parse

import (
	"io"
	"strings"
)

// This file reads Web of Science tab-delimited exports ("Tab-delimited
// (Win)" in UTF-16, "(Win, UTF-8)", "(Mac)"): a header row of the same
// two-letter tags as the plain-text export, then one row per record. WoS
// does not quote cells; multi-valued cells (AU, AF, CR, …) separate their
// values with "; ". Rows often end with a tab, one field more than the
// header. A file re-saved by a spreadsheet may quote cells ("a ""b"" c"),
// even across lines; such quoting is undone. The mapping is the plain-text
// one (wosBuild).

func init() {
	register(Format{Name: "wos-tab", Order: 21, Sniff: wosTabSniff, Read: wosTabRead})
}

// wosTabSniff recognises the header row: PT first, then other WoS tags.
func wosTabSniff(_ string, head []byte) bool {
	lines := wosHeadLines(head, 1)
	if len(lines) == 0 {
		return false
	}
	cols := wosTabHeader(lines[0])
	if len(cols) < 5 || cols[0] != "PT" {
		return false
	}
	known := 0
	for _, c := range cols {
		if wosKnownTags[c] {
			known++
		}
	}
	has := func(t string) bool {
		for _, c := range cols {
			if c == t {
				return true
			}
		}
		return false
	}
	return known*10 >= len(cols)*8 && (has("UT") || has("AU") && has("TI"))
}

// wosTabHeader splits a header row into tags.
func wosTabHeader(line string) []string {
	cols := strings.Split(strings.TrimPrefix(line, "\ufeff"), "\t")
	for i, c := range cols {
		cols[i] = strings.Trim(strings.TrimSpace(c), `"`)
	}
	for len(cols) > 0 && cols[len(cols)-1] == "" {
		cols = cols[:len(cols)-1]
	}
	return cols
}

// wosTabRead reads a tab-delimited export. One goroutine splits the rows;
// workers map batches of them to records (see inOrder and wosbatch.go).
func wosTabRead(r io.Reader, s *Sink) error {
	var err error
	produce := func(send func(*wosTabBatch)) {
		lr := newLineReader(r)
		var cols []string
		b, size := &wosTabBatch{sink: sinkBatch(s)}, 0
		defer func() { send(b) }()
		for lr.Scan() {
			row := wosTabRow{n: lr.Line(), long: lr.Long()}
			line := strings.TrimRight(lr.Text(), "\r")
			switch {
			case strings.TrimSpace(line) == "":
			case cols == nil:
				if cols = wosTabHeader(line); len(cols) == 0 || cols[0] != "PT" {
					row.skip = "first row is not a WoS header of field tags (PT, AU, TI, …)"
					b.rows = append(b.rows, row)
					err = lr.Err()
					return
				}
				b.cols = cols
			default:
				row.fields = strings.Split(line, "\t")
				if len(row.fields) < len(cols) && wosTabOpenQuote(row.fields[len(row.fields)-1]) {
					row.fields = wosTabJoin(lr, row.fields, len(cols))
				}
				size += len(line)
			}
			b.rows = append(b.rows, row)
			if size >= wosBatchBytes {
				send(b)
				b, size = &wosTabBatch{sink: sinkBatch(s), cols: cols}, 0
			}
		}
		if cols == nil {
			b.rows = append(b.rows, wosTabRow{skip: "no header row"})
		}
		err = lr.Err()
	}
	seen := wosSeen{}
	inOrder(produce, (*wosTabBatch).parse, func(b *wosTabBatch) { seen.merge(s, &b.sink, b.st.checks) })
	return err
}

// wosTabRow is one row of a tab-delimited export as split: its cells, or
// none for a blank line or the header, or a reason to skip.
type wosTabRow struct {
	n      int
	long   bool // its first line was cut at maxLine bytes
	fields []string
	skip   string
}

// wosTabBatch is a run of rows under the header cols and, once parsed,
// what they held.
type wosTabBatch struct {
	cols []string
	rows []wosTabRow
	sink Sink
	st   wosState
}

// parse maps the batch's rows to records in b.sink.
func (b *wosTabBatch) parse() {
	s, cols := &b.sink, b.cols
	b.st.s = s
	for _, row := range b.rows {
		n, fields := row.n, row.fields
		if row.long {
			s.Warnf(n, "line longer than %d bytes cut", maxLine)
		}
		if row.skip != "" {
			s.Skipf(n, "%s", row.skip)
		}
		if fields == nil {
			continue
		}
		if len(fields) < len(cols) {
			s.Warnf(n, "row has %d fields, the header %d; the missing ones are empty", len(fields), len(cols))
		}
		for i := len(cols); i < len(fields); i++ {
			if strings.TrimSpace(fields[i]) != "" {
				s.Warnf(n, "row has %d fields, the header %d; extra text ignored", len(fields), len(cols))
				break
			}
		}
		e := wosNewEntry(n)
		for i, tag := range cols {
			if i >= len(fields) {
				break
			}
			v := wosTabCell(fields[i])
			if v == "" || e.fields[tag] != nil {
				continue
			}
			if wosMulti[tag] && tag != "C1" && tag != "C3" {
				for _, part := range strings.Split(v, "; ") {
					if part = strings.TrimSpace(part); part != "" {
						e.add(tag, part, n)
					}
				}
				continue
			}
			e.add(tag, v, n)
		}
		b.st.emit(e)
	}
	b.rows = nil
}

// wosTabOpenQuote reports whether a cell opens a spreadsheet quote that the
// line does not close.
func wosTabOpenQuote(cell string) bool {
	return strings.HasPrefix(cell, `"`) && strings.Count(cell, `"`)%2 == 1
}

// wosTabJoin reads on while the row's last cell is an open quote, as a
// spreadsheet that re-saved the export writes a cell holding a line break,
// and there are fewer cells than columns. The lines are split at tabs as
// they come (a tab ends a cell even inside quotes, as in the export), and
// the open cell's pieces are joined once: joining the row again at every
// line was quadratic in the number of lines.
func wosTabJoin(lr *lineReader, fields []string, ncols int) []string {
	open := []string{fields[len(fields)-1]} // the open cell's lines
	quotes := strings.Count(open[0], `"`)
	fields = fields[:len(fields)-1]
	for lr.Scan() {
		parts := strings.Split(strings.TrimRight(lr.Text(), "\r"), "\t")
		open = append(open, parts[0])
		quotes += strings.Count(parts[0], `"`)
		if len(parts) > 1 {
			fields = append(fields, strings.Join(open, "\n"))
			fields = append(fields, parts[1:len(parts)-1]...)
			open = []string{parts[len(parts)-1]}
			quotes = strings.Count(open[0], `"`)
		}
		if len(fields)+1 >= ncols || !strings.HasPrefix(open[0], `"`) || quotes%2 == 0 {
			break
		}
	}
	return append(fields, strings.Join(open, "\n"))
}

// wosTabCell trims a cell and undoes spreadsheet quoting: a cell wrapped in
// quotes whose inner quotes are all doubled. A WoS cell that merely starts
// and ends with a quote ("Big data" and "small data") is left alone.
func wosTabCell(v string) string {
	v = strings.TrimSpace(v)
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return v
	}
	inner := v[1 : len(v)-1]
	if strings.Contains(strings.ReplaceAll(inner, `""`, ""), `"`) {
		return v
	}
	return strings.TrimSpace(strings.ReplaceAll(inner, `""`, `"`))
}
