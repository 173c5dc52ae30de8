package landing

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// TestListMarks checks lpBulletEnd and lpListNumber against the regular
// expressions they stand for, on hand-made marks and random strings.
func TestListMarks(t *testing.T) {
	bullet := regexp.MustCompile(`^(?:[-–—*•·▪►◦‣⁃]\s+|[•▪►◦‣]|#{1,6}\s+)`)
	number := regexp.MustCompile(`^(?:\[(\d{1,5})\]\s*|\((\d{1,5})\)\s+|(\d{1,5})[.)]\s+)`)
	cases := []string{"", "• a", "•a", "- a", "-a", "— x", "###### h", "####### h", "#h", "▪", "⁃ x", "⁃x",
		"[12] a", "[12]a", "[123456] a", "(12) a", "(12)a", "12. a", "12.a", "12) a", "123456. a", "1.\ta", "[]"}
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []rune("#-•⁃[]()1234567890. \ta")
	for range 50000 {
		b := make([]rune, rng.IntN(10))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		want := -1
		if loc := bullet.FindStringIndex(s); loc != nil {
			want = loc[1]
		}
		if got := lpBulletEnd(s); got != want {
			t.Fatalf("lpBulletEnd(%q) = %d, want %d", s, got, want)
		}
		wnum, wn := "", 0
		if m := number.FindStringSubmatch(s); m != nil {
			wnum, wn = m[1]+m[2]+m[3], len(m[0])
		}
		if num, n := lpListNumber(s); num != wnum || n != wn {
			t.Fatalf("lpListNumber(%q) = %q, %d; want %q, %d", s, num, n, wnum, wn)
		}
	}
}
