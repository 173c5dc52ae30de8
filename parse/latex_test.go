package parse

import "testing"

func TestBibTeXText(t *testing.T) {
	tests := []struct{ in, want string }{
		// accents in their written variants
		{`M{\"u}ller`, "Müller"},
		{`M\"{u}ller`, "Müller"},
		{`M\"uller`, "Müller"},
		{`Caf\'e`, "Café"},
		{`{\'E}cole`, "École"},
		{"S{\\`e}des", "Sèdes"},
		{`H\^otel`, "Hôtel"},
		{`Espa\~na`, "España"},
		{`Fran\c{c}ois`, "François"},
		{`Fran\c cois`, "François"},
		{`Ga\v{s}pari\v{c}`, "Gašparič"},
		{`\u{a}`, "ă"},
		{`Erd\H{o}s`, "Erdős"},
		{`\k{a}`, "ą"},
		{`\={a}`, "ā"},
		{`\.{z}`, "ż"},
		{`Garc{\'i}a`, "García"},
		{`Garc{\'\i}a`, "García"},
		{`Garc\'{\i}a`, "García"},
		{`Mu{\~{n}}oz`, "Muñoz"},
		{`\r{u}`, "ů"},
		{`\d{s}`, "ṣ"},
		{`\t{oo}`, "o\u0361o"},
		{`\v{q}`, "q\u030c"}, // no precomposed letter: combining mark
		// named letters
		{`{\aa}ngstr{\"o}m`, "ångström"},
		{`\AA{}ngstr\"om`, "Ångström"},
		{`{\o}rsted \O`, "ørsted Ø"},
		{`{\l}\'od\'z \L`, "łódź Ł"},
		{`Stra{\ss}e`, "Straße"},
		{`Stra\ss e`, "Straße"},
		{`{\ae}on \oe{}uvre`, "æon œuvre"},
		{`\i\j`, "ıȷ"},
		// ligatures, quotes, ties, escapes
		{`pages 1--5`, "pages 1–5"},
		{`yes---no`, "yes—no"},
		{"``quoted''", "“quoted”"},
		{"`single'", "'single'"},
		{`Smith~and~Jones`, "Smith and Jones"},
		{`R\&D 50\% \$5 a\_b \#1`, "R&D 50% $5 a_b #1"},
		{`\{braces\}`, "{braces}"},
		// math kept as text, braces removed, formatting dropped
		{`The $\alpha$-helix and $x^2$`, "The α-helix and x^2"},
		{`{{Protected Title}}`, "Protected Title"},
		{`{[}Anonymous]`, "[Anonymous]"},
		{`\emph{very} \textbf{bold}`, "very bold"},
		{`\LaTeX\ and \unknowncmd{x}`, "LaTeX and unknowncmdx"},
		{"line\none", "line one"},
		{`trailing\`, "trailing"},
		{`\"`, `"`},
		{`plain text`, "plain text"},
	}
	for _, tc := range tests {
		if got := bibTeXText(tc.in); got != tc.want {
			t.Errorf("bibTeXText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestBibTeXVerbatim(t *testing.T) {
	tests := []struct{ in, want string }{
		{`http://example.org/~user/a--b`, "http://example.org/~user/a--b"},
		{`10.1000/a\_b`, "10.1000/a_b"},
		{`10.1002/(SICI)1099-1360(199907)8:4\{.`, "10.1002/(SICI)1099-1360(199907)8:4{."},
		{`{[}Anonymous], 2000, B WORLD HEALTH ORGAN, V78, P868.`, "[Anonymous], 2000, B WORLD HEALTH ORGAN, V78, P868."},
		{`price \$5 $x$`, "price $5 $x$"},
	}
	for _, tc := range tests {
		if got := bibTeXVerbatim(tc.in); got != tc.want {
			t.Errorf("bibTeXVerbatim(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
