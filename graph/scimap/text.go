package scimap

import (
	"unicode"

	"github.com/citegraph/citegraph/parse"
)

// helvetica holds the advance widths of Helvetica's printable ASCII
// characters (space to "~"), in thousandths of the font size, from
// Adobe's font metrics: the font the maps name and that Graphviz
// estimates text with; Arial and Liberation Sans share the widths.
var helvetica = [95]uint16{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 … 9
	278, 278, 584, 584, 584, 556, 1015, // : … @
	667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A … M
	722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N … Z
	278, 278, 278, 469, 556, 333, // [ … `
	556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a … m
	556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n … z
	334, 260, 334, 584, // { … ~
}

// runeWidth returns a character's width in thousandths of the font size:
// Helvetica's for ASCII, its base letter's for accented Latin letters,
// a full em for wide (CJK) characters, else an average width.
func runeWidth(r rune) float64 {
	if r >= ' ' && r <= '~' {
		return float64(helvetica[r-' '])
	}
	if b := []rune(parse.Fold(string(r))); len(b) == 1 && b[0] >= ' ' && b[0] <= '~' && unicode.IsLetter(r) {
		w := float64(helvetica[b[0]-' '])
		if unicode.IsUpper(r) {
			w = float64(helvetica[unicode.ToUpper(b[0])-' '])
		}
		return w
	}
	switch {
	case r == '…':
		return 1000
	case r == '·' || r == '’' || r == '‘':
		return 278
	case r == '–':
		return 556
	case r == '—':
		return 1000
	case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		unicode.Is(unicode.Hangul, r):
		return 1000
	}
	return 600
}

// textWidth is the width of s in points at the font size; bold text is
// taken a tenth wider.
func textWidth(s string, size float64, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		w += runeWidth(r)
	}
	w = w * size / 1000
	if bold {
		w *= 1.1
	}
	return w
}

// textBox is the box of a text centred at (x, y): as wide as the text,
// from descender to ascender high, with a point of room around it.
func textBox(s string, x, y, size float64, bold bool) box {
	return box{x: x, y: y, hw: textWidth(s, size, bold)/2 + 1, hh: 0.55*size + 0.5}
}
