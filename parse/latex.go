package parse

import (
	"strings"
	"unicode/utf8"
)

// This file turns the TeX markup of BibTeX values into plain Unicode text:
// accents ({\"u}, \'e, \c{c}), named letters (\ss, \o, \aa), escaped
// specials (\&, \%), ligatures (--, ``), ties and math delimiters. Braces
// are dropped; unknown commands keep their name so no text is lost.

// bibAccents maps an accent command to "base composed" pairs (derived from
// Unicode NFC composition) and to the combining mark used when the pair is
// not in the list.
var bibAccents = map[string]struct {
	pairs string
	mark  rune
}{
	"`":  {"aàeèiìnǹoòuùwẁyỳAÀEÈIÌNǸOÒUÙWẀYỲ", '\u0300'},
	"'":  {"aácćeégǵiíkḱlĺmḿnńoópṕrŕsśuúwẃyýzźAÁCĆEÉGǴIÍKḰLĹMḾNŃOÓPṔRŔSŚUÚWẂYÝZŹ", '\u0301'},
	"^":  {"aâcĉeêgĝhĥiîjĵoôsŝuûwŵyŷzẑAÂCĈEÊGĜHĤIÎJĴOÔSŜUÛWŴYŶZẐ", '\u0302'},
	"~":  {"aãeẽiĩnñoõuũvṽyỹAÃEẼIĨNÑOÕUŨVṼYỸ", '\u0303'},
	"=":  {"aāeēgḡiīoōuūyȳAĀEĒGḠIĪOŌUŪYȲ", '\u0304'},
	"u":  {"aăeĕgğiĭoŏuŭAĂEĔGĞIĬOŎUŬ", '\u0306'},
	".":  {"aȧbḃcċdḋeėfḟgġhḣmṁnṅoȯpṗrṙsṡtṫwẇxẋyẏzżAȦBḂCĊDḊEĖFḞGĠHḢIİMṀNṄOȮPṖRṘSṠTṪWẆXẊYẎZŻ", '\u0307'},
	"\"": {"aäeëhḧiïoötẗuüwẅxẍyÿAÄEËHḦIÏOÖUÜWẄXẌYŸ", '\u0308'},
	"r":  {"aåuůwẘyẙAÅUŮ", '\u030a'},
	"H":  {"oőuűOŐUŰ", '\u030b'},
	"v":  {"aǎcčdďeěgǧhȟiǐjǰkǩlľnňoǒrřsštťuǔzžAǍCČDĎEĚGǦHȞIǏKǨLĽNŇOǑRŘSŠTŤUǓZŽ", '\u030c'},
	"c":  {"cçdḑeȩgģhḩkķlļnņrŗsştţCÇDḐEȨGĢHḨKĶLĻNŅRŖSŞTŢ", '\u0327'},
	"k":  {"aąeęiįoǫuųAĄEĘIĮOǪUŲ", '\u0328'},
	"d":  {"aạbḅdḍeẹhḥiịkḳlḷmṃnṇoọrṛsṣtṭuụvṿwẉyỵzẓAẠBḄDḌEẸHḤIỊKḲLḶMṂNṆOỌRṚSṢTṬUỤVṾWẈYỴZẒ", '\u0323'},
	"b":  {"bḇdḏhẖkḵlḻnṉrṟtṯzẕBḆDḎKḴLḺNṈRṞTṮZẔ", '\u0331'},
	"t":  {"", '\u0361'}, // tie over two letters: \t{oo}
}

// bibSymbols maps TeX commands that stand for one character or word.
var bibSymbols = map[string]string{
	"aa": "å", "AA": "Å", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "ss": "ß", "SS": "SS",
	"ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
	"th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
	"copyright": "©", "textcopyright": "©", "textregistered": "®", "texttrademark": "™",
	"S": "§", "P": "¶", "pounds": "£", "textsterling": "£", "euro": "€", "texteuro": "€",
	"textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "textellipsis": "…",
	"textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
	"guillemotleft": "«", "guillemotright": "»", "textbackslash": "\\", "textasciitilde": "~",
	"textunderscore": "_", "textbar": "|", "textless": "<", "textgreater": ">", "textdegree": "°",
	"textperiodcentered": "·", "textbullet": "•", "textdagger": "†",
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
	"zeta": "ζ", "eta": "η", "theta": "θ", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
	"xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ",
	"chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ",
	"Lambda": "Λ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
	"times": "×", "pm": "±", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠",
	"approx": "≈", "infty": "∞", "cdot": "·", "rightarrow": "→", "to": "→", "leftarrow": "←",
	"deg": "°", "circ": "°",
}

