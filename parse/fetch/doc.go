// Package fetch looks works up in OpenAlex or Crossref, on request only
// (citegraph -fetch, -offline, expand), and keeps what it receives in a
// cache folder so that a second run asks nothing.
//
// Every work received or read from the cache goes through the same readers
// as files (parse.ReadWorks with the openalex or crossref reader): the
// records it yields are ordinary parse.Records, whose Source is the cache
// entry they were read from. Requests are batched (up to 50 identifiers a
// call), carry the polite-pool address (mailto=), are retried with backoff
// on 429 (honouring Retry-After), 5xx, time-outs and cut-off bodies, and
// stop at a request budget.
package fetch
