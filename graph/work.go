package graph

import "github.com/citegraph/citegraph/parse"

// Work is one distinct publication: a corpus record, a cited reference, or
// several of them found to be the same work.
type Work struct {
	// ID is unique, deterministic for the same input, and readable:
	// "doi:10.1111/1467-9566.00352", "openalex:W2741809807", or a key such as
	// "jones-2025-doctors" when no identifier is known.
	ID string
	// InCorpus is true when at least one input record is this work.
	InCorpus bool
	Title    string
	// Label is a short human name, never empty ("Jones 2025", a short title).
	Label   string
	Authors []parse.Author
	Year    int
	Venue   string
	// VenueAbbrev is the corpus record's abbreviated venue (WoS J9), which
	// pairs cited-reference sources with full titles.
	VenueAbbrev string
	Volume      string
	Pages       string
	DOI         string
	IDs         map[string]string
	// Sources are the "path:line" positions of the corpus records merged here.
	Sources []string
	// CitedBy is the largest global citation count stated by a source.
	CitedBy *int
	// RefsDeclared is the declared reference count of the corpus record.
	RefsDeclared *int
	// RefsListed is the number of distinct works this work cites.
	RefsListed int
	// Mentions lists every record or reference that became this work, and how.
	Mentions []Mention
	// Keywords, IndexKeywords, Affiliations and Abstract come from the
	// corpus records, when there are any (see parse.Record).
	Keywords      []string
	IndexKeywords []string
	Affiliations  []parse.Affiliation
	Abstract      string
	// Type is the document type the first corpus record states ("Article",
	// "Review", "journal-article"…); empty for works known only from
	// references.
	Type string
	// from holds, for each Field, the index in Mentions plus one of the
	// mention the field was taken from, 0 when it is empty (see FieldSource)
	from [numFields]int32
}

// Field names a descriptive field of a work, for FieldSource.
type Field int

// The descriptive fields of a work.
const (
	FieldTitle Field = iota
	FieldAuthors
	FieldYear
	FieldVenue
	FieldVolume
	FieldPages
	FieldDOI
	numFields
)

// Fields lists the descriptive fields in the order explain prints them.
var Fields = []Field{FieldTitle, FieldAuthors, FieldYear, FieldVenue, FieldVolume, FieldPages, FieldDOI}

func (f Field) String() string {
	return [...]string{"title", "authors", "year", "venue", "volume", "pages", "doi"}[f]
}

// FieldSource returns the mention field f of the work was taken from, and
// false when the field is empty. A field comes from the most trustworthy
// mention that has it: corpus records before references, and among
// records a structured export before a saved HTML page's tags before text
// scraped from a page or a pasted list; then the richest reference.
func (w *Work) FieldSource(f Field) (Mention, bool) {
	if k := w.from[f]; k > 0 && int(k) <= len(w.Mentions) {
		return w.Mentions[k-1], true
	}
	return Mention{}, false
}

// Mention is one appearance of a work in the input: a corpus record or one
// entry of a reference list.
type Mention struct {
	Source string `json:"source"` // "path:line"
	Raw    string `json:"raw"`    // the reference text, or the record's label
	How    string `json:"how"`    // see below
	// Joined says, for a corpus record merged into a work that an earlier
	// record or reference began, by which evidence ("doi", "id:wos",
	// "title", "fuzzy:0.95"…); empty otherwise.
	Joined string `json:"joined,omitempty"`
	// Format is the format of the record, or of the record whose list
	// holds the reference ("wos", "scopus-csv", "html", "landing"…).
	Format string `json:"-"`
}

// The values of Mention.How and Citation.Match, strongest evidence first:
//
//	record       the mention is a corpus record
//	copy         the same reference text in a copy of the citing record (one paper exported twice)
//	doi          same DOI as the work
//	id:<key>     same identifier ("id:openalex", "id:wos", "id:scopus", "id:pmid", "id:lens"…)
//	key          same first author, volume and first page (year ±1, venues compatible),
//	             a near name (typo, 8-letter cut) with the same volume, page, year and initial,
//	             or the same author, year, venue and partial volume/page
//	text         the same reference text (folded) as another mention
//	title        same first author, year and title (folded, spaces aside), or title and
//	             year for a mention without author
//	fuzzy:0.93   title score 0.93 within the first author's works of the year (±1)
//	fuzzy:prefix a title that begins with the whole other (5 words at least)
//	twin         the entry of the same first author and year (or title) in another
//	             source's reference list of the same paper (WoS and Scopus exports)
//	press        a reference "in press" joined to the one published work of its first
//	             author and venue that fits it
//	venue        same first author, initial and year (±1), compatible venue, volume and
//	             page not contradicting, each work the other's single best fit
//	new          the first mention of a work, which created it

// Citation is one edge of the graph: From cites To (indexes into Works).
type Citation struct {
	From, To int
	// Match says how the cited reference was resolved to To ("doi", "title", …).
	Match string
	// Sources are the positions of the reference entries behind the edge.
	Sources []string
}

// Resolution is the outcome of Resolve: the distinct works, sorted by ID,
// the citations between them, sorted by From then To, and an account.
type Resolution struct {
	Works     []Work
	Citations []Citation
	Stats     Stats
}

// Stats accounts for every record and reference given to Resolve.
type Stats struct {
	Records          int            `json:"records"`              // corpus records given
	CorpusWorks      int            `json:"corpus_works"`         // distinct corpus works after merging duplicates
	DuplicatesMerged int            `json:"duplicates_merged"`    // corpus records merged into another one
	References       int            `json:"references"`           // reference entries listed by the records
	RefsDeclared     int            `json:"refs_declared"`        // sum of the declared reference counts
	RecordsNoRefs    int            `json:"records_without_refs"` // records that list no references
	SelfCitations    int            `json:"self_citations"`       // references resolved to their own citing work (dropped)
	RepeatedRefs     int            `json:"repeated_refs"`        // references repeating an edge already made by the same work
	ByMethod         map[string]int `json:"by_method"`            // references resolved by each method (a Mention.How; all "fuzzy:…" as "fuzzy")
	Unresolved       int            `json:"unresolved"`           // references that matched nothing else (singleton works)
	FuzzyClusters    int            `json:"fuzzy_clusters"`       // works whose merge needed fuzzy evidence
	Ambiguous        int            `json:"ambiguous"`            // mentions that fitted several works equally well (left apart)
	Refused          int            `json:"refused"`              // merges refused because the merged work would be inconsistent
	// TextTies counts identical reference texts found in works with different
	// DOIs or identifiers: those of them without one were kept together as a
	// work of their own, apart from both.
	TextTies int `json:"text_ties,omitempty"`
	// TextRepeated counts reference texts without volume or page that one
	// reference list holds twice, so that the same text names two works: the
	// list's second entry was kept apart from the others.
	TextRepeated int `json:"text_repeated,omitempty"`
	// InPressApart counts references to a work "in press" that were not
	// joined to a published work: none or several fitted.
	InPressApart int `json:"in_press_apart,omitempty"`
	// CrowdedKeys counts keys (first author with volume and page, year or
	// title words) shared by so many groups of mentions that they were not
	// used as evidence of one work: comparing them all would cost the square
	// of their number (a scraped page of 90,000 references written alike).
	CrowdedKeys int `json:"crowded_keys,omitempty"`
}