// bibDropped are formatting commands whose argument is kept as plain text.
var bibDropped = map[string]bool{
	"emph": true, "textit": true, "textbf": true, "textsc": true, "texttt": true, "textrm": true,
	"textsf": true, "textsl": true, "textup": true, "textmd": true, "textnormal": true,
	"mathrm": true, "mathbf": true, "mathit": true, "mathsf": true, "mathtt": true, "mathcal": true,
	"mathbb": true, "mathnormal": true, "ensuremath": true, "text": true, "mbox": true, "hbox": true,
	"textsuperscript": true, "textsubscript": true, "url": true, "nolinkurl": true, "path": true,
	"em": true, "it": true, "bf": true, "sc": true, "tt": true, "rm": true, "sf": true, "sl": true,
	"itshape": true, "bfseries": true, "scshape": true, "upshape": true, "normalfont": true,
	"relax": true, "protect": true, "noopsort": true, "hyphen": true, "textnhtt": true,
}

// bibTeXText converts a field value to plain text, with TeX ligatures
// (dashes from -- and ---, double quotes from two backquotes or two
// apostrophes), ties (~ as a space) and math delimiters resolved.
func bibTeXText(s string) string { return bibDecodeTeX(s, false, 0) }

// bibTeXVerbatim converts a value whose characters are literal (URLs, DOIs,
// cited-reference strings): escapes, accents and braces only; "--", "~"
// and "$" stay as they are.
func bibTeXVerbatim(s string) string { return bibDecodeTeX(s, true, 0) }

// bibMaxNest bounds how deeply accent arguments are decoded, keeping
// "\'{\'{\'{…" linear; deeper arguments only lose their braces.
const bibMaxNest = 8

// bibOut collects decoded text. As in TeX, a run of white space is one
// space, and none is kept at the ends.
type bibOut struct {
	b       strings.Builder
	pending bool
}

// space notes white space, written only before further text.
func (o *bibOut) space() { o.pending = true }

// str writes text.
func (o *bibOut) str(s string) {
	if o.pending && o.b.Len() > 0 {
		o.b.WriteByte(' ')
	}
	o.pending = false
	o.b.WriteString(s)
}

// byte writes one byte of text.
func (o *bibOut) byte(c byte) {
	if o.pending && o.b.Len() > 0 {
		o.b.WriteByte(' ')
	}
	o.pending = false
	o.b.WriteByte(c)
}

// bibIsSpace reports whether c is ASCII white space.
func bibIsSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// bibDecodeTeX is the converter behind bibTeXText and bibTeXVerbatim; nest
// counts the accent arguments being decoded around s.
func bibDecodeTeX(s string, verbatim bool, nest int) string {
	if !strings.ContainsAny(s, "\\{}$~-`'\t\n\r\f\v") && !strings.Contains(s, "  ") {
		return strings.Trim(s, " ")
	}
	var o bibOut
	o.b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\':
			i = bibCommand(&o, s, i, verbatim, nest)
		case c == '{' || c == '}':
			i++
		case bibIsSpace(c):
			o.space()
			i++
		case verbatim:
			o.byte(c)
			i++
		case c == '$':
			i++
		case c == '~':
			o.space()
			i++
		case c == '-' && strings.HasPrefix(s[i:], "---"):
			o.str("—")
			i += 3
		case c == '-' && strings.HasPrefix(s[i:], "--"):
			o.str("–")
			i += 2
		case c == '`' && strings.HasPrefix(s[i:], "``"):
			o.str("“")
			i += 2
		case c == '`':
			o.byte('\'') // an opening single quote; the closing one is a plain '
			i++
		case c == '\'' && strings.HasPrefix(s[i:], "''"):
			o.str("”")
			i += 2
		default:
			o.byte(c)
			i++
		}
	}
	return o.b.String()
}

