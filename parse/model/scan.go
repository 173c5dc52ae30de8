package model

import (
	"encoding/binary"
	"unsafe"
)

// Word-at-a-time tests for the scans every record goes through
// (CleanSpace, hasControl): eight bytes of plain ASCII text are passed
// over with a few arithmetic operations; a word that may need a closer
// look is then checked byte by byte.

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
	lows  = 0x7F7F7F7F7F7F7F7F
)

// word8 returns the eight bytes of s at i (i+8 <= len(s)) as a
// little-endian word, without copying s.
func word8(s string, i int) uint64 {
	return binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s), len(s))[i:])
}

// oddBytes reports whether w may hold a byte below 0x20 or from 0x7F up:
// false means all eight bytes are printable ASCII.
func oddBytes(w uint64) bool {
	below := (w - ones*0x20) & ^w & highs      // some byte < 0x20
	above := (w | ((w & lows) + ones)) & highs // some byte >= 0x7F
	return below|above != 0
}

// Printable8 reports whether the eight bytes of b at i (i+8 <= len(b))
// are all printable ASCII (0x20 to 0x7E): a scan for control characters
// or text not ASCII can pass over them at once.
func Printable8(b []byte, i int) bool {
	return !oddBytes(binary.LittleEndian.Uint64(b[i:]))
}

// spaceBytes returns the high bit of each byte of w that is ' '.
func spaceBytes(w uint64) uint64 {
	t := w ^ ones*' '
	return ^(((t & lows) + lows) | t | lows)
}
