package parse

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// normalizer turns any supported text encoding into UTF-8 with LF line ends:
// it drops a UTF-8 BOM, decodes UTF-16 (LE or BE, with a BOM or recognised by
// its zero bytes), maps CRLF and lone CR to LF, and reads a line that is not
// valid UTF-8 as Windows-1252 (a superset of Latin-1), noting where.
type normalizer struct {
	src     *bufio.Reader
	started bool
	out     []byte // processed bytes not yet read, in buf
	buf     []byte // reused for each processed line
	carry   []byte // an incomplete UTF-8 sequence held for the next chunk
	prevCR  bool
	line    int // line number of the next output byte, 1-based
	err     error

	badLines, firstBad int
	utf16              string
}

func newNormalizer(r io.Reader) *normalizer {
	return &normalizer{src: bufio.NewReaderSize(r, 64<<10), line: 1}
}

type note struct {
	line int
	msg  string
}

// notes returns what the normalizer changed that a user should know.
func (n *normalizer) notes() []note {
	var ns []note
	if n.badLines > 0 {
		ns = append(ns, note{n.firstBad, fmt.Sprintf("%d line(s) not valid UTF-8, read as Windows-1252 (first here)", n.badLines)})
	}
	return ns
}

func (n *normalizer) start() {
	n.started = true
	head, _ := n.src.Peek(512)
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		n.src.Discard(3)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		n.src.Discard(2)
		n.src = bufio.NewReaderSize(&utf16Reader{r: n.src}, 64<<10)
		n.utf16 = "le"
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		n.src.Discard(2)
		n.src = bufio.NewReaderSize(&utf16Reader{r: n.src, be: true}, 64<<10)
		n.utf16 = "be"
	default:
		if len(head) >= 8 {
			even, odd := 0, 0
			for i := 0; i+1 < len(head); i += 2 {
				if head[i] == 0 {
					even++
				}
				if head[i+1] == 0 {
					odd++
				}
			}
			pairs := len(head) / 2
			if odd*10 > pairs*7 && even*10 < pairs {
				n.src = bufio.NewReaderSize(&utf16Reader{r: n.src}, 64<<10)
				n.utf16 = "le"
			} else if even*10 > pairs*7 && odd*10 < pairs {
				n.src = bufio.NewReaderSize(&utf16Reader{r: n.src, be: true}, 64<<10)
				n.utf16 = "be"
			}
		}
	}
}

func (n *normalizer) Read(p []byte) (int, error) {
	if !n.started {
		n.start()
	}
	for len(n.out) == 0 {
		if n.err != nil {
			if len(n.carry) > 0 {
				n.buf = append(n.buf[:0], decode1252(n.carry)...)
				n.out, n.carry = n.buf, nil
				continue
			}
			return 0, n.err
		}
		if len(n.carry) == 0 && !n.prevCR {
			if k := n.clean(p); k > 0 {
				return k, nil
			}
		}
		chunk, err := n.src.ReadSlice('\n')
		full := errors.Is(err, bufio.ErrBufferFull)
		if err != nil && !full {
			n.err = err
		}
		n.process(chunk, full)
	}
	k := copy(p, n.out)
	n.out = n.out[k:]
	return k, nil
}

// clean copies to p the whole lines at the head of the buffered input that
// need no change (valid UTF-8, no CR), the common case, and returns how
// many bytes; 0 sends the next line through process.
func (n *normalizer) clean(p []byte) int {
	if n.src.Buffered() == 0 {
		n.src.Peek(1) // fill; an error shows again in ReadSlice
	}
	head, _ := n.src.Peek(min(len(p), n.src.Buffered()))
	ok := validPrefix(head)
	if k := bytes.IndexByte(head[:ok], '\r'); k >= 0 {
		ok = k
	}
	ok = bytes.LastIndexByte(head[:ok], '\n') + 1
	if ok == 0 {
		return 0
	}
	copy(p, head[:ok])
	n.line += bytes.Count(head[:ok], []byte{'\n'})
	n.src.Discard(ok)
	return ok
}

