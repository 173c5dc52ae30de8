// Package safetexttest holds the checks that tests of citegraph's outputs
// make on text, written apart from package safetext so that they are an
// independent statement of what may not appear.
package safetexttest

// TerminalUnsafe returns the first character of s a terminal would act on:
// a C0 control but line feed and tab, DEL, a C1 control, a bidirectional
// embedding, override or isolate.
func TerminalUnsafe(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20, r >= 0x7F && r <= 0x9F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			return r, true
		}
	}
	return 0, false
}

// XMLUnsafe returns the first character of s XML 1.0 forbids (a C0
// control but tab, line feed and carriage return; U+FFFE; U+FFFF) or that
// TerminalUnsafe reports.
func XMLUnsafe(s string) (rune, bool) {
	for _, r := range s {
		if r == 0xFFFE || r == 0xFFFF {
			return r, true
		}
		if r == '\r' {
			continue
		}
		if _, bad := TerminalUnsafe(string(r)); bad {
			return r, true
		}
	}
	return 0, false
}
