// Citegraph reads the documents of a literature (database exports and text
// scraped from article pages), builds the citation graph of the works they
// describe and cite, finds the central works and the works that share
// references, draws a historiograph and prints a report.
//
// Usage:
//
//	citegraph [flags] [PATH...]                  report on PATHs (default: seeds), diagram in -out
//	citegraph records [-in-format F] [PATH...]   one JSON object per record read (JSON Lines)
//	citegraph export [flags] [PATH...]           a network with every attribute, in the format of a tool
//	citegraph explore [flags] [PATH...]          an interactive page: out/explore.html
//	citegraph explain [flags] WORK [WORK] [PATH...]  why a work is what it is; for two, what links them
//	citegraph expand -fetch openalex [flags] [SEED...]  grow the corpus by citation chaining, then report
//	citegraph cache [-cache DIR] [import FILE...]   what the cache holds; fill it from OpenAlex/Crossref JSON
//	citegraph map [flags] [PATH...]              a science map: clusters on stdout, map-NETWORK-UNIT.svg in -out
//
// Flags may come before or after the paths, and the report flags also
// before the command ("citegraph -v export …"); "--" ends them. PATH is a file
// or a folder (read recursively, hidden entries skipped); explain reads as
// paths the arguments after its works, from the first that exists on disk
// (or after "--"). The layout of each file is recognised from its content:
// Web of Science (plain text, tab-delimited, BibTeX), Scopus (CSV, BibTeX,
// RIS), RIS, BibTeX, PubMed/MEDLINE, OpenAlex (JSON, CSV), Crossref JSON,
// Lens CSV, CSL-JSON, citation-pair CSV, pasted reference lists and
// landing-page text; and citation networks: Pajek (.net, .paj, with
// .clu/.vec/.nam beside them), GraphML, GEXF. Zip archives are read through.
//
// Report flags:
//
//	-format text|json|csv|markdown   report format (default text; explain: text|json)
//	-top N          works and pairs listed (default 20)
//	-metric NAME    ranking, and the papers a historiograph draws: lcs (citations from
//	                papers of the corpus, the default; in_degree is another name), gcs
//	                (citations the database counts), pagerank, betweenness, hub,
//	                authority, out_degree
//	-out DIR        where citations.svg and citations.dot are written (default out; "" writes none)
//	-color auto|always|never  ANSI styles in the text report (default auto: only on a terminal)
//	-width N        report width (default: the terminal's, else $COLUMNS, else 100)
//	-in-format F    read every file as format F instead of detecting it (a name of the format
//	                table: wos, wos-tab, wos-bibtex, scopus-csv, scopus-bibtex, scopus-ris, ris,
//	                bibtex, …); a file plainly of another layout is then refused, not misread
//	-betweenness-sources N  estimate betweenness from N citing works; -1 exact;
//	                default 0: exact while citing works × citations < 2e10, else sampled
//	-cpuprofile F   write a CPU profile of the run to F (for go tool pprof)
//	-memprofile F   write a memory profile of the run to F (allocations; for go tool pprof)
//	-quiet          no progress line on stderr (it is shown only on a terminal)
//	-v              print each stage's wall and CPU time and the peak memory at the end
//	-years FROM-TO  keep the corpus records published in these years (2005-2015, 2005-, -2015)
//	-slice N        one report (and diagrams in DIR/slice-FROM-TO) per slice of N years
//	-mainpath W     main path traversal weight: spc, splc or spnp (default spc)
//	-key-routes K   key arcs of the key-route main path (default 10)
//	-key-route-local  extend key arcs by local instead of global search
//	-tolerance F    also follow arcs and paths within F of the best (default 0: ties only)
//	-mainpath-arcs all|paths  mainpath-arcs.csv lists every citation, or those on a main
//	                path (default: every one up to 100,000 citations, else those on a path)
//	-burst-s S, -burst-gamma G, -burst-years N
//	                Kleinberg burst detection (default 2, 1, 2, as CiteSpace)
//
// The report begins with a corpus overview (bibliometrix's summary) and ends
// with main path analysis, reference publication year spectroscopy and
// citation bursts; -out also gets mainpath.svg, mainpath.dot,
// mainpath-arcs.csv, rpys.svg, bursts.svg and keyword-bursts.svg.
//
// Historiograph flags (the diagram: papers of the corpus in rows by year, arcs from
// citing to cited; a paper is drawn only with an arc to another drawn work, and the
// caption says how many were left out and why):
//
//	-nodes N        papers of the corpus drawn at most, the top N by -metric (default 40;
//	                -1 every paper linked to another; 0 is refused: -out "" draws nothing)
//	-cited K        also draw the K works from outside the corpus it cites most (default 0:
//	                only when fewer than 10 papers of the corpus can be drawn; -1 never)
//	-min-citations N  leave out papers cited by fewer than N papers of the corpus (HistCite's
//	                LCS threshold)
//	-reduce         leave out citations that a longer path through drawn works implies
//	-layout rows|sfdp  rows by publication year (default; "dot" is its old name), or sfdp,
//	                force-directed, without rows, for thousands of works
//
// Looking works up (no request is ever made without -fetch):
//
//	-fetch openalex|crossref  look up the works of the input that have a DOI,
//	                OpenAlex or PubMed id (metadata, reference lists) and the
//	                references known by an id alone (titles, years)
//	-offline        look works up in the cache only (no request)
//	-cache DIR      cache folder (default: citegraph under the user cache folder)
//	-mailto ADDR    contact address sent to the APIs' polite pool (default $CITEGRAPH_MAILTO)
//	-max-requests N  request budget of the run, retries included (default 1000)
//	-expand         chain before the command (what citegraph expand does)
//	-depth 1|2      chaining steps (default 1)
//	-direction refs|cited-by|both  backward, forward or both (default both;
//	                cited-by needs OpenAlex)
//	-max N          works added by chaining (default 20)
//
// SEED is a file or folder of records, or a work named by its DOI or
// OpenAlex id. Environment: CITEGRAPH_OPENALEX_URL and CITEGRAPH_CROSSREF_URL
// replace the APIs' addresses, OPENALEX_API_KEY is sent to OpenAlex.
//
// Export flags:
//
//	-format F       json (default), jsonl, gexf, graphml, dot: on stdout;
//	                csv, pajek, vosviewer: files in -out (default out)
//	-network N      citation (default), coupling, cocitation (with their maps' clusters),
//	                cooccurrence, coauthorship (maps: clusters, positions, sizes)
//	-top N          coupling and co-citation pairs kept, strongest first (default 10000; -1 all, streamed)
//	-min-weight N   least references (coupling) or citing works (co-citation) a pair shares (default 1)
//	-nodes N        works of the citation network: the top N by -metric (default all)
//
// Explore flags: -out DIR (default out), -nodes N works shown (default 2000),
// -metric NAME to choose and size them. The page also shows the maps the
// report draws.
//
// Map flags (the report's -out, -format, -width also apply; -format jsonl,
// csv, gexf, graphml, pajek, vosviewer or dot writes the map, every node laid
// out up to 20,000 nodes, without positions beyond, as export writes
// networks):
//
//	-network N      coupling (default), cocitation, cooccurrence or coauthorship
//	-unit U         works (default for coupling and co-citation), authors, sources,
//	                keywords (co-occurrence), organisations, countries (co-authorship: authors)
//	-counting C     full (default) or fractional: a transaction of k units weighs 1/(k-1) a link
//	-normalization  association (default), cosine, jaccard, inclusion, equivalence or none
//	-keywords K     all (default), author or index keywords for co-occurrence
//	-first-authors  count only first authors
//	-thesaurus F    VOSviewer thesaurus file: "label<TAB>replace by"; empty replacement drops
//	-min-count N    keep nodes with at least N citations, documents or occurrences
//	-min-citations N  keep nodes whose works are cited at least N times
//	-max-nodes N    keep the N nodes of largest total link strength (default all)
//	-min-link X     drop links counting less than X
//	-quality Q      modularity or cpm (default: cpm on association strength, else modularity)
//	-resolution R   clustering resolution (default 1)
//	-min-cluster N  merge clusters of fewer than N nodes into their best-linked neighbour
//	-seed N         seed of clustering and layout (default 1)
//	-labels L       cluster labels by llr (default) or tfidf; -terms N terms each (default 3)
//	-nodes N        nodes drawn, of largest total link strength (default 150; -1 all)
//	-layout vos|sfdp  the VOS layout (default) or Graphviz's sfdp
//
// The default run also draws the coupling, co-citation, keyword and
// co-authorship maps the inputs support into -out, and reports their clusters.
//
// A work is named on the command line by its ID ("doi:10.1111/…"), its DOI,
// another identifier ("W2741809807", "WOS:…"), or a piece of its label or title.
//
// Exit status: 0 on success, 1 when an input could not be read or nothing
// was read, 2 on a usage error. Problems inside files are reported as
// "file:line: what is wrong" and the rest is still read.
package main