// validPrefix returns the length of the longest prefix of b that is valid
// UTF-8 (a sequence cut at the end counts as invalid).
func validPrefix(b []byte) int {
	i := 0
	for i < len(b) {
		// eight ASCII bytes at a time
		for i+8 <= len(b) && binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 == 0 {
			i += 8
		}
		if i >= len(b) {
			break
		}
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return i
}

// process appends one chunk (a line, or part of a long line) to out.
func (n *normalizer) process(chunk []byte, partial bool) {
	if n.prevCR && len(chunk) > 0 && chunk[0] == '\n' {
		chunk = chunk[1:]
	}
	if len(chunk) == 0 {
		return
	}
	n.prevCR = chunk[len(chunk)-1] == '\r'
	buf := chunk // the reader's buffer, valid until the next read
	if len(n.carry) > 0 {
		buf = append(n.carry, chunk...)
	}
	n.carry = nil
	if partial {
		// hold back an incomplete multi-byte sequence at the end
		for i := 1; i <= 3 && i <= len(buf); i++ {
			c := buf[len(buf)-i]
			if c < 0x80 {
				break
			}
			if c >= 0xC0 {
				if !utf8.FullRune(buf[len(buf)-i:]) {
					n.carry = append([]byte(nil), buf[len(buf)-i:]...)
					buf = buf[:len(buf)-i]
				}
				break
			}
		}
	}
	if !utf8.Valid(buf) {
		if n.badLines == 0 {
			n.firstBad = n.line
		}
		n.badLines++
		buf = decode1252(buf)
	}
	out := n.buf[:0]
	for i := 0; i < len(buf); i++ {
		c := buf[i]
		if c == '\r' {
			if i+1 < len(buf) && buf[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		out = append(out, c)
	}
	n.line += bytes.Count(out, []byte{'\n'})
	n.buf, n.out = out, out
}

// cp1252 maps bytes 0x80-0x9F of Windows-1252; other bytes are Latin-1.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

func decode1252(b []byte) []byte {
	out := make([]byte, 0, len(b)+len(b)/4)
	for _, c := range b {
		switch {
		case c < 0x80:
			out = append(out, c)
		case c < 0xA0:
			out = utf8.AppendRune(out, cp1252[c-0x80])
		default:
			out = utf8.AppendRune(out, rune(c))
		}
	}
	return out
}

// utf16Reader decodes a UTF-16 byte stream into UTF-8.
type utf16Reader struct {
	r   *bufio.Reader
	be  bool
	out []byte
	err error
}

func (u *utf16Reader) unit() (uint16, error) {
	a, err := u.r.ReadByte()
	if err != nil {
		return 0, err
	}
	b, err := u.r.ReadByte()
	if err != nil {
		return 0, io.ErrUnexpectedEOF
	}
	if u.be {
		return uint16(a)<<8 | uint16(b), nil
	}
	return uint16(b)<<8 | uint16(a), nil
}

func (u *utf16Reader) Read(p []byte) (int, error) {
	for len(u.out) < len(p) && u.err == nil {
		c, err := u.unit()
		if err != nil {
			if err == io.ErrUnexpectedEOF {
				u.out = utf8.AppendRune(u.out, utf8.RuneError)
				err = io.EOF
			}
			u.err = err
			break
		}
		r := rune(c)
		if utf16.IsSurrogate(r) {
			c2, err := u.unit()
			if err != nil {
				u.err = io.EOF
				u.out = utf8.AppendRune(u.out, utf8.RuneError)
				break
			}
			r = utf16.DecodeRune(r, rune(c2))
		}
		u.out = utf8.AppendRune(u.out, r)
	}
	if len(u.out) == 0 {
		return 0, u.err
	}
	k := copy(p, u.out)
	u.out = u.out[k:]
	return k, nil
}

// maxLine bounds the length of one line kept by lineReader; the rest of a
// longer line is dropped and Long reports it.
const maxLine = 64 << 20

// lineReader reads lines of any length (unlike bufio.Scanner), counting them.
// Lines are returned without their line end; a trailing CR is removed too.
type lineReader struct {
	r    *bufio.Reader
	line int
	text string
	long bool
	err  error
	buf  []byte
	// block holds whole lines taken from r's buffer as one string, which
	// Scan hands out line by line: one allocation for some thousand lines
	// instead of one each. Only with blocks set: it reads r ahead, so the
	// caller must read r through the lineReader alone (see newBlockLineReader).
	blocks bool
	block  string
}

func newLineReader(r io.Reader) *lineReader {
	if br, ok := r.(*bufio.Reader); ok {
		return &lineReader{r: br}
	}
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10)}
}

// newBlockLineReader is newLineReader for a caller that reads r through
// the lineReader alone, which lets it take lines from r's buffer a block
// at a time. The line strings then share their block's memory.
func newBlockLineReader(r io.Reader) *lineReader {
	l := newLineReader(r)
	l.blocks = true
	return l
}

// Scan advances to the next line; it returns false at the end of input.
func (l *lineReader) Scan() bool {
	if l.err != nil {
		return false
	}
	l.long = false
	if l.block == "" && l.blocks {
		l.fill()
	}
	if i := strings.IndexByte(l.block, '\n'); i >= 0 {
		l.line++
		l.text = strings.TrimSuffix(l.block[:i], "\r")
		l.block = l.block[i+1:]
		return true
	}
	l.buf = l.buf[:0]
	for {
		chunk, err := l.r.ReadSlice('\n')
		if len(l.buf)+len(chunk) <= maxLine {
			l.buf = append(l.buf, chunk...)
		} else {
			l.long = true
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil {
			l.err = err
			if len(l.buf) == 0 {
				return false
			}
		}
		break
	}
	l.line++
	b := bytes.TrimSuffix(l.buf, []byte{'\n'})
	b = bytes.TrimSuffix(b, []byte{'\r'})
	l.text = string(b)
	return true
}

// fill sets block to the whole lines buffered in r, if any.
func (l *lineReader) fill() {
	if l.r.Buffered() == 0 {
		l.r.Peek(1) // an error shows again in ReadSlice
	}
	b, _ := l.r.Peek(l.r.Buffered())
	if k := bytes.LastIndexByte(b, '\n') + 1; k > 0 {
		l.block = string(b[:k])
		l.r.Discard(k)
	}
}

// Text returns the current line.
func (l *lineReader) Text() string { return l.text }

// Line returns the 1-based number of the current line.
func (l *lineReader) Line() int { return l.line }

// Long reports whether the current line was cut at maxLine bytes.
func (l *lineReader) Long() bool { return l.long }

// Err returns the first error other than io.EOF.
func (l *lineReader) Err() error {
	if l.err == io.EOF {
		return nil
	}
	return l.err
}
