package fetch

import (
	"context"

	"github.com/citegraph/citegraph/parse"
)

// Enrichment is what Enrich found for the records of a corpus.
type Enrichment struct {
	// Records are the works found, as the source describes them: read
	// with the input, each one merges with the record it was found for
	// (same identifier), filling what that record lacks, its reference
	// list above all.
	Records []parse.Record
	// Asked counts the records looked up: those with an identifier the
	// source can be asked by, except records that came from this source.
	Asked int
	// NoID counts the records without such an identifier, Own the records
	// that came from the source (its own format), not looked up again.
	NoID, Own int
	// RefsAdded counts the references the found works list.
	RefsAdded int
}

// Enrich looks up the works of recs that carry an identifier the source
// knows them by (OpenAlex id, DOI, PubMed id) and returns them as records.
// Records read from the source's own format are not looked up again.
func Enrich(ctx context.Context, c *Client, recs []parse.Record) (*Enrichment, error) {
	en := &Enrichment{}
	var keys []string
	want := make([]string, len(recs))
	for i := range recs {
		rec := &recs[i]
		if rec.Format == c.Source() {
			en.Own++
			continue
		}
		if want[i] = c.Key(rec.IDs, rec.DOI); want[i] == "" {
			en.NoID++
			continue
		}
		en.Asked++
		keys = append(keys, want[i])
	}
	found, err := c.Lookup(ctx, keys)
	done := map[string]bool{}
	for i, k := range want {
		twin, ok := found[k]
		if k == "" || !ok || done[k] {
			continue
		}
		done[k] = true
		if recs[i].RefsDeclared != nil {
			// the input already declares the count: summing both would
			// double it in the account of references
			twin.RefsDeclared = nil
		}
		en.RefsAdded += len(twin.References)
		en.Records = append(en.Records, twin)
	}
	return en, err
}

// Filled is what FillReferences did.
type Filled struct {
	// Bare counts the references known by an identifier alone (no title)
	// that were looked up; Filled those the source knows, whose empty
	// fields it filled.
	Bare, Filled int
	// Files names, by key, the cache entry each filled reference's
	// description came from.
	Files map[string]string
}

// FillReferences looks up the references of recs that carry an identifier
// but no title (OpenAlex referenced_works, DOI-only entries) and fills
// their empty fields (title, authors, year, venue, volume, pages, DOI and
// other identifiers) in place from the works found. Raw stays as it was.
// References to works that recs themselves describe are left to the
// resolution, which joins them to those records by identifier.
func FillReferences(ctx context.Context, c *Client, recs []parse.Record) (*Filled, error) {
	f := &Filled{Files: map[string]string{}}
	corpus := map[string]bool{}
	for i := range recs {
		for _, k := range allKeys(recs[i].IDs, recs[i].DOI) {
			corpus[k] = true
		}
	}
	bare := func(ref *parse.Reference) string {
		if ref.Title != "" {
			return ""
		}
		if k := c.Key(ref.IDs, ref.DOI); !corpus[k] {
			return k
		}
		return ""
	}
	var keys []string
	for i := range recs {
		for j := range recs[i].References {
			if k := bare(&recs[i].References[j]); k != "" {
				keys = append(keys, k)
			}
		}
	}
	found, err := c.Lookup(ctx, keys)
	for i := range recs {
		for j := range recs[i].References {
			ref := &recs[i].References[j]
			k := bare(ref)
			if k == "" {
				continue
			}
			f.Bare++
			w, ok := found[k]
			if !ok {
				continue
			}
			fill(ref, &w)
			f.Filled++
			f.Files[k] = w.File
		}
	}
	return f, err
}

// fill sets the empty fields of a reference from the work it names.
func fill(ref *parse.Reference, w *parse.Record) {
	if ref.Title == "" {
		ref.Title = w.Title
	}
	if len(ref.Authors) == 0 {
		ref.Authors = w.Authors
	}
	if ref.Year == 0 {
		ref.Year = w.Year
	}
	if ref.Venue == "" {
		ref.Venue = w.Venue
	}
	if ref.Volume == "" {
		ref.Volume = w.Volume
	}
	if ref.Pages == "" {
		ref.Pages = w.Pages
	}
	if ref.DOI == "" {
		ref.DOI = w.DOI
	}
	for k, v := range w.IDs {
		if _, ok := ref.IDs[k]; !ok && (k == "openalex" || k == "pmid" || k == "pmcid" || k == "mag") {
			ref.SetID(k, v)
		}
	}
}
