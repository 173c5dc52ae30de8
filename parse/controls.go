package parse

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"

	"github.com/citegraph/citegraph/parse/model"
)

// Control characters have no place in bibliographic text. Raw ones (a NUL
// byte, stray binary data) are removed from the input by controlFilter once
// its format is known; escaped ones that a reader decodes ("\u001b" in
// JSON) are removed from each record by model.Sink.Add.

// controlFilter removes from normalised text, once its format is known, the
// control characters no text format holds: C0 controls but tab and line
// feed (form feed and vertical tab become spaces), DEL, and C1 controls
// (U+0080–U+009F). A NUL byte or a run of stray binary data then costs
// those characters, not the record, the file or the run; notes says where.
type controlFilter struct {
	src   *bufio.Reader
	out   []byte // filtered bytes not yet read
	carry []byte // a lead byte 0xC2 cut off at the end of a partial chunk
	err   error
	line  int // line of the next chunk, 1-based

	lines, first, last int // lines with characters removed: count, first, last
}

func newControlFilter(r *bufio.Reader) *controlFilter { return &controlFilter{src: r, line: 1} }

// notes says which lines lost characters.
func (f *controlFilter) notes() []note {
	if f.lines == 0 {
		return nil
	}
	return []note{{f.first, fmt.Sprintf("%d line(s) held control characters or NUL bytes, removed (first here)", f.lines)}}
}

// Read fills p with as many filtered lines as are at hand.
func (f *controlFilter) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(f.out) > 0 {
			k := copy(p[n:], f.out)
			f.out = f.out[k:]
			n += k
			continue
		}
		switch {
		case f.err != nil && f.carry != nil:
			f.out, f.carry = f.carry, nil
			continue
		case f.err != nil && n == 0:
			return 0, f.err
		case f.err != nil || n > 0 && f.src.Buffered() == 0:
			return n, nil // what is at hand, without waiting for more
		}
		chunk, err := f.src.ReadSlice('\n')
		partial := errors.Is(err, bufio.ErrBufferFull)
		if err != nil && !partial {
			f.err = err
		}
		f.process(chunk, partial)
	}
	return n, nil
}

// process sets out to chunk without its control characters; chunk is
// copied only when something is removed or carried.
func (f *controlFilter) process(chunk []byte, partial bool) {
	if f.carry != nil {
		chunk = append(f.carry, chunk...)
		f.carry = nil
	}
	if partial && len(chunk) > 0 && chunk[len(chunk)-1] == 0xC2 {
		f.carry = []byte{0xC2}
		chunk = chunk[:len(chunk)-1]
	}
	line := f.line
	f.line += bytes.Count(chunk, []byte{'\n'})
	first := -1
	for i := 0; i < len(chunk); {
		if i+8 <= len(chunk) && model.Printable8(chunk, i) {
			i += 8 // no control among eight printable ASCII bytes
			continue
		}
		if controlAt(chunk, i) {
			first = i
			break
		}
		i++
	}
	if first < 0 {
		f.out = chunk
		return
	}
	out := append([]byte(nil), chunk[:first]...)
	for i := first; i < len(chunk); i++ {
		switch c := chunk[i]; {
		case c == '\f' || c == '\v':
			out = append(out, ' ')
		case controlAt(chunk, i):
			if c == 0xC2 {
				i++ // the C1 control's second byte
			}
		default:
			out = append(out, c)
		}
	}
	if line != f.last {
		if f.lines == 0 {
			f.first = line
		}
		f.lines++
		f.last = line
	}
	f.out = out
}

// controlAt reports whether b[i] starts a control character the filter
// removes (or, for form feed and vertical tab, replaces).
func controlAt(b []byte, i int) bool {
	switch c := b[i]; {
	case c < 0x20:
		return c != '\t' && c != '\n'
	case c == 0x7F:
		return true
	case c == 0xC2:
		return i+1 < len(b) && b[i+1] >= 0x80 && b[i+1] <= 0x9F
	}
	return false
}
