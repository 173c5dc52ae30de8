package graph

import "testing"

// TestVenueLeads checks the rule the venues stage relies on: two venue
// keys that the venue index finds compatible share a lead, over every pair
// of a list of abbreviations, full titles, proceedings, initialisms, names
// with parts left out and names learned as pairs whose words differ.
func TestVenueLeads(t *testing.T) {
	names := []string{
		"J INFORMETR", "Journal of Informetrics", "J. Informetr.", "SCIENTOMETRICS", "Scientometrics",
		"PHYS REV E", "Physical Review E", "PHYS REV LETT", "Physical Review Letters", "P NATL ACAD SCI USA",
		"Proceedings of the National Academy of Sciences of the United States of America", "PNAS",
		"J POLYM SCI POL PHYS", "Journal of Polymer Science Part B-Polymer Physics", "Part B Polymer Physics",
		"Series A Mathematical", "SER A MATH", "Section C Biology", "IEEE T MAGN", "IEEE Transactions on Magnetics",
		"U S A TODAY", "USA TODAY", "United States of America Today", "2017 IEEE INT C", "WWW 08",
		"DALLAS GLOBECOM 89", "IEEE GLOBECOM", "ANNU REV MATER SCI", "ANN REV MATER RES",
		"Annual Review of Materials Research", "Nature", "NATURE", "Zeitschrift fur Physik", "Z PHYS",
		"Revista Producao", "Producao", "PHILOS T R SOC A", "Philosophical Transactions of the Royal Society A",
		"CITATION NETWORK ANALYSIS", "STAT POWER ANAL BEHA", "Statistical power analysis for the behavioral sciences",
		"", "X", "ß journal", "Ärztliche Praxis", "ARZTL PRAX",
	}
	v := newVenueIndex()
	// learned pairs whose names begin differently
	v.learn(venueKey("PNAS"), venueKey("Proceedings of the National Academy of Sciences of the United States of America"))
	v.learn(venueKey("ANNU REV MATER SCI"), venueKey("Annual Review of Materials Research"))
	v.learn(venueKey("X"), venueKey("Nature"))
	keys := make([]string, len(names))
	for i, n := range names {
		keys[i] = venueKey(n)
	}
	pairs := 0
	for _, a := range keys {
		for _, b := range keys {
			if !v.compatible(a, b) {
				continue
			}
			pairs++
			if v.leads(a)&v.leads(b) == 0 {
				t.Errorf("%q and %q are compatible but share no lead (%b, %b)", a, b, v.leads(a), v.leads(b))
			}
		}
	}
	if pairs < len(keys)+20 {
		t.Errorf("only %d compatible pairs: the list tests little", pairs)
	}
	if l := v.leads(venueKey("Journal of Polymer Science Part B-Polymer Physics")); l != rsLead('j') {
		t.Errorf("leads of a title starting with Journal: %b", l)
	}
	if l := v.leads(venueKey("Part B Polymer Physics")); l&rsLead('p') == 0 || l&rsLead('b') == 0 {
		t.Errorf("leads of a title starting with Part B: %b", l)
	}
}
