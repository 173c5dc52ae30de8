package mainpath

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// Num is an exact non-negative integer: a count of paths. Counts of paths
// grow exponentially with the depth of a citation network and overflow 64
// bits on real data, so a Num keeps values below 2⁶⁴ inline and larger ones
// in a big.Int. Arithmetic never overflows and never rounds.
//
// The zero value is 0. A Num is immutable: operations return new values.
type Num struct {
	small uint64
	big   *big.Int // set only when the value is ≥ 2⁶⁴
}

// NumOf returns x as a Num.
func NumOf(x uint64) Num { return Num{small: x} }

// numOfBig returns x as a Num, inline when it fits.
func numOfBig(x *big.Int) Num {
	if x.IsUint64() {
		return Num{small: x.Uint64()}
	}
	return Num{big: x}
}

// Big returns the value as a new big.Int.
func (a Num) Big() *big.Int {
	if a.big != nil {
		return new(big.Int).Set(a.big)
	}
	return new(big.Int).SetUint64(a.small)
}

// IsZero reports whether a is 0.
func (a Num) IsZero() bool { return a.big == nil && a.small == 0 }

// ref returns the value as a big.Int to read from: its own when it has
// one (not to be changed), else tmp set to it.
func (a Num) ref(tmp *big.Int) *big.Int {
	if a.big != nil {
		return a.big
	}
	return tmp.SetUint64(a.small)
}

// Add returns a + b.
func (a Num) Add(b Num) Num {
	if a.big == nil && b.big == nil {
		s, carry := bits.Add64(a.small, b.small, 0)
		if carry == 0 {
			return Num{small: s}
		}
	}
	var ta, tb big.Int
	return numOfBig(new(big.Int).Add(a.ref(&ta), b.ref(&tb)))
}

// Mul returns a × b.
func (a Num) Mul(b Num) Num {
	if a.big == nil && b.big == nil {
		hi, lo := bits.Mul64(a.small, b.small)
		if hi == 0 {
			return Num{small: lo}
		}
	}
	var ta, tb big.Int
	return numOfBig(new(big.Int).Mul(a.ref(&ta), b.ref(&tb)))
}

// sum accumulates Nums in place, allocating only when the total passes 64
// bits (and then growing one big.Int).
type sum struct {
	small uint64
	big   *big.Int
}

func (s *sum) add(x Num) {
	if s.big == nil && x.big == nil {
		r, carry := bits.Add64(s.small, x.small, 0)
		if carry == 0 {
			s.small = r
			return
		}
	}
	if s.big == nil {
		s.big = new(big.Int).SetUint64(s.small)
	}
	var t big.Int
	s.big.Add(s.big, x.ref(&t))
}

// num returns the total; the sum must not be used afterwards.
func (s *sum) num() Num {
	if s.big == nil {
		return Num{small: s.small}
	}
	return numOfBig(s.big)
}

// Cmp returns -1, 0 or +1 as a < b, a == b or a > b.
func (a Num) Cmp(b Num) int {
	switch {
	case a.big == nil && b.big == nil:
		switch {
		case a.small < b.small:
			return -1
		case a.small > b.small:
			return 1
		}
		return 0
	case a.big == nil:
		return -1 // b ≥ 2⁶⁴ > a
	case b.big == nil:
		return 1
	}
	return a.big.Cmp(b.big)
}

// AtLeastShare reports whether a ≥ (1-tol)·b, exactly up to tol's first nine
// decimals; tol is clamped to [0, 1].
func (a Num) AtLeastShare(b Num, tol float64) bool {
	if tol <= 0 {
		return a.Cmp(b) >= 0
	}
	const scale = 1_000_000_000
	keep := uint64(math.Round((1 - min(tol, 1)) * scale))
	return a.Mul(NumOf(scale)).Cmp(b.Mul(NumOf(keep))) >= 0
}

// Float64 returns the nearest float64 (+Inf beyond its range, which path
// counts of about 10³⁰⁸ would need).
func (a Num) Float64() float64 {
	if a.big == nil {
		return float64(a.small)
	}
	f, _ := new(big.Float).SetInt(a.big).Float64()
	return f
}

// Share returns a / b as a float64, 0 when b is 0; exact to float64
// precision even when both are far beyond float64's range.
func (a Num) Share(b Num) float64 {
	if b.IsZero() {
		return 0
	}
	q := new(big.Rat).SetFrac(a.Big(), b.Big())
	f, _ := q.Float64()
	return f
}

// String returns the value in decimal.
func (a Num) String() string {
	if a.big == nil {
		return strconv.FormatUint(a.small, 10)
	}
	return a.big.String()
}

// Short returns the value for a table: in full up to 12 digits, else in
// scientific notation with 4 significant digits ("3.142e+15").
func (a Num) Short() string {
	s := a.String()
	if len(s) <= 12 {
		return s
	}
	d, exp := a.round(4)
	return d[:1] + "." + d[1:] + "e+" + strconv.Itoa(exp)
}

// Compact returns the value in at most 6 characters for a diagram label:
// in full below 10,000, else with 3 significant digits and a suffix k, M,
// G or T ("40.0M", "1.59M"), and beyond that in scientific notation
// ("1.27e30").
func (a Num) Compact() string {
	s := a.String()
	if len(s) <= 4 {
		return s
	}
	d, exp := a.round(3)
	if exp >= 15 {
		return d[:1] + "." + d[1:] + "e" + strconv.Itoa(exp)
	}
	point := exp%3 + 1 // digits before the decimal point
	m := d[:point]
	if point < 3 {
		m += "." + d[point:]
	}
	return m + string(" kMGT"[exp/3])
}

// round returns the value's first n significant digits, rounded half up,
// and the decimal exponent of the first: value ≈ d[0].d[1:] × 10^exp.
func (a Num) round(n int) (digits string, exp int) {
	s := a.String()
	exp = len(s) - 1
	if len(s) <= n {
		return s + strings.Repeat("0", n-len(s)), exp
	}
	d, _ := strconv.Atoi(s[:n])
	if s[n] >= '5' {
		d++
	}
	digits = strconv.Itoa(d)
	if len(digits) > n { // 9995 → 1000
		digits, exp = digits[:n], exp+1
	}
	return digits, exp
}

// MarshalText writes the exact decimal value, so JSON carries it as a string
// that no reader rounds.
func (a Num) MarshalText() ([]byte, error) { return []byte(a.String()), nil }
