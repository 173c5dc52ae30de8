package model

import (
	"reflect"
	"strings"
)

// Control characters a reader decoded from escapes ("\u001b" in JSON) are
// removed from every record in Sink.Add; raw ones never reach the readers
// (parse's controlFilter removes them from the input).

// isControl reports whether r is a C0 control other than tab and line feed,
// DEL or a C1 control.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7F && r <= 0x9F
}

// stripControls returns s without control characters (see isControl).
func stripControls(s string) string {
	i := strings.IndexFunc(s, isControl)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if !isControl(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cleanControls strips control characters from every string reachable from
// v (a pointer to a record): fields, slices, map values, whatever fields
// records gain later.
func cleanControls(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			cleanControls(v.Elem())
		}
	case reflect.String:
		if s := v.String(); v.CanSet() && hasControl(s) {
			v.SetString(stripControls(s))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			cleanControls(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			cleanControls(v.Index(i))
		}
	case reflect.Map:
		if v.Type().Elem().Kind() != reflect.String {
			return
		}
		it := v.MapRange()
		for it.Next() {
			if s := it.Value().String(); hasControl(s) {
				v.SetMapIndex(it.Key(), reflect.ValueOf(stripControls(s)))
			}
		}
	}
}

// hasControl reports quickly whether s may hold a control character: a
// byte below 0x20 but tab and line feed, DEL, or the lead byte of a C1
// control.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' || c == 0x7F || c == 0xC2 && i+1 < len(s) && s[i+1] <= 0x9F {
			return true
		}
	}
	return false
}
