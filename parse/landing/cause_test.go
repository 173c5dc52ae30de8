package landing

import (
	"strings"
	"testing"
)

func TestLandingCopyrightYear(t *testing.T) {
	page := "Journal of Made-up Studies\nUDC 123.4 © 2016 Roe J. and co-authors\n" +
		"A MADE-UP STUDY OF COUNTING THINGS IN THE WILD\nJane Roe, John Poe\nDOI: 10.1234/jms.2016.5\n" +
		"Abstract\nWe counted things for a long time and wrote it all down here."
	rs := read(page)
	if len(rs) != 1 || rs[0].Year != 2016 {
		t.Fatalf("copyright year not taken: %+v", rs)
	}
	// a dated line says otherwise: the copyright does not count
	rs = read(strings.Replace(page, "Abstract\n", "Published 2015\nAbstract\n", 1))
	if len(rs) != 1 || rs[0].Year != 2015 {
		t.Errorf("copyright year beat the publication date: %+v", rs)
	}
	// two notices of different years (the work's, the site's): no year
	rs = read(strings.Replace(page, "Journal of Made-up Studies\n", "Journal of Made-up Studies\nCopyright 2024 Site Inc.\n", 1))
	if len(rs) != 1 || rs[0].Year != 0 {
		t.Errorf("one of two copyright years taken: %+v", rs)
	}
}
