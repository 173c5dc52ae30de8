// Package safetext makes text that comes from input files inert where
// citegraph shows it: in a terminal (Terminal, TerminalWriter), in XML, SVG,
// HTML and Graphviz DOT (XML), in JSON read at a terminal (JSONWriter) and
// in a spreadsheet cell (Cell). Every writer of the program goes through
// these, so one decision covers every output.
//
// Characters are replaced, never dropped, by stand-ins one column wide, so a
// reader sees that something was there and aligned columns stay aligned:
// C0 controls become their Unicode Control Pictures ("\x1b" → "␛", "\r" →
// "␍"), DEL becomes "␡", and C1 controls (U+0080–U+009F, among them the
// 8-bit CSI and OSC), bidirectional embeddings, overrides and isolates
// (U+202A–U+202E, U+2066–U+2069, which reorder what follows them on screen)
// and bytes that are not UTF-8 become U+FFFD.
package safetext

import (
	"io"
	"strings"
	"unicode/utf8"
)

const replacement = '\uFFFD'

// Terminal returns s safe to print to a terminal: no character of it starts
// an escape sequence, moves the cursor or reorders the text. Line feeds and
// tabs are kept.
func Terminal(s string) string { return clean(s, false) }

// XML returns s safe as XML 1.0 character data or attribute value, and as a
// Graphviz string that ends up in SVG: what Terminal replaces, and the
// noncharacters U+FFFE and U+FFFF, which XML forbids. Markup characters
// (&, <, ") are left to the writer's own escaping.
func XML(s string) string { return clean(s, true) }

// unsafe reports whether r is replaced (for XML as well when xml is set).
func unsafe(r rune, xml bool) bool {
	switch {
	case r < 0x20:
		return r != '\n' && r != '\t'
	case r < 0x7F:
		return false
	case r <= 0x9F: // DEL and C1
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0xFFFE || r == 0xFFFF:
		return xml
	}
	return false
}

// standIn is what replaces r.
func standIn(r rune) rune {
	switch {
	case r < 0x20:
		return 0x2400 + r // Control Pictures: ␀ … ␟
	case r == 0x7F:
		return '\u2421' // ␡
	}
	return replacement
}

// clean returns s with its unsafe characters replaced; s itself when it has
// none.
func clean(s string, xml bool) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7F || c == '\n' || c == '\t' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unsafe(r, xml) {
			return s[:i] + cleanFrom(s[i:], xml)
		}
		i += n
	}
	return s
}

func cleanFrom(s string, xml bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(replacement)
		case unsafe(r, xml):
			b.WriteRune(standIn(r))
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// Styles a program writes through a TerminalWriter: private-use characters
// that the writer turns into ANSI bold, dim and reset when colour is on and
// drops otherwise. They are the only way to get an escape sequence through
// it (the same characters in input text can only restyle, never inject).
const (
	Bold  = "\uE000"
	Dim   = "\uE001"
	Reset = "\uE002"
)

var styles = [...]string{"\x1b[1m", "\x1b[2m", "\x1b[0m"}

// TerminalWriter passes what is written through Terminal, however it is cut
// into writes (bufio.Writer cuts anywhere): a character split between two
// writes is held for the next, and Close writes what is left.
type TerminalWriter struct {
	w     io.Writer
	color bool
	carry []byte
	out   []byte
}

// NewTerminalWriter returns a TerminalWriter to w; color says whether the
// styles Bold, Dim and Reset become ANSI sequences.
func NewTerminalWriter(w io.Writer, color bool) *TerminalWriter {
	return &TerminalWriter{w: w, color: color}
}

func (t *TerminalWriter) Write(p []byte) (int, error) {
	b := p
	if len(t.carry) > 0 {
		b = append(t.carry, p...)
		t.carry = nil
	}
	// hold back a character cut at the end
	for i := 1; i <= 3 && i <= len(b); i++ {
		if c := b[len(b)-i]; c >= 0xC0 {
			if !utf8.FullRune(b[len(b)-i:]) {
				t.carry = append([]byte(nil), b[len(b)-i:]...)
				b = b[:len(b)-i]
			}
			break
		} else if c < 0x80 {
			break
		}
	}
	t.out = t.out[:0]
	for i := 0; i < len(b); {
		c := b[i]
		if c >= 0x20 && c < 0x7F || c == '\n' || c == '\t' {
			t.out = append(t.out, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r >= 0xE000 && r <= 0xE002:
			if t.color {
				t.out = append(t.out, styles[r-0xE000]...)
			}
		case r == utf8.RuneError && n == 1:
			t.out = utf8.AppendRune(t.out, replacement)
		case unsafe(r, false):
			t.out = utf8.AppendRune(t.out, standIn(r))
		default:
			t.out = append(t.out, b[i:i+n]...)
		}
		i += n
	}
	if _, err := t.w.Write(t.out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Close writes a character left incomplete at the end as U+FFFD.
func (t *TerminalWriter) Close() error {
	if len(t.carry) == 0 {
		return nil
	}
	t.carry = nil
	_, err := t.w.Write([]byte(string(replacement)))
	return err
}

// JSONWriter returns a writer for JSON text that writes the characters
// Terminal would replace and encoding/json leaves raw (DEL, C1 controls,
// bidirectional overrides) as \u escapes, so the JSON means the same and
// shows inert at a terminal. They can only occur inside JSON strings, where
// the escape is valid. Each Write must hold whole characters
// (json.Encoder.Encode writes a whole value at once).
func JSONWriter(w io.Writer) io.Writer { return &jsonWriter{w} }

type jsonWriter struct{ w io.Writer }

func (j *jsonWriter) Write(p []byte) (int, error) {
	var out []byte
	last := 0
	for i := 0; i < len(p); {
		c := p[i]
		if c < 0x7F {
			i++
			continue
		}
		r, n := utf8.DecodeRune(p[i:])
		if unsafe(r, false) {
			out = append(out, p[last:i]...)
			out = append(out, `\u`...)
			out = append(out, hex[r>>12&0xF], hex[r>>8&0xF], hex[r>>4&0xF], hex[r&0xF])
			last = i + n
		}
		i += n
	}
	if out == nil {
		return j.w.Write(p)
	}
	out = append(out, p[last:]...)
	if _, err := j.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

const hex = "0123456789abcdef"

// Cell returns s, made safe by Terminal, as a spreadsheet cell that cannot
// be read as a formula: a text starting with "=", "+", "-", "@", a tab or a
// carriage return gets a leading apostrophe, as OWASP advises against CSV
// injection. Use it for text cells only, not for numbers.
func Cell(s string) string {
	s = Terminal(s)
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}