// bibCommand writes the text of the command starting at s[i] (a backslash)
// and returns the index after it.
func bibCommand(o *bibOut, s string, i int, verbatim bool, nest int) int {
	i++ // the backslash
	if i >= len(s) {
		return i
	}
	var name string
	if bibIsLetter(s[i]) {
		j := i
		for j < len(s) && bibIsLetter(s[j]) {
			j++
		}
		name, i = s[i:j], j
		for i < len(s) && bibIsSpace(s[i]) {
			i++ // a control word swallows the spaces after it
		}
	} else {
		_, n := utf8.DecodeRuneInString(s[i:])
		name, i = s[i:i+n], i+n
	}
	if acc, ok := bibAccents[name]; ok {
		arg, next := bibAccentArg(s, i, verbatim, nest)
		o.str(bibCompose(arg, name, acc.pairs, acc.mark))
		return next
	}
	if sym, ok := bibSymbols[name]; ok {
		o.str(sym)
		// "{\ss}" and "\ss{}": an empty group after a symbol is only a separator
		if strings.HasPrefix(s[i:], "{}") {
			i += 2
		}
		return i
	}
	switch name {
	case "&", "%", "$", "_", "#", "{", "}", "|", "<", ">", "[", "]":
		o.str(name)
	case "\\", " ", ",", ";", ":", "quad", "qquad", "newline", "par", "enspace", "thinspace", "\n", "\t":
		o.space()
	case "!", "/", "-", "@":
		// spacing and hyphenation hints: no text
	default:
		if !bibDropped[name] {
			// unknown command: keep its name so no text is lost
			o.str(name)
		}
	}
	return i
}

// bibAccentArg returns the decoded argument of an accent command at s[i]:
// a braced group, a command such as \i, or one character.
func bibAccentArg(s string, i int, verbatim bool, nest int) (string, int) {
	for i < len(s) && bibIsSpace(s[i]) {
		i++
	}
	if i >= len(s) {
		return "", i
	}
	switch s[i] {
	case '{':
		end := bibGroupEnd(s, i)
		if nest >= bibMaxNest {
			return strings.NewReplacer("{", "", "}", "", "\\", "").Replace(s[i+1 : end]), min(end+1, len(s))
		}
		return bibDecodeTeX(s[i+1:end], verbatim, nest+1), min(end+1, len(s))
	case '}':
		return "", i
	case '\\':
		if nest >= bibMaxNest {
			return "", i // too deep: the accent stands alone, the command is read next
		}
		var o bibOut
		next := bibCommand(&o, s, i, verbatim, nest+1)
		return o.b.String(), next
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return s[i : i+n], i + n
}

// bibCompose puts an accent on the first letter of arg.
func bibCompose(arg, name, pairs string, mark rune) string {
	if arg == "" {
		return name // "\'{}" is the accent character itself
	}
	base, n := utf8.DecodeRuneInString(arg)
	rest := arg[n:]
	// \i and \j are dotless only so that an accent can sit on them
	switch base {
	case 'ı':
		base = 'i'
	case 'ȷ':
		base = 'j'
	}
	if name == "t" && rest != "" {
		second, m := utf8.DecodeRuneInString(rest)
		return string(base) + string(mark) + string(second) + rest[m:]
	}
	for i := 0; i < len(pairs); {
		r, n := utf8.DecodeRuneInString(pairs[i:])
		c, m := utf8.DecodeRuneInString(pairs[i+n:])
		if r == base {
			return string(c) + rest
		}
		i += n + m
	}
	return string(base) + string(mark) + rest
}

// bibGroupEnd returns the index of the brace closing the group opened at
// s[open], or len(s) when it is not closed. Escaped braces do not count.
func bibGroupEnd(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(s)
}

// bibIsLetter reports whether c is an ASCII letter, as in TeX control words.
func bibIsLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
